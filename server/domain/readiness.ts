// The readiness scan (issue 9 point 1): what would hold the store's orders, found before they arrive.

export type ReadinessCheckId = 'shipping_methods' | 'skus_missing' | 'skus_unknown' | 'inventory_untracked';

/** A fix one click away: an in-app link, an action the app performs, or a page in the BigCommerce control panel. */
export type ReadinessFix =
  | { kind: 'link'; label: string; path: string }
  | { kind: 'action'; label: string; action: 'track_inventory'; productId: number }
  | { kind: 'external'; label: string; url: string };

export interface ReadinessFinding {
  check: ReadinessCheckId;
  /** blocker: orders would be held for it · warning: worth fixing, nothing is held. */
  severity: 'blocker' | 'warning';
  /** The method, SKU or product concerned, as the merchant knows it. */
  subject: string;
  message: string;
  fix: ReadinessFix | null;
}

/** One check of a scan, as stored with the scan (readiness_scans.checks_json). */
export interface ReadinessCheck {
  check: ReadinessCheckId;
  title: string;
  /** skipped: not applicable (e.g. the warehouse cannot look SKUs up, Inventory is off), `summary` says why. */
  state: 'pending' | 'running' | 'ok' | 'problems' | 'skipped' | 'failed';
  summary: string;
  /** At most 100 kept; findingsTotal counts them all. */
  findings: ReadinessFinding[];
  findingsTotal: number;
}

/** A store's latest scan (state none: never ran). */
export interface ReadinessScan {
  state: 'none' | 'queued' | 'running' | 'done' | 'failed';
  startedAt: string | null;
  finishedAt: string | null;
  /** Counted progress over the current step, e.g. { step: 'Reading products', done: 250, total: 1200 }. */
  progress: { step: string; done: number; total: number | null };
  checks: ReadinessCheck[];
  error: string | null;
}

// The Audit log's words: actions in merchant words, and before → after as readable changed fields.
// Pure (no DOM, no React) so it can be unit-tested in node.

/** Every action the app records, in the words the merchant would use for what they did. */
const ACTION_WORDS: Record<string, string> = {
  'settings.connection': 'Changed the warehouse connection',
  'settings.backend': 'Changed the warehouse connection',
  'settings.import': 'Changed the order import status',
  'settings.flows': 'Turned flows on or off',
  // Recorded by versions before the flow-options split; such entries stay in existing audit logs.
  'settings.loop': 'Changed the shipping and tracking settings',
  'settings.shipping': 'Changed the shipping and tracking settings',
  'settings.inventory': 'Changed the inventory settings',
  'settings.cancellations': 'Changed the cancellation settings',
  'settings.notifications': 'Changed the e-mail notifications',
  'settings.api_quota_share': 'Changed the share of the API quota',
  'settings.fallback_shipping': 'Changed the fallback shipping method',
  'notifications.test': 'Sent a test e-mail',
  'rules.create': 'Added an order rule',
  'rules.update': 'Changed an order rule',
  'rules.delete': 'Deleted an order rule',
  'rules.reorder': 'Reordered the order rules',
  'rules.fallback': 'Changed the fallback shipping method',
  'mapping.sku.save': 'Saved a SKU mapping',
  'mapping.sku.create': 'Added a SKU mapping',
  'mapping.sku.update': 'Changed a SKU mapping',
  'mapping.sku.delete': 'Deleted a SKU mapping',
  'mapping.sku.import': 'Imported SKU mappings',
  'mapping.shipping.save': 'Saved a shipping method mapping',
  'mapping.carrier.save': 'Saved a carrier mapping',
  'mapping.bundle.save': 'Saved a bundle',
  'mapping.bundle.delete': 'Deleted a bundle',
  'order.retry': 'Retried an order',
  'order.retry-bulk': 'Retried orders',
  'order.release': 'Released a held order',
  'order.import-waiting': 'Imported waiting orders',
  'webhook.replay': 'Replayed a webhook',
  'webhooks.repair': 'Repaired the webhooks',
  'backfill.start': 'Started importing waiting orders',
  'backfill.pause': 'Paused importing waiting orders',
  'backfill.resume': 'Resumed importing waiting orders',
  'backfill.cancel': 'Cancelled importing waiting orders',
  'readiness.scan': 'Ran the readiness scan',
  'readiness.fix': 'Applied a readiness fix',
  'team.permission': 'Changed who may change settings',
};

const VERBS: Record<string, string> = {
  create: 'Added',
  add: 'Added',
  update: 'Changed',
  change: 'Changed',
  save: 'Saved',
  delete: 'Deleted',
  remove: 'Removed',
  import: 'Imported',
  start: 'Started',
  pause: 'Paused',
  resume: 'Resumed',
  cancel: 'Cancelled',
  retry: 'Retried',
  replay: 'Replayed',
  release: 'Released',
  repair: 'Repaired',
  test: 'Tested',
  scan: 'Scanned',
};

const words = (s: string): string =>
  s
    .replace(/[-_]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();

/** "settings.notifications" → "Changed the e-mail notifications"; unknown ones in plain words too. */
export function actionLabel(action: string): string {
  const known = ACTION_WORDS[action];
  if (known) return known;
  const parts = action.split('.').filter(Boolean);
  if (parts.length === 0) return 'Unknown action';
  const [area, ...rest] = parts;
  if (area === 'settings' && rest.length > 0) return `Changed the ${words(rest.join(' '))} settings`;
  const verb = VERBS[rest.at(-1) ?? ''];
  if (verb && rest.length > 0) return `${verb} ${words([area!, ...rest.slice(0, -1)].join(' '))}`;
  const text = words(parts.join(' '));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Field names as the forms call them; others become words ("importStatusId" → "Import status id"). */
const FIELD_WORDS: Record<string, string> = {
  canManage: 'Can change settings',
  enabled: 'On',
  recipients: 'Recipients',
  kinds: 'Problems e-mailed about',
  state: 'Status',
  result: 'Result',
  retried: 'Retried',
  skipped: 'Skipped',
  sent: 'Sent',
  reason: 'Reason',
  accountId: 'Warehouse account',
  apiKey: 'API key',
  connected: 'Connected',
  cancellationStatusIds: 'Cancellation statuses',
  statusOnBackendCancelId: 'Status when the warehouse cancels',
  inventoryLocationId: 'Inventory location',
  syncMode: 'Shipment updates',
  backendCode: 'Warehouse method',
  backendSku: 'Warehouse SKU',
  components: 'Bundle parts',
  importStatusId: 'Import status',
  statusAfterAcceptId: 'Status after acceptance',
  percent: 'Share (%)',
};

export function fieldLabel(field: string): string {
  const known = FIELD_WORDS[field];
  if (known) return known;
  const text = words(field);
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : 'Value';
}

/** One value in a sentence: "Yes", "none", "a, b", or compact JSON for nested values. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    if (value.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) {
      return value.map((v) => (typeof v === 'number' ? String(v) : valueText(v))).join(', ');
    }
  }
  return JSON.stringify(value);
}

/** Longer than this (or nested) and the row shows a summary with the full view on demand. */
export const LARGE_VALUE_CHARS = 80;

const isNested = (value: unknown): boolean => value !== null && typeof value === 'object' && !primitives(value);

function isLarge(value: unknown): boolean {
  return isNested(value) || valueText(value).length > LARGE_VALUE_CHARS;
}

export interface ChangeRow {
  field: string;
  label: string;
  /** `recorded: false` when the entry kept no value on that side (an action's outcome has no "before"). */
  before: { recorded: boolean; text: string };
  after: { recorded: boolean; text: string };
  /** Lists of plain values on both sides: what was added and removed. */
  list: string | null;
  large: boolean;
  /** An object or a list of objects on either side: only the JSON view shows it well. */
  nested: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function row(field: string, before: unknown, after: unknown, hasBefore: boolean, hasAfter: boolean): ChangeRow {
  const list = hasBefore && hasAfter ? listChange(before, after) : null;
  return {
    field,
    label: fieldLabel(field),
    before: { recorded: hasBefore, text: hasBefore ? valueText(before) : '' },
    after: { recorded: hasAfter, text: hasAfter ? valueText(after) : '' },
    list,
    // A list change is as long as what was added and removed, not the whole lists.
    large: list !== null ? list.length > LARGE_VALUE_CHARS : isLarge(before) || isLarge(after),
    nested: isNested(before) || isNested(after),
  };
}

/**
 * Before → after as rows, one per field that changed (fields with the same value on both sides are
 * left out). A side that is not an object is shown as one "Value" row.
 */
export function changeRows(before: unknown, after: unknown): ChangeRow[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && !hasAfter) return [];
  if ((isRecord(before) || !hasBefore) && (isRecord(after) || !hasAfter)) {
    const b = before ?? {};
    const a = after ?? {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys.filter((k) => !same(b[k], a[k])).map((k) => row(k, b[k], a[k], hasBefore, hasAfter));
  }
  return same(before, after) ? [] : [row('value', before, after, hasBefore, hasAfter)];
}

const primitives = (v: unknown): v is Array<string | number | boolean | null> =>
  Array.isArray(v) && v.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x));

/** Two lists as what was added and removed ("added b; removed c"), or null when that says nothing. */
function listChange(before: unknown, after: unknown): string | null {
  if (!primitives(before) || !primitives(after) || before.length === 0 || after.length === 0) return null;
  const b = before.map(valueText);
  const a = after.map(valueText);
  const added = a.filter((x) => !b.includes(x));
  const removed = b.filter((x) => !a.includes(x));
  const parts = [added.length > 0 ? `added ${added.join(', ')}` : null, removed.length > 0 ? `removed ${removed.join(', ')}` : null].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : 'reordered';
}

/**
 * A change row as one line: "On: No → Yes", "Recipients: added boss@example.com", "Result: queued"
 * (no before), "Sent: was Yes" (no after), "Rule: changed" (a large value: see the full view).
 */
export function changeLine(r: ChangeRow): string {
  if (r.large) return `${r.label}: changed`;
  if (r.before.recorded && r.after.recorded) return `${r.label}: ${r.list ?? `${r.before.text} → ${r.after.text}`}`;
  if (r.after.recorded) return `${r.label}: ${r.after.text}`;
  return `${r.label}: was ${r.before.text}`;
}

/** The same in full, for the entry's own view: long values whole; nested ones are in its JSON. */
export function fullChangeLine(r: ChangeRow): string {
  return r.nested ? `${r.label}: changed (see before and after below)` : changeLine({ ...r, large: false });
}

/** Who did it: their e-mail, or the app itself. */
export function actorText(actor: { email: string } | null): string {
  return actor ? actor.email : 'Fulfillment Bridge (automatic)';
}

export interface Choice {
  value: string;
  content: string;
}

/** The action filter's options in merchant words, A–Z; a chosen action from the URL stays selectable. */
export function actionChoices(actions: readonly string[], chosen: string): Choice[] {
  const all = chosen && !actions.includes(chosen) ? [chosen, ...actions] : [...actions];
  // Two names can share words (settings.backend / settings.connection): one option per label would hide one.
  return all.map((a) => ({ value: a, content: actionLabel(a) })).sort((x, y) => x.content.localeCompare(y.content) || x.value.localeCompare(y.value));
}

/** The person filter's options (their e-mail); a chosen id from the URL stays selectable. */
export function personChoices(people: ReadonlyArray<{ userId: number; email: string }>, chosen: string): Choice[] {
  const options = people.map((p) => ({ value: String(p.userId), content: p.email }));
  return chosen && !options.some((o) => o.value === chosen) ? [{ value: chosen, content: `User #${chosen}` }, ...options] : options;
}

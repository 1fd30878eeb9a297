import type { Knex } from 'knex';

/** Who did it: a signed-in member, or null for the app acting on its own. */
export interface AuditActor {
  userId: number;
  email: string;
}

/** One change a person made (issue 9 point 9): who, when, what, and before → after. */
export interface AuditRecord {
  storeHash: string;
  actor: AuditActor | null;
  /**
   * Dotted name of what was done, `<area>.<verb>`: settings.connection, settings.import,
   * settings.flows, rules.create, rules.update, rules.delete, mapping.sku.save, mapping.sku.import,
   * mapping.shipping.save, order.retry, order.release, webhook.replay, webhooks.repair,
   * backfill.start, backfill.pause, backfill.resume, backfill.cancel, team.permission, …
   */
  action: string;
  /** What it was done to, in merchant words ('Order #123', 'Rule "International"'); ≤ 255 characters. */
  subject?: string | null;
  /** The values before and after (only the fields that changed, when that is easy to say). Never secrets. */
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** Appends audit entries; listing and filtering live with the audit page's routes. */
export class AuditRepo {
  constructor(private readonly db: Knex) {}

  async record(r: AuditRecord, now: number, trx: Knex = this.db): Promise<void> {
    await trx('audit_log').insert({
      store_hash: r.storeHash,
      at: now,
      user_id: r.actor?.userId ?? null,
      user_email: r.actor?.email ?? null,
      action: r.action.slice(0, 64),
      subject: r.subject == null ? null : r.subject.slice(0, 255),
      before_json: json(r.before),
      after_json: json(r.after),
    });
  }
}

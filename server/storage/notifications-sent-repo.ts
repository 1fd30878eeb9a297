import type { Knex } from 'knex';

export const NOTIFY_EVERY_MS = 60 * 60_000;
/** A failed send may be tried again sooner than the hourly limit (the SMTP server may be back). */
export const RETRY_FAILED_AFTER_MS = 10 * 60_000;

export interface NotificationFailure {
  problemKey: string;
  at: number;
  error: string;
}

/**
 * notifications_sent: one row per store and problem key, holding the last attempt (sent_at) and
 * its error. The row is the throttle: at most one mail per problem and hour, across instances.
 */
export class NotificationsSentRepo {
  constructor(private readonly db: Knex) {}

  /**
   * Claims the right to mail about `problemKey` now, in one statement: inserted when new, or
   * moved to `now` when the last attempt is an hour old (10 minutes when it failed). Two runs
   * racing for the same key cannot both win: the database serialises the upsert on the primary
   * key, and the loser's WHERE sees the winner's fresh sent_at.
   */
  async claim(storeHash: string, problemKey: string, now: number): Promise<boolean> {
    const rows = (await this.db('notifications_sent')
      .insert({ store_hash: storeHash, problem_key: problemKey, sent_at: now, error: null })
      .onConflict(['store_hash', 'problem_key'])
      .merge({ sent_at: now, error: null })
      .where('notifications_sent.sent_at', '<=', now - NOTIFY_EVERY_MS)
      .orWhere((w) => {
        w.whereNotNull('notifications_sent.error').andWhere('notifications_sent.sent_at', '<=', now - RETRY_FAILED_AFTER_MS);
      })
      .returning('problem_key')) as unknown[];
    return rows.length > 0;
  }

  /** The claimed send failed: kept on the row, so Settings can say so. */
  async recordFailure(storeHash: string, problemKey: string, claimedAt: number, error: string): Promise<void> {
    await this.db('notifications_sent')
      .where({ store_hash: storeHash, problem_key: problemKey, sent_at: claimedAt })
      .update({ error: error.slice(0, 1000) });
  }

  /** The last attempt's failure, or null when the last attempt went out (or there was none). */
  async lastFailure(storeHash: string): Promise<NotificationFailure | null> {
    const r = await this.db('notifications_sent').where({ store_hash: storeHash }).orderBy('sent_at', 'desc').first('problem_key', 'sent_at', 'error');
    return r?.error ? { problemKey: String(r.problem_key), at: Number(r.sent_at), error: String(r.error) } : null;
  }
}

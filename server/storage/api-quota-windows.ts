// The app's BigCommerce requests per store and rate-limit window, counted by every instance
// (issue 10 point 4): the merchant's share of the store's quota (store_settings.api_quota_share)
// holds however many instances call BigCommerce. One statement per request takes a unit of the
// share or refuses it, so two instances can never both take the last one.
//
// A window is known by its end. A row whose end has passed belongs to a window that is over: the
// next request starts a new one. Instances estimate the end as now + X-Rate-Limit-Time-Reset-Ms
// (never earlier than the real end: latency only delays the answer), so the earliest estimate is
// kept (an estimate half a window away belongs to another window and is ignored); a window that
// ended is followed by one ending now + the window's length unless an instance already knows better. Instance clocks are assumed NTP-synchronised (milliseconds apart against 30 s).
import type { Knex } from 'knex';
import type { QuotaLedger, QuotaTake } from '../bigcommerce/rate-limiter.js';
import { rawRows } from '../jobs/rows.js';

const TAKE_SQL = `
  INSERT INTO api_quota_windows (store_hash, window_end, used) VALUES (:store, :offered, 1)
  ON CONFLICT (store_hash) DO UPDATE SET
    used = CASE WHEN api_quota_windows.window_end <= :now THEN 1 ELSE api_quota_windows.used + 1 END,
    window_end = CASE
      WHEN api_quota_windows.window_end <= :now THEN
        CASE WHEN excluded.window_end > api_quota_windows.window_end + :half THEN excluded.window_end ELSE :provisional END
      WHEN :exact > 0 AND excluded.window_end < api_quota_windows.window_end AND excluded.window_end > api_quota_windows.window_end - :half
        THEN excluded.window_end
      ELSE api_quota_windows.window_end END
  WHERE api_quota_windows.window_end <= :now OR api_quota_windows.used < :budget
  RETURNING used, window_end`;

export class ApiQuotaWindows implements QuotaLedger {
  constructor(private readonly db: Knex) {}

  async take(t: QuotaTake): Promise<{ granted: boolean; windowEnd: number }> {
    const params = {
      store: t.storeHash,
      offered: t.windowEnd,
      now: t.now,
      // A window that ended is followed by a new one; an end offered from the old one (an instance
      // that has not seen the new window yet) is not the new window's end.
      provisional: t.now + t.windowMs,
      half: Math.floor(t.windowMs / 2),
      exact: t.exactEnd ? 1 : 0,
      budget: t.budget,
    };
    const [row] = rawRows<{ window_end: number | string }>(await this.db.raw(TAKE_SQL, params));
    if (row) return { granted: true, windowEnd: Number(row.window_end) };
    const spent = await this.db<{ store_hash: string; window_end: number | string }>('api_quota_windows').where({ store_hash: t.storeHash }).first('window_end');
    return { granted: false, windowEnd: spent ? Number(spent.window_end) : t.windowEnd };
  }
}

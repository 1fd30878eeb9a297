import type { Knex } from 'knex';
import type { WebhookEventDetail, WebhookEventStatus, WebhookEventSummary } from '../api/contract.js';
import { rawRows } from '../jobs/rows.js';
import { cappedPage } from './capped-list.js';

export type EventSource = 'bigcommerce' | 'fulfillment';

export interface NewEvent {
  storeHash: string;
  source: EventSource;
  eventId: string;
  topic: string;
  resourceId: string | null;
  payload: string;
}

export interface EventFilter {
  source?: EventSource;
  topic?: string;
  status?: WebhookEventStatus;
  from?: number;
  to?: number;
}

/**
 * The payload stored on a `duplicate` row. A redelivery carries the same event (BigCommerce's
 * `hash` is the SHA-1 of the payload data; the backend's id names one event), so its row keeps
 * only the delivery's time and a pointer to the original (`duplicate_of`), not another copy of
 * the body: a store that gets the same webhook fifty times stores its payload once. The history
 * shows the original's payload for it.
 */
export const DUPLICATE_PAYLOAD = '';

type Raw = Record<string, unknown>;
const toSummary = (r: Raw): WebhookEventSummary => ({
  id: Number(r.id),
  eventId: String(r.event_id),
  topic: String(r.topic),
  status: r.status as WebhookEventStatus,
  resourceId: r.resource_id == null ? null : String(r.resource_id),
  receivedAt: new Date(Number(r.received_at)).toISOString(),
});

/**
 * Every captured webhook, BigCommerce's and the backend's. The first delivery of an event owns
 * the unique dedupe key; redeliveries are kept too (status `duplicate`) so the history shows them,
 * pointing to the original instead of repeating its payload.
 */
export class WebhookEventsRepo {
  constructor(private readonly db: Knex) {}

  async record(e: NewEvent, now: number, trx: Knex): Promise<{ id: number; duplicateOf: number | null }> {
    const row = {
      store_hash: e.storeHash,
      source: e.source,
      event_id: e.eventId,
      topic: e.topic,
      resource_id: e.resourceId,
      payload: e.payload,
      received_at: now,
    };
    const inserted = await trx('webhook_events')
      .insert({ ...row, dedupe_key: e.eventId, status: 'received' })
      .onConflict(['store_hash', 'source', 'dedupe_key'])
      .ignore()
      .returning('id');
    const first = inserted[0] as { id: number } | number | undefined;
    if (first !== undefined) return { id: Number(typeof first === 'object' ? first.id : first), duplicateOf: null };
    const original = await trx('webhook_events').where({ store_hash: e.storeHash, source: e.source, dedupe_key: e.eventId }).first('id');
    const [dup] = await trx('webhook_events')
      .insert({ ...row, payload: DUPLICATE_PAYLOAD, dedupe_key: null, status: 'duplicate', duplicate_of: original?.id ?? null, processed_at: now })
      .returning('id');
    return { id: Number(typeof dup === 'object' ? (dup as { id: number }).id : dup), duplicateOf: Number(original?.id) };
  }

  /** `record` for many events in a few multi-row statements (group commit). Same semantics. */
  async recordMany(events: NewEvent[], now: number, trx: Knex, statuses: Array<'received' | 'ignored'>): Promise<Array<{ id: number; duplicateOf: number | null }>> {
    if (events.length === 0) return [];
    const base = (e: NewEvent) => ({ store_hash: e.storeHash, source: e.source, event_id: e.eventId, topic: e.topic, resource_id: e.resourceId, payload: e.payload, received_at: now });
    const firsts = (await trx('webhook_events')
      .insert(events.map((e, i) => ({ ...base(e), dedupe_key: e.eventId, status: statuses[i] ?? 'received', processed_at: statuses[i] === 'ignored' ? now : null })))
      .onConflict(['store_hash', 'source', 'dedupe_key'])
      .ignore()
      .returning(['id', 'store_hash', 'source', 'dedupe_key'])) as Array<{ id: number; store_hash: string; source: string; dedupe_key: string }>;
    const keyOf = (storeHash: string, source: string, eventId: string) => `${storeHash}\u0000${source}\u0000${eventId}`;
    const firstIds = new Map(firsts.map((r) => [keyOf(r.store_hash, r.source, r.dedupe_key), Number(r.id)]));
    const out: Array<{ id: number; duplicateOf: number | null }> = new Array(events.length);
    const dups: number[] = [];
    const taken = new Set<string>();
    events.forEach((e, i) => {
      const k = keyOf(e.storeHash, e.source, e.eventId);
      const id = firstIds.get(k);
      if (id !== undefined && !taken.has(k)) {
        taken.add(k);
        out[i] = { id, duplicateOf: null };
      } else dups.push(i);
    });
    for (const i of dups) {
      const e = events[i]!;
      const original = firstIds.get(keyOf(e.storeHash, e.source, e.eventId)) ??
        Number((await trx('webhook_events').where({ store_hash: e.storeHash, source: e.source, dedupe_key: e.eventId }).first('id'))?.id);
      const [dup] = await trx('webhook_events')
        .insert({ ...base(e), payload: DUPLICATE_PAYLOAD, dedupe_key: null, status: 'duplicate', duplicate_of: original || null, processed_at: now })
        .returning('id');
      out[i] = { id: Number(typeof dup === 'object' ? (dup as { id: number }).id : dup), duplicateOf: original || null };
    }
    return out;
  }

  async setStatus(id: number, status: WebhookEventStatus, error: string | null, now: number, trx: Knex = this.db): Promise<void> {
    await trx('webhook_events').where({ id }).update({ status, error, processed_at: now });
  }

  /** Marks the still-open events about one resource, e.g. every event of an order a job just handled. */
  async settleForResource(
    storeHash: string,
    source: EventSource,
    resourceId: string,
    status: WebhookEventStatus,
    error: string | null,
    upTo: number,
    now: number,
  ): Promise<number> {
    return this.db('webhook_events')
      .where({ store_hash: storeHash, source, resource_id: resourceId, status: 'received' })
      .andWhere('received_at', '<=', upTo)
      .update({ status, error, processed_at: now });
  }

  /**
   * Puts events that were ignored for `reason` (a flow that was off) back to `received` and
   * returns their ids, oldest first, for the caller to queue again in the same transaction.
   */
  async reopenIgnored(storeHash: string, source: EventSource, reason: string, trx: Knex = this.db): Promise<number[]> {
    const rows = await trx('webhook_events').where({ store_hash: storeHash, source, status: 'ignored', error: reason }).orderBy('id').select('id');
    const ids = rows.map((r) => Number(r.id));
    for (let i = 0; i < ids.length; i += 500) {
      await trx('webhook_events').whereIn('id', ids.slice(i, i + 500)).update({ status: 'received', error: null, processed_at: null });
    }
    return ids;
  }

  /**
   * New statuses named by the still-unsettled statusUpdated events of an order (undefined when a
   * payload does not say), so a sent order is re-read only when it may have been cancelled.
   */
  async pendingNewStatuses(storeHash: string, orderId: number): Promise<Array<number | undefined>> {
    const rows = await this.db('webhook_events')
      .where({ store_hash: storeHash, source: 'bigcommerce', resource_id: String(orderId), status: 'received', topic: 'store/order/statusUpdated' })
      .select('payload');
    return rows.map((r) => {
      try {
        return (JSON.parse(String(r.payload)) as { data?: { status?: { new_status_id?: number } } }).data?.status?.new_status_id;
      } catch {
        return undefined;
      }
    });
  }

  async list(storeHash: string, f: EventFilter, page: number, limit: number): Promise<{ items: WebhookEventSummary[]; total: number; totalCapped: boolean }> {
    const q = this.db('webhook_events').where({ store_hash: storeHash });
    if (f.source) q.andWhere({ source: f.source });
    if (f.topic) q.andWhere({ topic: f.topic });
    if (f.status) q.andWhere({ status: f.status });
    if (f.from !== undefined) q.andWhere('received_at', '>=', f.from);
    if (f.to !== undefined) q.andWhere('received_at', '<=', f.to);
    // Indexes (store_hash[, status|topic], received_at) serve each filter in this order (migration 006).
    const newestFirst = (x: Knex.QueryBuilder) => x.orderBy([{ column: 'received_at', order: 'desc' }, { column: 'id', order: 'desc' }]);
    const { rows, total, totalCapped } = await cappedPage<Raw>(this.db, q, newestFirst, page, limit);
    return { items: rows.map(toSummary), total, totalCapped };
  }

  async get(storeHash: string, id: number): Promise<WebhookEventDetail | undefined> {
    const r = await this.db('webhook_events').where({ store_hash: storeHash, id }).first();
    if (!r) return undefined;
    let text = r.payload;
    if (r.status === 'duplicate' && text === DUPLICATE_PAYLOAD && r.duplicate_of != null) {
      const original = await this.db('webhook_events').where({ store_hash: storeHash, id: r.duplicate_of }).first('payload');
      text = original?.payload ?? text;
    }
    let payload: unknown = text;
    try {
      payload = JSON.parse(String(text));
    } catch {
      // Kept as text: the history shows exactly what arrived.
    }
    return { ...toSummary(r), payload, error: r.error == null ? null : String(r.error) };
  }

  async topics(storeHash: string): Promise<string[]> {
    // A skip scan over the (store_hash, topic, received_at) index: one seek per distinct topic,
    // where DISTINCT would read every one of the store's events.
    // (Valid on SQLite and PostgreSQL alike; the two drivers shape a raw result differently.)
    const rows = rawRows<{ topic: string }>(
      await this.db.raw(
        `WITH RECURSIVE t(topic) AS (
           SELECT min(topic) FROM webhook_events WHERE store_hash = ?
           UNION ALL
           SELECT (SELECT min(topic) FROM webhook_events WHERE store_hash = ? AND topic > t.topic) FROM t WHERE t.topic IS NOT NULL
         )
         SELECT topic FROM t WHERE topic IS NOT NULL`,
        [storeHash, storeHash],
      ),
    );
    return rows.map((r) => String(r.topic));
  }
}

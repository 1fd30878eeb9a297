import type { Knex } from 'knex';
import type { WebhookEventDetail, WebhookEventStatus, WebhookEventSummary, WebhookSource } from '../domain/webhook-events.js';
import { rawRows } from '../jobs/rows.js';
import { cappedPage } from './capped-list.js';
import { latestStatusChange, statusChangeOf } from './status-changes.js';

export type EventSource = WebhookSource;

const HEARD_STATUSES: WebhookEventStatus[] = ['received', 'processed', 'ignored', 'failed'];

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
  /** Events about this BigCommerce order, from either source. */
  orderId?: number;
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

/** BigCommerce names the order in data.id on every store/order/* topic (not on store/product/...). */
const ORDER_TOPIC_PREFIX = 'store/order/';

/**
 * The BigCommerce order an event is about. A warehouse event's resource_id is the order its
 * external_ref names (null for stock levels); a BigCommerce event's is data.id, an order's id only
 * on order topics.
 */
export function orderIdOf(source: EventSource, topic: string, resourceId: string | null): number | null {
  if (resourceId === null || (source === 'bigcommerce' && !topic.startsWith(ORDER_TOPIC_PREFIX))) return null;
  const id = Number(resourceId);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * Which source a topic comes from: BigCommerce's scopes all start with "store/", the warehouse's
 * event types ("shipment.created") do not. A topic filter with the other source matches nothing,
 * and is answered without walking every event of that topic to find out.
 */
export const sourceOfTopic = (topic: string): EventSource => (topic.startsWith('store/') ? 'bigcommerce' : 'fulfillment');

type Raw = Record<string, unknown>;
const toSummary = (r: Raw): WebhookEventSummary => ({
  id: Number(r.id),
  source: r.source as EventSource,
  orderId: orderIdOf(r.source as EventSource, String(r.topic), r.resource_id == null ? null : String(r.resource_id)),
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
/** The columns `record` and `recordMany` write for every event, first delivery or duplicate. */
const eventRow = (e: NewEvent, now: number) => ({
  store_hash: e.storeHash,
  source: e.source,
  event_id: e.eventId,
  topic: e.topic,
  resource_id: e.resourceId,
  payload: e.payload,
  received_at: now,
});

export class WebhookEventsRepo {
  constructor(private readonly db: Knex) {}

  async record(e: NewEvent, now: number, trx: Knex): Promise<{ id: number; duplicateOf: number | null }> {
    const row = eventRow(e, now);
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
    const base = (e: NewEvent) => eventRow(e, now);
    const firsts: Array<{ id: number; store_hash: string; source: string; dedupe_key: string }> = await trx('webhook_events')
      .insert(events.map((e, i) => ({ ...base(e), dedupe_key: e.eventId, status: statuses[i] ?? 'received', processed_at: statuses[i] === 'ignored' ? now : null })))
      .onConflict(['store_hash', 'source', 'dedupe_key'])
      .ignore()
      .returning(['id', 'store_hash', 'source', 'dedupe_key']);
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
      const original =
        firstIds.get(keyOf(e.storeHash, e.source, e.eventId)) ??
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
      await trx('webhook_events')
        .whereIn('id', ids.slice(i, i + 500))
        .update({ status: 'received', error: null, processed_at: null });
    }
    return ids;
  }

  /**
   * New statuses named by the still-unsettled statusUpdated events of an order (undefined when a
   * payload does not say), so a sent order is re-read only when it may have been cancelled.
   */
  /** The new status ids the order's statusUpdated events named since `since` (settled or not), oldest first. */
  async statusesHeardSince(storeHash: string, orderId: number, since: number): Promise<number[]> {
    const rows = await this.db('webhook_events')
      .where({ store_hash: storeHash, source: 'bigcommerce', resource_id: String(orderId), topic: 'store/order/statusUpdated' })
      .andWhere('received_at', '>=', since)
      .orderBy([{ column: 'received_at' }, { column: 'id' }])
      .select('payload');
    return rows.map((r) => newStatusOf(r.payload)).filter((id): id is number => typeof id === 'number');
  }

  /**
   * The status the order's statusUpdated events say it has now (status-changes.ts), settled or
   * not, among those received at or after `since` (when the status was last read or heard).
   * Settled ones count: the group commit stamps an event when it arrives and stores it a moment
   * later, so a job that started in between settles it without having seen it.
   */
  async newestStatusHeard(storeHash: string, orderId: number, since: number | null): Promise<{ statusId: number; receivedAt: number } | undefined> {
    // Statuses spelled out (a duplicate delivery adds nothing) and the topic checked here: the
    // order's index is then sought on all its columns, where a sort by received_at or a topic
    // condition made the planner walk the store's events. An order has a handful of events.
    const q = this.db('webhook_events')
      .where({ store_hash: storeHash, source: 'bigcommerce', resource_id: String(orderId) })
      .whereIn('status', HEARD_STATUSES);
    if (since !== null) q.andWhere('received_at', '>=', since);
    const rows = (await q.select('id', 'topic', 'payload', 'received_at')).filter((r) => r.topic === 'store/order/statusUpdated');
    const changes = rows.map((r) => statusChangeOf(r.payload, Number(r.received_at), Number(r.id))).filter((c) => c !== undefined);
    const latest = latestStatusChange(changes);
    return latest && { statusId: latest.next, receivedAt: latest.receivedAt };
  }

  async pendingNewStatuses(storeHash: string, orderId: number, receivedSince: number | null = null): Promise<Array<number | undefined>> {
    const q = this.db('webhook_events').where({
      store_hash: storeHash,
      source: 'bigcommerce',
      resource_id: String(orderId),
      status: 'received',
      topic: 'store/order/statusUpdated',
    });
    // An event received before the status was last read is older than that read (a replayed one, say).
    if (receivedSince !== null) q.andWhere('received_at', '>=', receivedSince);
    const rows = await q
      .orderBy([{ column: 'received_at' }, { column: 'id' }]) // oldest first: the last is the newest (the index's order)
      .select('payload');
    return rows.map((r) => newStatusOf(r.payload));
  }

  async list(storeHash: string, f: EventFilter, page: number, limit: number): Promise<{ items: WebhookEventSummary[]; total: number; totalCapped: boolean }> {
    if (f.source && f.topic && sourceOfTopic(f.topic) !== f.source) return { items: [], total: 0, totalCapped: false };
    const q = this.db('webhook_events').where({ store_hash: storeHash });
    if (f.orderId !== undefined) {
      // The source spelled out (both when none is chosen): the order's events are then a seek of
      // (store_hash, source, resource_id, ...) that no other index can beat (migration 017).
      q.whereIn('source', f.source ? [f.source] : f.topic ? [sourceOfTopic(f.topic)] : ['bigcommerce', 'fulfillment'])
        .andWhere({ resource_id: String(f.orderId) })
        .andWhere((w) => {
          w.where({ source: 'fulfillment' }).orWhere('topic', 'like', `${ORDER_TOPIC_PREFIX}%`);
        });
    } else if (f.source && !f.topic) q.andWhere({ source: f.source }); // a topic names its source
    if (f.topic) q.andWhere({ topic: f.topic });
    if (f.status) q.andWhere({ status: f.status });
    // For one order, time is an expression: no index then offers the order or the date range, so
    // SQLite finds the order's few events by the seek above and sorts them, instead of walking the
    // whole history (newest first, or a day of it) to meet them.
    const receivedAt = f.orderId !== undefined ? 'received_at + 0' : 'received_at';
    if (f.from !== undefined) q.andWhereRaw(`${receivedAt} >= ?`, [f.from]);
    if (f.to !== undefined) q.andWhereRaw(`${receivedAt} <= ?`, [f.to]);
    // Indexes (store_hash[, status|topic], received_at) serve each filter in this order (migration 006),
    // (store_hash, source[, status], received_at) the source filter (migration 017). An order's few
    // events are found by (store_hash, source, resource_id, ...) and sorted (migration 017).
    const newestFirst = (x: Knex.QueryBuilder) => x.orderByRaw(`${receivedAt} desc, id desc`);
    const { rows, total, totalCapped } = await cappedPage<Raw>(this.db, q, newestFirst, page, limit);
    return { items: rows.map(toSummary), total, totalCapped };
  }

  /** One stored event without its payload, and the original it repeats if it is a redelivery. */
  async summary(storeHash: string, id: number): Promise<(WebhookEventSummary & { duplicateOf: number | null }) | undefined> {
    const r = await this.db('webhook_events')
      .where({ store_hash: storeHash, id })
      .first('id', 'source', 'event_id', 'topic', 'status', 'resource_id', 'received_at', 'duplicate_of');
    return r ? { ...toSummary(r), duplicateOf: r.duplicate_of == null ? null : Number(r.duplicate_of) } : undefined;
  }

  /** The newest event of a topic received after `after` (a later stock report supersedes it). */
  async newerOfTopic(storeHash: string, source: EventSource, topic: string, after: { id: number; receivedAt: number }): Promise<number | null> {
    // The time range keeps this a short walk of the (store_hash, topic, received_at) index.
    const r = await this.db('webhook_events')
      .where({ store_hash: storeHash, topic, source })
      .andWhere('received_at', '>=', after.receivedAt)
      .andWhere('id', '>', after.id)
      .whereNot({ status: 'duplicate' })
      .orderBy([
        { column: 'received_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first('id');
    return r ? Number(r.id) : null;
  }

  /** Back to `received` (not a redelivery), so the job queued with it settles it again. */
  async reopen(storeHash: string, id: number, trx: Knex = this.db): Promise<boolean> {
    const n = await trx('webhook_events').where({ store_hash: storeHash, id }).whereNot({ status: 'duplicate' }).update({ status: 'received', error: null, processed_at: null });
    return n > 0;
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

/** data.status.new_status_id of a statusUpdated payload, if readable. */
function newStatusOf(payload: unknown): number | undefined {
  try {
    return (JSON.parse(String(payload)) as { data?: { status?: { new_status_id?: number } } }).data?.status?.new_status_id;
  } catch {
    return undefined;
  }
}

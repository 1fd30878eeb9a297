// Rows for the health tests, written straight into the tables the Overview reads.
import type { Knex } from 'knex';
import { STORE } from '../helpers/bare-app.js';
import type { SettingsRepo } from '../../server/storage/settings-repo.js';

let nextOrder = 1000;
let nextShipment = 1;

export function seedOrder(db: Knex, o: { state: string; at: number; sentAt?: number | null; alert?: string | null; cancelOutcome?: string; cancelAt?: number; orderId?: number }) {
  const orderId = o.orderId ?? nextOrder++;
  return db('orders').insert({
    store_hash: STORE,
    order_id: orderId,
    state: o.state,
    customer: 'Ada Lovelace',
    sent_at: o.sentAt ?? null,
    alert: o.alert ?? null,
    cancel_source: o.cancelOutcome ? 'bigcommerce' : null,
    cancel_outcome: o.cancelOutcome ?? null,
    cancel_at: o.cancelAt ?? null,
    created_at: o.at,
    updated_at: o.at,
  });
}

export function seedShipment(db: Knex, s: { state: 'created' | 'failed' | 'pending'; at: number }) {
  return db('shipments').insert({
    store_hash: STORE,
    backend_shipment_id: `shp_${nextShipment++}`,
    order_id: 1,
    items: '[]',
    state: s.state,
    created_at: s.at,
    updated_at: s.at,
  });
}

export function seedLevel(db: Knex, l: { sku: string; status: 'synced' | 'skipped' | 'pending'; syncedAt?: number | null; at: number }) {
  return db('inventory_items').insert({
    store_hash: STORE,
    sku: l.sku,
    location_id: 1,
    backend_sku: l.sku,
    available: 5,
    status: l.status,
    last_synced_at: l.syncedAt ?? null,
    updated_at: l.at,
  });
}

export function seedJob(db: Knex, j: { state: 'pending' | 'running' | 'done' | 'dead'; kind?: string; at: number; finishedAt?: number | null }) {
  return db('jobs').insert({
    store_hash: STORE,
    kind: j.kind ?? 'order.sync',
    payload: 'null',
    state: j.state,
    attempts: 0,
    max_attempts: 20,
    run_at: j.at,
    created_at: j.at,
    updated_at: j.at,
    finished_at: j.finishedAt ?? null,
  });
}

let nextEvent = 1;
export function seedEvent(db: Knex, e: { topic: string; at: number }) {
  const id = `evt_${nextEvent++}`;
  return db('webhook_events').insert({
    store_hash: STORE,
    source: 'bigcommerce',
    event_id: id,
    dedupe_key: id,
    topic: e.topic,
    payload: '{}',
    status: 'processed',
    received_at: e.at,
  });
}

export function seedSubscription(db: Knex, s: { scope: string; hookId: number | null; active: boolean; at: number; repairedAt?: number | null }) {
  return db('webhook_subscriptions').insert({ store_hash: STORE, scope: s.scope, bc_hook_id: s.hookId, is_active: s.active, checked_at: s.at, repaired_at: s.repairedAt ?? null });
}

/** A connected warehouse account, saved (tested) at `at`. */
export function connectWarehouse(settings: SettingsRepo, at: number) {
  return settings.saveBackend(STORE, { accountId: 'wh-demo', apiKey: 'whk_demo', accountName: 'Demo warehouse', connected: true, error: null }, at);
}

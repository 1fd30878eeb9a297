// Storage battery (issue 10 point 2): order rules, the orders they hold, and shipments, on SQLite
// and on PostgreSQL.
import { describe, expect, it } from 'vitest';
import type { RuleCondition } from '../../server/api/contract-rules.js';
import { RuleOrdersRepo } from '../../server/storage/rule-orders-repo.js';
import { MANUAL_VERIFICATION, RulesRepo } from '../../server/storage/rules-repo.js';
import { ShipmentsRepo, type NewShipment } from '../../server/storage/shipments-repo.js';
import { seedStores, useBatteryDatabase } from './battery.js';

const db = useBatteryDatabase();
const country: RuleCondition[] = [{ field: 'country', operator: 'is_any_of', values: ['DE'] }];

describe('RulesRepo', () => {
  it('keeps the built-in rule first, creates with RETURNING ids, updates with a stale check, reorders and deletes', async () => {
    await seedStores(db(), 's1');
    const rules = new RulesRepo(db());
    const a = await rules.create('s1', { name: 'Germany', action: 'hold', enabled: true, conditions: country }, 10);
    const b = await rules.create('s1', { name: 'Skip me', action: 'skip', enabled: false, conditions: [] }, 11);
    expect(typeof a.id).toBe('number');
    expect(a).toMatchObject({ name: 'Germany', action: 'hold', enabled: true, conditions: country, builtIn: null, updatedAtMs: 10 });
    expect(b).toMatchObject({ enabled: false, action: 'skip' });
    const listed = await rules.list('s1', 12);
    expect(listed.map((r) => [r.name, r.builtIn])).toEqual([
      ['Manual Verification Required', MANUAL_VERIFICATION],
      ['Germany', null],
      ['Skip me', null],
    ]);
    // Listing again does not add a second built-in rule (ON CONFLICT … DO NOTHING on the unique pair).
    expect(await rules.list('s1', 13)).toHaveLength(3);
    expect((await rules.named('s1', '  germany '))?.id).toBe(a.id);
    expect(await rules.named('s1', 'Germany', a.id)).toBeUndefined();

    expect(await rules.update('s1', a.id, { name: 'DE', action: 'skip', enabled: false, conditions: [] }, 9, 20)).toBe('stale');
    const updated = await rules.update('s1', a.id, { name: 'DE', action: 'skip', enabled: false, conditions: [] }, 10, 20);
    expect(updated).toMatchObject({ name: 'DE', enabled: false, updatedAtMs: 20 });
    expect(await rules.update('s1', 999, { name: 'x', action: 'hold', enabled: true, conditions: [] }, 0, 20)).toBe('missing');

    const builtIn = listed[0]!;
    await rules.reorder('s1', [b.id, a.id, builtIn.id], 30);
    expect((await rules.list('s1', 31)).map((r) => r.id)).toEqual([b.id, a.id, builtIn.id]);
    expect(await rules.delete('s1', builtIn.id)).toBe(false);
    expect(await rules.delete('s1', b.id)).toBe(true);
    expect((await rules.forEvaluation('s1', 40, false)).map((r) => r.name)).toEqual(['DE', 'Manual Verification Required']);
  });

  it('reads without writing: the built-in rule is there virtually; a damaged conditions cell matches nothing', async () => {
    await seedStores(db(), 's1');
    const rules = new RulesRepo(db());
    expect((await rules.forEvaluation('s1', 1, false)).map((r) => [r.id, r.name])).toEqual([[null, 'Manual Verification Required']]);
    expect(await db()('order_rules').select()).toEqual([]);
    const r = await rules.create('s1', { name: 'x', action: 'hold', enabled: true, conditions: country }, 1);
    await db()('order_rules').where({ id: r.id }).update({ conditions_json: '{oops' });
    expect((await rules.get('s1', r.id))?.conditions).toEqual([]);
  });

  it('counts held and skipped orders per rule (GROUP BY), and upserts the fallback code', async () => {
    await seedStores(db(), 's1');
    const rules = new RulesRepo(db());
    const order = (order_id: number, state: string, rule_id: number | null) => ({ store_hash: 's1', order_id, state, rule_id, customer: '', created_at: 1, updated_at: 1 });
    const r1 = await rules.create('s1', { name: 'a', action: 'hold', enabled: true, conditions: [] }, 1);
    const r2 = await rules.create('s1', { name: 'b', action: 'skip', enabled: true, conditions: [] }, 1);
    await db()('orders').insert([order(1, 'held', r1.id), order(2, 'held', r1.id), order(3, 'skipped', r2.id), order(4, 'sent', r2.id), order(5, 'held', null)]);
    expect(Object.fromEntries(await rules.ordersAffected('s1'))).toEqual({ [r1.id]: 2, [r2.id]: 1 });

    expect(await rules.fallbackCode('s1')).toBeNull();
    await rules.setFallbackCode('s1', 'STD', 1);
    await rules.setFallbackCode('s1', 'EXP', 2);
    expect(await rules.fallbackCode('s1')).toBe('EXP');
    await rules.setFallbackCode('s1', null, 3);
    expect(await rules.fallbackCode('s1')).toBeNull();
  });
});

describe('RuleOrdersRepo', () => {
  it('holds, skips, releases (remembering the rule), clears and requeues only unsent orders', async () => {
    await seedStores(db(), 's1');
    const order = (order_id: number, backend_order_id: string | null = null) => ({
      store_hash: 's1',
      order_id,
      state: 'queued',
      backend_order_id,
      customer: '',
      created_at: 1,
      updated_at: 1,
    });
    await db()('orders').insert([order(1), order(2), order(3), order(4, 'WH-4'), order(5)]);
    const repo = new RuleOrdersRepo(db());
    const row = (id: number) =>
      db()('orders').where({ store_hash: 's1', order_id: id }).first('state', 'rule_id', 'released_rule_id', 'attention_code', 'attention_subject', 'attention_reason');
    await repo.apply('s1', 1, 'hold', { id: 7, name: 'Big orders' }, 2);
    await repo.apply('s1', 2, 'skip', { id: 8, name: 'Samples' }, 2);
    await repo.apply('s1', 3, 'hold', { id: 8, name: 'Samples' }, 2);
    await repo.apply('s1', 4, 'hold', { id: 7, name: 'Big orders' }, 2);
    await repo.apply('s1', 5, 'hold', { id: 9, name: 'Other' }, 2);
    expect(await row(1)).toMatchObject({
      state: 'held',
      rule_id: 7,
      attention_code: 'held_by_rule',
      attention_subject: 'Big orders',
      attention_reason: 'Held by rule "Big orders".',
    });
    expect(await row(2)).toMatchObject({ state: 'skipped', rule_id: 8, attention_code: null });
    expect(await row(4)).toMatchObject({ state: 'queued', rule_id: null });

    expect(await repo.release('s1', 1, 3)).toBe(true);
    expect(await repo.release('s1', 1, 3)).toBe(false);
    expect(await row(1)).toMatchObject({ state: 'queued', rule_id: null, released_rule_id: 7, attention_code: null });

    expect(await repo.requeue('s1', [], 4)).toEqual([]);
    expect((await repo.requeue('s1', [8], 4)).sort()).toEqual([2, 3]);
    expect(await row(2)).toMatchObject({ state: 'queued', rule_id: null });
    await repo.clear('s1', 5, 5);
    expect(await row(5)).toMatchObject({ state: 'queued', rule_id: null, attention_reason: null });
    expect(await repo.requeue('s1', 'all', 6)).toEqual([]);
  });
});

describe('ShipmentsRepo', () => {
  const ship = (id: string, orderId = 1, carrier: string | null = 'UPS'): NewShipment => ({
    storeHash: 's1',
    backendShipmentId: id,
    orderId,
    trackingNumber: `T-${id}`,
    carrier,
    service: null,
    trackingUrl: null,
    items: [{ sku: 'MUG', quantity: 2 }],
  });

  it('claims once per owner and lease (ON CONFLICT DO NOTHING RETURNING), renews, releases, finishes', async () => {
    await seedStores(db(), 's1');
    const repo = new ShipmentsRepo(db());
    const first = await repo.claim(ship('A'), 'w1', 1_000, 100);
    expect(first).toMatchObject({ fresh: true, claimed: true, claimExpiresAt: 1_100, row: { state: 'pending', items: [{ sku: 'MUG', quantity: 2 }], bcShipmentIds: {} } });
    expect(await repo.claim(ship('A'), 'w2', 1_050, 100)).toMatchObject({ fresh: false, claimed: false, claimExpiresAt: 1_100 });
    expect(await repo.renewClaim('s1', 'A', 'w2', 1_060, 100)).toBe(false);
    expect(await repo.renewClaim('s1', 'A', 'w1', 1_060, 100)).toBe(true);
    expect(await repo.claim(ship('A'), 'w2', 1_161, 100)).toMatchObject({ claimed: true, claimExpiresAt: 1_261 });
    await repo.releaseClaim('s1', 'A', 'w1');
    expect((await repo.claim(ship('A'), 'w3', 1_200, 100)).claimed).toBe(false);
    await repo.releaseClaim('s1', 'A', 'w2');
    expect((await repo.claim(ship('A'), 'w3', 1_200, 100)).claimed).toBe(true);

    await repo.recordPart('s1', 'A', 10, 501, 1_300, [{ order_product_id: 1, quantity: 2 }]);
    await repo.recordPart('s1', 'A', 11, 502, 1_300);
    expect((await repo.get('s1', 'A'))?.bcShipmentIds).toEqual({ '10': 501, '11': 502 });
    expect(await repo.finish('s1', 'A', 'created', null, 1_400)).toBe(true);
    expect(await repo.finish('s1', 'A', 'failed', 'late verdict', 1_500)).toBe(false);
    expect((await repo.get('s1', 'A'))?.state).toBe('created');
    expect((await repo.claim(ship('A'), 'w4', 9_000, 100)).claimed).toBe(false);
    await repo.setWarning('s1', 'A', 'Tracking link too long', 1_600);
    expect((await repo.get('s1', 'A'))?.warning).toBe('Tracking link too long');
    expect(await repo.get('s1', 'nope')).toBeUndefined();
  });

  it('two claims racing for a new shipment: exactly one is fresh and claimed', async () => {
    await seedStores(db(), 's1');
    const repo = new ShipmentsRepo(db());
    const claims = await Promise.all(['w1', 'w2', 'w3'].map((w) => repo.claim(ship('R'), w, 1_000, 100)));
    expect(claims.filter((c) => c.fresh)).toHaveLength(1);
    expect(claims.filter((c) => c.claimed)).toHaveLength(1);
  });

  it("lists an order's shipments in a stated order, sums what the app shipped, and lists failures to retry", async () => {
    await seedStores(db(), 's1');
    const repo = new ShipmentsRepo(db());
    // Same created_at: the order between them must not depend on the database's row order.
    for (const id of ['B', 'A', 'C']) await repo.claim(ship(id), 'w', 1_000, 100);
    await repo.claim(ship('D', 2), 'w', 900, 100);
    expect((await repo.forOrder('s1', 1)).map((r) => r.backendShipmentId)).toEqual(['A', 'B', 'C']);
    await repo.recordPart('s1', 'A', 10, 1, 1, [{ order_product_id: 5, quantity: 1 }]);
    await repo.recordPart('s1', 'B', 10, 2, 1, [
      { order_product_id: 5, quantity: 2 },
      { order_product_id: 6, quantity: 1 },
    ]);
    expect(Object.fromEntries(await repo.shippedByApp('s1', 1))).toEqual({ 5: 3, 6: 1 });
    expect(Object.fromEntries(await repo.shippedByApp('s1', 1, 'B'))).toEqual({ 5: 1 });
    for (const id of ['C', 'B', 'D']) await repo.finish('s1', id, 'failed', 'refused', 2);
    expect((await repo.failedForOrders('s1', [1, 2])).map((r) => r.backendShipmentId)).toEqual(['D', 'B', 'C']);
    expect(await repo.failedForOrders('s1', [])).toEqual([]);
  });

  it('lists carriers seen (GROUP BY) merged with mappings, and upserts or removes a mapping', async () => {
    await seedStores(db(), 's1');
    const repo = new ShipmentsRepo(db());
    await repo.claim(ship('A', 1, 'UPS'), 'w', 1, 1);
    await repo.claim(ship('B', 1, 'UPS'), 'w', 1, 1);
    await repo.claim(ship('C', 1, 'DHL'), 'w', 1, 1);
    await repo.claim(ship('D', 1, null), 'w', 1, 1);
    await repo.setCarrier('s1', { backendCarrier: 'FedEx', shippingProvider: 'fedex', trackingCarrier: null }, 1);
    await repo.setCarrier('s1', { backendCarrier: 'UPS', shippingProvider: 'ups', trackingCarrier: 'ups' }, 1);
    await repo.setCarrier('s1', { backendCarrier: 'UPS', shippingProvider: 'ups', trackingCarrier: 'ups-ground' }, 2);
    expect(await repo.listCarriers('s1')).toEqual([
      { backendCarrier: 'DHL', shippingProvider: null, trackingCarrier: null, seen: 1 },
      { backendCarrier: 'FedEx', shippingProvider: 'fedex', trackingCarrier: null, seen: 0 },
      { backendCarrier: 'UPS', shippingProvider: 'ups', trackingCarrier: 'ups-ground', seen: 2 },
    ]);
    expect(await repo.carrierMapping('s1', 'UPS')).toEqual({ shippingProvider: 'ups', trackingCarrier: 'ups-ground' });
    await repo.setCarrier('s1', { backendCarrier: 'UPS', shippingProvider: null, trackingCarrier: null }, 3);
    expect(await repo.carrierMapping('s1', 'UPS')).toBeUndefined();
  });
});

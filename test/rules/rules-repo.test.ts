// Rules storage (migration 020): the built-in Manual Verification Required rule appears on first
// read (once, for stores installed before rules too) and cannot be deleted; saves name the
// version they edit; positions; the orders each rule holds; the fallback shipping code.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../../server/storage/db.js';
import { MANUAL_VERIFICATION, RulesRepo } from '../../server/storage/rules-repo.js';
import { RuleOrdersRepo } from '../../server/storage/rule-orders-repo.js';
import { seedOrders } from '../api/seed-orders.js';
import { STORE } from '../helpers/bare-app.js';

let db: Db;
let repo: RulesRepo;
const T = 1_700_000_000_000;
const intl = { name: 'International', action: 'hold' as const, enabled: true, conditions: [{ field: 'country' as const, operator: 'is_none_of' as const, values: ['US'] }] };

beforeEach(async () => {
  db = openDatabase('sqlite::memory:');
  await migrateToLatest(db);
  repo = new RulesRepo(db);
});
afterEach(() => db.destroy());

describe('the built-in rule', () => {
  it('is created on the first read, enabled and first, and only once', async () => {
    const [first, again] = await Promise.all([repo.list(STORE, T), repo.list(STORE, T)]);
    expect(first).toEqual(again);
    expect(first).toEqual([
      expect.objectContaining({
        name: 'Manual Verification Required',
        action: 'hold',
        enabled: true,
        builtIn: MANUAL_VERIFICATION,
        conditions: [{ field: 'status', operator: 'is_any_of', values: ['12'] }],
      }),
    ]);
    expect(await db('order_rules').count({ n: '*' }).first()).toMatchObject({ n: 1 });
  });

  it('the dry run evaluates it without creating it', async () => {
    const rules = await repo.forEvaluation(STORE, T, false);
    expect(rules).toEqual([expect.objectContaining({ id: null, name: 'Manual Verification Required', enabled: true })]);
    expect(await db('order_rules').count({ n: '*' }).first()).toMatchObject({ n: 0 });
  });

  it('cannot be deleted', async () => {
    const [mvr] = await repo.list(STORE, T);
    expect(await repo.delete(STORE, mvr!.id)).toBe(false);
    expect(await repo.list(STORE, T)).toHaveLength(1);
  });
});

describe('rules', () => {
  it('are appended after the built-in rule and reordered', async () => {
    const a = await repo.create(STORE, intl, T);
    const b = await repo.create(STORE, { ...intl, name: 'Big' }, T);
    const [mvr] = await repo.list(STORE, T);
    expect((await repo.list(STORE, T)).map((r) => r.name)).toEqual(['Manual Verification Required', 'International', 'Big']);
    await repo.reorder(STORE, [b.id, mvr!.id, a.id], T + 1);
    expect((await repo.forEvaluation(STORE, T)).map((r) => r.name)).toEqual(['Big', 'Manual Verification Required', 'International']);
  });

  it('a save naming an older version is refused; versions differ even within one millisecond', async () => {
    const a = await repo.create(STORE, intl, T);
    const saved = await repo.update(STORE, a.id, { ...intl, enabled: false }, a.updatedAtMs, T);
    expect(saved).toMatchObject({ enabled: false });
    expect(typeof saved === 'object' && saved.updatedAtMs).toBe(T + 1);
    expect(await repo.update(STORE, a.id, { ...intl, name: 'Stale' }, a.updatedAtMs, T + 5)).toBe('stale');
    expect(await repo.update(STORE, 999, intl, T, T)).toBe('missing');
    expect((await repo.get(STORE, a.id))!.name).toBe('International');
  });

  it('finds a name already used, ignoring case', async () => {
    const a = await repo.create(STORE, intl, T);
    expect(await repo.named(STORE, ' international ')).toMatchObject({ id: a.id });
    expect(await repo.named(STORE, 'international', a.id)).toBeUndefined();
  });

  it('counts the orders each rule holds or skipped right now', async () => {
    const a = await repo.create(STORE, intl, T);
    await seedOrders(db, [
      { orderId: 1, state: 'queued' },
      { orderId: 2, state: 'queued' },
      { orderId: 3, state: 'queued' },
    ]);
    const orders = new RuleOrdersRepo(db);
    await orders.apply(STORE, 1, 'hold', { id: a.id, name: a.name }, T);
    await orders.apply(STORE, 2, 'skip', { id: a.id, name: a.name }, T);
    expect(await repo.ordersAffected(STORE)).toEqual(new Map([[a.id, 2]]));
    expect(await orders.release(STORE, 1, T)).toBe(true);
    expect(await orders.release(STORE, 1, T)).toBe(false); // released already
    expect(await orders.release(STORE, 2, T)).toBe(false); // skipped, not held
    expect(await db('orders').where({ order_id: 1 }).first()).toMatchObject({ state: 'queued', rule_id: null, released_rule_id: a.id, attention_code: null });
    expect(await repo.ordersAffected(STORE)).toEqual(new Map([[a.id, 1]]));
    expect(await orders.requeue(STORE, [a.id], T)).toEqual([2]);
    expect(await repo.ordersAffected(STORE)).toEqual(new Map());
  });
});

describe('the fallback shipping code', () => {
  it('is none until saved, and can be cleared', async () => {
    expect(await repo.fallbackCode(STORE)).toBeNull();
    await repo.setFallbackCode(STORE, 'STD', T);
    expect(await repo.fallbackCode(STORE)).toBe('STD');
    await repo.setFallbackCode(STORE, null, T);
    expect(await repo.fallbackCode(STORE)).toBeNull();
  });
});

// Issue 9 point 1: the readiness scan as a background job, against a scripted BigCommerce (real
// transport) and a fake warehouse: each check's findings, counted progress saved per page, the
// skipped and failed states, and a scan that continues after a failed attempt.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../server/flows/runtime.js';
import { runReadinessScan } from '../../server/flows/readiness/run-scan.js';
import { failDeadReadinessScan, startReadinessScan } from '../../server/flows/readiness/start.js';
import { FulfillmentUnavailableError } from '../../server/fulfillment/index.js';
import { ReadinessRepo } from '../../server/storage/readiness-repo.js';
import { RulesRepo } from '../../server/storage/rules-repo.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { bareApp, STORE, type BareApp } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';
import { FakeCatalog, FakeWarehouse, simpleProducts } from './fakes.js';

let t: BareApp;
let clock: FakeClock;
let catalog: FakeCatalog;
let warehouse: FakeWarehouse;

beforeEach(async () => {
  clock = new FakeClock(Date.parse('2026-03-02T10:00:00Z'));
  catalog = new FakeCatalog();
  warehouse = new FakeWarehouse();
  t = await bareApp({ clock, deps: { bigcommerceFactory: catalog.factory(), fulfillmentFactory: () => warehouse } });
  await t.install();
  await t.app.services.settings.saveBackend(STORE, { accountId: 'wh-demo', apiKey: 'whk_test_key_1', accountName: 'Demo', connected: true, error: null }, clock.now());
});
afterEach(() => t.close());

const s = () => t.app.services;
const repo = () => new ReadinessRepo(t.db);
async function scan() {
  await startReadinessScan(s(), STORE);
  await runReadinessScan(s(), { storeHash: STORE });
  return (await repo().get(STORE))!;
}
const check = (row: Awaited<ReturnType<typeof scan>>, id: string) => row.checks.find((c) => c.check === id)!;

describe('the readiness scan job', () => {
  it('finds unmapped methods, missing SKUs, SKUs the warehouse does not know and untracked stock, each with its fix', async () => {
    catalog.orders = [
      { id: 3, methods: ['Flat Rate'] },
      { id: 2, methods: ['Flat Rate', 'Express '] },
    ];
    await s().mappings.setShipping(STORE, 'Express', 'EXPRESS', clock.now());
    await s().mappings.createSku(STORE, { bcSku: 'MUG', backendSku: 'WH-MUG' }, clock.now());
    warehouse.known = new Set(['TEE-M', 'WH-MUG', 'CARD']);
    catalog.products = [
      {
        id: 1,
        name: 'Tee',
        sku: 'TEE',
        inventory_tracking: 'variant',
        variants: [
          { id: 11, sku: 'TEE-M', label: 'M' },
          { id: 12, sku: '', label: 'L' },
        ],
      },
      { id: 2, name: 'Mug', sku: 'MUG', inventory_tracking: 'product' },
      { id: 3, name: 'Poster', sku: '', inventory_tracking: 'product' },
      { id: 4, name: 'Gift card', sku: 'CARD', inventory_tracking: 'none' },
      { id: 5, name: 'Sticker', sku: 'STICK', inventory_tracking: 'product' },
      // Never ships: neither its missing SKU nor its tracking is reported.
      { id: 6, name: 'E-book', sku: '', type: 'digital', inventory_tracking: 'none' },
    ];
    const row = await scan();
    expect(row.state).toBe('done');
    expect(row).toMatchObject({ step: 'Finished', done: 6, total: 6, error: null });

    expect(check(row, 'shipping_methods')).toMatchObject({ state: 'problems', summary: '1 of 2 shipping methods has no warehouse service.', findingsTotal: 1 });
    expect(check(row, 'shipping_methods').findings[0]).toEqual({
      check: 'shipping_methods',
      severity: 'blocker',
      subject: 'Flat Rate',
      message: 'Used by 2 orders in the last 30 days. Orders with it are held until it is mapped to a warehouse service.',
      fix: { kind: 'link', label: 'Map "Flat Rate"', path: '/settings/shipping?mapMethod=Flat%20Rate#shipping-mappings' },
    });

    const missing = check(row, 'skus_missing');
    expect(missing).toMatchObject({ state: 'problems', findingsTotal: 2, summary: '2 products or variants have no SKU: orders with them are held.' });
    expect(missing.findings.map((f) => f.subject)).toEqual(['Tee – L', 'Poster']);
    expect(missing.findings[1]!.fix).toEqual({ kind: 'external', label: 'Add a SKU in BigCommerce', url: `https://store-${STORE}.mybigcommerce.com/manage/products/edit/3` });

    // MUG is mapped to WH-MUG, which the warehouse knows; STICK is neither mapped nor known.
    const unknown = check(row, 'skus_unknown');
    expect(unknown).toMatchObject({ state: 'problems', findingsTotal: 1, summary: '1 SKU is not known at your warehouse: orders with it are rejected.' });
    expect(unknown.findings[0]).toMatchObject({ subject: 'STICK', fix: { kind: 'link', label: 'Map SKU "STICK"', path: '/settings/mappings?mapSku=STICK#sku-mappings' } });
    expect(warehouse.lookups.flat().sort()).toEqual(['CARD', 'STICK', 'TEE-M', 'WH-MUG']);

    const untracked = check(row, 'inventory_untracked');
    expect(untracked).toMatchObject({ state: 'problems', findingsTotal: 1 });
    expect(untracked.findings[0]).toMatchObject({ severity: 'warning', subject: 'Gift card (CARD)', fix: { kind: 'action', action: 'track_inventory', productId: 4 } });
    // One order list and one catalog page: the scan stays cheap in API calls.
    expect(catalog.calls).toEqual(['GET /v2/orders?page=1', 'GET /v3/catalog/products?page=1']);
  });

  it('with a fallback service set, an unmapped method is a warning: orders are not held for it', async () => {
    catalog.orders = [{ id: 1, methods: ['Pickup'] }];
    await new RulesRepo(t.db).setFallbackCode(STORE, 'GROUND', clock.now());
    const finding = check(await scan(), 'shipping_methods').findings[0]!;
    expect(finding).toMatchObject({
      severity: 'warning',
      message: 'Used by 1 order in the last 30 days. Orders with it are sent with the fallback service "GROUND"; map it to choose its own.',
    });
  });

  it('saves counted progress per page and continues from the saved page after a failed attempt', async () => {
    catalog.products = simpleProducts(600);
    warehouse.known = new Set(catalog.products.map((p) => p.sku));
    catalog.failing.set('GET /v3/catalog/products?page=2', 500);
    await startReadinessScan(s(), STORE);
    await expect(runReadinessScan(s(), { storeHash: STORE })).rejects.toThrow();
    const halfway = (await repo().get(STORE))!;
    expect(halfway).toMatchObject({ state: 'running', step: 'Reading products', done: 250, total: 600 });
    expect(halfway.cursor).toMatchObject({ phase: 'products', page: 2 });

    catalog.failing.clear();
    await runReadinessScan(s(), { storeHash: STORE });
    const row = (await repo().get(STORE))!;
    expect(row).toMatchObject({ state: 'done', done: 600, total: 600 });
    expect(check(row, 'skus_unknown').summary).toBe('Your warehouse knows every SKU (600 SKUs checked).');
    // Orders and page 1 were read once: the second attempt began at page 2.
    expect(catalog.calls.filter((c) => c === 'GET /v2/orders?page=1')).toHaveLength(1);
    expect(catalog.calls.filter((c) => c.startsWith('GET /v3/catalog/products'))).toEqual([
      'GET /v3/catalog/products?page=1',
      'GET /v3/catalog/products?page=2',
      'GET /v3/catalog/products?page=2',
      'GET /v3/catalog/products?page=3',
    ]);
    // 600 SKUs in lookups of at most 100.
    expect(warehouse.lookups.every((l) => l.length <= 100)).toBe(true);
    expect(warehouse.lookups.flat()).toHaveLength(600);
  });

  it('skips what cannot be checked and says why: no orders yet, no warehouse, Inventory off', async () => {
    catalog.products = [{ id: 1, name: 'Card', sku: 'CARD', inventory_tracking: 'none' }];
    await s().settings.saveBackend(STORE, { accountId: '', apiKey: '', accountName: null, connected: false, error: null }, clock.now());
    await s().settings.saveFlows(STORE, { inventory: false }, clock.now());
    const row = await scan();
    expect(row.state).toBe('done');
    expect(check(row, 'shipping_methods')).toMatchObject({ state: 'skipped', summary: expect.stringMatching(/^No orders in the last 30 days and none imported yet/) });
    expect(check(row, 'skus_unknown')).toMatchObject({ state: 'skipped', summary: expect.stringMatching(/^No warehouse is connected yet/) });
    expect(check(row, 'inventory_untracked')).toMatchObject({ state: 'skipped', findings: [], summary: expect.stringMatching(/^Inventory sync is off/) });
    expect(check(row, 'skus_missing')).toMatchObject({ state: 'ok', summary: 'Every product and variant has a SKU (1 product read).' });
  });

  it('a warehouse that cannot tell skips the SKU check; one that does not answer fails it while the others finish', async () => {
    catalog.products = [{ id: 1, name: 'Mug', sku: 'MUG', inventory_tracking: 'product' }];
    warehouse.supported = false;
    expect(check(await scan(), 'skus_unknown')).toMatchObject({ state: 'skipped', summary: expect.stringMatching(/cannot tell which SKUs it knows/) });

    warehouse.supported = true;
    warehouse.fail = new FulfillmentUnavailableError('Fulfillment backend GET /v1/products network error (ECONNREFUSED)', {
      status: null,
      method: 'GET',
      path: '/v1/products',
      accountId: 'wh-demo',
      reason: 'network',
    });
    const row = await scan();
    expect(row.state).toBe('done');
    expect(check(row, 'skus_unknown')).toMatchObject({
      state: 'failed',
      summary: 'The warehouse could not be asked which SKUs it knows: The warehouse could not be reached. Scan again later.',
    });
    expect(check(row, 'skus_missing').state).toBe('ok');
  });

  it('a refusal another attempt cannot mend ends the scan at once, in merchant words', async () => {
    catalog.failing.set('GET /v2/orders', 403);
    await startReadinessScan(s(), STORE);
    await runReadinessScan(s(), { storeHash: STORE });
    const row = (await repo().get(STORE))!;
    expect(row.state).toBe('failed');
    expect(row.error).toBe(
      'The scan stopped: BigCommerce did not let the app read your orders or products (403). Reinstall the app so it gets the permissions it asks for, then scan again.',
    );
    expect(row.checks.every((c) => c.state === 'failed')).toBe(true);
    expect(row.finishedAt).toBe(clock.now());
  });

  it('a job that used its last attempt marks the scan failed with the reason', async () => {
    await startReadinessScan(s(), STORE);
    const job = { id: 1, storeHash: STORE, kind: JOB.readinessScan } as never;
    expect(await failDeadReadinessScan(s(), job, new Error('BigCommerce could not be reached.'))).toBe(true);
    expect((await repo().get(STORE))!).toMatchObject({
      state: 'failed',
      error: 'The scan stopped: BigCommerce could not be reached. Run it again; if it keeps stopping, contact support.',
    });
    expect(await failDeadReadinessScan(s(), { ...(job as object), kind: JOB.orderSync } as never, new Error('x'))).toBe(false);
  });

  it('is the handler of JOB.readinessScan, and a second start while one is queued starts nothing', async () => {
    catalog.products = simpleProducts(1);
    const first = await startReadinessScan(s(), STORE);
    const second = await startReadinessScan(s(), STORE);
    expect([first.started, second.started]).toEqual([true, false]);
    expect(await t.db('jobs').where({ kind: JOB.readinessScan }).count({ n: '*' })).toEqual([{ n: 1 }]);
    const job = await t.db('jobs').where({ kind: JOB.readinessScan }).first();
    await jobHandlers(s())[JOB.readinessScan]!({ id: job.id, storeHash: STORE, kind: JOB.readinessScan } as never, { signal: new AbortController().signal });
    expect((await repo().get(STORE))!.state).toBe('done');
    // Done: the next start is a new run.
    const third = await startReadinessScan(s(), STORE);
    expect(third.started).toBe(true);
    expect((await repo().get(STORE))!.run).toBe(2);
  });
});

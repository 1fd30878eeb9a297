// The readiness checks as units: shipping methods (recent orders and those the app saw), the
// warehouse SKU check after mappings and bundles (in batches any server takes), the catalog page
// checks, and the scan row's fencing by run.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BigCommerceClient } from '../../server/bigcommerce/index.js';
import type { CatalogProduct } from '../../server/bigcommerce/catalog-read.js';
import { addFindings, MAX_FINDINGS, pendingChecks } from '../../server/flows/readiness/checks.js';
import { missingSkuFindings, sellableSkus, untrackedFindings } from '../../server/flows/readiness/product-checks.js';
import { checkShippingMethods, MAX_RECENT_ORDERS } from '../../server/flows/readiness/shipping-check.js';
import { findUnknownSkus, lookupBatches, MAX_LOOKUP_QUERY_CHARS } from '../../server/flows/readiness/warehouse-skus.js';
import type { ShippingMethodMapping } from '../../server/api/contract.js';
import { ReadinessRepo, STALE_SCAN_MS } from '../../server/storage/readiness-repo.js';
import { bareApp, STORE, type BareApp } from '../helpers/bare-app.js';

const NOW = Date.parse('2026-03-02T10:00:00Z');

/** A client answering GET /v2/orders with `orders`, recording the query. */
function ordersClient(orders: Array<{ id: number; methods: string[] }>) {
  const queries: unknown[] = [];
  const client = {
    storeHash: STORE,
    get: async (_v: string, path: string, opts: { query?: Record<string, unknown> }) => {
      expect(path).toBe('/orders');
      queries.push(opts.query);
      return orders.length ? orders.map((o) => ({ id: o.id, consignments: { shipping: o.methods.map((m) => ({ shipping_method: m })) } })) : null;
    },
  } as unknown as BigCommerceClient;
  return { client, queries };
}
const mappings = (rows: ShippingMethodMapping[]) => ({ listShipping: async () => rows });

describe('shipping methods check', () => {
  it('reads one page of the last 30 days, any status, and adds the methods the app saw on imported orders', async () => {
    const { client, queries } = ordersClient([{ id: 1, methods: ['Flat Rate'] }]);
    const view = await checkShippingMethods(
      {
        client,
        mappings: mappings([
          { method: '', backendCode: null, ordersSeen: 2 },
          { method: 'Flat Rate', backendCode: 'GROUND', ordersSeen: 9 },
        ]),
        fallbackCode: async () => null,
      },
      STORE,
      NOW,
    );
    expect(queries).toEqual([
      { min_date_created: '2026-01-31T10:00:00.000Z', sort: 'date_created:desc', limit: MAX_RECENT_ORDERS, page: 1, include: 'consignments', consignment_structure: 'object' },
    ]);
    expect(view).toMatchObject({ state: 'problems', summary: '1 of 2 shipping methods has no warehouse service.' });
    expect(view.findings).toEqual([
      expect.objectContaining({
        subject: '(no method)',
        message: 'Seen on 2 orders the app imported. Orders with it are held until it is mapped to a warehouse service.',
        fix: { kind: 'link', label: 'Map "(no method)"', path: '/settings/shipping?mapMethod=#shipping-mappings' },
      }),
    ]);
  });

  it('says all are mapped, and that only the most recent orders were read when the page was full', async () => {
    const full = Array.from({ length: MAX_RECENT_ORDERS }, (_, i) => ({ id: i + 1, methods: ['Express'] }));
    const view = await checkShippingMethods(
      { client: ordersClient(full).client, mappings: mappings([{ method: 'Express', backendCode: 'EXP', ordersSeen: 0 }]), fallbackCode: async () => null },
      STORE,
      NOW,
    );
    expect(view).toMatchObject({ state: 'ok', findings: [], summary: 'The shipping method of recent orders has a warehouse service (the 250 most recent orders were read).' });
  });
});

describe('warehouse SKU check', () => {
  it('asks for what the app would send: the mapped SKU, a bundle’s components, else the SKU itself', async () => {
    const asked: string[][] = [];
    const result = await findUnknownSkus(
      {
        skuMap: async () =>
          new Map<string, string | Array<{ sku: string; quantity: number }>>([
            ['MUG', 'WH-MUG'],
            [
              'KIT',
              [
                { sku: 'WH-MUG', quantity: 1 },
                { sku: 'WH-BOX', quantity: 2 },
              ],
            ],
          ]),
        lookup: async (skus) => {
          asked.push([...skus]);
          return { supported: true, known: [{ sku: 'WH-MUG', name: null }] };
        },
      },
      ['MUG', 'KIT', 'TEE'],
    );
    expect(asked).toEqual([['WH-MUG', 'WH-BOX', 'TEE']]);
    expect(result.kind === 'checked' && result.findings.map((f) => [f.subject, f.message, f.fix])).toEqual([
      [
        'KIT',
        expect.stringMatching(/^A bundle whose component "WH-BOX" the warehouse does not know/),
        { kind: 'link', label: 'Change the mapping of "KIT"', path: '/settings/mappings?mapSku=KIT#sku-mappings' },
      ],
      ['TEE', expect.stringMatching(/^The warehouse does not know this SKU/), { kind: 'link', label: 'Map SKU "TEE"', path: '/settings/mappings?mapSku=TEE#sku-mappings' }],
    ]);
  });

  it('stops at the first "cannot tell"', async () => {
    let calls = 0;
    const skus = Array.from({ length: 250 }, (_, i) => `S-${i}`);
    const result = await findUnknownSkus({ skuMap: async () => new Map(), lookup: async () => (calls++, { supported: false }) }, skus);
    expect(result).toEqual({ kind: 'unsupported' });
    expect(calls).toBe(1);
  });

  it('batches by count (100) and by the query’s length', () => {
    expect(lookupBatches(Array.from({ length: 250 }, (_, i) => `S${i}`)).map((b) => b.length)).toEqual([100, 100, 50]);
    const long = Array.from({ length: 60 }, (_, i) => `${'é'.repeat(40)}${i}`);
    const batches = lookupBatches(long);
    expect(batches.length).toBeGreaterThan(1);
    for (const b of batches) expect(b.map((s) => `sku=${encodeURIComponent(s)}&`).join('').length).toBeLessThanOrEqual(MAX_LOOKUP_QUERY_CHARS);
    expect(batches.flat()).toEqual(long);
  });
});

describe('catalog page checks', () => {
  const product = (over: Partial<CatalogProduct>): CatalogProduct => ({ id: 1, name: 'P', sku: 'P', digital: false, inventoryTracking: 'product', variants: [], ...over });

  it('a product with options is judged by its variants; digital products are left out', () => {
    const products = [
      product({
        id: 1,
        name: 'Tee',
        sku: '',
        variants: [
          { id: 1, sku: 'T-M', label: 'M' },
          { id: 2, sku: '', label: 'L' },
        ],
      }),
      product({ id: 2, name: 'Book', sku: '', digital: true, inventoryTracking: 'none' }),
      product({ id: 3, name: 'Cap', sku: 'CAP', inventoryTracking: 'none' }),
    ];
    expect(missingSkuFindings(products, STORE).map((f) => f.subject)).toEqual(['Tee – L']);
    expect(untrackedFindings(products).map((f) => f.subject)).toEqual(['Cap (CAP)']);
    expect(sellableSkus(products)).toEqual(['T-M', 'CAP']);
  });

  it('keeps at most 100 findings per check, blockers first, and counts them all', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({
      check: 'shipping_methods' as const,
      severity: i === 119 ? ('blocker' as const) : ('warning' as const),
      subject: `M${i}`,
      message: '',
      fix: null,
    }));
    const view = addFindings(pendingChecks()[0]!, many);
    expect(view.findings).toHaveLength(MAX_FINDINGS);
    expect(view.findingsTotal).toBe(120);
    expect(view.findings[0]!.subject).toBe('M119');
  });
});

describe('scan rows', () => {
  let t: BareApp;
  beforeEach(async () => {
    t = await bareApp();
    await t.install();
  });
  afterEach(() => t.close());

  it('an old run cannot write over a newer scan; a scan left queued too long is replaced', async () => {
    const repo = new ReadinessRepo(t.db);
    const first = await repo.queue(STORE, pendingChecks(), NOW);
    expect(await repo.begin(STORE, 1, NOW)).toBe(true);
    expect((await repo.queue(STORE, pendingChecks(), NOW + 1_000)).started).toBe(false);
    const later = await repo.queue(STORE, pendingChecks(), NOW + STALE_SCAN_MS);
    expect([first.row.run, later.started, later.row.run, later.row.state]).toEqual([1, true, 2, 'queued']);
    const progress = { step: 'Reading products', done: 1, total: 2, checks: [], cursor: null };
    expect(await repo.save(STORE, 1, progress, NOW + STALE_SCAN_MS)).toBe(false);
    expect(await repo.finish(STORE, 1, [], NOW + STALE_SCAN_MS)).toBe(false);
    expect(await repo.fail(STORE, 1, 'old', NOW + STALE_SCAN_MS)).toBe(false);
    expect((await repo.get(STORE))!.state).toBe('queued');
  });
});

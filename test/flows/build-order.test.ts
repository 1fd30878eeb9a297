import { describe, expect, it } from 'vitest';
import { orderSchema } from '../../server/bigcommerce/orders.js';
import { buildFulfillmentOrder, mappingKeys } from '../../server/flows/order-import/build-order.js';

const line = (id: number, sku: string | null, qty = 1) => ({ id, name: `Item ${id}`, sku, quantity: qty, price_inc_tax: '12.5000', base_price: '10.0000' });
const consignment = (id: number, method: string, lines: unknown[]) => ({
  id,
  first_name: 'Ada',
  last_name: 'Lovelace',
  company: '',
  street_1: '1 Main St',
  street_2: '',
  city: 'Austin',
  state: 'Texas',
  zip: '78701',
  country: 'United States',
  country_iso2: 'US',
  phone: '555',
  email: 'ada@example.com',
  shipping_method: method,
  line_items: lines,
});
const order = (over: Record<string, unknown> = {}) =>
  orderSchema.parse({
    id: 100,
    status_id: 11,
    date_created: 'Tue, 20 Nov 2012 00:00:00 +0000',
    currency_code: 'USD',
    customer_message: 'Leave at the door',
    billing_address: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '555' },
    consignments: { shipping: [consignment(7, 'Flat Rate', [line(1, 'A-1', 2), line(2, 'B-2')])] },
    ...over,
  });
const maps = (sku: Record<string, string> = {}, shipping: Record<string, string> = { 'Flat Rate': 'GROUND' }) => ({
  sku: new Map(Object.entries(sku)),
  shipping: new Map(Object.entries(shipping)),
});

describe('building the backend order', () => {
  it('maps SKUs (unmapped pass through) and the shipping method, per consignment', () => {
    const r = buildFulfillmentOrder('abc', order(), maps({ 'A-1': 'WH-A' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input.external_ref).toEqual({ source: 'bigcommerce', store_hash: 'abc', order_id: 100 });
    expect(r.input.shipments).toHaveLength(1);
    expect(r.input.shipments[0]!.shipping_method).toBe('GROUND');
    expect(r.input.shipments[0]!.lines).toEqual([
      { sku: 'WH-A', quantity: 2, name: 'Item 1', order_line_id: 1, unit_price: '12.5000' },
      { sku: 'B-2', quantity: 1, name: 'Item 2', order_line_id: 2, unit_price: '12.5000' },
    ]);
    expect(r.input.customer).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com', phone: '555' });
    expect(r.input.customer_message).toBe('Leave at the door');
    expect(r.input.ordered_at).toBe('2012-11-20T00:00:00.000Z');
  });

  it('is deterministic: the same order gives the same body (idempotent retries)', () => {
    expect(buildFulfillmentOrder('abc', order(), maps())).toEqual(buildFulfillmentOrder('abc', order(), maps()));
  });

  it('holds an order with a line without SKU', () => {
    const r = buildFulfillmentOrder('abc', order({ consignments: { shipping: [consignment(7, 'Flat Rate', [line(1, null)])] } }), maps());
    // The product is named, so the remedy can say which one needs a SKU (remedy.ts).
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/has no SKU/), code: 'missing_sku', subject: 'Item 1' });
  });

  it('holds an order whose shipping method has no mapping', () => {
    const r = buildFulfillmentOrder('abc', order(), maps({}, {}));
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/Shipping method "Flat Rate" has no mapping/), code: 'unmapped_shipping_method', subject: 'Flat Rate' });
  });

  it('holds an order with nothing to ship', () => {
    expect(buildFulfillmentOrder('abc', order({ consignments: { shipping: [] } }), maps())).toMatchObject({ ok: false, reason: expect.stringMatching(/nothing to ship/) });
  });

  it('holds an order with an incomplete address, naming the field', () => {
    const bad = consignment(7, 'Flat Rate', [line(1, 'A')]);
    bad.street_1 = '';
    expect(buildFulfillmentOrder('abc', order({ consignments: { shipping: [bad] } }), maps())).toMatchObject({ ok: false, reason: expect.stringMatching(/street_1/) });
  });

  it('lists the SKUs and methods whose mappings it needs', () => {
    expect(mappingKeys(order())).toEqual({ skus: ['A-1', 'B-2'], methods: ['Flat Rate'] });
  });

  it('keys are spelled as they are saved: trimmed, with every consignment and the empty method', () => {
    const o = order({
      consignments: { shipping: [consignment(7, ' Flat Rate ', [line(1, 'A-1 ')]), consignment(8, 'Express', [line(2, ' B-2')]), consignment(9, '', [line(3, 'C-3')])] },
    });
    expect(mappingKeys(o)).toEqual({ skus: ['A-1', 'B-2', 'C-3'], methods: ['Flat Rate', 'Express', ''] });
    // Looked up under those keys, the body carries every mapping: no SKU silently sent unmapped.
    const r = buildFulfillmentOrder('abc', o, maps({ 'A-1': 'WH-A', 'B-2': 'WH-B' }, { 'Flat Rate': 'GROUND', Express: 'EXP', '': 'STD' }));
    expect(r.ok && r.input.shipments.map((s) => [s.shipping_method, s.lines.map((l) => l.sku)])).toEqual([
      ['GROUND', ['WH-A']],
      ['EXP', ['WH-B']],
      ['STD', ['C-3']],
    ]);
  });

  it('an unmapped empty method is named as "(no method)", the label Settings shows it under', () => {
    const o = order({ consignments: { shipping: [consignment(7, '', [line(1, 'A-1')])] } });
    expect(buildFulfillmentOrder('abc', o, maps())).toEqual({
      ok: false,
      reason: expect.stringMatching(/^Shipping method \(no method\) has no mapping\. Add it under Settings/),
      code: 'unmapped_shipping_method',
      subject: '',
    });
  });
});

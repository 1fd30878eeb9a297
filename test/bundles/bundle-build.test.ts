// Issue 9 point 6: a bundle line is sent as its components (quantity × component quantity), each
// warehouse line naming the BigCommerce line, and the order page names the parts.
import { describe, expect, it } from 'vitest';
import { orderSchema } from '../../server/bigcommerce/orders.js';
import { buildFulfillmentOrder } from '../../server/flows/order-import/build-order.js';
import { orderDetailsOf } from '../../server/flows/order-import/order-details.js';

const order = (lines: Array<{ id: number; sku: string; quantity: number; price?: string }>) =>
  orderSchema.parse({
    id: 100,
    status_id: 11,
    date_created: 'Tue, 20 Nov 2012 00:00:00 +0000',
    currency_code: 'USD',
    billing_address: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
    consignments: {
      shipping: [
        {
          id: 7,
          first_name: 'Ada',
          last_name: 'Lovelace',
          street_1: '1 Main St',
          city: 'Austin',
          zip: '78701',
          country_iso2: 'US',
          shipping_method: 'Flat Rate',
          line_items: lines.map((l) => ({ id: l.id, name: `Item ${l.sku}`, sku: l.sku, quantity: l.quantity, price_inc_tax: l.price ?? '30.0000' })),
        },
      ],
    },
  });

const GIFT = [
  { sku: 'MUG-1', quantity: 1 },
  { sku: 'TEA-3', quantity: 2 },
];
const maps = () => ({
  sku: new Map<string, string | typeof GIFT>([
    ['GIFT-SET', GIFT],
    ['A-1', 'WH-A'],
  ]),
  shipping: new Map([['Flat Rate', 'GROUND']]),
});

describe('a bundle line is sent as its components', () => {
  it('expands GIFT-SET × 3 into MUG-1 × 3 and TEA-3 × 6, both naming the BigCommerce line; plain lines are unchanged', () => {
    const r = buildFulfillmentOrder(
      'abc',
      order([
        { id: 1, sku: 'GIFT-SET', quantity: 3 },
        { id: 2, sku: 'A-1', quantity: 1 },
      ]),
      maps(),
    );
    if (!r.ok) throw new Error(r.reason);
    const lines = r.input.shipments[0]!.lines;
    expect(lines.map((l) => [l.sku, l.quantity, l.order_line_id])).toEqual([
      ['MUG-1', 3, 1],
      ['TEA-3', 6, 1],
      ['WH-A', 1, 2],
    ]);
    expect(lines[0]!.name).toBe('Item GIFT-SET (bundle GIFT-SET: MUG-1 × 1)');
  });

  it("keeps the bundle's price on its first line (the order's value is what the customer paid)", () => {
    const r = buildFulfillmentOrder('abc', order([{ id: 1, sku: 'GIFT-SET', quantity: 1, price: '30.0000' }]), maps());
    if (!r.ok) throw new Error(r.reason);
    expect(r.input.shipments[0]!.lines.map((l) => l.unit_price)).toEqual(['30.0000', '0']);
    // A first component of quantity 2: half the price per unit when that is exact.
    const two = buildFulfillmentOrder('abc', order([{ id: 1, sku: 'PAIR', quantity: 1, price: '25.00' }]), {
      sku: new Map([['PAIR', [{ sku: 'SOCK', quantity: 2 }]]]),
      shipping: new Map([['Flat Rate', 'GROUND']]),
    });
    if (!two.ok) throw new Error(two.reason);
    expect(two.input.shipments[0]!.lines).toMatchObject([{ sku: 'SOCK', quantity: 2, unit_price: '12.5' }]);
  });

  it('is deterministic: the same order and mappings give the same body (idempotent retries)', () => {
    const o = order([{ id: 1, sku: 'GIFT-SET', quantity: 2 }]);
    expect(JSON.stringify(buildFulfillmentOrder('abc', o, maps()))).toBe(JSON.stringify(buildFulfillmentOrder('abc', o, maps())));
  });

  it("the order page's warehouse SKU names the parts per unit, from the body sent or from the mappings", () => {
    const o = order([
      { id: 1, sku: 'GIFT-SET', quantity: 3 },
      { id: 2, sku: 'A-1', quantity: 2 },
    ]);
    const built = buildFulfillmentOrder('abc', o, maps());
    if (!built.ok) throw new Error(built.reason);
    const fromSent = orderDetailsOf(o, null, built.input).details.lines.map((l) => l.warehouseSku);
    expect(fromSent).toEqual(['MUG-1 × 1, TEA-3 × 2', 'WH-A']);
    const fromMappings = orderDetailsOf(o, maps(), null).details.lines.map((l) => l.warehouseSku);
    expect(fromMappings).toEqual(['MUG-1 × 1, TEA-3 × 2', 'WH-A']);
  });
});

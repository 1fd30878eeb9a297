// A polled feed page with one item the app cannot read: the others are returned, the bad one is
// named with the reason (it must not block the feed behind it, as a whole-page failure did).
import { describe, expect, it } from 'vitest';
import { createFulfillmentClient } from '../../server/fulfillment/index.js';
import { DEMO_ACCOUNT } from './fixtures.js';

const shipment = (id: string, over: Record<string, unknown> = {}) => ({
  order_id: 'ord_1',
  external_ref: { source: 'bigcommerce', store_hash: 'abc123', order_id: 100 },
  shipment_id: id,
  tracking_number: '1Z999',
  carrier: 'UPS',
  service: null,
  items: [{ sku: 'A', quantity: 1 }],
  ...over,
});

const clientAnswering = (body: unknown) =>
  createFulfillmentClient({
    baseUrl: 'https://wms.example.com',
    fetch: async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
  })(DEMO_ACCOUNT);

describe('fulfillment feeds', () => {
  it('keeps the readable shipments and names the one over the contract limits', async () => {
    const page = await clientAnswering({
      data: [shipment('shp_1'), shipment('shp_2', { carrier: 'C'.repeat(101) }), shipment('shp_3')],
      next_cursor: 'c2',
      has_more: false,
    }).listShipments(null);
    expect(page.data.map((s) => s.shipment_id)).toEqual(['shp_1', 'shp_3']);
    expect(page.invalid).toEqual([{ ref: '"shp_2"', message: expect.stringMatching(/^carrier: /) }]);
    expect(page.nextCursor).toBe('c2');
  });

  it('names a stock item by its SKU, or by its position when it has none', async () => {
    const page = await clientAnswering({
      data: [{ sku: 'OK', available: 3 }, { sku: 'BAD', available: 'many' }, { available: 1 }],
      next_cursor: 'c',
      has_more: false,
    }).listInventory(null);
    expect(page.data).toEqual([{ sku: 'OK', available: 3 }]);
    expect(page.invalid.map((p) => p.ref)).toEqual(['"BAD"', 'item 3']);
  });
});

// The one mapping from a stored event to its job, shared by the receivers and the replay.
import { describe, expect, it } from 'vitest';
import { bigcommerceSyncOrderId, jobForStoredEvent } from '../../server/webhooks/event-jobs.js';
import { orderIdOf } from '../../server/storage/webhook-events-repo.js';

const ref = (source: 'bigcommerce' | 'fulfillment', topic: string, resourceId: string | null) => ({ id: 7, storeHash: 's1', source, topic, resourceId });

describe('jobForStoredEvent', () => {
  it('an order event of BigCommerce: the debounced order sync, merged per order', () => {
    expect(jobForStoredEvent(ref('bigcommerce', 'store/order/statusUpdated', '42'), 1_000)).toEqual({
      storeHash: 's1',
      kind: 'order.sync',
      payload: { orderId: 42 },
      dedupeKey: 'order:s1:42',
      runAt: 2_000,
    });
  });

  it('a warehouse event of a known type: the stored-event job; anything else: none', () => {
    expect(jobForStoredEvent(ref('fulfillment', 'inventory.updated', null), 0)).toEqual({ storeHash: 's1', kind: 'fulfillment.event', payload: { eventRowId: 7 } });
    expect(jobForStoredEvent(ref('fulfillment', 'parcel.lost', '42'), 0)).toBeNull();
    expect(jobForStoredEvent(ref('bigcommerce', 'store/product/updated', '42'), 0)).toBeNull();
    expect(jobForStoredEvent(ref('bigcommerce', 'store/order/created', null), 0)).toBeNull();
  });

  it('reads the order id from data.id only when it is a positive whole number', () => {
    expect([42, '42', 0, -1, 1.5, 'x', '', null, undefined].map((id) => bigcommerceSyncOrderId('store/order/created', id))).toEqual([
      42,
      42,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe("orderIdOf (the history's order link)", () => {
  it('is data.id on BigCommerce order topics, external_ref on warehouse events, none otherwise', () => {
    expect(orderIdOf('bigcommerce', 'store/order/refund/created', '250')).toBe(250);
    expect(orderIdOf('bigcommerce', 'store/product/updated', '250')).toBeNull();
    expect(orderIdOf('fulfillment', 'shipment.created', '100')).toBe(100);
    expect(orderIdOf('fulfillment', 'inventory.updated', null)).toBeNull();
  });
});

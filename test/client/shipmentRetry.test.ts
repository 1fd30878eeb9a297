import { describe, expect, it } from 'vitest';
import { hasFailedShipments, offersRetry, retryQueuedMessage, shipmentWarningsSummary } from '../../client/src/pages/orders/fulfillment-detail.js';
import { shipmentView as shipment } from './fixtures.js';

describe('shipments BigCommerce refused or trimmed', () => {
  it('offers Retry while a shipment is failed', () => {
    expect(hasFailedShipments([shipment()])).toBe(false);
    expect(hasFailedShipments([shipment(), shipment({ state: 'failed', error: 'BigCommerce refused shipment S-1: no.' })])).toBe(true);
  });

  it('says what Retry queued: failed shipments, or the order', () => {
    expect(retryQueuedMessage([shipment()]).header).toBe('Order queued again');
    expect(retryQueuedMessage([shipment({ state: 'failed' })])).toEqual({
      header: 'Shipment queued again',
      text: 'The failed shipment is written to BigCommerce again within seconds. This page updates by itself.',
    });
    expect(retryQueuedMessage([shipment({ state: 'failed' }), shipment({ state: 'failed' })]).text).toMatch(/^The 2 failed shipments are written/);
  });

  it('summarises shipments written without something BigCommerce does not accept', () => {
    expect(shipmentWarningsSummary([shipment(), shipment({ warning: '  ' })])).toBeNull();
    expect(shipmentWarningsSummary([shipment({ warning: 'Tracking number … is 60 characters long' })])).toMatch(/^One shipment was written to BigCommerce without/);
    expect(shipmentWarningsSummary([shipment({ warning: 'a' }), shipment({ warning: 'b' })])).toMatch(/^2 shipments were written/);
  });

  it('offers Retry for a sent order with an alert (a missed cancellation), not for a quiet sent order', () => {
    expect(offersRetry(false, { shipments: [shipment()], alert: null })).toBe(false);
    expect(offersRetry(false, { shipments: [shipment()], alert: 'Cancelled in BigCommerce, but the warehouse is not connected.' })).toBe(true);
    expect(offersRetry(true, { shipments: [], alert: null })).toBe(true);
    expect(offersRetry(false, { shipments: [shipment({ state: 'failed', error: 'no' })], alert: null })).toBe(true);
  });
});

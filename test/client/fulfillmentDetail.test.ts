import { describe, expect, it } from 'vitest';
import type { ShipmentView } from '../../server/api/contract.js';
import {
  cancellationSourceLabel,
  cancellationSummary,
  carrierServiceText,
  fulfillmentDetailOf,
  safeExternalUrl,
  shipmentItemLines,
  shipmentsSummary,
  sortShipments,
} from '../../client/src/pages/orders/fulfillment-detail.js';
import { shipmentView as shipment } from './fixtures.js';
import { CANCELLATION_OUTCOMES } from '../../client/src/lib/badges.js';

describe('fulfillmentDetailOf', () => {
  it('defaults every field for a server that does not send them yet', () => {
    expect(fulfillmentDetailOf({})).toEqual({ shipments: [], cancellation: null, alert: null });
  });

  it('keeps the alert (trimmed) and the cancellation, and drops a blank alert', () => {
    const cancellation = { source: 'bigcommerce' as const, outcome: 'too_late' as const, message: null, at: '2026-03-01T10:00:00Z' };
    expect(fulfillmentDetailOf({ alert: '  Already shipped  ', cancellation })).toEqual({
      shipments: [],
      cancellation,
      alert: 'Already shipped',
    });
    expect(fulfillmentDetailOf({ alert: '   ' }).alert).toBeNull();
    expect(fulfillmentDetailOf({ shipments: 'nope' as unknown as ShipmentView[] }).shipments).toEqual([]);
  });

  it('orders shipments oldest first', () => {
    const later = shipment({ backendShipmentId: 'S-2', createdAt: '2026-03-02T10:00:00Z' });
    const earlier = shipment({ backendShipmentId: 'S-9', createdAt: '2026-03-01T10:00:00Z' });
    expect(fulfillmentDetailOf({ shipments: [later, earlier] }).shipments.map((s) => s.backendShipmentId)).toEqual(['S-9', 'S-2']);
  });
});

describe('sortShipments', () => {
  it('breaks ties (and unreadable times) by the warehouse id, numerically', () => {
    const list = [shipment({ backendShipmentId: 'S-10' }), shipment({ backendShipmentId: 'S-2' }), shipment({ backendShipmentId: 'S-1', createdAt: 'garbage' })];
    expect(sortShipments(list).map((s) => s.backendShipmentId)).toEqual(['S-1', 'S-2', 'S-10']);
    // The input is not changed.
    expect(list[0]?.backendShipmentId).toBe('S-10');
  });
});

describe('safeExternalUrl', () => {
  it('keeps http(s) links only', () => {
    expect(safeExternalUrl('https://www.ups.com/track?tracknum=1Z')).toBe('https://www.ups.com/track?tracknum=1Z');
    expect(safeExternalUrl(' http://example.com/t ')).toBe('http://example.com/t');
    expect(safeExternalUrl('javascript:alert(1)')).toBeNull();
    expect(safeExternalUrl('JAVASCRIPT:alert(1)')).toBeNull();
    expect(safeExternalUrl('data:text/html,hi')).toBeNull();
    expect(safeExternalUrl('/relative/path')).toBeNull();
    expect(safeExternalUrl('')).toBeNull();
    expect(safeExternalUrl(null)).toBeNull();
  });
});

describe('shipment text', () => {
  it('joins carrier and service', () => {
    expect(carrierServiceText('UPS', 'Ground')).toBe('UPS · Ground');
    expect(carrierServiceText('UPS', null)).toBe('UPS');
    expect(carrierServiceText(' ', 'Ground')).toBe('Ground');
    expect(carrierServiceText(null, null)).toBeNull();
  });

  it('lists items as sku × quantity, kept together', () => {
    expect(
      shipmentItemLines([
        { sku: 'A-1', quantity: 2 },
        { sku: '', quantity: 1200 },
      ]),
    ).toEqual(['A-1\u00a0×\u00a02', 'No SKU\u00a0×\u00a01,200']);
  });

  it('summarises failed shipments only', () => {
    expect(shipmentsSummary([shipment(), shipment({ state: 'pending' })])).toBeNull();
    expect(shipmentsSummary([shipment({ state: 'failed' })])).toMatch(/^One shipment couldn’t/);
    expect(shipmentsSummary([shipment({ state: 'failed' }), shipment({ state: 'failed' })])).toMatch(/^2 shipments couldn’t/);
  });
});

describe('cancellations', () => {
  it('names the side that cancelled', () => {
    expect(cancellationSourceLabel('bigcommerce')).toBe('BigCommerce');
    expect(cancellationSourceLabel('warehouse')).toBe('Your warehouse');
    expect(cancellationSourceLabel('api')).toBe('api');
  });

  it('explains every outcome from either side', () => {
    for (const source of ['bigcommerce', 'warehouse'] as const) {
      const texts = CANCELLATION_OUTCOMES.map((outcome) => cancellationSummary({ source, outcome }));
      expect(new Set(texts).size).toBe(CANCELLATION_OUTCOMES.length);
    }
    expect(cancellationSummary({ source: 'bigcommerce', outcome: 'too_late' })).toMatch(/already shipped/);
    expect(cancellationSummary({ source: 'bigcommerce', outcome: 'cancelled' })).toMatch(/Nothing will ship/);
    expect(cancellationSummary({ source: 'warehouse', outcome: 'rejected' })).toMatch(/rejected/);
  });

  it('does not break on an outcome a newer server invents', () => {
    expect(cancellationSummary({ source: 'warehouse', outcome: 'toString' as 'pending' })).toBe('Your warehouse reported a cancellation.');
  });
});

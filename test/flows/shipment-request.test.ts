import { describe, expect, it } from 'vitest';
import { BigCommerceApiError, BigCommerceRateLimitError, BigCommerceUnauthorizedError } from '../../server/bigcommerce/index.js';
import { isBigCommerceRefusal, refusalMessage } from '../../server/flows/fulfillment/bigcommerce-refusal.js';
import { BC_SHIPMENT_LIMITS, shipmentRequestFields } from '../../server/flows/fulfillment/shipment-request.js';
import { parseShipmentPost } from '../../sandbox/shipments/validate.js';

const src = (over: Partial<Parameters<typeof shipmentRequestFields>[0]> = {}) => ({
  trackingNumber: '1Z999AA10123456784',
  carrier: 'UPS',
  service: 'Ground',
  trackingUrl: null as string | null,
  ...over,
});

/** The sandbox's copy of orderShipment_Post's limits and enums accepts the body. */
const acceptedBySandbox = (fields: object) => parseShipmentPost({ order_address_id: 1, items: [{ order_product_id: 1, quantity: 1 }], ...fields });

describe('shipmentRequestFields: never past orderShipment_Post limits', () => {
  it('sends a 50-character tracking number as it is', () => {
    const n = 'A'.repeat(BC_SHIPMENT_LIMITS.trackingNumber);
    const { fields, warnings } = shipmentRequestFields(src({ trackingNumber: n }), undefined);
    expect(fields).toEqual({ tracking_number: n, shipping_method: 'Ground', shipping_provider: 'ups' });
    expect(warnings).toEqual([]);
    expect(() => acceptedBySandbox(fields)).not.toThrow();
  });

  it('a 51+ character tracking number is not cut: left out, kept whole in comments, with a warning', () => {
    const n = `JJD${'0'.repeat(60)}`;
    const { fields, warnings } = shipmentRequestFields(src({ trackingNumber: n, carrier: 'Sandbox Express' }), undefined);
    expect(fields.tracking_number).toBe('');
    expect(fields.comments).toBe(`Tracking number: ${n}`);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(n);
    expect(warnings[0]).toMatch(/63 characters long; BigCommerce accepts at most 50/);
    expect(warnings[0]).toMatch(/no tracking link/);
    expect(() => acceptedBySandbox(fields)).not.toThrow();
  });

  it('with a number too long, the warehouse link is the customer’s link, even for a built-in provider', () => {
    const n = 'X'.repeat(80);
    const { fields, warnings } = shipmentRequestFields(src({ trackingNumber: n, trackingUrl: 'https://track.example/x' }), undefined);
    expect(fields).toMatchObject({ tracking_number: '', shipping_provider: 'ups', tracking_link: 'https://track.example/x' });
    expect(warnings[0]).not.toMatch(/no tracking link/);
  });

  it('a tracking link over 500 characters is left out with a warning; 500 is sent', () => {
    const base = 'https://track.example/?n=';
    const at500 = base + 'a'.repeat(BC_SHIPMENT_LIMITS.trackingLink - base.length);
    const at501 = `${at500}a`;
    const ok = shipmentRequestFields(src({ carrier: 'Sandbox Express', trackingUrl: at500 }), undefined);
    expect(ok.fields.tracking_link).toBe(at500);
    expect(ok.warnings).toEqual([]);
    const long = shipmentRequestFields(src({ carrier: 'Sandbox Express', trackingUrl: at501 }), undefined);
    expect(long.fields.tracking_link).toBeUndefined();
    expect(long.warnings.join(' ')).toMatch(/501 characters long; BigCommerce accepts at most 500/);
    expect(() => acceptedBySandbox(long.fields)).not.toThrow();
  });

  it('a mapped tracking carrier that is not an AfterShip slug is left out with a warning', () => {
    const { fields, warnings } = shipmentRequestFields(src({ carrier: 'Parcel Co' }), { shippingProvider: null, trackingCarrier: 'Royal Mail' });
    expect(fields.tracking_carrier).toBeUndefined();
    expect(warnings.join(' ')).toMatch(/"Royal Mail" is not an AfterShip courier slug/);
    expect(() => acceptedBySandbox(fields)).not.toThrow();
    expect(shipmentRequestFields(src(), { shippingProvider: null, trackingCarrier: 'royal-mail' }).fields.tracking_carrier).toBe('royal-mail');
  });

  it('a mapped provider outside the enum is sent as "" (custom) with a warning; carrier_{id} is kept', () => {
    const bad = shipmentRequestFields(src(), { shippingProvider: 'pigeon', trackingCarrier: null });
    expect(bad.fields.shipping_provider).toBe('');
    expect(bad.warnings.join(' ')).toMatch(/"pigeon" is not a BigCommerce shipping provider/);
    expect(shipmentRequestFields(src(), { shippingProvider: 'carrier_42', trackingCarrier: null }).fields.shipping_provider).toBe('carrier_42');
  });

  it('no tracking number at all is an empty tracking_number and no warning', () => {
    const { fields, warnings } = shipmentRequestFields(src({ trackingNumber: null }), undefined);
    expect(fields.tracking_number).toBe('');
    expect(fields.comments).toBeUndefined();
    expect(warnings).toEqual([]);
  });
});

const details = (status: number, bodyExcerpt?: string) => ({ status, method: 'POST', path: '/v2/orders/1/shipments', storeHash: 'abc', ...(bodyExcerpt ? { bodyExcerpt } : {}) });

describe('BigCommerce refusals', () => {
  it('only plain 4xx answers are refusals (not 401, 429, 5xx or no answer)', () => {
    expect(isBigCommerceRefusal(new BigCommerceApiError('x', details(400)))).toBe(true);
    expect(isBigCommerceRefusal(new BigCommerceApiError('x', details(422)))).toBe(true);
    expect(isBigCommerceRefusal(new BigCommerceUnauthorizedError('x', details(401)))).toBe(false);
    expect(isBigCommerceRefusal(new BigCommerceRateLimitError('x', { ...details(429), retryAfterMs: 1 }))).toBe(false);
    expect(isBigCommerceRefusal(new BigCommerceApiError('x', details(503)))).toBe(false);
    expect(isBigCommerceRefusal(new Error('x'))).toBe(false);
  });

  it('reads BigCommerce’s message from v2 and v3 bodies, even cut short', () => {
    const v2 = JSON.stringify([{ status: 400, message: "The field 'tracking_number' is invalid." }]);
    expect(refusalMessage(new BigCommerceApiError('x', details(400, v2)))).toBe("The field 'tracking_number' is invalid.");
    const v3 = JSON.stringify({ status: 422, title: 'Shipment is invalid', type: 'x', errors: { tracking_link: 'too long' } });
    expect(refusalMessage(new BigCommerceApiError('x', details(422, v3)))).toBe('Shipment is invalid too long');
    expect(refusalMessage(new BigCommerceApiError('x', details(400, `[{"status":400,"message":"Order is locked."},{"status":400,"mess`)))).toBe('Order is locked.');
    expect(refusalMessage(new BigCommerceApiError('x', details(409, '<html>Conflict</html>')))).toBe('BigCommerce answered HTTP 409.');
    expect(refusalMessage(new BigCommerceApiError('x', details(404)))).toBe('BigCommerce answered HTTP 404.');
  });
});

// The order body and event schemas: what they accept, what they refuse, and that the OpenAPI
// document names every field the schemas define (a cheap guard against the two drifting apart).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  addressSchema,
  fulfillmentIdempotencyKey,
  fulfillmentOrderInputSchema,
  inventoryUpdatedDataSchema,
  orderClosedDataSchema,
  orderLineSchema,
  parseFulfillmentEvent,
  shipmentCreatedDataSchema,
  shipmentRequestSchema,
} from '../../server/fulfillment/index.js';
import { sampleOrder } from './fixtures.js';

const ref = { source: 'bigcommerce', store_hash: 'abc123', order_id: 101 };
const envelope = (type: string, data: unknown) => ({ id: 'evt_1', type, created_at: '2024-05-01T10:00:00Z', data });

describe('FulfillmentOrderInput schema', () => {
  it('accepts a complete order', () => {
    expect(fulfillmentOrderInputSchema.parse(sampleOrder())).toEqual(sampleOrder());
  });

  it.each([
    ['a float price', (o: any) => (o.shipments[0].lines[0].unit_price = 19.99)],
    ['a zero quantity', (o: any) => (o.shipments[0].lines[0].quantity = 0)],
    ['a lowercase country', (o: any) => (o.shipments[0].ship_to.country_iso2 = 'us')],
    ['an omitted nullable field', (o: any) => delete o.shipments[0].ship_to.company],
    ['no shipments', (o: any) => (o.shipments = [])],
    ['a shipment without lines', (o: any) => (o.shipments[0].lines = [])],
    ['another source', (o: any) => (o.external_ref.source = 'shopify')],
    ['a date without offset', (o: any) => (o.ordered_at = '2024-05-01 10:00')],
    ['a missing shipping method', (o: any) => (o.shipments[1].shipping_method = '')],
  ])('refuses %s', (_what, mutate) => {
    const order = sampleOrder();
    mutate(order);
    expect(fulfillmentOrderInputSchema.safeParse(order).success).toBe(false);
  });

  it('builds the Idempotency-Key from store hash and order id', () => {
    expect(fulfillmentIdempotencyKey('abc123', 101)).toBe('bigcommerce:abc123:101');
    expect(() => fulfillmentIdempotencyKey('abc:123', 1)).toThrow(TypeError);
    expect(() => fulfillmentIdempotencyKey('abc123', 0)).toThrow(TypeError);
  });
});

describe('fulfillment events', () => {
  it('parses each known type', () => {
    const shipment = {
      order_id: 'ord_1',
      external_ref: ref,
      shipment_id: 'shp_1',
      tracking_number: '1Z999',
      carrier: 'ups',
      service: 'ground',
      items: [{ sku: 'MUG-01', quantity: 1, order_line_id: 502 }],
    };
    const cases = [
      envelope('shipment.created', shipment),
      envelope('inventory.updated', { items: [{ sku: 'MUG-01', available: 0, location: 'AUS' }] }),
      envelope('order.cancelled', { order_id: 'ord_1', external_ref: ref, reason: 'Out of stock' }),
      envelope('order.rejected', { order_id: 'ord_1', external_ref: ref }),
    ];
    for (const body of cases) {
      const parsed = parseFulfillmentEvent(body);
      expect(parsed.kind, body.type).toBe('event');
      if (parsed.kind === 'event') expect(parsed.event.type).toBe(body.type);
    }
  });

  it('normalises a numeric backend order id to a string', () => {
    const parsed = parseFulfillmentEvent(envelope('order.cancelled', { order_id: 42, external_ref: ref }));
    expect(parsed.kind === 'event' && parsed.event.type === 'order.cancelled' && parsed.event.data.order_id).toBe('42');
  });

  it('recognises an unknown type (to acknowledge it) and refuses broken events', () => {
    expect(parseFulfillmentEvent(envelope('return.received', { anything: 1 })).kind).toBe('unknown_type');
    const broken = parseFulfillmentEvent(envelope('shipment.created', { order_id: 'ord_1', external_ref: ref, items: [] }));
    expect(broken.kind).toBe('invalid');
    if (broken.kind === 'invalid') expect(broken.message).toMatch(/shipment_id|items/);
    expect(parseFulfillmentEvent({ type: 'order.cancelled' }).kind).toBe('invalid');
    expect(parseFulfillmentEvent(envelope('inventory.updated', { items: [{ sku: 'A', available: 1.5 }] })).kind).toBe('invalid');
  });
});

describe('docs/fulfillment-api.openapi.yaml', () => {
  const yaml = readFileSync(new URL('../../docs/fulfillment-api.openapi.yaml', import.meta.url), 'utf8');

  it('documents the paths, headers, webhook and security scheme of the contract', () => {
    expect(yaml).toMatch(/^openapi: 3\.1\.\d+$/m);
    for (const s of [
      '/v1/account:',
      '/v1/orders:',
      '/v1/orders/{id}/cancel:',
      '/v1/shipments:',
      '/v1/inventory:',
      'Idempotency-Key',
      'Fulfillment-Signature',
      'Fulfillment-Account',
      'scheme: bearer',
      'webhooks:',
    ]) {
      expect(yaml, s).toContain(s);
    }
  });

  it('names every field the zod schemas define', () => {
    const schemas: z.ZodObject[] = [
      fulfillmentOrderInputSchema,
      shipmentRequestSchema,
      orderLineSchema,
      addressSchema,
      shipmentCreatedDataSchema,
      inventoryUpdatedDataSchema,
      orderClosedDataSchema,
    ];
    for (const schema of schemas) {
      for (const key of Object.keys(schema.shape)) expect(yaml, key).toMatch(new RegExp(`^\\s+${key}:`, 'm'));
    }
  });
});

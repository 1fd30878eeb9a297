// Events the fulfillment backend POSTs to {APP_URL}/webhooks/fulfillment, after the signature
// check (signature.ts). Envelope: {id, type, created_at, data}. The `data` objects are loose
// (extra fields pass through) so a backend can add fields without breaking the app; the fields the
// app acts on are checked strictly. Types the app does not know yet are recognised as such, so the
// route can acknowledge them (2xx) instead of making the backend retry them forever.

import { z } from 'zod';
import { externalRefSchema } from './order.js';

export const FULFILLMENT_EVENT_TYPES = ['shipment.created', 'inventory.updated', 'order.cancelled', 'order.rejected'] as const;
export type FulfillmentEventType = (typeof FULFILLMENT_EVENT_TYPES)[number];

/** The backend's order id (what POST /v1/orders answered), numeric ids normalised to strings. */
const backendOrderId = z.union([z.string().min(1).max(255), z.number().int().nonnegative()]).transform(String);
const sku = z.string().min(1).max(255);

/** Any event, known type or not. `id` is unique per event: the app deduplicates on it. */
export const fulfillmentEventEnvelopeSchema = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(100),
  created_at: z.iso.datetime({ offset: true }),
  data: z.unknown(),
});
export type FulfillmentEventEnvelope = z.infer<typeof fulfillmentEventEnvelopeSchema>;

export const shipmentCreatedDataSchema = z.looseObject({
  order_id: backendOrderId,
  external_ref: externalRefSchema,
  /** Unique per shipment; a repeated event for the same shipment carries the same id. */
  shipment_id: z.string().min(1).max(255),
  /** null for untracked services (letter post). */
  tracking_number: z.string().max(255).nullable(),
  carrier: z.string().min(1).max(100),
  service: z.string().max(100).nullable(),
  tracking_url: z.string().max(2000).nullable().optional(),
  items: z
    .array(
      z.looseObject({
        sku,
        quantity: z.number().int().positive(),
        /** The order line (order_line_id of the request) when the backend knows it; several lines can share a SKU. */
        order_line_id: z.number().int().positive().optional(),
      }),
    )
    .min(1),
});
export type ShipmentCreatedData = z.infer<typeof shipmentCreatedDataSchema>;

export const inventoryUpdatedDataSchema = z.looseObject({
  items: z
    .array(
      z.looseObject({
        sku,
        /** Absolute sellable quantity (not a delta), so a lost or repeated event cannot drift stock. */
        available: z.number().int(),
        /** The backend's location / warehouse code when it has several. */
        location: z.string().max(100).nullable().optional(),
      }),
    )
    .min(1)
    .max(1000),
});
export type InventoryUpdatedData = z.infer<typeof inventoryUpdatedDataSchema>;

export const orderClosedDataSchema = z.looseObject({
  order_id: backendOrderId,
  external_ref: externalRefSchema,
  /** Human-readable, shown to the merchant. */
  reason: z.string().max(2000).nullable().optional(),
});
export type OrderCancelledData = z.infer<typeof orderClosedDataSchema>;
export type OrderRejectedData = z.infer<typeof orderClosedDataSchema>;

const base = fulfillmentEventEnvelopeSchema.omit({ type: true, data: true });

export const fulfillmentEventSchema = z.discriminatedUnion('type', [
  base.extend({ type: z.literal('shipment.created'), data: shipmentCreatedDataSchema }),
  base.extend({ type: z.literal('inventory.updated'), data: inventoryUpdatedDataSchema }),
  base.extend({ type: z.literal('order.cancelled'), data: orderClosedDataSchema }),
  base.extend({ type: z.literal('order.rejected'), data: orderClosedDataSchema }),
]);
export type FulfillmentEvent = z.infer<typeof fulfillmentEventSchema>;
export type FulfillmentEventOf<T extends FulfillmentEventType> = Extract<FulfillmentEvent, { type: T }>;

export type ParsedFulfillmentEvent =
  | { kind: 'event'; event: FulfillmentEvent }
  /** A well-formed envelope of a type this app version does not handle: acknowledge and ignore. */
  | { kind: 'unknown_type'; envelope: FulfillmentEventEnvelope }
  /** Not an event we can read: answer 400 so the backend's logs show the problem. */
  | { kind: 'invalid'; message: string };

export function isFulfillmentEventType(type: string): type is FulfillmentEventType {
  return (FULFILLMENT_EVENT_TYPES as readonly string[]).includes(type);
}

/** Parses an already-verified JSON body. */
export function parseFulfillmentEvent(body: unknown): ParsedFulfillmentEvent {
  const envelope = fulfillmentEventEnvelopeSchema.safeParse(body);
  if (!envelope.success) return { kind: 'invalid', message: describe(envelope.error) };
  if (!isFulfillmentEventType(envelope.data.type)) return { kind: 'unknown_type', envelope: envelope.data };
  const event = fulfillmentEventSchema.safeParse(body);
  return event.success ? { kind: 'event', event: event.data } : { kind: 'invalid', message: describe(event.error) };
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
    .join('; ');
}

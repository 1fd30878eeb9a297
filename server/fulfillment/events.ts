// Events the fulfillment backend POSTs to {APP_URL}/webhooks/fulfillment, after the signature
// check (signature.ts). Envelope: {id, type, created_at, data}. The `data` objects are loose
// (extra fields pass through) so a backend can add fields without breaking the app; the fields the
// app acts on are checked strictly. Types the app does not know yet are recognised as such, so the
// route can acknowledge them (2xx) instead of making the backend retry them forever.

import { z } from 'zod';
import { externalRefSchema, type ExternalRef } from './order.js';

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

/**
 * The BigCommerce order an event is about, as the backend echoes it (`external_ref`); undefined
 * for account-wide events (inventory levels), which name no store.
 */
export function orderRefOf(event: FulfillmentEvent): ExternalRef | undefined {
  return event.type === 'inventory.updated' ? undefined : event.data.external_ref;
}

export type ParsedFulfillmentEvent =
  | { kind: 'event'; event: FulfillmentEvent }
  /** A well-formed envelope of a type this app version does not handle: acknowledge and ignore. */
  | { kind: 'unknown_type'; envelope: FulfillmentEventEnvelope }
  /**
   * Not an event we can read, or a field over the contract's limits: answer 400 so the backend's
   * logs show the problem. `fields` maps each offending path ("data.carrier") to what is wrong.
   */
  | { kind: 'invalid'; message: string; fields: Record<string, string> };

export function isFulfillmentEventType(type: string): type is FulfillmentEventType {
  return (FULFILLMENT_EVENT_TYPES as readonly string[]).includes(type);
}

/** Parses an already-verified JSON body. */
export function parseFulfillmentEvent(body: unknown): ParsedFulfillmentEvent {
  const envelope = fulfillmentEventEnvelopeSchema.safeParse(body);
  if (!envelope.success) return invalid(envelope.error);
  if (!isFulfillmentEventType(envelope.data.type)) return { kind: 'unknown_type', envelope: envelope.data };
  const event = fulfillmentEventSchema.safeParse(body);
  return event.success ? { kind: 'event', event: event.data } : invalid(event.error);
}

/** At most this many problems are named, so one huge broken event gives a readable answer. */
const MAX_NAMED_PROBLEMS = 5;

function invalid(error: z.ZodError): Extract<ParsedFulfillmentEvent, { kind: 'invalid' }> {
  const { message, fields } = describeProblems(error);
  return { kind: 'invalid', message, fields };
}

/** A readable summary of what is wrong, by field path (at most MAX_NAMED_PROBLEMS). */
export function describeProblems(error: z.ZodError): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const issue of error.issues.slice(0, MAX_NAMED_PROBLEMS)) {
    const path = issue.path.join('.') || 'body';
    fields[path] = fields[path] ? `${fields[path]}; ${issue.message}` : issue.message;
  }
  const message = Object.entries(fields)
    .map(([path, problem]) => `${path}: ${problem}`)
    .join('; ');
  return { message, fields };
}

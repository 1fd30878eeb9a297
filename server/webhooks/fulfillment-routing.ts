import { z } from 'zod';
import { orderRefOf, type ParsedFulfillmentEvent } from '../fulfillment/index.js';

/** A readable event: a known type, or a well-formed envelope of a type this version ignores. */
export type RoutableEvent = Exclude<ParsedFulfillmentEvent, { kind: 'invalid' }>;

export type EventRoute =
  /** The stores that get their own copy of the event (one row and one job each). */
  | { ok: true; storeHashes: string[] }
  /** The event names a store that is not connected to the signing account. */
  | { ok: false; storeHash: string };

/** What an unknown type may carry: honoured when it has the documented shape. */
const namesAStore = z.looseObject({ external_ref: z.looseObject({ store_hash: z.string() }) });
const namesAnOrder = z.looseObject({ external_ref: z.looseObject({ order_id: z.number() }) });

/**
 * Which stores an event is for. Several stores can share one backend account (a merchant with two
 * storefronts and one 3PL account), and BigCommerce numbers orders per store, so both may have an
 * order #100: an event about an order goes to the store its `external_ref.store_hash` names, and
 * only if that store is among `signedFor` (connected to the account, and its key verified the
 * signature). An event that names no store (inventory levels) concerns the whole account, so
 * every store in `signedFor` gets it and applies it through its own SKU mappings.
 */
export function routeFulfillmentEvent(parsed: RoutableEvent, signedFor: readonly string[]): EventRoute {
  const named = namedStore(parsed);
  if (named === undefined) return { ok: true, storeHashes: [...signedFor] };
  return signedFor.includes(named) ? { ok: true, storeHashes: [named] } : { ok: false, storeHash: named };
}

/** The store an event names, or undefined for account-wide events. */
export function namedStore(parsed: RoutableEvent): string | undefined {
  if (parsed.kind === 'event') return orderRefOf(parsed.event)?.store_hash;
  const data = namesAStore.safeParse(parsed.envelope.data);
  return data.success ? data.data.external_ref.store_hash : undefined;
}

/** The BigCommerce order an event is about (the Activity log's resource id), if any. */
export function eventOrderId(parsed: RoutableEvent): number | null {
  if (parsed.kind === 'event') return orderRefOf(parsed.event)?.order_id ?? null;
  const data = namesAnOrder.safeParse(parsed.envelope.data);
  return data.success ? data.data.external_ref.order_id : null;
}

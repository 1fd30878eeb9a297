// Shared types of the sandbox warehouse (a stand-in fulfillment backend implementing
// docs/fulfillment-api.openapi.yaml). Types only, so tests can import them without Express.

export interface WarehouseOptions {
  /** 0 / undefined = ephemeral port. */
  port?: number;
  /** Default 127.0.0.1: the control endpoints are unauthenticated, so never listen publicly. */
  host?: string;
  /** Where events are POSTed, e.g. http://127.0.0.1:3000/webhooks/fulfillment. Settable later. */
  appWebhookUrl?: string;
  /** ms clock, default Date.now: received times, event created_at and signature timestamps. */
  now?: () => number;
}

export interface WarehouseAccount {
  id: string;
  name: string;
  /** Bearer key for /v1 requests and the HMAC key of this account's events. */
  apiKey: string;
}

export interface CreateAccountInput {
  id?: string;
  name?: string;
  apiKey?: string;
}

/** received → shipped | cancelled | rejected. Terminal states do not change again. */
export type WarehouseOrderStatus = 'received' | 'shipped' | 'cancelled' | 'rejected';

export interface WarehouseShipment {
  id: string;
  orderId: string;
  trackingNumber: string | null;
  carrier: string;
  service: string | null;
  trackingUrl: string | null;
  items: Array<{ sku: string; quantity: number; order_line_id?: number }>;
  createdAt: number;
  /** Position in the account's shipment feed (GET /v1/shipments cursors). */
  seq: number;
}

export interface WarehouseOrder {
  id: string;
  accountId: string;
  idempotencyKey: string;
  /** The POST /v1/orders body exactly as parsed (a FulfillmentOrderInput). */
  body: Record<string, unknown>;
  status: WarehouseOrderStatus;
  receivedAt: number;
  updatedAt: number;
  /** Why it was cancelled or rejected. */
  reason: string | null;
  shipments: WarehouseShipment[];
}

export interface InventoryLevel {
  sku: string;
  available: number;
  location: string | null;
  updatedAt: number;
  seq: number;
}

/** What a /v1 request turned into, for tests that count effective creates against attempts. */
export type RequestOutcome = 'created' | 'repeat' | 'key_reused' | 'invalid' | 'unauthorized' | 'fault' | 'cancelled' | 'conflict' | 'not_found' | 'ok';

export interface WarehouseRequest {
  method: string;
  /** Path without query string, e.g. /v1/orders. */
  path: string;
  /** The account the API key belongs to; null when authentication failed or did not run. */
  accountId: string | null;
  idempotencyKey: string | null;
  /** 0 while unanswered, and for requests dropped without an answer (timeout / disconnect faults). */
  status: number;
  outcome: RequestOutcome | null;
  /** The order the request created or repeated. */
  orderId: string | null;
  at: number;
}

export type WarehouseFaultKind = 'server_error' | 'timeout' | 'slow' | 'reject' | 'disconnect';

export interface WarehouseFaultPlan {
  /**
   * server_error: answer `status` (default 500) without doing anything;
   * timeout: hold the request `delayMs` (default 30000, longer than the client's 15 s), then drop
   *   the connection, without doing anything;
   * slow: wait `delayMs` (default 1000), then handle the request normally, even when the client
   *   gave up meanwhile (a create that "timed out" but happened);
   * reject: answer `status` (default 422) with `message`, without doing anything;
   * disconnect: destroy the connection at once, without doing anything.
   */
  kind: WarehouseFaultKind;
  /** How many /v1 requests it affects; default unlimited. */
  count?: number;
  status?: number;
  delayMs?: number;
  message?: string;
  /** Only requests whose path contains this string (e.g. "/v1/orders"). */
  path?: string;
  /** Only requests with this method. */
  method?: string;
}

export interface ActiveWarehouseFault extends WarehouseFaultPlan {
  remaining: number;
}

/** Result of one event POST to the app. */
export interface EventDelivery {
  eventId: string;
  type: string;
  accountId: string;
  /** The app's HTTP status; 0 when it could not be reached or no webhook URL is set. */
  status: number;
  delivered: boolean;
  error?: string;
  at: number;
}

export interface SentEvent {
  id: string;
  accountId: string;
  type: string;
  /** The exact JSON sent (redelivery resends these bytes with a fresh signature). */
  body: string;
  deliveries: EventDelivery[];
}

export interface ShipOptions {
  /** What to ship now (a partial shipment); default: everything not shipped yet. */
  items?: Array<{ sku: string; quantity: number; order_line_id?: number }>;
  /** Ship only the first unshipped unit (the control page's "Ship 1 item" button). */
  firstItemOnly?: boolean;
  trackingNumber?: string | null;
  carrier?: string;
  service?: string | null;
  trackingUrl?: string | null;
}

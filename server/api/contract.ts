// Types shared by the server's JSON API and the browser UI. Types only: the client imports this
// file with `import type`, so nothing here may have a runtime value.

/** Data the server injects into index.html as `<meta name="fb-boot" content="{base64url(JSON)}">`. */
export interface BootData {
  /** Single-use code (about two minutes) that the page swaps for a session token. */
  exchangeCode?: string;
  /** Deep-link path inside the app, from the `url` claim of the load callback ("/" by default). */
  path: string;
  /** Where the in-app Help sends merchants (SUPPORT_URL / SUPPORT_EMAIL); added by the renderer. */
  support?: SupportContact;
}

export interface SupportContact {
  /** https help or contact page, or null. */
  url: string | null;
  email: string | null;
}

/** Every non-2xx JSON answer from /api/*. */
export interface ApiError {
  error: {
    /** Stable machine-readable code. `session_expired` and `unauthenticated` mean "reopen the app". */
    code: string;
    message: string;
    /** Per-field messages for validation errors. */
    fields?: Record<string, string>;
  };
}

export type MemberRole = 'owner' | 'user';

export interface SessionUser {
  id: number;
  email: string;
  role: MemberRole;
  /**
   * May change the connection, flows, rules, mappings and settings (issue 9 point 9): always the
   * owner, and the members the owner allows. Everyone else can view and retry.
   */
  canManage: boolean;
}

/** POST /api/session  body: { code } */
export interface SessionResponse {
  token: string;
  /** ISO-8601 instant when the token stops working. */
  expiresAt: string;
  user: SessionUser;
  storeHash: string;
}

export interface ChecklistItem {
  id: string;
  title: string;
  description: string;
  done: boolean;
}

/** GET /api/overview */
export interface OverviewResponse {
  store: {
    hash: string;
    name: string | null;
    plan: string | null;
    domain: string | null;
    secureUrl: string | null;
    /** ISO-8601 */
    installedAt: string;
    /** True when BigCommerce refused the stored token: the owner must reopen/reauthorise. */
    needsReauth: boolean;
    /** Set when the store details could not be read from BigCommerce right now. */
    detailsError: string | null;
  };
  user: SessionUser;
  memberCount: number;
  checklist: ChecklistItem[];
  /** One row per flow (Orders, Shipments, Inventory, Cancellations), in that order. */
  flows: FlowHealth[];
  warehouse: WarehouseHealth;
  bigcommerce: BigCommerceHealth;
  backlog: BacklogView;
  /** The same problems the banner shows (GET /api/alerts). */
  alerts: AlertView[];
}

export type * from './contract-health.js';
export type * from './contract-readiness.js';
export type * from './contract-rules.js';
export type * from './contract-backfill.js';
export type * from './contract-audit.js';
export type * from './contract-settings.js';
import type { AlertView, BacklogView, BigCommerceHealth, FlowHealth, WarehouseHealth } from './contract-health.js';

// ---------------------------------------------------------------------------------------------
// Order import (settings, orders, webhook history, activity). All list endpoints are
// server-paginated: `?page=1&limit=25` (limit ≤ 100) and answer Page<T>.

export interface Page<T> {
  items: T[];
  total: number;
  /**
   * Webhook history, Activity and Orders count and page through at most 10,000 matches
   * (server/storage/capped-list.ts): when true there are more, and `total` is 10,000.
   */
  totalCapped?: boolean;
  page: number;
  limit: number;
}

/**
 * One state model, shown the same way everywhere (list, pills, detail, Overview):
 * waiting: seen, not (yet) in the import status · queued: to be sent, not tried yet ·
 * retrying: an attempt failed for a passing reason (attempts, lastError, nextAttemptAt) ·
 * sent · partially_shipped · shipped · cancelled ·
 * rejected: the warehouse refused or rejected the order (needs attention) ·
 * needs_attention: held for a reason the merchant fixes (remedy) · failed: out of retries ·
 * held: an order rule holds it (released by hand or when the rule changes) ·
 * skipped: an order rule says it is not for this warehouse (never sent).
 */
export type OrderSyncState =
  'waiting' | 'queued' | 'retrying' | 'sent' | 'partially_shipped' | 'shipped' | 'held' | 'skipped' | 'cancelled' | 'rejected' | 'needs_attention' | 'failed';

/** ?state= on GET /api/orders: a state, or "attention" (needs_attention + rejected + failed). */
export type OrderStateFilter = OrderSyncState | 'attention';

/**
 * GET /api/orders?page&limit&state&search&from&to
 * search: an order number ("#123" or "123"), or part of the customer's name or e-mail, or a SKU
 * (BigCommerce or warehouse). from/to: order date range (ISO-8601 dates or instants, inclusive).
 * Answers OrdersListResponse.
 */
export interface OrderSummary {
  orderId: number;
  customer: string;
  email: string | null;
  /** ISO-8601, the order's creation date in BigCommerce. */
  orderDate: string | null;
  state: OrderSyncState;
  /** BigCommerce status label as last read. */
  bcStatus: string | null;
  backendOrderId: string | null;
  /** The last error in merchant words. */
  lastError: string | null;
  /** Attempts made to send the order (retrying/failed). */
  attempts: number;
  /** ISO-8601: when the next attempt is due (retrying). */
  nextAttemptAt: string | null;
  updatedAt: string;
}

export interface OrdersListResponse extends Page<OrderSummary> {
  /** Orders per state for the same search and dates (the filter pills), plus all of them. */
  counts: Record<OrderSyncState, number> & { all: number; attention: number };
}

/** POST /api/orders/retry  body: { orderIds: number[] } (1..100) */
export interface BulkRetryResponse {
  /** Orders queued again. */
  retried: number;
  /** Orders Retry cannot help (not found, or their state has no Retry), with why. */
  skipped: Array<{ orderId: number; reason: string }>;
}

/** GET /api/orders/export.csv?state&search&from&to: text/csv of the filter (at most 10,000 rows). */

export type AttentionCode =
  | 'unmapped_shipping_method'
  | 'unmapped_sku'
  | 'missing_sku'
  | 'backend_not_connected'
  | 'warehouse_rejected'
  | 'warehouse_conflict'
  | 'warehouse_refused_key'
  | 'out_of_retries'
  /** An order rule holds it (subject: the rule's name); Release sends it. */
  | 'held_by_rule'
  | 'other';

/** What fixes a held order. */
export interface OrderRemedy {
  code: AttentionCode;
  /** What is wrong and what fixes it, in merchant words (e.g. the warehouse's own message). */
  message: string;
  /** The method, SKU or product concerned (e.g. "Flat Rate", "LAMP-RED (Red lamp)"). */
  subject: string | null;
  /**
   * Where the fix is, inside the app, e.g. { label: 'Map "Flat Rate"', path: '/settings?mapMethod=Flat%20Rate#shipping-mappings' }.
   * The Settings page understands ?mapMethod=…#shipping-mappings (opens that method's mapping), ?mapSku=…#sku-mappings
   * (opens the SKU mapping form with the SKU filled in) and #backend (the warehouse connection); the older
   * ?tab=shipping&method=… and ?tab=sku&sku=… forms work too (client/src/pages/settings/deepLink.ts).
   */
  action: { label: string; path: string } | null;
  /** Whether Retry can help (a passing problem, or one fixed outside the app). */
  canRetry: boolean;
  /** Offer Release (POST /api/orders/:orderId/release): an order rule holds the order (held_by_rule). */
  canRelease?: boolean;
}

export interface OrderLineView {
  /** BigCommerce order product id. */
  id: number;
  name: string;
  bcSku: string;
  /** The SKU sent to the warehouse (after SKU mappings); null before the order is built. */
  warehouseSku: string | null;
  quantity: number;
  quantityShipped: number;
}

export interface ShipToView {
  consignmentId: number | null;
  name: string;
  company: string | null;
  /** Street lines, city/state/zip and country, ready to show one per line. */
  lines: string[];
  email: string | null;
  phone: string | null;
  shippingMethod: string | null;
  /** The warehouse's method code from the shipping mapping (null: unmapped). */
  mappedMethod: string | null;
  /** Order product ids shipped to this address. */
  lineIds: number[];
}
export interface TimelineEntry {
  id: number;
  at: string;
  level: 'info' | 'warn' | 'error';
  message: string;
  detail: string | null;
  /** Consecutive identical entries folded into this one (1: not folded); `at` is the first, `lastAt` the last. */
  count: number;
  lastAt: string;
}

/** GET /api/orders/:orderId ; POST /api/orders/:orderId/retry answers the same. */
export interface OrderDetail extends OrderSummary {
  /** Why the order is held ("needs attention"), in merchant words. */
  attentionReason: string | null;
  /** What fixes it (needs_attention, rejected, failed), null otherwise. */
  remedy: OrderRemedy | null;
  /** Whether the Retry button is offered. */
  canRetry: boolean;
  bcStatusId: number | null;
  /** ISO-8601: when bcStatus was last read or heard from BigCommerce (no extra call per page view). */
  bcStatusSeenAt: string | null;
  /** Opens the order in the BigCommerce control panel (https://store-{hash}.mybigcommerce.com/manage/orders/{id}). */
  controlPanelUrl: string;
  lines: OrderLineView[];
  shipTo: ShipToView[];
  /** The exact JSON body sent to the backend, once sent. */
  payloadSent: unknown;
  timeline: TimelineEntry[];
}

/** POST /api/orders/import-waiting: enqueue the orders already waiting in the import status. */
export interface ImportWaitingResponse {
  enqueued: number;
}

export type WebhookEventStatus = 'received' | 'processed' | 'ignored' | 'duplicate' | 'failed';

export type WebhookSource = 'bigcommerce' | 'fulfillment';

/** GET /api/webhook-events?page&limit&source&topic&status&orderId&from&to (from/to ISO-8601) */
export interface WebhookEventSummary {
  id: number;
  source: WebhookSource;
  /** The order the event is about, when it names one (links to the order page). */
  orderId: number | null;
  /** BigCommerce's event hash (the same on every redelivery). */
  eventId: string;
  topic: string;
  status: WebhookEventStatus;
  resourceId: string | null;
  receivedAt: string;
}

/** GET /api/webhook-events/:id */
export interface WebhookEventDetail extends WebhookEventSummary {
  payload: unknown;
  error: string | null;
}

/** POST /api/webhook-events/:id/replay: processes the stored event again (recorded in Activity). */
export interface ReplayResponse {
  /** The stored event, with its status as after the replay was queued. */
  event: WebhookEventDetail;
  message: string;
}

/** GET /api/webhook-events/topics */
export interface TopicsResponse {
  topics: string[];
}

/** GET /api/activity?page&limit&level&orderId&from&to */
export interface ActivityEntry {
  id: number;
  at: string;
  level: 'info' | 'warn' | 'error';
  flow: string;
  orderId: number | null;
  message: string;
  detail: string | null;
}

// ---------------------------------------------------------------------------------------------
// Closing the loop: shipments, cancellations, inventory, flow switches, polling.

export type FlowName = 'orders' | 'fulfillment' | 'inventory' | 'cancellations';

/** Extra fields of GET /api/settings (SettingsResponse & LoopSettings). */
export interface LoopSettings {
  /** Per-flow switches; off stops the flow at once and removes webhooks it no longer needs. */
  flows: Record<FlowName, boolean>;
  /** BigCommerce statuses that mean "cancel at the warehouse" (default [5] Cancelled). */
  cancellationStatusIds: number[];
  /** BigCommerce status to set when the warehouse cancels or rejects an order (null: leave it). */
  statusOnBackendCancelId: number | null;
  /** Inventory location the stock levels are written to (default 1). */
  inventoryLocationId: number;
  /** push: the backend sends events; poll: the app asks GET /v1/shipments and /v1/inventory. */
  syncMode: 'push' | 'poll';
}

/** PUT /api/settings/flows  body: Partial<Record<FlowName, boolean>> → SettingsResponse & LoopSettings */
/** PUT /api/settings/loop   body: Partial<Omit<LoopSettings, 'flows'>>   → SettingsResponse & LoopSettings */

/** GET /api/inventory-locations */
export interface InventoryLocationOption {
  id: number;
  label: string;
}

/** GET /api/carrier-mappings → { items }; PUT /api/carrier-mappings body: CarrierMappingInput → { items } */
export interface CarrierMapping {
  /** Carrier name as the backend sends it (e.g. "UPS", "Royal Mail"). */
  backendCarrier: string;
  /** BigCommerce shipping_provider (e.g. "ups", "fedex", "usps", "royalmail", "auspost", "" = custom). */
  shippingProvider: string | null;
  /** BigCommerce tracking_carrier (AfterShip slug) for carriers BigCommerce has no provider for. */
  trackingCarrier: string | null;
  /** Shipments seen with this carrier. */
  seen: number;
}

export interface CarrierMappingInput {
  backendCarrier: string;
  shippingProvider: string | null;
  trackingCarrier: string | null;
}

export interface ShipmentView {
  backendShipmentId: string;
  bcShipmentId: number | null;
  trackingNumber: string | null;
  carrier: string | null;
  service: string | null;
  /** Link shown to the merchant (from the backend or built from the carrier). */
  trackingUrl: string | null;
  items: Array<{ sku: string; quantity: number }>;
  state: 'created' | 'pending' | 'failed';
  /** BigCommerce's reason when it refused the shipment (state "failed"). */
  error: string | null;
  /** What did not fit BigCommerce's limits and was left out (e.g. a tracking number over 50 characters). */
  warning: string | null;
  createdAt: string;
}

export interface CancellationView {
  source: 'bigcommerce' | 'warehouse';
  outcome: 'pending' | 'cancelled' | 'too_late' | 'rejected' | 'failed';
  message: string | null;
  at: string;
}

/** Extra fields of GET /api/orders/:id (OrderDetail & OrderLoopDetail). */
export interface OrderLoopDetail {
  shipments: ShipmentView[];
  cancellation: CancellationView | null;
  /** Something the merchant must act on, e.g. "Cancelled in BigCommerce but already shipped". */
  alert: string | null;
}

/** GET /api/inventory?page&limit&search&status */
export interface InventoryItemView {
  sku: string;
  backendSku: string;
  available: number;
  locationId: number;
  status: 'synced' | 'skipped' | 'pending';
  /** Why it was skipped (inventory tracking off, unknown SKU, refused by BigCommerce, ...), or a note on how a synced level was written (a negative level written as 0). */
  reason: string | null;
  /** ISO-8601 */
  lastSyncedAt: string | null;
}

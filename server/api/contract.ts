// Types shared by the server's JSON API and the browser UI. Types only: the client imports this
// file with `import type`, so nothing here may have a runtime value.
//
// The dependency points one way: API → domain (server/domain), never storage → API. Domain types
// the wire carries unchanged are re-exported here under their wire names; where the wire differs
// (paging, extra fields), the wire type is declared here and the routes map to it.
//
// Request bodies are derived from the zod schemas the routes validate with (server/api/inputs/), as
// z.input: what the browser may send, before the schema's defaults and transforms (a date range
// arrives as text and leaves the schema as epoch milliseconds). Those schema files import only zod,
// shared/ and the domain, so the browser's type-check never reaches server-only code
// (test/structure/layers.test.ts).
import type { MemberRole } from '../domain/members.js';
import type { OrderCounts, OrderLine, OrderSummary, ShipTo } from '../domain/orders.js';
import type { FlowName, SyncMode } from '../domain/flows.js';
import type { InventoryLevel, Shipment } from '../domain/fulfillment.js';
import type { InventoryLocation } from '../domain/store-lists.js';
import type { OrderRemedy } from '../domain/order-state.js';
import type { TimelineEntry } from '../domain/activity.js';
import type { WebhookReplay } from '../domain/webhook-events.js';
import type { StoreHealth } from '../domain/health.js';
import type { z } from 'zod';
import type { bulkRetryInput } from './inputs/orders.js';
import type { carrierInput } from './inputs/mappings.js';

export type { MemberRole } from '../domain/members.js';
export type { OrderSyncState, OrderStateFilter, AttentionCode, OrderRemedy } from '../domain/order-state.js';
export type { OrderSummary, OrderCounts } from '../domain/orders.js';
export type { ActivityEntry, TimelineEntry } from '../domain/activity.js';
export type { WebhookEventStatus, WebhookSource, WebhookEventSummary, WebhookEventDetail } from '../domain/webhook-events.js';
export type { FlowName, SyncMode } from '../domain/flows.js';
export type { CarrierMapping } from '../domain/mappings.js';

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

/** GET /api/overview: the store, the checklist and its health (server/domain/health.ts; `alerts` as GET /api/alerts). */
export interface OverviewResponse extends StoreHealth {
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
}

export type * from './contract-health.js';
export type * from './contract-readiness.js';
export type * from './contract-rules.js';
export type * from './contract-backfill.js';
export type * from './contract-audit.js';
export type * from './contract-settings.js';

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
 * GET /api/orders?page&limit&state&search&from&to
 * state: an OrderSyncState or "attention" (OrderStateFilter, server/domain/order-state.ts).
 * search: an order number ("#123" or "123"), or part of the customer's name or e-mail, or a SKU
 * (BigCommerce or warehouse). from/to: order date range (ISO-8601 dates or instants, inclusive).
 * Answers OrdersListResponse: a page of OrderSummary (server/domain/orders.ts) with the counts.
 */
export interface OrdersListResponse extends Page<OrderSummary> {
  /** Orders per state for the same search and dates (the filter pills), plus all of them. */
  counts: OrderCounts;
}

/** POST /api/orders/retry  body: BulkRetryInput (1..100 order ids) → BulkRetryResponse */
export type BulkRetryInput = z.input<typeof bulkRetryInput>;

export interface BulkRetryResponse {
  /** Orders queued again. */
  retried: number;
  /** Orders Retry cannot help (not found, or their state has no Retry), with why. */
  skipped: Array<{ orderId: number; reason: string }>;
}

/** GET /api/orders/export.csv?state&search&from&to: text/csv of the filter (at most 10,000 rows). */

// What fixes a held order (OrderRemedy) is a domain type (server/domain/order-state.ts), sent unchanged.

/** An order's line items and destinations, as the domain keeps them (server/domain/orders.ts). */
export type OrderLineView = OrderLine;
export type ShipToView = ShipTo;

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

// GET /api/webhook-events?page&limit&source&topic&status&orderId&from&to (from/to ISO-8601) → Page<WebhookEventSummary>
// GET /api/webhook-events/:id → WebhookEventDetail (both server/domain/webhook-events.ts)

/** POST /api/webhook-events/:id/replay: processes the stored event again (recorded in Activity). */
export type ReplayResponse = WebhookReplay;

/** GET /api/webhook-events/topics */
export interface TopicsResponse {
  topics: string[];
}

// GET /api/activity?page&limit&level&orderId&from&to → Page<ActivityEntry> (server/domain/activity.ts)

// ---------------------------------------------------------------------------------------------
// After the order is sent: shipments, cancellations, inventory, flow switches, polling.

/** Extra fields of GET /api/settings (SettingsResponse & FlowSettings). */
export interface FlowSettings {
  /** Per-flow switches; off stops the flow at once and removes webhooks it no longer needs. */
  flows: Record<FlowName, boolean>;
  /** BigCommerce statuses that mean "cancel at the warehouse" (default [5] Cancelled). */
  cancellationStatusIds: number[];
  /** BigCommerce status to set when the warehouse cancels or rejects an order (null: leave it). */
  statusOnBackendCancelId: number | null;
  /** Inventory location the stock levels are written to (default 1). */
  inventoryLocationId: number;
  /** push: the backend sends events; poll: the app asks GET /v1/shipments and /v1/inventory. */
  syncMode: SyncMode;
}

/** GET /api/inventory-locations → { items } */
export type InventoryLocationOption = InventoryLocation;

/** GET /api/carrier-mappings → { items }; PUT /api/carrier-mappings body: CarrierMappingInput → { items } */
export type CarrierMappingInput = z.input<typeof carrierInput>;

/** A shipment on the order page (server/domain/fulfillment.ts). */
export type ShipmentView = Shipment;

export interface CancellationView {
  source: 'bigcommerce' | 'warehouse';
  outcome: 'pending' | 'cancelled' | 'too_late' | 'rejected' | 'failed';
  message: string | null;
  at: string;
}

/** Extra fields of GET /api/orders/:id (OrderDetail & OrderFulfillmentDetail): what happened after it was sent. */
export interface OrderFulfillmentDetail {
  shipments: ShipmentView[];
  cancellation: CancellationView | null;
  /** Something the merchant must act on, e.g. "Cancelled in BigCommerce but already shipped". */
  alert: string | null;
}

/** GET /api/inventory?page&limit&search&status → Page<InventoryItemView> */
export type InventoryItemView = InventoryLevel;

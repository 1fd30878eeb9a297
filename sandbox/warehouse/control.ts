// Programmatic control of the sandbox warehouse: what warehouse staff would do (ship, cancel,
// reject, restock) plus test levers (accounts, faults, request and event logs, raw events).
// The control page's JSON endpoints (routes.ts) call these same functions.
import { SandboxError, randomAlnum } from '../util.js';
import { clearFaults, setFaults } from './faults.js';
import type { WarehouseState } from './state.js';
import type {
  CreateAccountInput,
  EventDelivery,
  SentEvent,
  ShipOptions,
  WarehouseAccount,
  WarehouseFaultPlan,
  WarehouseOrder,
  WarehouseRequest,
  WarehouseShipment,
} from './types.js';
import { pushEvent, redeliver } from './webhooks.js';
import type { WarehouseProduct } from './products.js';

export interface WarehouseSnapshot {
  appWebhookUrl: string | null;
  /** Keys included: the page shows them so a developer can paste them into the app. */
  accounts: WarehouseAccount[];
  orders: WarehouseOrder[];
  faults: Array<WarehouseFaultPlan & { remaining: number | null }>;
  requestCount: number;
  /** Most recent first, at most 50. */
  events: Array<{ id: string; accountId: string; type: string; deliveries: EventDelivery[] }>;
  /** Stock levels per account (GET /v1/inventory), as last set. */
  inventory: Array<{ accountId: string; sku: string; available: number; location: string | null; updatedAt: number }>;
  /** The products each account knows (GET /v1/products), and whether that lookup is offered. */
  products: Array<{ accountId: string; sku: string; name: string }>;
  skuLookup: boolean;
}

export interface InventoryInput {
  sku: string;
  available: number;
  location?: string | null;
}

export interface WarehouseControl {
  readonly state: WarehouseState;
  /** Live log of /v1 requests (same array instance even after resetRequests()). */
  readonly requests: WarehouseRequest[];
  /** Every event sent, with each delivery attempt. */
  readonly events: SentEvent[];
  createAccount(input?: CreateAccountInput): WarehouseAccount;
  accounts(): WarehouseAccount[];
  /** Received orders (copies), oldest first; all accounts unless one is named. */
  orders(accountId?: string): WarehouseOrder[];
  order(id: string): WarehouseOrder;
  setFaults(f: WarehouseFaultPlan | WarehouseFaultPlan[]): void;
  clearFaults(): void;
  /** Ships every line of a received order in one shipment and sends shipment.created. */
  ship(orderId: string, opts?: ShipOptions): Promise<{ order: WarehouseOrder; shipment: WarehouseShipment; delivery: EventDelivery }>;
  /** Warehouse-side cancellation; sends order.cancelled. */
  cancel(orderId: string, reason?: string): Promise<{ order: WarehouseOrder; delivery: EventDelivery }>;
  /** Sends order.rejected (e.g. unknown SKU, address the carrier refuses). */
  reject(orderId: string, reason: string): Promise<{ order: WarehouseOrder; delivery: EventDelivery }>;
  /** Sets absolute stock levels (GET /v1/inventory) and, unless push is false, sends inventory.updated. */
  setInventory(accountId: string, items: InventoryInput[], opts?: { push?: boolean }): Promise<EventDelivery | null>;
  /** Sends any event, valid or not, signed with the account's key; resolves with the app's answer. */
  pushEvent(accountId: string, type: string, data: unknown): Promise<EventDelivery>;
  /** Sends a recorded event again (same id and body, fresh signature). */
  redeliver(eventId: string): Promise<EventDelivery>;
  setAppWebhookUrl(url: string | null): void;
  /** Adds (or renames) products the account knows; `replace` drops the others first. */
  setProducts(accountId: string, items: WarehouseProduct[], opts?: { replace?: boolean }): WarehouseProduct[];
  /** Forgets products of the account (a SKU with a stock level stays known). */
  removeProducts(accountId: string, skus: string[]): void;
  /** false: GET /v1/products answers 404, like a backend without the optional SKU lookup. */
  setSkuLookup(enabled: boolean): void;
  resetRequests(): void;
  snapshot(): WarehouseSnapshot;
}

const copy = <T>(value: T): T => structuredClone(value);

export function createWarehouseControl(state: WarehouseState): WarehouseControl {
  /** Staff actions only apply to orders still waiting in the warehouse. */
  const openOrder = (id: string): WarehouseOrder => {
    const order = state.order(id);
    if (order.status !== 'received') throw new SandboxError(409, `order ${id} is ${order.status}`);
    return order;
  };

  const close = async (id: string, status: 'cancelled' | 'rejected', reason: string) => {
    const order = openOrder(id);
    Object.assign(order, { status, reason, updatedAt: state.now() });
    const type = status === 'cancelled' ? 'order.cancelled' : 'order.rejected';
    const delivery = await pushEvent(state, order.accountId, type, { order_id: order.id, external_ref: order.body.external_ref, reason });
    return { order: copy(order), delivery };
  };

  return {
    state,
    requests: state.requests,
    events: state.events,
    createAccount: (input) => state.createAccount(input),
    accounts: () => [...state.accounts.values()].map((a) => ({ ...a })),
    orders: (accountId) => [...state.orders.values()].filter((o) => accountId === undefined || o.accountId === accountId).map(copy),
    order: (id) => copy(state.order(id)),
    setFaults: (f) => void setFaults(state, f),
    clearFaults: () => clearFaults(state),

    async ship(id, opts = {}) {
      const order = openOrder(id);
      const body = order.body as { shipments?: Array<{ shipping_method?: string; lines?: Array<{ sku: string; quantity: number; order_line_id: number }> }> };
      const ordered = (body.shipments ?? []).flatMap((s) => s.lines ?? []);
      // What is still to ship, line by line, after the shipments already made (partial shipping).
      // A line is an order line id and a SKU: a bundle's parts share their order line id.
      const lineKey = (id: number | undefined, sku: string) => `${id ?? ''}\n${sku}`;
      const shipped = new Map<string, number>();
      for (const sh of order.shipments)
        for (const it of sh.items) if (it.order_line_id) shipped.set(lineKey(it.order_line_id, it.sku), (shipped.get(lineKey(it.order_line_id, it.sku)) ?? 0) + it.quantity);
      const open = ordered.map((l) => ({ ...l, quantity: l.quantity - (shipped.get(lineKey(l.order_line_id, l.sku)) ?? 0) })).filter((l) => l.quantity > 0);
      let lines = open;
      if (opts.items) {
        lines = [];
        for (const want of opts.items) {
          const named = (l: (typeof open)[number]) => (want.order_line_id ? l.order_line_id === want.order_line_id : l.sku === want.sku);
          const line = open.find((l) => named(l) && l.sku === want.sku) ?? open.find(named);
          if (!line || want.quantity < 1 || want.quantity > line.quantity) throw new SandboxError(400, `cannot ship ${want.quantity} × ${want.sku}: not that many left to ship`);
          lines.push({ ...line, quantity: want.quantity });
        }
      } else if (opts.firstItemOnly && open[0]) {
        lines = [{ ...open[0], quantity: 1 }];
      }
      if (lines.length === 0) throw new SandboxError(409, `order ${id} has nothing left to ship`);
      const now = state.now();
      const shipment: WarehouseShipment = {
        id: `shp_${randomAlnum(12)}`,
        orderId: order.id,
        trackingNumber: opts.trackingNumber === undefined ? `SBX${randomAlnum(10).toUpperCase()}` : opts.trackingNumber,
        carrier: opts.carrier ?? 'sandbox',
        service: opts.service === undefined ? (body.shipments?.[0]?.shipping_method ?? null) : opts.service,
        trackingUrl: opts.trackingUrl ?? null,
        items: lines.map((l) => ({ sku: l.sku, quantity: l.quantity, order_line_id: l.order_line_id })),
        createdAt: now,
        seq: state.nextSeq(),
      };
      order.shipments.push(shipment);
      const left = open.reduce((n, l) => n + l.quantity, 0) - lines.reduce((n, l) => n + l.quantity, 0);
      // Partially shipped orders stay open (more shipments may follow); fully shipped ones close.
      Object.assign(order, { status: left > 0 ? 'received' : 'shipped', updatedAt: now });
      const delivery = await pushEvent(state, order.accountId, 'shipment.created', {
        order_id: order.id,
        external_ref: order.body.external_ref,
        shipment_id: shipment.id,
        tracking_number: shipment.trackingNumber,
        carrier: shipment.carrier,
        service: shipment.service,
        ...(shipment.trackingUrl ? { tracking_url: shipment.trackingUrl } : {}),
        items: shipment.items,
      });
      return { order: copy(order), shipment: copy(shipment), delivery };
    },

    cancel: (id, reason = 'Cancelled by the warehouse') => close(id, 'cancelled', reason),
    async reject(id, reason) {
      if (typeof reason !== 'string' || reason.trim() === '') throw new SandboxError(400, 'a rejection needs a reason');
      return close(id, 'rejected', reason);
    },

    async setInventory(accountId, items, opts = {}) {
      state.account(accountId);
      const levels = state.inventoryOf(accountId);
      const now = state.now();
      for (const item of items) {
        if (!item.sku || !Number.isInteger(item.available)) throw new SandboxError(400, 'each item needs a sku and an integer available');
        const location = item.location ?? null;
        levels.set(`${item.sku}\n${location ?? ''}`, { sku: item.sku, available: item.available, location, updatedAt: now, seq: state.nextSeq() });
      }
      if (opts.push === false) return null;
      const data = items.map((i) => ({ sku: i.sku, available: i.available, ...(i.location ? { location: i.location } : {}) }));
      return pushEvent(state, accountId, 'inventory.updated', { items: data });
    },

    pushEvent: (accountId, type, data) => pushEvent(state, accountId, type, data),
    redeliver: (eventId) => redeliver(state, eventId),

    setAppWebhookUrl(url) {
      if (url !== null && !(URL.canParse(url) && /^https?:$/.test(new URL(url).protocol))) {
        throw new SandboxError(400, 'appWebhookUrl must be an absolute http(s) URL');
      }
      state.appWebhookUrl = url;
    },

    setProducts(accountId, items, opts = {}) {
      state.account(accountId);
      for (const item of items) if (!item.sku || item.sku.length > 255) throw new SandboxError(400, 'each product needs a SKU of 1 to 255 characters');
      const products = state.productsOf(accountId);
      if (opts.replace) products.clear();
      for (const item of items) products.set(item.sku, { sku: item.sku, name: item.name || item.sku });
      return [...products.values()].map((p) => ({ ...p }));
    },
    removeProducts(accountId, skus) {
      state.account(accountId);
      for (const sku of skus) state.productsOf(accountId).delete(sku);
    },
    setSkuLookup(enabled) {
      state.skuLookup = enabled;
    },

    resetRequests: () => void state.requests.splice(0),

    snapshot() {
      // JSON has no Infinity: an unlimited remaining count is reported as null.
      const faults = state.faults.map(({ remaining, ...f }) => ({ ...f, remaining: Number.isFinite(remaining) ? remaining : null }));
      const events = state.events
        .slice(-50)
        .reverse()
        .map((e) => ({ id: e.id, accountId: e.accountId, type: e.type, deliveries: copy(e.deliveries) }));
      return {
        appWebhookUrl: state.appWebhookUrl,
        accounts: [...state.accounts.values()].map((a) => ({ ...a })),
        orders: [...state.orders.values()].map(copy),
        faults,
        requestCount: state.requests.length,
        events,
        products: [...state.accounts.keys()].flatMap((accountId) => [...state.productsOf(accountId).values()].map((p) => ({ accountId, ...p }))),
        skuLookup: state.skuLookup,
        inventory: [...state.accounts.keys()].flatMap((accountId) =>
          [...(state.inventory.get(accountId)?.values() ?? [])].map(({ sku, available, location, updatedAt }) => ({ accountId, sku, available, location, updatedAt })),
        ),
      };
    },
  };
}

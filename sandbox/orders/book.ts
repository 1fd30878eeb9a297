// The orders of every store, their custom status labels, and the webhooks their changes fire
// (events/index.mdx §Orders): creation fires store/order/created; a status change fires
// store/order/statusUpdated (only when the status really changes) and store/order/updated; any other
// change fires store/order/updated; archiving fires store/order/archived. Events are handed to the
// dispatcher, which delivers them later, never inside the API request that caused them.
import type { SandboxState } from '../state.js';
import { SandboxError } from '../util.js';
import { resolveAddress, resolveConsignments } from './defaults.js';
import { isStatusId, statusDef } from './statuses.js';
import type { CreateOrderInput, OrderConsignment, OrderLine, OrderRecord } from './types.js';

/** BigCommerce stores number their first order 100 (the spec's examples use 100 and up). */
const FIRST_ORDER_ID = 100;

interface StoreOrders {
  orders: Map<number, OrderRecord>;
  nextOrderId: number;
  nextLineId: number;
  nextAddressId: number;
  /** Stand-in ids for SKUs the store's catalog does not know, stable across orders of the store. */
  unknownSkus: Map<string, { productId: number; variantId: number }>;
  labels: Map<number, string>;
}

export class OrderBook {
  private readonly stores = new Map<string, StoreOrders>();

  constructor(private readonly state: SandboxState) {}

  private of(storeHash: string): StoreOrders {
    this.state.store(storeHash);
    let s = this.stores.get(storeHash);
    if (!s) {
      s = { orders: new Map(), nextOrderId: FIRST_ORDER_ID, nextLineId: 1, nextAddressId: 1, unknownSkus: new Map(), labels: new Map() };
      this.stores.set(storeHash, s);
    }
    return s;
  }

  list(storeHash: string): OrderRecord[] {
    return [...this.of(storeHash).orders.values()];
  }

  get(storeHash: string, id: number): OrderRecord | undefined {
    return this.of(storeHash).orders.get(id);
  }

  require(storeHash: string, id: number): OrderRecord {
    const order = this.get(storeHash, id);
    if (!order) throw new SandboxError(404, `order ${id} not found in store ${storeHash}`);
    return order;
  }

  customLabel(storeHash: string, statusId: number): string | undefined {
    return this.of(storeHash).labels.get(statusId);
  }

  setStatusLabel(storeHash: string, statusId: number, label: string): void {
    if (!isStatusId(statusId)) throw new SandboxError(400, `unknown order status ${String(statusId)}`);
    const clean = label.trim();
    if (!clean || clean.length > 100) throw new SandboxError(400, 'a status label needs 1 to 100 characters');
    const labels = this.of(storeHash).labels;
    // Setting the system name back is the same as having no custom label.
    if (clean === statusDef(statusId)?.name) labels.delete(statusId);
    else labels.set(statusId, clean);
  }

  create(storeHash: string, input: CreateOrderInput = {}): OrderRecord {
    const s = this.of(storeHash);
    const statusId = input.statusId ?? 11;
    if (!isStatusId(statusId)) throw new SandboxError(400, `unknown order status ${String(statusId)}`);
    const billing = resolveAddress(input.customer);
    const resolved = resolveConsignments(input, billing);
    const now = this.state.now();
    const id = s.nextOrderId++;
    const consignments: OrderConsignment[] = [];
    const lines: OrderLine[] = [];
    for (const c of resolved) {
      const consignment = { id: s.nextAddressId++, address: c.address, shippingMethod: c.shippingMethod, shippingCost: c.shippingCost };
      consignments.push(consignment);
      for (const l of c.lines) {
        const ids = this.idsFor(s, storeHash, l.sku);
        lines.push({
          id: s.nextLineId++,
          productId: l.productId ?? ids.productId,
          variantId: l.variantId === undefined ? ids.variantId : l.variantId,
          name: l.name,
          sku: l.sku,
          quantity: l.quantity,
          quantityShipped: 0,
          price: l.price,
          consignmentId: consignment.id,
        });
      }
    }
    const order: OrderRecord = {
      id,
      storeHash,
      // A storm order exists as Incomplete first, then moves to its status (see CreateOrderInput.storm).
      statusId: input.storm ? 0 : statusId,
      customerId: input.customer?.id ?? 0,
      billing,
      consignments,
      lines,
      customerMessage: input.customerMessage ?? '',
      staffNotes: input.staffNotes ?? '',
      paymentMethod: input.paymentMethod ?? 'Credit Card',
      channelId: input.channelId ?? 1,
      createdAt: now,
      modifiedAt: now,
      isDeleted: false,
    };
    s.orders.set(id, order);
    this.state.webhooks.fire(storeHash, 'store/order/created', { type: 'order', id });
    if (input.storm) this.changeStatus(order, statusId, { duplicateStatusEvent: true });
    return order;
  }

  /**
   * Catalog ids of a line: the store's catalog entry for the SKU (catalog/catalog.ts), so line
   * product_id / variant_id match GET /v3/inventory/items; SKUs outside the catalog (and lines
   * without SKU) get stand-in ids from a range the catalog never allocates.
   */
  private idsFor(s: StoreOrders, storeHash: string, sku: string): { productId: number; variantId: number | null } {
    const fromCatalog = sku ? this.state.catalog.idsForSku(storeHash, sku) : undefined;
    if (fromCatalog) return fromCatalog;
    const known = sku ? s.unknownSkus.get(sku) : undefined;
    if (known) return known;
    const ids = { productId: 90_001 + s.unknownSkus.size, variantId: 900_001 + s.unknownSkus.size };
    if (sku) s.unknownSkus.set(sku, ids);
    return ids;
  }

  /** Many orders at once (benchmarks): the same effects as calling create() `count` times. */
  createMany(storeHash: string, count: number, input: CreateOrderInput = {}): OrderRecord[] {
    if (!Number.isInteger(count) || count < 0 || count > 100_000) throw new SandboxError(400, 'count must be an integer from 0 to 100000');
    const created: OrderRecord[] = [];
    for (let i = 0; i < count; i++) created.push(this.create(storeHash, input));
    return created;
  }

  /** PUT /v2/orders/{id} {status_id} and the control panel's status select. */
  setStatus(storeHash: string, id: number, statusId: number): OrderRecord {
    if (!isStatusId(statusId)) throw new SandboxError(400, `unknown order status ${String(statusId)}`);
    const order = this.require(storeHash, id);
    this.changeStatus(order, statusId, {});
    return order;
  }

  /**
   * Applies a change to an order; when `mutate` reports a change, date_modified moves and
   * store/order/updated fires. For modules that change orders in other ways (e.g. shipments).
   * `opts.nextStatus`, asked after `mutate`, may move the status as part of the same change: then
   * store/order/statusUpdated fires too, and still a single store/order/updated.
   */
  update(storeHash: string, id: number, mutate: (order: OrderRecord) => boolean, opts: { nextStatus?: (order: OrderRecord) => number | undefined } = {}): OrderRecord {
    const order = this.require(storeHash, id);
    const changed = mutate(order);
    const previous = order.statusId;
    const next = opts.nextStatus?.(order);
    const statusChanged = next !== undefined && next !== previous && isStatusId(next);
    if (!changed && !statusChanged) return order;
    order.modifiedAt = this.state.now();
    if (statusChanged) {
      order.statusId = next;
      const status = { previous_status_id: previous, new_status_id: next };
      this.state.webhooks.fire(storeHash, 'store/order/statusUpdated', { type: 'order', id, status });
    }
    this.state.webhooks.fire(storeHash, 'store/order/updated', { type: 'order', id });
    return order;
  }

  archive(storeHash: string, id: number): OrderRecord {
    const order = this.require(storeHash, id);
    if (!order.isDeleted) {
      order.isDeleted = true;
      order.modifiedAt = this.state.now();
      this.state.webhooks.fire(storeHash, 'store/order/archived', { type: 'order', id });
    }
    return order;
  }

  private changeStatus(order: OrderRecord, statusId: number, opts: { duplicateStatusEvent?: boolean }): void {
    const previous = order.statusId;
    // Setting the current status again changes nothing, so nothing fires.
    if (previous === statusId) return;
    order.statusId = statusId;
    order.modifiedAt = this.state.now();
    const data = { type: 'order', id: order.id, status: { previous_status_id: previous, new_status_id: statusId } };
    const fireOpts = opts.duplicateStatusEvent ? { duplicate: true } : {};
    this.state.webhooks.fire(order.storeHash, 'store/order/statusUpdated', data, fireOpts);
    this.state.webhooks.fire(order.storeHash, 'store/order/updated', { type: 'order', id: order.id });
  }
}

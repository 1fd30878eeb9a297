// Order shipments per store and their effects on orders.
//
// Validation against the order (as BigCommerce refuses it, v2 400 naming the problem): the
// order_address_id must be one of the order's shipping addresses; every order_product_id must be a
// line of *that* consignment; the quantities (summed per line within the request) may not exceed
// what is left unshipped.
//
// Effects of a new shipment: the lines' quantity_shipped (and so items_shipped) grow, and the order
// status moves to Shipped (2) when nothing is left unshipped, otherwise to Partially Shipped (3);
// date_shipped is set when the order becomes fully shipped. No BigCommerce doc states this rule
// (notes §3.5): the status definitions ("Shipped: seller has used the Ship Items action"; "Partially
// Shipped: only some items in the order have been shipped"), the guide's "Deleting a shipment does
// not move the order out of shipped status" and third-party reports of automatic moves point to it,
// while a BigCommerce Academy page says the status "is not automatically updated". The sandbox moves
// the status by default (the stricter case for an app: it must expect the statusUpdated webhooks its
// own shipments cause) and `autoStatus = false` reproduces the other reading.
// Deleting a shipment gives its quantities back to the lines but leaves the status alone (guide).
//
// Webhooks: store/shipment/{created,updated,deleted} with data {type: "shipment", id, orderId}
// (camelCase orderId, events/index.mdx), then the order's statusUpdated / updated.
import type { OrderRecord } from '../orders/types.js';
import type { SandboxState } from '../state.js';
import { SandboxError } from '../util.js';
import type { ShipmentInput, ShipmentPatch, ShipmentRecord } from './types.js';
import { checkShipmentFields, ShipmentError } from './validate.js';

const SHIPPED = 2;
const PARTIALLY_SHIPPED = 3;

interface StoreShipments {
  byOrder: Map<number, ShipmentRecord[]>;
  nextId: number;
}

const allShipped = (o: OrderRecord): boolean => o.lines.every((l) => l.quantityShipped >= l.quantity);

export class ShipmentBook {
  private readonly stores = new Map<string, StoreShipments>();
  /** Whether a new shipment moves the order to Shipped / Partially Shipped (see the header). */
  autoStatus = true;
  /** Refusals the next POSTs of a shipment get, in order (a test lever: see shipments/control.ts). */
  private refusals: Array<{ status: number; message: string }> = [];
  /** How many of the next POSTs are written, then answered with an error (see shipments/control.ts). */
  private lostAnswers = 0;

  refuseNext(refusals: Array<{ status: number; message: string }>): void {
    this.refusals = [...refusals];
  }

  /** The refusal the next POST gets, if one is planned. */
  takeRefusal(): { status: number; message: string } | undefined {
    return this.refusals.shift();
  }

  loseNextAnswers(count: number): void {
    this.lostAnswers = count;
  }

  /** True when the POST just written is to be answered with an error instead of the shipment. */
  takeLostAnswer(): boolean {
    if (this.lostAnswers <= 0) return false;
    this.lostAnswers -= 1;
    return true;
  }

  constructor(private readonly state: SandboxState) {}

  private of(storeHash: string): StoreShipments {
    this.state.store(storeHash);
    let s = this.stores.get(storeHash);
    if (!s) this.stores.set(storeHash, (s = { byOrder: new Map(), nextId: 1 }));
    return s;
  }

  list(storeHash: string, orderId: number): ShipmentRecord[] {
    return this.of(storeHash).byOrder.get(orderId) ?? [];
  }

  all(storeHash: string): ShipmentRecord[] {
    return [...this.of(storeHash).byOrder.values()].flat();
  }

  get(storeHash: string, orderId: number, shipmentId: number): ShipmentRecord | undefined {
    return this.list(storeHash, orderId).find((s) => s.id === shipmentId);
  }

  create(storeHash: string, orderId: number, input: ShipmentInput): ShipmentRecord {
    const order = this.state.orders.require(storeHash, orderId);
    checkShipmentFields(input);
    const addressId = this.checkAddress(order, input.orderAddressId);
    const items = input.items ?? [];
    if (items.length === 0) throw new ShipmentError("The field 'items' is invalid. A shipment needs at least one item.");
    const requested = new Map<number, number>();
    items.forEach((item, i) => {
      const line = order.lines.find((l) => l.id === item.orderProductId);
      if (!line) throw new ShipmentError(`The field 'items[${i}].order_product_id' is invalid. Order ${order.id} has no order product ${item.orderProductId}.`);
      if (line.consignmentId !== addressId) {
        throw new ShipmentError(`The field 'items[${i}].order_product_id' is invalid. Order product ${line.id} ships to order address ${line.consignmentId}, not ${addressId}.`);
      }
      const total = (requested.get(line.id) ?? 0) + item.quantity;
      const left = line.quantity - line.quantityShipped;
      if (total > left) {
        throw new ShipmentError(`The field 'items[${i}].quantity' is invalid. ${total} requested but only ${left} of order product ${line.id} left to ship.`);
      }
      requested.set(line.id, total);
    });

    const s = this.of(storeHash);
    const now = this.state.now();
    const shipment: ShipmentRecord = {
      id: s.nextId++,
      storeHash,
      orderId,
      orderAddressId: addressId,
      createdAt: now,
      trackingNumber: input.trackingNumber ?? '',
      shippingMethod: input.shippingMethod ?? '',
      shippingProvider: input.shippingProvider ?? '',
      trackingCarrier: input.trackingCarrier ?? '',
      trackingLink: input.trackingLink ?? '',
      comments: input.comments ?? '',
      merchantShippingCost: Number(input.merchantShippingCost ?? 0),
      items: items.map((i) => ({ orderProductId: i.orderProductId, productId: order.lines.find((l) => l.id === i.orderProductId)!.productId, quantity: i.quantity })),
    };
    s.byOrder.set(orderId, [...this.list(storeHash, orderId), shipment]);
    this.fire(shipment, 'created');
    this.state.orders.update(
      storeHash,
      orderId,
      (o) => {
        for (const [lineId, q] of requested) o.lines.find((l) => l.id === lineId)!.quantityShipped += q;
        if (allShipped(o)) o.shippedAt = now;
        return true;
      },
      { nextStatus: (o) => (this.autoStatus ? (allShipped(o) ? SHIPPED : PARTIALLY_SHIPPED) : undefined) },
    );
    return shipment;
  }

  update(storeHash: string, orderId: number, shipmentId: number, patch: ShipmentPatch): ShipmentRecord {
    const shipment = this.require(storeHash, orderId, shipmentId);
    checkShipmentFields(patch);
    if (patch.orderAddressId !== undefined) {
      const order = this.state.orders.require(storeHash, orderId);
      const addressId = this.checkAddress(order, patch.orderAddressId);
      const elsewhere = shipment.items.find((i) => order.lines.find((l) => l.id === i.orderProductId)?.consignmentId !== addressId);
      if (elsewhere) throw new ShipmentError(`The field 'order_address_id' is invalid. Order product ${elsewhere.orderProductId} does not ship to order address ${addressId}.`);
      shipment.orderAddressId = addressId;
    }
    const { orderAddressId: _a, merchantShippingCost, ...strings } = patch;
    for (const [k, v] of Object.entries(strings)) if (v !== undefined) (shipment as unknown as Record<string, unknown>)[k] = v;
    if (merchantShippingCost !== undefined) shipment.merchantShippingCost = Number(merchantShippingCost);
    this.fire(shipment, 'updated');
    return shipment;
  }

  delete(storeHash: string, orderId: number, shipmentId: number): ShipmentRecord {
    const shipment = this.require(storeHash, orderId, shipmentId);
    this.of(storeHash).byOrder.set(
      orderId,
      this.list(storeHash, orderId).filter((s) => s !== shipment),
    );
    this.fire(shipment, 'deleted');
    this.state.orders.update(storeHash, orderId, (o) => {
      for (const item of shipment.items) {
        const line = o.lines.find((l) => l.id === item.orderProductId);
        if (line) line.quantityShipped = Math.max(0, line.quantityShipped - item.quantity);
      }
      return true;
    });
    return shipment;
  }

  deleteAll(storeHash: string, orderId: number): number {
    const doomed = [...this.list(storeHash, orderId)];
    for (const s of doomed) this.delete(storeHash, orderId, s.id);
    return doomed.length;
  }

  private require(storeHash: string, orderId: number, shipmentId: number): ShipmentRecord {
    const shipment = this.get(storeHash, orderId, shipmentId);
    if (!shipment) throw new SandboxError(404, `order ${orderId} has no shipment ${shipmentId}`);
    return shipment;
  }

  private checkAddress(order: OrderRecord, id: number | undefined): number {
    if (id === undefined) throw new ShipmentError("The required field 'order_address_id' was not supplied.");
    if (!order.consignments.some((c) => c.id === id)) {
      throw new ShipmentError(`The field 'order_address_id' is invalid. Order ${order.id} has no shipping address ${id}.`);
    }
    return id;
  }

  private fire(s: ShipmentRecord, what: 'created' | 'updated' | 'deleted'): void {
    this.state.webhooks.fire(s.storeHash, `store/shipment/${what}`, { type: 'shipment', id: s.id, orderId: s.orderId });
  }
}

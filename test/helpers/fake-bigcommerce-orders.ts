// A BigCommerceClient double for the shipment flow: one store's v2 orders with consignments, their
// shipments (validated like BigCommerce: the line must ship to that address, no more than is left),
// and levers for what real networks do: an answer lost after the write was applied, and a call
// held open until the test lets it go.
import { BigCommerceApiError, BigCommerceTimeoutError, type BigCommerceClient, type BigCommerceRequest } from '../../server/bigcommerce/index.js';

export interface FakeLine {
  id: number;
  sku: string;
  quantity: number;
  shipped?: number;
}

export interface FakeShipment {
  id: number;
  order_address_id: number;
  tracking_number: string;
  comments: string;
  items: Array<{ order_product_id: number; quantity: number }>;
}

interface FakeOrder {
  id: number;
  statusId: number;
  /** address id → lines */
  addresses: Map<number, Array<Required<FakeLine>>>;
  shipments: FakeShipment[];
}

export class FakeBigCommerceOrders {
  readonly calls: string[] = [];
  private readonly orders = new Map<number, FakeOrder>();
  private nextShipmentId = 1;
  /** Per upcoming shipment POST: true = apply it, then lose the answer. */
  private losePlan: boolean[] = [];
  private hold: { match: string; gate: Promise<void>; reached: () => void } | undefined;

  addOrder(id: number, addresses: Record<number, FakeLine[]>, statusId = 11): void {
    const map = new Map<number, Array<Required<FakeLine>>>();
    for (const [addressId, lines] of Object.entries(addresses))
      map.set(
        Number(addressId),
        lines.map((l) => ({ shipped: 0, ...l })),
      );
    this.orders.set(id, { id, statusId, addresses: map, shipments: [] });
  }

  shipments(orderId: number): FakeShipment[] {
    return structuredClone(this.order(orderId).shipments);
  }

  statusOf(orderId: number): number {
    return this.order(orderId).statusId;
  }

  /**
   * After `after` shipment POSTs that answer normally, the next `count` are applied and then time
   * out as if the answer never arrived.
   */
  loseNextShipmentAnswers(count = 1, after = 0): void {
    this.losePlan = [...Array<boolean>(after).fill(false), ...Array<boolean>(count).fill(true)];
  }

  /**
   * The next call whose "METHOD /path" starts with `match` waits until the returned release() is
   * called; `reached` resolves once it is waiting.
   */
  holdNext(match: string): { reached: Promise<void>; release: () => void } {
    let release!: () => void;
    let reached!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const reachedP = new Promise<void>((r) => (reached = r));
    this.hold = { match, gate, reached };
    return { reached: reachedP, release };
  }

  readonly client: BigCommerceClient = {
    storeHash: 'fake',
    request: <T>(r: BigCommerceRequest) => this.handle(r.method, r.path, r.body) as Promise<T | null>,
    get: <T>(_v: string, path: string) => this.handle('GET', path) as Promise<T | null>,
    post: <T>(_v: string, path: string, body: unknown) => this.handle('POST', path, body) as Promise<T | null>,
    put: <T>(_v: string, path: string, body: unknown) => this.handle('PUT', path, body) as Promise<T | null>,
    delete: <T>(_v: string, path: string) => this.handle('DELETE', path) as Promise<T | null>,
  };

  private order(id: number): FakeOrder {
    const o = this.orders.get(id);
    if (!o) throw new Error(`fake: no order ${id}`);
    return o;
  }

  private async handle(method: string, path: string, body?: unknown): Promise<unknown> {
    const call = `${method} ${path}`;
    this.calls.push(call);
    if (this.hold && call.startsWith(this.hold.match)) {
      const { gate, reached } = this.hold;
      this.hold = undefined;
      reached();
      await gate;
    }
    const m = /^\/orders\/(\d+)(\/shipments)?$/.exec(path);
    if (!m) throw new Error(`fake: unexpected ${call}`);
    const order = this.order(Number(m[1]));
    if (method === 'GET' && !m[2]) return this.render(order);
    if (method === 'GET') return order.shipments.length ? structuredClone(order.shipments) : null;
    if (method === 'PUT' && !m[2]) {
      order.statusId = (body as { status_id: number }).status_id;
      return this.render(order);
    }
    if (method === 'POST' && m[2]) return this.createShipment(order, body as FakeShipment, path);
    throw new Error(`fake: unexpected ${call}`);
  }

  private createShipment(order: FakeOrder, body: FakeShipment, path: string): FakeShipment {
    const lines = order.addresses.get(body.order_address_id);
    const refuse = (message: string) =>
      new BigCommerceApiError(message, { status: 400, method: 'POST', path, storeHash: 'fake', bodyExcerpt: JSON.stringify([{ status: 400, message }]) });
    if (!lines) throw refuse(`The field 'order_address_id' is invalid.`);
    for (const item of body.items) {
      const line = lines.find((l) => l.id === item.order_product_id);
      if (!line) throw refuse(`Order product ${item.order_product_id} does not ship to order address ${body.order_address_id}.`);
      if (line.quantity - line.shipped < item.quantity) throw refuse(`Only ${line.quantity - line.shipped} of order product ${line.id} left to ship.`);
    }
    for (const item of body.items) lines.find((l) => l.id === item.order_product_id)!.shipped += item.quantity;
    const shipment: FakeShipment = {
      id: this.nextShipmentId++,
      order_address_id: body.order_address_id,
      tracking_number: body.tracking_number ?? '',
      comments: body.comments ?? '',
      items: body.items.map((i) => ({ order_product_id: i.order_product_id, quantity: i.quantity })),
    };
    order.shipments.push(shipment);
    const all = [...order.addresses.values()].flat();
    order.statusId = all.every((l) => l.shipped >= l.quantity) ? 2 : 3;
    if (this.losePlan.shift()) {
      throw new BigCommerceTimeoutError('POST timed out after 15000 ms', { status: null, method: 'POST', path, storeHash: 'fake' });
    }
    return structuredClone(shipment);
  }

  private render(order: FakeOrder): unknown {
    const all = [...order.addresses.values()].flat();
    return {
      id: order.id,
      status_id: order.statusId,
      items_total: all.reduce((n, l) => n + l.quantity, 0),
      items_shipped: all.reduce((n, l) => n + l.shipped, 0),
      consignments: {
        shipping: [...order.addresses].map(([addressId, lines]) => ({
          id: addressId,
          line_items: lines.map((l) => ({ id: l.id, sku: l.sku, quantity: l.quantity, quantity_shipped: l.shipped, order_address_id: addressId })),
        })),
      },
    };
  }
}

// Test and control-panel levers for orders: what a shopper (checkout) or a merchant (order page)
// does. Each call has the same effects as the API would: date_modified moves and webhooks fire.
// Orders are returned as copies, so a test cannot change the store by editing a returned object.
import type { SandboxState } from '../state.js';
import { ORDER_STATUSES } from './statuses.js';
import type { CreateOrderInput, OrderRecord } from './types.js';

export interface OrderStatusLabel {
  id: number;
  name: string;
  customLabel: string;
}

export interface OrdersControl {
  /** Defaults: status 11, Jane Doe, one "Flat Rate" consignment with two SKU'd lines. */
  createOrder(storeHash: string, input?: CreateOrderInput): OrderRecord;
  /** `count` orders from the same input (benchmarks); ids are consecutive. */
  createOrders(storeHash: string, count: number, input?: CreateOrderInput): OrderRecord[];
  orders(storeHash: string): OrderRecord[];
  getOrder(storeHash: string, orderId: number): OrderRecord;
  /** Same effects as PUT /v2/orders/{id} {status_id}: date_modified, statusUpdated + updated. */
  setOrderStatus(storeHash: string, orderId: number, statusId: number): OrderRecord;
  /** Same effects as DELETE /v2/orders/{id}: is_deleted, store/order/archived. */
  archiveOrder(storeHash: string, orderId: number): OrderRecord;
  /** The merchant renames a status (custom_label); the system name stays. */
  setStatusLabel(storeHash: string, statusId: number, label: string): void;
  statusLabels(storeHash: string): OrderStatusLabel[];
}

const copy = (o: OrderRecord): OrderRecord => structuredClone(o);

export function ordersControl(state: SandboxState): OrdersControl {
  return {
    createOrder: (hash, input) => copy(state.orders.create(hash, input)),
    createOrders: (hash, count, input) => state.orders.createMany(hash, count, input).map(copy),
    orders: (hash) => state.orders.list(hash).map(copy),
    getOrder: (hash, id) => copy(state.orders.require(hash, id)),
    setOrderStatus: (hash, id, statusId) => copy(state.orders.setStatus(hash, id, statusId)),
    archiveOrder: (hash, id) => copy(state.orders.archive(hash, id)),
    setStatusLabel: (hash, statusId, label) => state.orders.setStatusLabel(hash, statusId, String(label ?? '')),
    statusLabels: (hash) => ORDER_STATUSES.map((s) => ({ id: s.id, name: s.name, customLabel: state.orders.customLabel(hash, s.id) ?? s.name })),
  };
}

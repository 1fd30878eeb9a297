// Test and control-panel levers for shipments: the merchant's "Ship items" action (with the same
// validation and effects as POST /v2/orders/{id}/shipments) and inspection of what the app created.
// Records are returned as copies.
import type { SandboxState } from '../state.js';
import type { ShipmentInput, ShipmentRecord } from './types.js';

export interface ShipmentsControl {
  /** Shipments of one order, or of every order of the store. */
  shipments(storeHash: string, orderId?: number): ShipmentRecord[];
  /**
   * Ships like the API does. Without `orderAddressId`/`items`, ships everything still unshipped of
   * the first shipping address that has something left.
   */
  createShipment(storeHash: string, orderId: number, input?: ShipmentInput): ShipmentRecord;
  /**
   * Whether new shipments move the order to Shipped / Partially Shipped (default true). false
   * reproduces stores where the status stays until someone sets it (see shipments/book.ts).
   */
  setShipmentAutoStatus(on: boolean): void;
  /**
   * The next `count` POST /v2/orders/{id}/shipments calls are refused with a v2 error body
   * `[{status, message}]` (default 422), whatever they contain: for shipments BigCommerce refuses
   * for reasons the sandbox does not model. Field limits and enums are refused anyway (400, validate.ts).
   */
  refuseShipments(message: string, opts?: { status?: number; count?: number }): void;
  /**
   * The next `count` POST /v2/orders/{id}/shipments calls create the shipment (quantities, status,
   * webhooks) and then answer 504, as a gateway that timed out after BigCommerce wrote it: the
   * caller cannot tell it was created.
   */
  loseShipmentAnswers(count?: number): void;
}

const copy = (s: ShipmentRecord): ShipmentRecord => structuredClone(s);

export function shipmentsControl(state: SandboxState): ShipmentsControl {
  return {
    shipments: (hash, orderId) => (orderId === undefined ? state.shipments.all(hash) : state.shipments.list(hash, orderId)).map(copy),

    createShipment(hash, orderId, input = {}) {
      const order = state.orders.require(hash, orderId);
      const open = order.lines.filter((l) => l.quantityShipped < l.quantity);
      const addressId = input.orderAddressId ?? open[0]?.consignmentId ?? order.consignments[0]?.id;
      const items = input.items ?? open.filter((l) => l.consignmentId === addressId).map((l) => ({ orderProductId: l.id, quantity: l.quantity - l.quantityShipped }));
      const full: ShipmentInput = { ...input, items };
      if (addressId !== undefined) full.orderAddressId = addressId;
      return copy(state.shipments.create(hash, orderId, full));
    },

    setShipmentAutoStatus(on) {
      state.shipments.autoStatus = on === true;
    },

    refuseShipments(message, { status = 422, count = 1 } = {}) {
      if (!Number.isInteger(status) || status < 400 || status > 499) throw new TypeError('refusals are 4xx statuses');
      state.shipments.refuseNext(Array.from({ length: count }, () => ({ status, message })));
    },

    loseShipmentAnswers(count = 1) {
      if (!Number.isInteger(count) || count < 0) throw new TypeError('count is a whole number');
      state.shipments.loseNextAnswers(count);
    },
  };
}

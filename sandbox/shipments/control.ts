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
}

const copy = (s: ShipmentRecord): ShipmentRecord => structuredClone(s);

export function shipmentsControl(state: SandboxState): ShipmentsControl {
  return {
    shipments: (hash, orderId) => (orderId === undefined ? state.shipments.all(hash) : state.shipments.list(hash, orderId)).map(copy),

    createShipment(hash, orderId, input = {}) {
      const order = state.orders.require(hash, orderId);
      const open = order.lines.filter((l) => l.quantityShipped < l.quantity);
      const addressId = input.orderAddressId ?? open[0]?.consignmentId ?? order.consignments[0]?.id;
      const items =
        input.items ??
        open.filter((l) => l.consignmentId === addressId).map((l) => ({ orderProductId: l.id, quantity: l.quantity - l.quantityShipped }));
      const full: ShipmentInput = { ...input, items };
      if (addressId !== undefined) full.orderAddressId = addressId;
      return copy(state.shipments.create(hash, orderId, full));
    },

    setShipmentAutoStatus(on) {
      state.shipments.autoStatus = on === true;
    },
  };
}

// Types of the sandbox's order shipments (types only). Records are camelCase; the v2 JSON
// (orderShipment of orders.v2.oas2.yml) is produced by shipments/render.ts.

export interface ShipmentItem {
  /** The order line (`order_product_id` = orderProducts.id). */
  orderProductId: number;
  /** Read-only in the API: the line's catalog product. */
  productId: number;
  quantity: number;
}

export interface ShipmentRecord {
  /** Shipment ids are allocated per store, starting at 1. */
  id: number;
  storeHash: string;
  orderId: number;
  /** The shipping address / consignment shipped to. */
  orderAddressId: number;
  /** ms on the sandbox clock. */
  createdAt: number;
  trackingNumber: string;
  shippingMethod: string;
  shippingProvider: string;
  trackingCarrier: string;
  trackingLink: string;
  comments: string;
  merchantShippingCost: number;
  items: ShipmentItem[];
}

/** Fields of a new shipment (POST body, or createShipment() with camelCase names). */
export interface ShipmentInput {
  orderAddressId?: number;
  items?: Array<{ orderProductId: number; quantity: number }>;
  trackingNumber?: string;
  shippingMethod?: string;
  /** "" or one of the spec's providers (usps, fedex, ups ...) or carrier_{id}. */
  shippingProvider?: string;
  /** "" or an AfterShip courier slug. */
  trackingCarrier?: string;
  trackingLink?: string;
  comments?: string;
  /** Decimal string, e.g. "1.0000". */
  merchantShippingCost?: string;
}

/** Fields a PUT may change (orderShipment_Put): everything but the items. */
export type ShipmentPatch = Omit<ShipmentInput, 'items'>;

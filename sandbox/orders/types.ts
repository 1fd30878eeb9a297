// Types of the sandbox's orders (types only). Records are camelCase and hold numbers; the v2 JSON
// (snake_case, money as strings, RFC-2822 dates) is produced by orders/render.ts, so a test can read
// or tweak an order without knowing the wire format.

export interface OrderAddress {
  firstName: string;
  lastName: string;
  company: string;
  street1: string;
  street2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  countryIso2: string;
  phone: string;
  email: string;
}

export interface OrderLine {
  /** Order product id (orderProducts.id; `order_product_id` when creating shipments). */
  id: number;
  productId: number;
  /** null for a custom product (the spec omits variant_id then). */
  variantId: number | null;
  name: string;
  /** '' when the product has no SKU. */
  sku: string;
  quantity: number;
  quantityShipped: number;
  /** Unit price excluding tax (the sandbox charges no tax). */
  price: number;
  /** The shipping consignment / order address the line ships to (`order_address_id`). */
  consignmentId: number;
}

export interface OrderConsignment {
  /** Shipping consignment id = order shipping address id. */
  id: number;
  address: OrderAddress;
  shippingMethod: string;
  shippingCost: number;
}

export interface OrderRecord {
  id: number;
  storeHash: string;
  statusId: number;
  customerId: number;
  billing: OrderAddress;
  consignments: OrderConsignment[];
  lines: OrderLine[];
  customerMessage: string;
  staffNotes: string;
  paymentMethod: string;
  channelId: number;
  /** ms on the sandbox clock. */
  createdAt: number;
  modifiedAt: number;
  /** Archived (DELETE /v2/orders/{id}). */
  isDeleted: boolean;
  /** ms on the sandbox clock when the last shipment left nothing unshipped (`date_shipped`). */
  shippedAt?: number;
}

export interface OrderLineInput {
  /** null or '' = a line without SKU. */
  sku?: string | null;
  name?: string;
  quantity?: number;
  /** Unit price as a decimal string, e.g. "25.00". */
  price?: string;
  productId?: number;
  /** null = custom product without variant. */
  variantId?: number | null;
}

export interface OrderConsignmentInput {
  address?: Partial<OrderAddress>;
  shippingMethod?: string;
  /** Decimal string, default "10.00" for the first consignment and "0.00" for the others. */
  shippingCost?: string;
  lines?: OrderLineInput[];
}

export interface CreateOrderInput {
  /** Default 11 (Awaiting Fulfillment): a paid order, the status fulfillment apps import. */
  statusId?: number;
  customer?: { id?: number } & Partial<OrderAddress>;
  /** Lines of a single consignment; with `consignments`, only used by a first consignment without lines. */
  lines?: OrderLineInput[];
  consignments?: OrderConsignmentInput[];
  customerMessage?: string;
  staffNotes?: string;
  paymentMethod?: string;
  channelId?: number;
  /**
   * Emulates a storefront checkout storm: the order is created as Incomplete (0) and then moved to
   * its status, so the app receives store/order/created, store/order/statusUpdated (0 → status) and
   * store/order/updated, and the statusUpdated event is delivered twice (same hash and webhook-id).
   */
  storm?: boolean;
}

export interface OrderStatusDef {
  id: number;
  /** BigCommerce's system name (`name` and `system_label`). */
  name: string;
  description: string;
  /** Sort position in the control panel (`order` / `sort_order`), as in the spec's examples. */
  sortOrder: number;
}

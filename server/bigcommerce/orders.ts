// Orders v2: the few calls the import flow makes, with lenient zod schemas (v2 money is strings,
// dates RFC-2822; unknown fields pass through).
import { z } from 'zod';
import type { BigCommerceClient } from './http-client.js';

const str = z.string().nullable().optional().catch(undefined);
const num = z.coerce.number().optional().catch(undefined);

export const lineItemSchema = z.looseObject({
  id: z.number(),
  name: str,
  sku: str,
  quantity: z.coerce.number(),
  base_price: str,
  price_ex_tax: str,
  price_inc_tax: str,
  type: str,
  product_id: num,
  variant_id: num,
  order_address_id: num,
  quantity_shipped: num,
  quantity_refunded: num,
});

export const shippingConsignmentSchema = z.looseObject({
  id: z.number(),
  first_name: str,
  last_name: str,
  company: str,
  street_1: str,
  street_2: str,
  city: str,
  state: str,
  zip: str,
  country: str,
  country_iso2: str,
  phone: str,
  email: str,
  shipping_method: str,
  line_items: z.array(lineItemSchema).optional().default([]),
});

export const orderSchema = z.looseObject({
  id: z.number(),
  items_total: num,
  items_shipped: num,
  status_id: z.coerce.number(),
  status: str,
  custom_status: str,
  date_created: str,
  date_modified: str,
  customer_id: num,
  customer_message: str,
  billing_address: z.looseObject({ first_name: str, last_name: str, email: str, phone: str, company: str }).optional().catch(undefined),
  consignments: z
    .looseObject({ shipping: z.array(shippingConsignmentSchema).optional().default([]) })
    .optional()
    .catch(undefined),
});

export type BcOrder = z.infer<typeof orderSchema>;
export type BcShippingConsignment = z.infer<typeof shippingConsignmentSchema>;
export type BcLineItem = z.infer<typeof lineItemSchema>;

/** One call gets everything the import needs: the order with its consignments and lines. */
export async function getOrderWithConsignments(client: BigCommerceClient, orderId: number): Promise<BcOrder> {
  const body = await client.get('v2', `/orders/${orderId}`, {
    query: { include: 'consignments.line_items', consignment_structure: 'object' },
  });
  return orderSchema.parse(body);
}

const listItemSchema = z.looseObject({ id: z.number(), status_id: z.coerce.number(), date_modified: str });
export type BcOrderListItem = z.infer<typeof listItemSchema>;

/** GET /v2/orders page; v2 answers 204 (null) when nothing matches. */
export async function listOrders(client: BigCommerceClient, q: { statusId: number; minDateModified?: Date; page: number; limit: number }): Promise<BcOrderListItem[]> {
  const body = await client.get('v2', '/orders', {
    query: {
      status_id: q.statusId,
      ...(q.minDateModified ? { min_date_modified: q.minDateModified.toISOString() } : {}),
      sort: 'date_modified:asc',
      limit: q.limit,
      page: q.page,
    },
  });
  return body == null ? [] : z.array(listItemSchema).parse(body);
}

/** PUT /v2/orders/{id} with status_id only, so nothing else of the order is touched. */
export async function setOrderStatus(client: BigCommerceClient, orderId: number, statusId: number): Promise<void> {
  await client.put('v2', `/orders/${orderId}`, { status_id: statusId }, { idempotent: true });
}

const statusSchema = z.looseObject({ id: z.number(), name: z.string(), custom_label: str, system_label: str });
export type BcOrderStatus = z.infer<typeof statusSchema>;

export async function listOrderStatuses(client: BigCommerceClient): Promise<BcOrderStatus[]> {
  const body = await client.get('v2', '/order_statuses');
  return body == null ? [] : z.array(statusSchema).parse(body);
}

/** v2 dates are RFC-2822 ("Tue, 20 Nov 2012 00:00:00 +0000"); Date parses them. */
export function parseBcDate(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** Body of POST /v2/orders/{id}/shipments. `shipping_provider` is always sent ("" = custom). */
export interface ShipmentInput {
  order_address_id: number;
  tracking_number: string;
  shipping_method: string;
  shipping_provider: string;
  tracking_carrier?: string;
  tracking_link?: string;
  items: Array<{ order_product_id: number; quantity: number }>;
}

const shipmentSchema = z.looseObject({ id: z.number(), order_address_id: num, tracking_number: str });
export type BcShipment = z.infer<typeof shipmentSchema>;

/** Not idempotent: the caller adopts an existing shipment on retries instead of re-posting blindly. */
export async function createShipment(client: BigCommerceClient, orderId: number, body: ShipmentInput): Promise<BcShipment> {
  return shipmentSchema.parse(await client.post('v2', `/orders/${orderId}/shipments`, body));
}

export async function listShipments(client: BigCommerceClient, orderId: number): Promise<BcShipment[]> {
  const body = await client.get('v2', `/orders/${orderId}/shipments`, { query: { limit: 250 } });
  return body == null ? [] : z.array(shipmentSchema).parse(body);
}

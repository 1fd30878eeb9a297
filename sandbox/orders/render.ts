// Orders in the v2 wire format of reference/orders.v2.oas2.yml: snake_case, money as 4-decimal
// strings (except consignment costs, which the spec types as numbers), dates as RFC-2822 in UTC,
// and sub-resources as {url, resource} links unless embedded with include=consignments...
// The sandbox charges no tax and no handling or wrapping, so those amounts are zero.
import { money } from './money.js';
import { renderLine } from './render-line.js';
import { statusDef } from './statuses.js';
import type { OrderAddress, OrderConsignment, OrderLine, OrderRecord } from './types.js';

export { money } from './money.js';
export { renderLine } from './render-line.js';

export interface RenderContext {
  /** e.g. http://127.0.0.1:41234/stores/sbx1234/v2 (the real API: https://api.bigcommerce.com/stores/{hash}/v2). */
  apiBase: string;
  customLabel(statusId: number): string | undefined;
}

/** "Tue, 05 Mar 2019 21:40:11 +0000", as in the spec's examples. */
export function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace(/GMT$/, '+0000');
}

function link(ctx: RenderContext, resource: string): { url: string; resource: string } {
  return { url: `${ctx.apiBase}${resource}`, resource };
}

/** The address fields shared by billing and shipping addresses (billingAddress_Base). */
export function renderAddress(a: OrderAddress): Record<string, unknown> {
  return {
    first_name: a.firstName,
    last_name: a.lastName,
    company: a.company,
    street_1: a.street1,
    street_2: a.street2,
    city: a.city,
    state: a.state,
    zip: a.zip,
    country: a.country,
    country_iso2: a.countryIso2,
    phone: a.phone,
    email: a.email,
  };
}

const itemsOf = (lines: OrderLine[]): number => lines.reduce((n, l) => n + l.quantity, 0);
const shippedOf = (lines: OrderLine[]): number => lines.reduce((n, l) => n + l.quantityShipped, 0);

/** Costs and zone fields shared by shipping addresses (strings) and shipping consignments (numbers). */
function shippingCosts(c: OrderConsignment, asNumber: boolean): Record<string, unknown> {
  const v = (n: number): number | string => (asNumber ? n : money(n));
  return {
    base_cost: v(c.shippingCost),
    cost_ex_tax: v(c.shippingCost),
    cost_inc_tax: v(c.shippingCost),
    cost_tax: v(0),
    cost_tax_class_id: 2,
    base_handling_cost: v(0),
    handling_cost_ex_tax: v(0),
    handling_cost_inc_tax: v(0),
    handling_cost_tax: v(0),
    handling_cost_tax_class_id: 2,
    shipping_zone_id: 1,
    shipping_zone_name: 'United States',
  };
}

/** orderShippingAddress (GET /orders/{id}/shipping_addresses). */
export function renderShippingAddress(ctx: RenderContext, order: OrderRecord, c: OrderConsignment): Record<string, unknown> {
  const lines = order.lines.filter((l) => l.consignmentId === c.id);
  return {
    id: c.id,
    order_id: order.id,
    ...renderAddress(c.address),
    form_fields: [],
    items_total: itemsOf(lines),
    items_shipped: shippedOf(lines),
    shipping_method: c.shippingMethod,
    ...shippingCosts(c, false),
    shipping_quotes: link(ctx, `/orders/${order.id}/shipping_addresses/${c.id}/shipping_quotes`),
  };
}

/** orderConsignment_Get; line items are links unless `expandLines` (include=consignments.line_items). */
export function renderConsignments(ctx: RenderContext, order: OrderRecord, expandLines: boolean): Record<string, unknown> {
  const shipping = order.consignments.map((c) => {
    const lines = order.lines.filter((l) => l.consignmentId === c.id);
    return {
      id: c.id,
      ...renderAddress(c.address),
      form_fields: [],
      shipping_method: c.shippingMethod,
      line_items: lines.map((l) => (expandLines ? renderLine(order, l) : link(ctx, `/orders/${order.id}/products/${l.id}`))),
      items_total: itemsOf(lines),
      items_shipped: shippedOf(lines),
      ...shippingCosts(c, true),
      shipping_quotes: link(ctx, `/orders/${order.id}/consignments/shipping/${c.id}/shipping_quotes`),
    };
  });
  return { pickups: [], shipping, downloads: [], email: { gift_certificates: [] } };
}

export interface IncludeOptions {
  consignments: boolean;
  lineItems: boolean;
}

export function renderOrder(ctx: RenderContext, order: OrderRecord, include: IncludeOptions): Record<string, unknown> {
  const subtotal = order.lines.reduce((n, l) => n + l.price * l.quantity, 0);
  const shipping = order.consignments.reduce((n, c) => n + c.shippingCost, 0);
  const total = subtotal + shipping;
  const def = statusDef(order.statusId);
  const status = def?.name ?? 'Unknown';
  return {
    id: order.id,
    customer_id: order.customerId,
    date_created: rfc2822(order.createdAt),
    date_modified: rfc2822(order.modifiedAt),
    // "the date when the order is fully shipped" (order_RespOnly); set by shipments/book.ts.
    date_shipped: order.shippedAt === undefined ? '' : rfc2822(order.shippedAt),
    status_id: order.statusId,
    status,
    subtotal_ex_tax: money(subtotal),
    subtotal_inc_tax: money(subtotal),
    subtotal_tax: money(0),
    base_shipping_cost: money(shipping),
    shipping_cost_ex_tax: money(shipping),
    shipping_cost_inc_tax: money(shipping),
    shipping_cost_tax: money(0),
    shipping_cost_tax_class_id: 2,
    base_handling_cost: money(0),
    handling_cost_ex_tax: money(0),
    handling_cost_inc_tax: money(0),
    handling_cost_tax: money(0),
    handling_cost_tax_class_id: 2,
    base_wrapping_cost: money(0),
    wrapping_cost_ex_tax: money(0),
    wrapping_cost_inc_tax: money(0),
    wrapping_cost_tax: money(0),
    wrapping_cost_tax_class_id: 3,
    total_ex_tax: money(total),
    total_inc_tax: money(total),
    total_tax: money(0),
    is_tax_inclusive_pricing: false,
    items_total: itemsOf(order.lines),
    items_shipped: shippedOf(order.lines),
    payment_method: order.paymentMethod,
    payment_provider_id: '',
    payment_status: order.statusId === 0 ? '' : 'captured',
    refunded_amount: money(0),
    order_is_digital: false,
    store_credit_amount: money(0),
    gift_certificate_amount: money(0),
    ip_address: '',
    ip_address_v6: '',
    geoip_country: '',
    geoip_country_iso2: '',
    currency_id: 1,
    currency_code: 'USD',
    currency_exchange_rate: '1.0000000000',
    default_currency_id: 1,
    default_currency_code: 'USD',
    staff_notes: order.staffNotes,
    customer_message: order.customerMessage,
    discount_amount: money(0),
    coupon_discount: money(0),
    shipping_address_count: order.consignments.length,
    is_deleted: order.isDeleted,
    ebay_order_id: '0',
    cart_id: '',
    billing_address: { ...renderAddress(order.billing), form_fields: [] },
    is_email_opt_in: false,
    credit_card_type: null,
    order_source: 'manual',
    channel_id: order.channelId,
    external_source: '',
    consignments: include.consignments ? renderConsignments(ctx, order, include.lineItems) : link(ctx, `/orders/${order.id}/consignments`),
    products: link(ctx, `/orders/${order.id}/products`),
    // The spec's examples spell the link "shippingaddresses"; the documented path is shipping_addresses
    // and the sandbox serves both.
    shipping_addresses: link(ctx, `/orders/${order.id}/shippingaddresses`),
    coupons: link(ctx, `/orders/${order.id}/coupons`),
    external_id: null,
    external_merchant_id: null,
    tax_provider_id: 'BasicTaxProvider',
    store_default_currency_code: 'USD',
    store_default_to_transactional_exchange_rate: '1.0000000000',
    custom_status: def ? (ctx.customLabel(order.statusId) ?? def.name) : status,
    customer_locale: 'en',
    external_order_id: '',
  };
}

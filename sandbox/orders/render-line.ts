// One order line as an orderProducts object (orders.v2.oas2.yml): GET /v2/orders/{id}/products and
// the expanded line_items of include=consignments.line_items. No tax, cost price, wrapping,
// options or discounts in the sandbox, so those fields hold zeros and empty lists.
import { money } from './money.js';
import type { OrderLine, OrderRecord } from './types.js';

/** orderProducts (GET /orders/{id}/products and consignment line_items). */
export function renderLine(order: OrderRecord, l: OrderLine): Record<string, unknown> {
  const total = l.price * l.quantity;
  const line: Record<string, unknown> = {
    id: l.id,
    order_id: order.id,
    product_id: l.productId,
    order_pickup_method_id: 0,
    order_address_id: l.consignmentId,
    name: l.name,
    name_customer: l.name,
    name_merchant: l.name,
    sku: l.sku,
    upc: '',
    type: 'physical',
    base_price: money(l.price),
    price_ex_tax: money(l.price),
    price_inc_tax: money(l.price),
    price_tax: money(0),
    base_total: money(total),
    total_ex_tax: money(total),
    total_inc_tax: money(total),
    total_tax: money(0),
    weight: '1.0000',
    width: '1.0000',
    height: '1.0000',
    depth: '1.0000',
    quantity: l.quantity,
    base_cost_price: money(0),
    cost_price_inc_tax: money(0),
    cost_price_ex_tax: money(0),
    cost_price_tax: money(0),
    is_refunded: false,
    quantity_refunded: 0,
    refund_amount: money(0),
    return_id: 0,
    wrapping_id: 0,
    wrapping_name: '',
    base_wrapping_cost: money(0),
    wrapping_cost_ex_tax: money(0),
    wrapping_cost_inc_tax: money(0),
    wrapping_cost_tax: money(0),
    wrapping_message: '',
    quantity_shipped: l.quantityShipped,
    event_name: null,
    event_date: '',
    fixed_shipping_cost: money(0),
    ebay_item_id: '',
    ebay_transaction_id: '',
    option_set_id: null,
    parent_order_product_id: null,
    is_bundled_product: false,
    bin_picking_number: '',
    external_id: null,
    brand: '',
    applied_discounts: [],
    product_options: [],
    configurable_fields: [],
    gift_certificate_id: null,
    discounted_total_inc_tax: money(total),
  };
  // "This field is not available for custom products."
  if (l.variantId !== null) line.variant_id = l.variantId;
  return line;
}

import type { AttentionCode } from '../../domain/order-state.js';
import type { BcOrder } from '../../bigcommerce/index.js';
import { fulfillmentOrderInputSchema, type FulfillmentOrderInput } from '../../fulfillment/index.js';
import { NO_METHOD_LABEL, normaliseMappingKey } from '../../../shared/mapping-keys.js';
import type { SkuComponent } from '../../domain/sku-components.js';

export interface Mappings {
  /**
   * BigCommerce SKU → backend SKU, or a bundle's components (warehouse SKUs with quantities per
   * unit); an unmapped SKU passes through unchanged.
   */
  sku: ReadonlyMap<string, string | readonly SkuComponent[]>;
  /** BigCommerce shipping method → backend code; every method must be mapped. */
  shipping: Map<string, string>;
}

/**
 * Built, or why not: the reason in merchant words, its attention code and what it names (the
 * unmapped method, the product without a SKU) so the remedy can link to the fix (remedy.ts).
 */
export type BuildResult = { ok: true; input: FulfillmentOrderInput } | { ok: false; reason: string; code: AttentionCode; subject: string | null };

const cannot = (reason: string, code: AttentionCode = 'other', subject: string | null = null): BuildResult => ({ ok: false, reason, code, subject });

const blankToNull = (v: string | null | undefined) => (v && v.trim() !== '' ? v : null);

/**
 * The first component's unit price, so that its lines carry the bundle's price: the bundle's unit
 * price divided by the component's quantity, when that is exact to the contract's 6 decimals; else
 * 0 (a value nobody could add up to the cent is worse than none).
 */
function unitPriceOfBundle(price: string, quantity: number): string {
  if (quantity === 1) return price;
  const micro = Math.round(Number(price) * 1e6);
  if (!Number.isFinite(micro) || micro % quantity !== 0) return '0';
  return (micro / quantity / 1e6).toFixed(6).replace(/\.?0+$/, '') || '0';
}

/**
 * Every BigCommerce SKU and shipping method the order needs a mapping for, spelled as they are
 * saved and looked up (normaliseMappingKey); "" is the method of a consignment without one.
 */
export function mappingKeys(order: BcOrder): { skus: string[]; methods: string[] } {
  const shipping = (order.consignments?.shipping ?? []).filter((c) => c.line_items.length > 0);
  const skus = shipping.flatMap((c) => c.line_items.map((l) => normaliseMappingKey(l.sku)).filter((s) => s !== ''));
  const methods = shipping.map((c) => normaliseMappingKey(c.shipping_method));
  return { skus: [...new Set(skus)], methods: [...new Set(methods)] };
}

/**
 * Turns a BigCommerce order into the backend's order, or says in merchant words why it cannot be
 * sent yet. Pure: the same order and mappings always give the same body (idempotent retries).
 */
export function buildFulfillmentOrder(storeHash: string, order: BcOrder, m: Mappings): BuildResult {
  const consignments = (order.consignments?.shipping ?? []).filter((c) => c.line_items.length > 0);
  if (consignments.length === 0) return cannot('The order has nothing to ship (no physical items on a shipping address).');

  const currency = blankToNull(order.currency_code as string | undefined) ?? blankToNull(order.default_currency_code as string | undefined);
  if (!currency) return cannot('The order has no currency code.');

  const shipments = [];
  for (const c of consignments) {
    const method = normaliseMappingKey(c.shipping_method);
    const code = m.shipping.get(method);
    if (!code) {
      return cannot(
        `Shipping method ${method ? `"${method}"` : NO_METHOD_LABEL} has no mapping. Add it under Settings › Shipping method mappings; the order is sent as soon as it is mapped.`,
        'unmapped_shipping_method',
        method,
      );
    }
    const lines = [];
    for (const l of c.line_items) {
      const sku = normaliseMappingKey(l.sku);
      if (!sku) return cannot(`Line "${l.name ?? l.id}" has no SKU. Give the product a SKU in BigCommerce, then retry the order.`, 'missing_sku', l.name ?? `line ${l.id}`);
      const target = m.sku.get(sku) ?? sku;
      const unitPrice = l.price_inc_tax ?? l.base_price ?? '0';
      if (typeof target === 'string') {
        lines.push({ sku: target, quantity: l.quantity, name: l.name ?? sku, order_line_id: l.id, unit_price: unitPrice });
        continue;
      }
      if (target.length === 0) return cannot(`Bundle ${sku} has no warehouse SKUs. Edit it under Settings › SKU mappings, then retry the order.`, 'unmapped_sku', sku);
      // A bundle / kit: one warehouse line per component, each naming the BigCommerce line (so the
      // shipments map back), in the order the merchant listed them, so the body is the same on
      // every retry. The bundle's price goes on its first line, the others at 0: the order's total
      // value stays what the customer paid.
      target.forEach((part, i) => {
        lines.push({
          sku: part.sku,
          quantity: l.quantity * part.quantity,
          name: `${l.name ?? sku} (bundle ${sku}: ${part.sku} × ${part.quantity})`.slice(0, 500),
          order_line_id: l.id,
          unit_price: i === 0 ? unitPriceOfBundle(unitPrice, part.quantity) : '0',
        });
      });
    }
    shipments.push({
      consignment_id: c.id,
      ship_to: {
        first_name: c.first_name ?? '',
        last_name: c.last_name ?? '',
        company: blankToNull(c.company),
        street_1: c.street_1 ?? '',
        street_2: blankToNull(c.street_2),
        city: c.city ?? '',
        state: blankToNull(c.state),
        zip: blankToNull(c.zip),
        country_iso2: (c.country_iso2 ?? '').toUpperCase(),
        phone: blankToNull(c.phone),
        email: blankToNull(c.email),
      },
      shipping_method: code,
      lines,
    });
  }

  const billing = order.billing_address;
  const orderedAt = order.date_created ? new Date(Date.parse(order.date_created)) : null;
  const candidate = {
    external_ref: { source: 'bigcommerce' as const, store_hash: storeHash, order_id: order.id },
    customer: {
      name: [billing?.first_name, billing?.last_name].filter(Boolean).join(' ').trim() || 'Customer',
      email: blankToNull(billing?.email),
      phone: blankToNull(billing?.phone),
    },
    currency_code: currency.toUpperCase(),
    shipments,
    customer_message: blankToNull(order.customer_message),
    ordered_at: orderedAt && !Number.isNaN(orderedAt.getTime()) ? orderedAt.toISOString() : '',
  };
  const parsed = fulfillmentOrderInputSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? 'order';
    return cannot(`The order cannot be sent as it is: ${where} ${issue?.message ?? 'is invalid'}.`);
  }
  return { ok: true, input: parsed.data };
}

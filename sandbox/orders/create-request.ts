// The "create orders" request of the control panel and its HTTP control (POST /sandbox/stores/
// {hash}/orders): a customer (a guest, or a registered one in a customer group), the destination,
// the status, the payment method, the sales channel, a shipping method, lines of catalog SKUs with
// quantities, and how many identical orders to create. Stricter than the programmatic createOrder() that tests use:
// a person typing in the panel or a curl gets a 400 naming the field (an unknown key, an SKU the
// store does not sell, a quantity below 1, more than 500 orders) instead of a surprising order.
import { z } from 'zod';
import type { SandboxState } from '../state.js';
import { SandboxError } from '../util.js';
import { CUSTOMER_GROUPS, customerById, SANDBOX_CUSTOMERS } from './customers.js';
import { DEFAULT_ADDRESS } from './defaults.js';
import { isStatusId, ORDER_STATUSES } from './statuses.js';
import type { CreateOrderInput, OrderAddress } from './types.js';

export const MAX_ORDERS_PER_REQUEST = 500;
const MAX_LINES = 50;

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

const customerInput = z
  .object({
    /** A registered customer (orders/customers.ts); 0 = a guest. Their saved address is the default. */
    id: z.number().int('must be a whole number').min(0, 'must be 0 (a guest) or a customer id').optional(),
    /** "Ada Lovelace": the first word is the first name, the rest the last name. */
    name: text(200).min(1, 'must not be empty').optional(),
    firstName: text(100).optional(),
    lastName: text(100).optional(),
    email: text(254)
      .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'must be an e-mail address such as ada@example.com')
      .optional(),
    phone: text(50).optional(),
    company: text(200).optional(),
    street1: text(200).optional(),
    street2: text(200).optional(),
    city: text(100).optional(),
    state: text(100).optional(),
    zip: text(20).optional(),
    country: text(100).optional(),
    countryIso2: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code such as US')
      .optional(),
  })
  .strict();

const lineInput = z
  .object({
    /** null or "" = a custom line without SKU (BigCommerce allows them; the app then asks for one). */
    sku: z.string().trim().max(255, 'must be at most 255 characters').nullable().optional(),
    name: text(200).min(1, 'must not be empty').optional(),
    quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000, 'must be at most 10000').optional(),
    price: z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'must be a decimal string such as "25.00"')
      .optional(),
  })
  .strict();

const createInput = z
  .object({
    count: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(MAX_ORDERS_PER_REQUEST, `must be at most ${MAX_ORDERS_PER_REQUEST} (send several requests for more)`)
      .optional(),
    statusId: z
      .number()
      .int('must be a whole number')
      .refine(isStatusId, `must be a BigCommerce order status id: ${ORDER_STATUSES.map((st) => `${st.id} (${st.name})`).join(', ')}`)
      .optional(),
    customer: customerInput.optional(),
    shippingMethod: text(100).min(1, 'must not be empty').optional(),
    lines: z.array(lineInput).min(1, 'needs at least one line').max(MAX_LINES, `may have at most ${MAX_LINES} lines`).optional(),
    customerMessage: text(2000).optional(),
    /** BigCommerce's payment_method text, e.g. "Credit Card", "PayPal", "Bank Deposit". */
    paymentMethod: text(100).min(1, 'must not be empty').optional(),
    /** The sales channel (multi-storefront); 1 is the store's default storefront. */
    channelId: z.number().int('must be a whole number').min(1, 'must be a channel id of 1 or more').max(2_147_483_647, 'is too large').optional(),
    storm: z.boolean().optional(),
  })
  .strict();

export type CreateOrdersBody = z.input<typeof createInput>;

export interface CreateOrdersRequest {
  count: number;
  input: CreateOrderInput;
}

/** "lines.1.quantity" → "line 2 quantity"; "customer.email" → "customer email". */
function fieldLabel(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return 'request';
  const words: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = path[i + 1];
    if (key === 'lines' && typeof next === 'number') {
      words.push(`line ${next + 1}`);
      i++;
    } else words.push(String(key));
  }
  return words.join(' ');
}

function readable(error: z.ZodError): string {
  return error.issues.map((i) => `${fieldLabel(i.path)}: ${i.message}`).join('; ');
}

function customerOf(c: z.output<typeof customerInput> | undefined): CreateOrderInput['customer'] {
  if (!c) return undefined;
  const { id, name, countryIso2, ...rest } = c;
  // A registered customer: their saved address and contact, with what the request names on top.
  const registered = id ? customerById(id) : undefined;
  if (id && !registered) {
    const known = SANDBOX_CUSTOMERS.map((x) => `${x.id} (${x.address.firstName} ${x.address.lastName}, ${CUSTOMER_GROUPS.find((g) => g.id === x.customerGroupId)?.name})`);
    throw new SandboxError(400, `customer id: ${id} is not a customer of the sandbox store. Use 0 for a guest, or one of ${known.join(', ')}.`);
  }
  const out: { id?: number } & Partial<OrderAddress> = registered ? { ...registered.address, id: registered.id } : {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) (out as Record<string, string>)[k] = v;
  if (name !== undefined) {
    const [first, ...last] = name.split(/\s+/);
    // firstName / lastName typed as well win over the name's parts.
    if (rest.firstName === undefined) out.firstName = first ?? name;
    if (rest.lastName === undefined) out.lastName = last.join(' ');
  }
  if (countryIso2 !== undefined && countryIso2.toUpperCase() !== out.countryIso2) {
    out.countryIso2 = countryIso2.toUpperCase();
    // A typed country name wins; else the code stands in for the name (the saved one is another country's).
    out.country = rest.country ?? (out.countryIso2 === DEFAULT_ADDRESS.countryIso2 ? DEFAULT_ADDRESS.country : out.countryIso2);
  }
  return out;
}

/** Every SKU a line may name: the products' own SKUs and their variants'. */
function catalogSkus(state: SandboxState, storeHash: string): string[] {
  return state.catalog.products(storeHash).flatMap((p) => [p.sku, ...p.variants.map((v) => v.sku)]);
}

/** "Sandbox Tee - Black / M" for a variant, "Sandbox Mug" for a product; undefined when unknown. */
function catalogName(state: SandboxState, storeHash: string, sku: string): string | undefined {
  for (const p of state.catalog.products(storeHash)) {
    if (p.sku === sku) return p.name;
    const v = p.variants.find((x) => x.sku === sku);
    if (v) return v.label ? `${p.name} - ${v.label}` : p.name;
  }
  return undefined;
}

/**
 * Validates a create-orders request against the store's catalog. Throws SandboxError(400) with a
 * message a person can act on.
 */
export function parseCreateOrders(state: SandboxState, storeHash: string, body: unknown): CreateOrdersRequest {
  state.store(storeHash);
  const parsed = createInput.safeParse(body ?? {});
  if (!parsed.success) throw new SandboxError(400, readable(parsed.error));
  const { count, customer, shippingMethod, lines, ...rest } = parsed.data;

  for (const [i, line] of (lines ?? []).entries()) {
    if (!line.sku) continue;
    const name = catalogName(state, storeHash, line.sku);
    if (name !== undefined) {
      line.name ??= name;
      continue;
    }
    const known = catalogSkus(state, storeHash);
    throw new SandboxError(
      400,
      `line ${i + 1} sku: "${line.sku}" is not in store ${storeHash}'s catalog. Use one of ${known.join(', ')}, or add the product first (POST /sandbox/stores/${storeHash}/products).`,
    );
  }

  const input: CreateOrderInput = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) (input as Record<string, unknown>)[k] = v;
  const buyer = customerOf(customer);
  if (buyer) input.customer = buyer;
  const orderLines = lines?.map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined)));
  if (shippingMethod !== undefined) input.consignments = [{ shippingMethod, ...(orderLines ? { lines: orderLines } : {}) }];
  else if (orderLines) input.lines = orderLines;
  return { count: count ?? 1, input };
}

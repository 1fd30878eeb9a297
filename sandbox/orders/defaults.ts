// Turns a CreateOrderInput into complete consignments and lines: every omitted field gets a
// plausible value (Jane Doe in Austin, two SKU'd lines, "Flat Rate" shipping), so a test only states
// what it cares about.
import { SandboxError } from '../util.js';
import type { CreateOrderInput, OrderAddress, OrderLineInput } from './types.js';

export const DEFAULT_ADDRESS: OrderAddress = {
  firstName: 'Jane',
  lastName: 'Doe',
  company: '',
  street1: '455 Main Street',
  street2: '',
  city: 'Austin',
  state: 'Texas',
  zip: '78751',
  country: 'United States',
  countryIso2: 'US',
  phone: '555-123-4567',
  email: 'janedoe@example.com',
};

export const DEFAULT_LINES: readonly OrderLineInput[] = [
  { sku: 'SBX-TEE-BLK-M', name: 'Sandbox Tee - Black / M', quantity: 2, price: '25.00' },
  { sku: 'SBX-MUG-01', name: 'Sandbox Mug', quantity: 1, price: '12.50' },
];

export const DEFAULT_SHIPPING_METHOD = 'Flat Rate';

export interface ResolvedLine {
  sku: string;
  name: string;
  quantity: number;
  price: number;
  productId?: number;
  variantId?: number | null;
}

export interface ResolvedConsignment {
  address: OrderAddress;
  shippingMethod: string;
  shippingCost: number;
  lines: ResolvedLine[];
}

/** Parses a decimal money string ("25", "25.5", "25.00"); BigCommerce money is never negative here. */
export function parseMoney(value: string | undefined, fallback: number, field: string): number {
  if (value === undefined) return fallback;
  if (!/^\d+(\.\d+)?$/.test(String(value).trim())) throw new SandboxError(400, `${field} must be a decimal string such as "25.00"`);
  return Number(value);
}

function resolveLine(line: OrderLineInput, index: number): ResolvedLine {
  const quantity = line.quantity ?? 1;
  if (!Number.isInteger(quantity) || quantity < 1) throw new SandboxError(400, 'line quantity must be a positive integer');
  const sku = line.sku ?? '';
  const resolved: ResolvedLine = {
    sku,
    name: line.name ?? (sku ? `Sandbox product ${sku}` : `Custom item ${index + 1}`),
    quantity,
    price: parseMoney(line.price, 10, 'line price'),
  };
  if (line.productId !== undefined) resolved.productId = line.productId;
  if (line.variantId !== undefined) resolved.variantId = line.variantId;
  return resolved;
}

export function resolveAddress(input: Partial<OrderAddress> | undefined, base: OrderAddress = DEFAULT_ADDRESS): OrderAddress {
  const address = { ...base };
  for (const [k, v] of Object.entries(input ?? {})) if (typeof v === 'string') (address as Record<string, string>)[k] = v;
  return address;
}

export function resolveConsignments(input: CreateOrderInput, billing: OrderAddress): ResolvedConsignment[] {
  const specs = input.consignments?.length ? input.consignments : [{ lines: input.lines }];
  return specs.map((spec, i) => {
    const lines = (spec.lines ?? (i === 0 ? input.lines : undefined) ?? DEFAULT_LINES).map(resolveLine);
    if (lines.length === 0) throw new SandboxError(400, 'an order consignment needs at least one line');
    return {
      // The shipping address defaults to the customer's (billing) address, as at a normal checkout.
      address: resolveAddress(spec.address, billing),
      shippingMethod: spec.shippingMethod ?? DEFAULT_SHIPPING_METHOD,
      shippingCost: parseMoney(spec.shippingCost, i === 0 ? 10 : 0, 'shippingCost'),
      lines,
    };
  });
}

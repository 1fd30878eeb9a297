// Shipping method mappings: how a method is shown, and the "add a method" form. Pure.
import type { ShippingMappingInput } from '../../../../server/api/contract.js';
import type { Validated } from './forms.js';

/**
 * The empty method: consignments BigCommerce gives no method name. Same words as the order's
 * "needs attention" reason (shared/mapping-keys.ts), so the merchant finds the row.
 */
export const NO_METHOD_LABEL = '(no method)';
/** The backend contract's limit for a shipping method code (ShipmentRequest.shipping_method). */
export const BACKEND_CODE_MAX = 100;
export const METHOD_MAX = 255;

export const methodLabel = (method: string): string => (method === '' ? NO_METHOD_LABEL : method);

/**
 * A method typed in by name, mapped before (or without) an order listing it: the name as checkout
 * shows it and a code are both needed; a method already listed is set in its row instead.
 */
export function validateNewMethod(method: string, code: string, listed: readonly string[]): Validated<ShippingMappingInput> {
  const name = method.trim();
  const backendCode = code.trim();
  const fields: Record<string, string> = {};
  if (!name) fields.method = 'Enter the shipping method as checkout names it.';
  else if (name.length > METHOD_MAX) fields.method = `At most ${METHOD_MAX} characters.`;
  else if (listed.includes(name)) fields.method = 'This method is already listed; set its code in the table.';
  if (!backendCode) fields.backendCode = 'Enter the code your warehouse uses for it.';
  else if (backendCode.length > BACKEND_CODE_MAX) fields.backendCode = `At most ${BACKEND_CODE_MAX} characters: the longest code the fulfillment backend accepts.`;
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, input: { method: name, backendCode } };
}

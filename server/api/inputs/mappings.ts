// Request bodies of the mappings (mapping-routes.ts, carrier-inventory-routes.ts) and the fallback
// shipping method (rules-routes.ts). The wire types are derived from these schemas
// (contract-settings.ts, contract.ts, contract-rules.ts). Imports only zod, shared/ and the domain.
import { z } from 'zod';
import { AFTERSHIP_SLUG, AFTERSHIP_SLUG_MAX, BC_SHIPPING_PROVIDERS } from '../../../shared/known-carriers.js';
import { normaliseMappingKey } from '../../../shared/mapping-keys.js';
import { BACKEND_CODE_MAX, BACKEND_SKU_MAX, BC_SKU_MAX, METHOD_MAX } from '../../../shared/mapping-limits.js';
import { componentProblems, MAX_COMPONENT_QUANTITY, MAX_COMPONENTS } from '../../domain/sku-components.js';

// Keys are normalised exactly as the order import looks them up (shared/mapping-keys.ts); lengths are
// what BigCommerce and the backend contract accept (shared/mapping-limits.ts).
const key = (max: number, why = '') => z.string().overwrite(normaliseMappingKey).max(max, `At most ${max} characters${why}`);
const BACKEND_WHY = ' (the longest SKU the fulfillment backend accepts)';
const component = z.object({
  sku: key(BACKEND_SKU_MAX, BACKEND_WHY).min(1, 'Required'),
  quantity: z
    .number({ error: 'A whole number' })
    .int('A whole number')
    .min(1, `A whole number from 1 to ${MAX_COMPONENT_QUANTITY.toLocaleString('en-US')}`)
    .max(MAX_COMPONENT_QUANTITY, `A whole number from 1 to ${MAX_COMPONENT_QUANTITY.toLocaleString('en-US')}`),
});
// A plain mapping sends backendSku (as before); a bundle / kit its components with quantities.
/** POST /api/sku-mappings, PUT /api/sku-mappings/:id (revision guards an edit). */
export const skuInput = z
  .object({
    bcSku: key(BC_SKU_MAX).min(1, 'Required'),
    backendSku: key(BACKEND_SKU_MAX, BACKEND_WHY).optional(),
    components: z.array(component).max(MAX_COMPONENTS, `A bundle has at most ${MAX_COMPONENTS} warehouse SKUs.`).optional(),
    revision: z.number().int().optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.components?.length) {
      if (!v.backendSku) ctx.addIssue({ code: 'custom', path: ['backendSku'], message: 'Required' });
      return;
    }
    for (const [path, message] of Object.entries(componentProblems(v.components, BACKEND_SKU_MAX))) ctx.addIssue({ code: 'custom', path: path.split('.'), message });
  });
// The empty method is a real one: consignments BigCommerce gives no method name ("(no method)").
/** PUT /api/shipping-mappings (null or "" removes the mapping). */
export const shippingInput = z.object({
  method: key(METHOD_MAX),
  backendCode: key(BACKEND_CODE_MAX, ' (the longest shipping method code the fulfillment backend accepts)').nullable(),
});
/** POST /api/sku-mappings/import */
export const csvInput = z.object({ csv: z.string({ error: 'Send the file as text in "csv"' }) });

const SLUG_MESSAGE = 'Use the AfterShip slug: lowercase letters, digits and hyphens, like dhl or royal-mail.';
const PROVIDER_MESSAGE = `Use one of BigCommerce's shipping providers: ${BC_SHIPPING_PROVIDERS.filter(Boolean).join(', ')}, or "" for a custom one.`;

// Checked here as shipment-request.ts checks it when writing a shipment, so a mapping that would be
// left out of every shipment is refused when it is saved, not discovered on the next order.
/** PUT /api/carrier-mappings (a blank tracking carrier is none). */
export const carrierInput = z.object({
  backendCarrier: z.string().trim().min(1, 'Required').max(128),
  shippingProvider: z.enum(BC_SHIPPING_PROVIDERS, { error: PROVIDER_MESSAGE }).nullable(),
  trackingCarrier: z
    .string()
    .trim()
    .max(AFTERSHIP_SLUG_MAX, `${SLUG_MESSAGE} At most ${AFTERSHIP_SLUG_MAX} characters.`)
    .refine((v) => v === '' || AFTERSHIP_SLUG.test(v), SLUG_MESSAGE)
    .nullable()
    .transform((v) => (v ? v : null)),
});

/** PUT /api/settings/fallback-shipping: unmapped methods use this warehouse code (null: none). */
export const fallbackInput = z.object({
  backendCode: z
    .string({ error: 'must be a warehouse shipping method code, or null for none' })
    .overwrite(normaliseMappingKey)
    .max(BACKEND_CODE_MAX, `At most ${BACKEND_CODE_MAX} characters (the longest shipping method code the fulfillment backend accepts)`)
    .nullable(),
});

// The SKU mapping form's logic (issue 9 point 6), pure: a BigCommerce SKU sent as one warehouse SKU
// or, as a bundle / kit, as several with quantities. Field keys match the server's error fields
// ("components.1.quantity"), so both land next to the same input.
import type { ApiRequestError } from '../../api/http.js';
import type { SkuComponent, SkuMapping, SkuMappingInput } from '../../../../server/api/contract.js';

export const MAX_COMPONENTS = 20;
export const MAX_COMPONENT_QUANTITY = 1_000;

/** A component as typed: the quantity stays text until it is checked. */
export interface ComponentDraft {
  sku: string;
  quantity: string;
}

export interface SkuMappingDraft {
  bcSku: string;
  components: ComponentDraft[];
}

export type DraftCheck = { ok: true; input: SkuMappingInput } | { ok: false; fields: Record<string, string> };

/** The form's values for a saved mapping, or a new one (a deep link may fill in its BigCommerce SKU). */
export function draftOf(mapping: SkuMapping | null, initialBcSku = ''): SkuMappingDraft {
  if (!mapping) return { bcSku: initialBcSku, components: [{ sku: '', quantity: '1' }] };
  const components = mapping.components?.length ? mapping.components : [{ sku: mapping.backendSku, quantity: 1 }];
  return { bcSku: mapping.bcSku, components: components.map((c) => ({ sku: c.sku, quantity: String(c.quantity) })) };
}

const clean = (d: SkuMappingDraft) => ({ bcSku: d.bcSku.trim(), components: d.components.map((c) => ({ sku: c.sku.trim(), quantity: c.quantity.trim() })) });

/** Edited and different from what is saved (spaces around values do not count: they are not saved). */
export function isDraftDirty(saved: SkuMappingDraft, draft: SkuMappingDraft): boolean {
  return JSON.stringify(clean(saved)) !== JSON.stringify(clean(draft));
}

export const addComponent = (d: SkuMappingDraft): SkuMappingDraft =>
  d.components.length >= MAX_COMPONENTS ? d : { ...d, components: [...d.components, { sku: '', quantity: '1' }] };

export const removeComponent = (d: SkuMappingDraft, index: number): SkuMappingDraft =>
  d.components.length <= 1 ? d : { ...d, components: d.components.filter((_, i) => i !== index) };

export const updateComponent = (d: SkuMappingDraft, index: number, patch: Partial<ComponentDraft>): SkuMappingDraft => ({
  ...d,
  components: d.components.map((c, i) => (i === index ? { ...c, ...patch } : c)),
});

/** A bundle: anything but one warehouse SKU, once. */
export const isBundleDraft = (d: SkuMappingDraft): boolean => d.components.length > 1 || d.components[0]?.quantity.trim() !== '1';

/** Checks the form before it is sent; the server checks the same again (and the lengths). */
export function checkDraft(draft: SkuMappingDraft, revision?: number): DraftCheck {
  const d = clean(draft);
  const fields: Record<string, string> = {};
  if (!d.bcSku) fields.bcSku = 'Enter the SKU used in BigCommerce.';
  const seen = new Set<string>();
  const components: SkuComponent[] = [];
  d.components.forEach((c, i) => {
    if (!c.sku) fields[`components.${i}.sku`] = 'Enter the SKU your warehouse uses.';
    else if (seen.has(c.sku)) fields[`components.${i}.sku`] = `${c.sku} is listed twice; give it once with the total quantity.`;
    seen.add(c.sku);
    const quantity = /^\d+$/.test(c.quantity) ? Number(c.quantity) : NaN;
    if (!(quantity >= 1 && quantity <= MAX_COMPONENT_QUANTITY)) fields[`components.${i}.quantity`] = `A whole number from 1 to ${MAX_COMPONENT_QUANTITY.toLocaleString('en-US')}`;
    components.push({ sku: c.sku, quantity });
  });
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, input: { bcSku: d.bcSku, components, ...(revision !== undefined ? { revision } : {}) } };
}

/** "MUG-1 × 1, TEA-3 × 2" for a bundle, the SKU of a plain mapping. */
export function sentAsText(components: readonly SkuComponent[]): string {
  const bundle = components.length > 1 || components[0]?.quantity !== 1;
  return bundle ? components.map((c) => `${c.sku} × ${c.quantity}`).join(', ') : (components[0]?.sku ?? '');
}

/** What the panel says after a save, from the server's answer. */
export function savedMessage(m: Pick<SkuMapping, 'bcSku' | 'backendSku' | 'components'>): string {
  const components = m.components?.length ? m.components : [{ sku: m.backendSku, quantity: 1 }];
  const bundle = components.length > 1 || components[0]!.quantity !== 1;
  return bundle ? `${m.bcSku} is now a bundle: one unit is sent as ${sentAsText(components)}.` : `${m.bcSku} is now sent as ${components[0]!.sku}.`;
}

/** Someone else saved this mapping since the form was opened (the server's 409 mapping_changed). */
export const isStaleMapping = (error: ApiRequestError | null | undefined): boolean => error?.status === 409 && error.code === 'mapping_changed';

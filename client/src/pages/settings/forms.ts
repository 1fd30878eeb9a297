// Settings page logic: form validation, status options, SKU list query. Pure.
import type { BackendSettingsInput, ImportSettingsInput, OrderStatusOption, ShippingMappingInput, SkuMappingInput } from '../../../../server/api/contract.js';
import { apiPath, textField, type FieldSpecs, type ListQueryOptions, type ListState } from '../../lib/listQuery.js';

export type FieldErrors = Record<string, string>;
export type Validated<T> = { ok: true; input: T } | { ok: false; fields: FieldErrors };

/** Account id is required; the API key only when none is stored yet (empty keeps the stored one). */
export function validateBackendInput(accountId: string, apiKey: string, apiKeySet: boolean): Validated<BackendSettingsInput> {
  const fields: FieldErrors = {};
  const id = accountId.trim();
  const key = apiKey.trim();
  if (!id) fields.accountId = 'Enter your fulfillment account ID.';
  if (!key && !apiKeySet) fields.apiKey = 'Enter the API key from your fulfillment account.';
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, input: key ? { accountId: id, apiKey: key } : { accountId: id } };
}

/** BigCommerce statuses that usually mean "not paid or not verified yet": risky to import. */
const RISKY_IMPORT_STATUSES = new Map<number, string>([
  [0, 'Incomplete orders were never completed at checkout.'],
  [1, 'Pending orders have not finished checkout.'],
  [7, 'Orders awaiting payment have not been paid yet.'],
  [12, 'Orders needing manual verification may be fraudulent.'],
]);

export function importStatusWarning(statusId: number): string | null {
  const reason = RISKY_IMPORT_STATUSES.get(statusId);
  return reason ? `${reason} Sending them to your warehouse could ship unpaid orders.` : null;
}

export function validateImportSettings(input: ImportSettingsInput): FieldErrors {
  return input.statusAfterAcceptId !== null && input.statusAfterAcceptId === input.importStatusId
    ? { statusAfterAcceptId: 'Choose a status other than the import status, or “Don’t change the status”.' }
    : {};
}

export interface StatusSelectOption<V> {
  value: V;
  content: string;
  description?: string;
}

/**
 * Select options in the store's own words; the system name is the description when the merchant
 * renamed a status. Ids that are selected but missing from the list still get an option.
 */
export function statusOptions(statuses: readonly OrderStatusOption[], selected: ReadonlyArray<number | null>): Array<StatusSelectOption<number>> {
  const options = statuses.map((status) => ({
    value: status.id,
    content: status.label || status.name,
    ...(status.label && status.label !== status.name ? { description: status.name } : {}),
  }));
  for (const id of selected) {
    if (id !== null && !options.some((option) => option.value === id)) {
      options.push({ value: id, content: `Status ${id} (no longer in your store)` });
    }
  }
  return options;
}

export function validateSkuMapping(bcSku: string, backendSku: string): Validated<SkuMappingInput> {
  const fields: FieldErrors = {};
  if (!bcSku.trim()) fields.bcSku = 'Enter the SKU used in BigCommerce.';
  if (!backendSku.trim()) fields.backendSku = 'Enter the SKU your warehouse uses.';
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, input: { bcSku: bcSku.trim(), backendSku: backendSku.trim() } };
}

/** An empty code removes the mapping (null). */
export function shippingMappingInput(method: string, code: string): ShippingMappingInput {
  const trimmed = code.trim();
  return { method, backendCode: trimmed === '' ? null : trimmed };
}

export interface SkuFilters {
  search: string;
}

/** The SKU table shares the Settings URL: /settings?skuSearch=ABC&skuPage=2&skuLimit=50 (10 rows by default). */
export const SKU_FILTER_SPECS: FieldSpecs<SkuFilters> = { search: textField(100) };
export const SKU_QUERY_OPTIONS: ListQueryOptions = { prefix: 'sku', pageSizes: [10, 25, 50, 100] };

export function skuMappingsApiPath({ page, limit, filters }: ListState<SkuFilters>): string {
  return apiPath('/api/sku-mappings', { page, limit, search: filters.search });
}

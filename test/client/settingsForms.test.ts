import { describe, expect, it } from 'vitest';
import {
  importStatusWarning,
  shippingMappingInput,
  SKU_FILTER_SPECS,
  SKU_QUERY_OPTIONS,
  skuMappingsApiPath,
  statusOptions,
  validateBackendInput,
  validateImportSettings,
  validateSkuMapping,
} from '../../client/src/pages/settings/forms.js';
import { formatListState, parseListState, withFilters } from '../../client/src/lib/listQuery.js';

describe('validateBackendInput', () => {
  it('requires the account id, and the key only when none is saved', () => {
    expect(validateBackendInput(' ', '', false)).toEqual({
      ok: false,
      fields: { accountId: expect.any(String), apiKey: expect.any(String) },
    });
    expect(validateBackendInput('acme', '', true)).toEqual({ ok: true, input: { accountId: 'acme' } });
  });

  it('trims values and sends a new key when typed', () => {
    expect(validateBackendInput(' acme ', ' k-1 ', true)).toEqual({ ok: true, input: { accountId: 'acme', apiKey: 'k-1' } });
  });
});

describe('import settings', () => {
  it('warns about statuses that mean unpaid or unverified orders', () => {
    expect(importStatusWarning(11)).toBeNull();
    expect(importStatusWarning(9)).toBeNull();
    expect(importStatusWarning(12)).toMatch(/fraudulent/);
    expect(importStatusWarning(7)).toMatch(/unpaid/);
  });

  it('refuses the import status as the status after acceptance', () => {
    expect(validateImportSettings({ importStatusId: 11, statusAfterAcceptId: 11 })).toHaveProperty('statusAfterAcceptId');
    expect(validateImportSettings({ importStatusId: 11, statusAfterAcceptId: 9 })).toEqual({});
    expect(validateImportSettings({ importStatusId: 11, statusAfterAcceptId: null })).toEqual({});
  });

  it('lists statuses by their store label, with the system name when renamed', () => {
    const options = statusOptions(
      [
        { id: 11, name: 'Awaiting Fulfillment', label: 'Ready to pick' },
        { id: 9, name: 'Awaiting Shipment', label: 'Awaiting Shipment' },
      ],
      [11, 42, null],
    );
    expect(options).toEqual([
      { value: 11, content: 'Ready to pick', description: 'Awaiting Fulfillment' },
      { value: 9, content: 'Awaiting Shipment' },
      { value: 42, content: 'Status 42 (no longer in your store)' },
    ]);
  });
});

describe('mappings', () => {
  it('validates and trims SKU mappings', () => {
    expect(validateSkuMapping(' TEE ', ' WH-1 ')).toEqual({ ok: true, input: { bcSku: 'TEE', backendSku: 'WH-1' } });
    expect(validateSkuMapping('', 'x')).toEqual({ ok: false, fields: { bcSku: expect.any(String) } });
    expect(validateSkuMapping('x', ' ')).toEqual({ ok: false, fields: { backendSku: expect.any(String) } });
  });

  it('turns an empty shipping code into a removal', () => {
    expect(shippingMappingInput('Free Shipping', '  ')).toEqual({ method: 'Free Shipping', backendCode: null });
    expect(shippingMappingInput('UPS Ground', ' UPS_GND ')).toEqual({ method: 'UPS Ground', backendCode: 'UPS_GND' });
  });

  it('keeps the SKU table state in prefixed URL parameters', () => {
    const state = parseListState('?skuSearch=MUG&skuPage=2&skuLimit=50&other=1', SKU_FILTER_SPECS, SKU_QUERY_OPTIONS);
    expect(skuMappingsApiPath(state)).toBe('/api/sku-mappings?page=2&limit=50&search=MUG');
    const next = withFilters(state, { search: 'TEE' });
    expect(formatListState(next, SKU_FILTER_SPECS, SKU_QUERY_OPTIONS, '?skuSearch=MUG&skuPage=2&skuLimit=50&other=1')).toBe('?other=1&skuSearch=TEE&skuLimit=50');
    expect(skuMappingsApiPath(parseListState('', SKU_FILTER_SPECS, SKU_QUERY_OPTIONS))).toBe('/api/sku-mappings?page=1&limit=10');
  });
});

import { describe, expect, it } from 'vitest';
import type { CarrierMapping } from '../../server/api/contract.js';
import {
  cancellationStatusWarning,
  carrierDraftChanged,
  carrierDraftOf,
  carrierMappingInput,
  carrierSavedText,
  DEFAULT_FLOW_SETTINGS,
  flowChange,
  flowErrorText,
  FLOWS,
  flowSavedText,
  locationOptions,
  flowSettingsOf,
  mergeFlows,
  normalizeTrackingCarrier,
  providerLabel,
  providerOptions,
  recognizedProvider,
  rollbackFlow,
  SHIPPING_PROVIDERS,
  SYNC_MODES,
  validateCancellationSettings,
  type Flows,
} from '../../client/src/pages/settings/flow-settings.js';

const ALL_ON: Flows = { orders: true, fulfillment: true, inventory: true, cancellations: true };

describe('FLOWS', () => {
  it('lists the four flows in the order merchants know them, each explained', () => {
    expect(FLOWS.map((flow) => flow.label)).toEqual(['Orders', 'Fulfillment', 'Inventory', 'Cancellations']);
    expect(FLOWS.map((flow) => flow.name)).toEqual(['orders', 'fulfillment', 'inventory', 'cancellations']);
    for (const flow of FLOWS) {
      expect(flow.description.length).toBeGreaterThan(20);
      expect(flow.onText).not.toEqual(flow.offText);
    }
  });
});

describe('flowSettingsOf', () => {
  it('keeps what the server sends', () => {
    const settings = {
      flows: { orders: false, fulfillment: true, inventory: false, cancellations: true },
      cancellationStatusIds: [5, 4],
      statusOnBackendCancelId: 5,
      inventoryLocationId: 3,
      syncMode: 'poll' as const,
    };
    expect(flowSettingsOf(settings)).toEqual(settings);
  });

  it('uses the contract defaults for missing fields (an older server)', () => {
    expect(flowSettingsOf({})).toEqual(DEFAULT_FLOW_SETTINGS);
    expect(flowSettingsOf(null)).toEqual(DEFAULT_FLOW_SETTINGS);
    expect(DEFAULT_FLOW_SETTINGS.cancellationStatusIds).toEqual([5]);
    expect(DEFAULT_FLOW_SETTINGS.inventoryLocationId).toBe(1);
    expect(DEFAULT_FLOW_SETTINGS.statusOnBackendCancelId).toBeNull();
  });

  it('repairs malformed values field by field', () => {
    const settings = flowSettingsOf({
      flows: { orders: false, inventory: 'no' } as unknown as Flows,
      cancellationStatusIds: [5, 5, -1, 2.5, '4'] as unknown as number[],
      statusOnBackendCancelId: 'x' as unknown as number,
      inventoryLocationId: -2,
      syncMode: 'webhook' as unknown as 'push',
    });
    expect(settings).toEqual({
      flows: { orders: false, fulfillment: true, inventory: true, cancellations: true },
      cancellationStatusIds: [5],
      statusOnBackendCancelId: null,
      inventoryLocationId: 1,
      syncMode: 'push',
    });
  });

  it('keeps an empty cancellation list (nothing cancels at the warehouse)', () => {
    expect(flowSettingsOf({ cancellationStatusIds: [] }).cancellationStatusIds).toEqual([]);
  });
});

describe('flow switches (optimistic with rollback)', () => {
  it('sends only the flow that changed', () => {
    expect(flowChange('inventory', false)).toEqual({ inventory: false });
    expect(flowChange('orders', true)).toEqual({ orders: true });
  });

  it('takes the saved state except for switches still being saved', () => {
    const saved = { ...ALL_ON, inventory: false };
    const shown = { ...ALL_ON, cancellations: false, orders: false };
    // "cancellations" is still on its way; "orders" is not pending, so the server wins.
    expect(mergeFlows(saved, shown, new Set(['cancellations']))).toEqual({
      orders: true,
      fulfillment: true,
      inventory: false,
      cancellations: false,
    });
    expect(mergeFlows(saved, shown, new Set())).toEqual(saved);
  });

  it('puts only the failed switch back to its saved value', () => {
    const shown = { ...ALL_ON, inventory: false, orders: false };
    expect(rollbackFlow(shown, ALL_ON, 'inventory')).toEqual({ ...ALL_ON, orders: false });
  });

  it('says what the saved state means, and what stays when saving fails', () => {
    expect(flowSavedText('inventory', false)).toMatch(/^Inventory is off/);
    expect(flowSavedText('inventory', true)).toMatch(/^Inventory is on/);
    expect(flowSavedText('orders', false)).toMatch(/no orders are sent/);
    expect(flowErrorText('cancellations', false, 'Try again.')).toBe("Cancellations couldn't be turned off, so it stays on. Try again.");
    expect(flowErrorText('orders', true, 'Boom.')).toBe("Orders couldn't be turned on, so it stays off. Boom.");
  });
});

describe('validateCancellationSettings', () => {
  const importSettings = { importStatusId: 11, statusAfterAcceptId: 9 };

  it('accepts the default', () => {
    expect(validateCancellationSettings({ cancellationStatusIds: [5], statusOnBackendCancelId: 5 }, importSettings)).toEqual({});
    expect(validateCancellationSettings({ cancellationStatusIds: [], statusOnBackendCancelId: null }, importSettings)).toEqual({});
  });

  it('refuses the import status and the status set after acceptance as cancel triggers', () => {
    expect(validateCancellationSettings({ cancellationStatusIds: [5, 11], statusOnBackendCancelId: null }, importSettings)).toEqual({
      cancellationStatusIds: expect.stringMatching(/import status/),
    });
    expect(validateCancellationSettings({ cancellationStatusIds: [9], statusOnBackendCancelId: null }, importSettings)).toEqual({
      cancellationStatusIds: expect.stringMatching(/accepts/),
    });
    expect(validateCancellationSettings({ cancellationStatusIds: [9], statusOnBackendCancelId: null }, { importStatusId: 11, statusAfterAcceptId: null })).toEqual({});
  });

  it('refuses the import status as the status after a warehouse cancel', () => {
    expect(validateCancellationSettings({ cancellationStatusIds: [5], statusOnBackendCancelId: 11 }, importSettings)).toEqual({
      statusOnBackendCancelId: expect.stringMatching(/again/),
    });
  });
});

describe('cancellationStatusWarning', () => {
  it('warns when nothing cancels at the warehouse, or a shipped status is chosen', () => {
    expect(cancellationStatusWarning([5])).toBeNull();
    expect(cancellationStatusWarning([5, 4])).toBeNull();
    expect(cancellationStatusWarning([])).toMatch(/does not cancel/);
    expect(cancellationStatusWarning([5, 2])).toMatch(/too late/);
    expect(cancellationStatusWarning([10])).toMatch(/too late/);
  });
});

describe('carrier mappings', () => {
  const row = (changes: Partial<CarrierMapping> = {}): CarrierMapping => ({
    backendCarrier: 'Royal Mail',
    shippingProvider: null,
    trackingCarrier: null,
    seen: 3,
    ...changes,
  });

  it('offers every BigCommerce provider plus "Not mapped" and custom', () => {
    expect(SHIPPING_PROVIDERS.map((provider) => provider.value)).toEqual([
      'auspost',
      'canadapost',
      'endicia',
      'usps',
      'fedex',
      'ups',
      'upsready',
      'upsonline',
      'shipperhq',
      'royalmail',
      '',
    ]);
    const options = providerOptions(null);
    expect(options[0]).toMatchObject({ value: null, content: 'Not mapped' });
    expect(options).toHaveLength(SHIPPING_PROVIDERS.length + 1);
    expect(options.find((option) => option.value === '')?.content).toBe('Custom carrier');
  });

  it('keeps an unknown saved provider selectable', () => {
    const options = providerOptions('dhl_api');
    expect(options.at(-1)).toEqual({ value: 'dhl_api', content: 'dhl_api' });
    expect(providerOptions('ups')).toHaveLength(SHIPPING_PROVIDERS.length + 1);
  });

  it('labels providers', () => {
    expect(providerLabel('royalmail')).toBe('Royal Mail');
    expect(providerLabel('')).toBe('Custom carrier');
    expect(providerLabel(null)).toBe('Not mapped');
    expect(providerLabel(null, 'DPD')).toBe('Not mapped');
    expect(providerLabel('other')).toBe('other');
  });

  it('shows carriers the server recognises by name as automatic, not unmapped', () => {
    expect(recognizedProvider(' Royal Mail ')).toBe('royalmail');
    expect(recognizedProvider('FedEx')).toBe('fedex');
    expect(recognizedProvider('US Postal Service')).toBe('usps');
    expect(recognizedProvider('DHL Express')).toBeNull();
    expect(recognizedProvider('constructor')).toBeNull();
    expect(providerLabel(null, 'UPS')).toBe('Automatic (UPS)');
    expect(providerOptions(null, 'Australia Post')[0]).toEqual({
      value: null,
      content: 'Automatic (Australia Post)',
      description: 'Recognised from the carrier name',
    });
    expect(providerOptions(null, 'DHL')[0]).toEqual({
      value: null,
      content: 'Not mapped',
      description: 'Uses the tracking link from your warehouse',
    });
  });

  it('normalizes AfterShip slugs', () => {
    expect(normalizeTrackingCarrier('  Royal Mail ')).toBe('royal-mail');
    expect(normalizeTrackingCarrier('DPD_UK')).toBe('dpd-uk');
    expect(normalizeTrackingCarrier('')).toBe('');
  });

  it('builds the PUT body, saving a tracking carrier alone as a custom carrier', () => {
    expect(carrierMappingInput('Royal Mail', { provider: 'royalmail', trackingCarrier: '' })).toEqual({
      ok: true,
      input: { backendCarrier: 'Royal Mail', shippingProvider: 'royalmail', trackingCarrier: null },
    });
    expect(carrierMappingInput('DHL', { provider: null, trackingCarrier: ' DHL ' })).toEqual({
      ok: true,
      input: { backendCarrier: 'DHL', shippingProvider: '', trackingCarrier: 'dhl' },
    });
    expect(carrierMappingInput('DHL', { provider: null, trackingCarrier: '' })).toEqual({
      ok: true,
      input: { backendCarrier: 'DHL', shippingProvider: null, trackingCarrier: null },
    });
  });

  it('refuses a provider BigCommerce does not have (one saved before the server checked them), as the API would', () => {
    expect(carrierMappingInput('Old', { provider: 'pigeon-post', trackingCarrier: '' })).toEqual({
      ok: false,
      fields: { shippingProvider: expect.stringMatching(/BigCommerce's shipping providers/) },
    });
  });

  it('refuses slugs AfterShip would not know', () => {
    for (const slug of ['dpd uk!', 'dhl/express', '-dhl', 'a'.repeat(65)]) {
      const result = carrierMappingInput('X', { provider: '', trackingCarrier: slug });
      expect(result.ok, slug).toBe(false);
      if (!result.ok) expect(result.fields.trackingCarrier).toMatch(/AfterShip/);
    }
  });

  it('knows when a row has unsaved changes', () => {
    expect(carrierDraftChanged(row(), carrierDraftOf(row()))).toBe(false);
    expect(carrierDraftChanged(row({ trackingCarrier: 'dhl', shippingProvider: '' }), { provider: '', trackingCarrier: ' DHL' })).toBe(false);
    expect(carrierDraftChanged(row(), { provider: 'royalmail', trackingCarrier: '' })).toBe(true);
    expect(carrierDraftChanged(row(), { provider: null, trackingCarrier: 'royal-mail' })).toBe(true);
    // An invalid slug counts as a change so Save can show the error.
    expect(carrierDraftChanged(row(), { provider: null, trackingCarrier: '!!' })).toBe(true);
  });

  it('describes the saved mapping', () => {
    expect(carrierSavedText({ backendCarrier: 'Royal Mail', shippingProvider: 'royalmail', trackingCarrier: null })).toBe(
      '“Royal Mail” shipments are now written to BigCommerce as Royal Mail.',
    );
    expect(carrierSavedText({ backendCarrier: 'DHL', shippingProvider: '', trackingCarrier: 'dhl' })).toBe(
      '“DHL” shipments are now written to BigCommerce as a custom carrier with tracking carrier dhl.',
    );
    expect(carrierSavedText({ backendCarrier: 'DHL', shippingProvider: null, trackingCarrier: null })).toMatch(/removed.*tracking link/);
    expect(carrierSavedText({ backendCarrier: 'UPS', shippingProvider: null, trackingCarrier: null })).toMatch(/removed.*written as UPS/);
  });
});

describe('inventory settings', () => {
  it('lists locations and keeps a saved one that disappeared', () => {
    const locations = [
      { id: 1, label: 'Default location' },
      { id: 2, label: '' },
    ];
    expect(locationOptions(locations, 1)).toEqual([
      { value: 1, content: 'Default location' },
      { value: 2, content: 'Location 2' },
    ]);
    expect(locationOptions(locations, 7).at(-1)).toEqual({ value: 7, content: 'Location 7 (not found in your store)' });
    expect(locationOptions([], 1)).toEqual([{ value: 1, content: 'Location 1 (not found in your store)' }]);
  });

  it('offers push and poll in the merchant’s words', () => {
    expect(SYNC_MODES.map((mode) => [mode.value, mode.label])).toEqual([
      ['push', 'The warehouse sends updates (webhooks)'],
      ['poll', 'Fulfillment Bridge asks every few minutes (polling)'],
    ]);
  });
});

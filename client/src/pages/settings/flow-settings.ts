// Settings of the four flows: their switches, cancellations, carrier mappings, inventory
// location and sync mode. Pure (no DOM, no React) so it can be unit-tested in node.
import type { CarrierMapping, CarrierMappingInput, FlowName, InventoryLocationOption, FlowSettings, SettingsResponse } from '../../../../server/api/contract.js';
import type { FieldErrors, Validated } from './forms.js';
import { isBcShippingProvider, knownProvider } from '../../../../shared/known-carriers.js';

/** What GET /api/settings and every settings PUT answer. */
export type FullSettings = SettingsResponse & FlowSettings;
/** The same, read defensively: a server that doesn't know a field yet must not break the page. */
export type LoadedSettings = SettingsResponse & Partial<FlowSettings>;

export type Flows = Record<FlowName, boolean>;

export interface FlowInfo {
  name: FlowName;
  label: string;
  description: string;
  /** Announced after the switch was saved on / off. */
  onText: string;
  offText: string;
}

/** The four switches, in the order they are shown. */
export const FLOWS: readonly FlowInfo[] = [
  {
    name: 'orders',
    label: 'Orders',
    description: 'Send orders to your warehouse when they reach the order import status.',
    onText: 'Orders is on: orders that reach the import status are sent to your warehouse.',
    offText: 'Orders is off: no orders are sent to your warehouse until you turn it back on; the orders that reach the import status meanwhile are sent then.',
  },
  {
    name: 'fulfillment',
    label: 'Fulfillment',
    description: 'Write shipments and tracking numbers back to BigCommerce when your warehouse ships.',
    onText: 'Fulfillment is on: shipments and tracking from your warehouse are written to BigCommerce.',
    offText: 'Fulfillment is off: shipments from your warehouse are not written to BigCommerce until you turn it back on; the ones it reports meanwhile are written then.',
  },
  {
    name: 'inventory',
    label: 'Inventory',
    description: 'Update stock levels in BigCommerce from the quantities your warehouse reports.',
    onText: 'Inventory is on: stock levels from your warehouse are written to BigCommerce.',
    offText: 'Inventory is off: stock levels in BigCommerce are no longer updated.',
  },
  {
    name: 'cancellations',
    label: 'Cancellations',
    description: 'Both ways: cancel at the warehouse when you cancel in BigCommerce, and update BigCommerce when the warehouse cancels.',
    onText: 'Cancellations is on: cancellations are passed both ways.',
    offText:
      'Cancellations is off: cancelling in BigCommerce no longer cancels at the warehouse, and warehouse cancellations no longer change BigCommerce, until you turn it back on; the cancellations made meanwhile are passed on then.',
  },
];

export const FLOW_NAMES: readonly FlowName[] = FLOWS.map((flow) => flow.name);

export function flowInfo(name: FlowName): FlowInfo {
  return FLOWS.find((flow) => flow.name === name) ?? (FLOWS[0] as FlowInfo);
}

/** Defaults from the contract, for fields an older server does not send. */
export const DEFAULT_FLOW_SETTINGS: FlowSettings = {
  flows: { orders: true, fulfillment: true, inventory: true, cancellations: true },
  cancellationStatusIds: [5],
  statusOnBackendCancelId: null,
  inventoryLocationId: 1,
  syncMode: 'push',
};

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** The flow settings of GET /api/settings with every missing or malformed field at its default. */
export function flowSettingsOf(settings: Partial<FlowSettings> | null | undefined): FlowSettings {
  const source = settings ?? {};
  const flows = { ...DEFAULT_FLOW_SETTINGS.flows };
  if (typeof source.flows === 'object' && source.flows !== null) {
    for (const name of FLOW_NAMES) {
      const value = (source.flows as Partial<Flows>)[name];
      if (typeof value === 'boolean') flows[name] = value;
    }
  }
  const ids = Array.isArray(source.cancellationStatusIds) ? [...new Set(source.cancellationStatusIds.filter(isWholeNumber))] : DEFAULT_FLOW_SETTINGS.cancellationStatusIds;
  return {
    flows,
    cancellationStatusIds: ids,
    statusOnBackendCancelId: isWholeNumber(source.statusOnBackendCancelId) ? source.statusOnBackendCancelId : null,
    inventoryLocationId: isWholeNumber(source.inventoryLocationId) ? source.inventoryLocationId : DEFAULT_FLOW_SETTINGS.inventoryLocationId,
    syncMode: source.syncMode === 'poll' || source.syncMode === 'push' ? source.syncMode : DEFAULT_FLOW_SETTINGS.syncMode,
  };
}

/**
 * The switches to show: the server's saved state, except for flows whose change is still being
 * saved (their optimistic value stays until their own answer arrives; another flow's answer may
 * carry the value from before this change).
 */
export function mergeFlows(saved: Flows, shown: Flows, pending: ReadonlySet<FlowName>): Flows {
  const merged = { ...saved };
  for (const name of pending) merged[name] = shown[name];
  return merged;
}

/** After a failed save the switch goes back to the last saved value. */
export function rollbackFlow(shown: Flows, saved: Flows, name: FlowName): Flows {
  return { ...shown, [name]: saved[name] };
}

/** The body of PUT /api/settings/flows: only the switch that changed. */
export function flowChange(name: FlowName, on: boolean): Partial<Flows> {
  return { [name]: on };
}

export function flowSavedText(name: FlowName, on: boolean): string {
  const info = flowInfo(name);
  return on ? info.onText : info.offText;
}

export function flowErrorText(name: FlowName, on: boolean, reason: string): string {
  return `${flowInfo(name).label} couldn't be turned ${on ? 'on' : 'off'}, so it stays ${on ? 'off' : 'on'}. ${reason}`;
}

// --- Cancellations ----------------------------------------------------------------------------

export interface CancellationInput {
  cancellationStatusIds: number[];
  statusOnBackendCancelId: number | null;
}

/** Statuses Fulfillment Bridge itself moves orders to once they ship. */
const SHIPPED_STATUSES = new Set([2, 3, 10]);

/**
 * Blocks choices that would cancel orders the app is in the middle of sending, or send a
 * cancelled order to the warehouse again.
 */
export function validateCancellationSettings(input: CancellationInput, importSettings: Pick<SettingsResponse, 'importStatusId' | 'statusAfterAcceptId'>): FieldErrors {
  const fields: FieldErrors = {};
  const { importStatusId, statusAfterAcceptId } = importSettings;
  if (input.cancellationStatusIds.includes(importStatusId)) {
    fields.cancellationStatusIds = 'Remove your order import status: every order that reaches it would be cancelled at the warehouse straight away.';
  } else if (statusAfterAcceptId !== null && input.cancellationStatusIds.includes(statusAfterAcceptId)) {
    fields.cancellationStatusIds = 'Remove the status set after the warehouse accepts an order: every accepted order would be cancelled again.';
  }
  if (input.statusOnBackendCancelId !== null && input.statusOnBackendCancelId === importStatusId) {
    fields.statusOnBackendCancelId = 'Choose another status: the order import status would send the cancelled order to your warehouse again.';
  }
  return fields;
}

/** A non-blocking warning about the chosen cancellation statuses. */
export function cancellationStatusWarning(ids: readonly number[]): string | null {
  if (ids.length === 0) {
    return 'With no status chosen, cancelling an order in BigCommerce does not cancel it at the warehouse.';
  }
  if (ids.some((id) => SHIPPED_STATUSES.has(id))) {
    return 'Orders reach shipped and completed statuses after the warehouse has shipped them, so a cancellation request would come too late.';
  }
  return null;
}

// --- Carrier mappings -------------------------------------------------------------------------

export interface ProviderInfo {
  /** BigCommerce shipping_provider; "" is a custom carrier. */
  value: string;
  label: string;
}

/** BigCommerce's shipping providers for shipments (v2 Orders API), plus "custom". */
export const SHIPPING_PROVIDERS: readonly ProviderInfo[] = [
  { value: 'auspost', label: 'Australia Post' },
  { value: 'canadapost', label: 'Canada Post' },
  { value: 'endicia', label: 'Endicia' },
  { value: 'usps', label: 'USPS' },
  { value: 'fedex', label: 'FedEx' },
  { value: 'ups', label: 'UPS' },
  { value: 'upsready', label: 'UPS Ready' },
  { value: 'upsonline', label: 'UPS Online' },
  { value: 'shipperhq', label: 'ShipperHQ' },
  { value: 'royalmail', label: 'Royal Mail' },
  { value: '', label: 'Custom carrier' },
];

/** The provider an unmapped carrier gets from its name, or null (it falls back to a tracking link). */
export function recognizedProvider(backendCarrier: string): string | null {
  return knownProvider(backendCarrier);
}

export interface ProviderOption {
  value: string | null;
  content: string;
  description?: string;
}

/**
 * Select options: no mapping (null: automatic for recognised carriers, else the tracking link),
 * the providers, and an unknown saved value kept as is.
 */
export function providerOptions(current: string | null, backendCarrier = ''): ProviderOption[] {
  const options: ProviderOption[] = [
    { value: null, content: providerLabel(null, backendCarrier), description: unmappedDescription(backendCarrier) },
    ...SHIPPING_PROVIDERS.map(({ value, label }) =>
      value === '' ? { value, content: label, description: 'Uses the tracking carrier or the tracking link' } : { value, content: label },
    ),
  ];
  if (current !== null && !SHIPPING_PROVIDERS.some((provider) => provider.value === current)) {
    options.push({ value: current, content: current });
  }
  return options;
}

function unmappedDescription(backendCarrier: string): string {
  return recognizedProvider(backendCarrier) ? 'Recognised from the carrier name' : 'Uses the tracking link from your warehouse';
}

/** What a provider value means for this carrier; null is "Not mapped" or "Automatic (…)". */
export function providerLabel(value: string | null, backendCarrier = ''): string {
  if (value === null) {
    const recognized = recognizedProvider(backendCarrier);
    return recognized ? `Automatic (${providerLabel(recognized)})` : 'Not mapped';
  }
  return SHIPPING_PROVIDERS.find((provider) => provider.value === value)?.label ?? value;
}

/** AfterShip slugs are lowercase words joined by hyphens ("dhl", "royal-mail", "dpd-uk"). */
export function normalizeTrackingCarrier(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface CarrierDraft {
  provider: string | null;
  trackingCarrier: string;
}

export function carrierDraftOf(row: CarrierMapping): CarrierDraft {
  return { provider: row.shippingProvider, trackingCarrier: row.trackingCarrier ?? '' };
}

/**
 * The body of PUT /api/carrier-mappings. A tracking carrier without a provider is saved as a
 * custom carrier (BigCommerce only accepts tracking_carrier together with shipping_provider).
 */
export function carrierMappingInput(backendCarrier: string, draft: CarrierDraft): Validated<CarrierMappingInput> {
  const slug = normalizeTrackingCarrier(draft.trackingCarrier);
  if (slug !== '' && (!SLUG.test(slug) || slug.length > 64)) {
    return {
      ok: false,
      fields: { trackingCarrier: 'Use the AfterShip slug: lowercase letters, digits and hyphens, like dhl or royal-mail.' },
    };
  }
  const provider = draft.provider === null && slug !== '' ? '' : draft.provider;
  // A provider saved before the server checked them (kept in the select as is) is refused by the
  // API; say so here rather than send it.
  if (provider !== null && !isBcShippingProvider(provider)) {
    return { ok: false, fields: { shippingProvider: "Choose one of BigCommerce's shipping providers, or a custom carrier." } };
  }
  return { ok: true, input: { backendCarrier, shippingProvider: provider, trackingCarrier: slug === '' ? null : slug } };
}

/** True when saving the draft would change the row. */
export function carrierDraftChanged(row: CarrierMapping, draft: CarrierDraft): boolean {
  const result = carrierMappingInput(row.backendCarrier, draft);
  if (!result.ok) return true;
  return result.input.shippingProvider !== row.shippingProvider || result.input.trackingCarrier !== (row.trackingCarrier || null);
}

export function carrierSavedText(input: CarrierMappingInput): string {
  if (input.shippingProvider === null && !input.trackingCarrier) {
    const recognized = recognizedProvider(input.backendCarrier);
    return recognized
      ? `The mapping for “${input.backendCarrier}” was removed. Its shipments are written as ${providerLabel(recognized)}, recognised from the name.`
      : `The mapping for “${input.backendCarrier}” was removed. Its shipments get the tracking link from your warehouse.`;
  }
  const parts = [input.shippingProvider === '' ? 'a custom carrier' : providerLabel(input.shippingProvider)];
  if (input.trackingCarrier) parts.push(`tracking carrier ${input.trackingCarrier}`);
  return `“${input.backendCarrier}” shipments are now written to BigCommerce as ${parts.join(' with ')}.`;
}

// --- Inventory --------------------------------------------------------------------------------

export interface LocationOption {
  value: number;
  content: string;
}

/** Select options for the inventory location; a saved id missing from the list stays selectable. */
export function locationOptions(locations: readonly InventoryLocationOption[], selected: number): LocationOption[] {
  const options = locations.map((location) => ({ value: location.id, content: location.label || `Location ${location.id}` }));
  if (!options.some((option) => option.value === selected)) {
    options.push({ value: selected, content: `Location ${selected} (not found in your store)` });
  }
  return options;
}

export interface SyncModeInfo {
  value: FlowSettings['syncMode'];
  label: string;
  description: string;
}

export const SYNC_MODES: readonly SyncModeInfo[] = [
  {
    value: 'push',
    label: 'The warehouse sends updates (webhooks)',
    description: 'Shipments and stock changes arrive within seconds of happening at the warehouse.',
  },
  {
    value: 'poll',
    label: 'Fulfillment Bridge asks every few minutes (polling)',
    description: 'For warehouses that can’t send webhooks. Shipments and stock levels can take a few minutes to appear.',
  },
];

// Settings and mappings API types (connection, import status, SKU and shipping method mappings);
// re-exported from contract.ts. Types only: the client imports this file with `import type`.
import type { ApiError, LoopSettings } from './contract.js';
import type { WarehouseHealth } from './contract-health.js';

export interface BackendSettings {
  accountId: string | null;
  /** The API key is write-only: the UI only learns whether one is stored. */
  apiKeySet: boolean;
  connected: boolean;
  accountName: string | null;
  /** ISO-8601 */
  lastCheckedAt: string | null;
  lastError: string | null;
  /** The connection as the last real call found it: the same state the Overview shows. */
  health: WarehouseHealth;
}

/** GET /api/settings; also the answer of every PUT below. */
export interface SettingsResponse {
  backend: BackendSettings;
  /** BigCommerce order status id that triggers the import (default 11, Awaiting Fulfillment). */
  importStatusId: number;
  /** Optional status written to BigCommerce once the backend accepted the order. */
  statusAfterAcceptId: number | null;
  webhooks: { healthy: boolean; lastReconciledAt: string | null; lastError: string | null };
  /**
   * Bumped by every settings change. Every settings PUT accepts `revision` (the one the form was
   * opened with): a stale one is refused with 409 SettingsConflict; a PUT without it always applies.
   */
  revision: number;
}

/** 409 from a settings PUT whose `revision` is stale: someone else saved since; `current` is what is saved now. */
export interface SettingsConflict extends ApiError {
  current: SettingsResponse & LoopSettings;
}

/** PUT /api/settings/backend: tests the connection first; saves only when it works (else 400/422 ApiError). */
export interface BackendSettingsInput {
  accountId: string;
  /** Omit to keep the stored key. */
  apiKey?: string;
}

/** POST /api/settings/backend/test  body: BackendSettingsInput (apiKey optional: uses the stored one). */
export interface ConnectionTestResponse {
  ok: true;
  account: { id: string; name: string };
}

/** PUT /api/settings/import */
export interface ImportSettingsInput {
  importStatusId: number;
  statusAfterAcceptId: number | null;
}

/** GET /api/order-statuses: the store's statuses with their own labels. */
export interface OrderStatusOption {
  id: number;
  /** BigCommerce's system name. */
  name: string;
  /** What the merchant sees: custom_label when set, else name. */
  label: string;
}

/** One warehouse SKU of a mapping, and how many of it one unit of the BigCommerce SKU is. */
export interface SkuComponent {
  sku: string;
  quantity: number;
}

/** GET/POST/PUT/DELETE /api/sku-mappings[/:id]; GET /api/sku-mappings/export (CSV, open to every member) */
export interface SkuMapping {
  id: number;
  bcSku: string;
  /** The warehouse SKU; for a bundle, its first component's. */
  backendSku: string;
  /**
   * What one unit is sent as: a plain mapping is [{ sku: backendSku, quantity: 1 }], a bundle / kit
   * several warehouse SKUs with quantities (GIFT-SET → MUG-1 × 1, TEA-3 × 2).
   */
  components: SkuComponent[];
  /** When it was last saved (ms): sent back with an edit, a 409 says someone else saved since. */
  revision: number;
  /** Things worth knowing about what was saved (a component that is itself mapped), POST/PUT answers only. */
  notes?: string[];
}

/** `components` (a bundle) or `backendSku` (a plain mapping, as before); `revision` guards an edit. */
export interface SkuMappingInput {
  bcSku: string;
  backendSku?: string;
  components?: SkuComponent[];
  revision?: number;
}

/**
 * POST /api/sku-mappings/import  body: { csv: string } with header "bigcommerce_sku,backend_sku". A bundle's
 * backend_sku lists its components as "MUG-1*1|TEA-3*2" (what GET /api/sku-mappings/export writes).
 */
export interface SkuImportResult {
  created: number;
  updated: number;
  errors: Array<{ line: number; message: string }>;
}

/** GET /api/shipping-mappings: methods seen in the store's orders plus those already mapped. */
export interface ShippingMethodMapping {
  method: string;
  backendCode: string | null;
  ordersSeen: number;
}

/** PUT /api/shipping-mappings  body: { method, backendCode } (null or "" removes the mapping). */
export interface ShippingMappingInput {
  method: string;
  backendCode: string | null;
}

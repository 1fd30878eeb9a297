// Settings and mappings API types (connection, import status, SKU and shipping method mappings);
// re-exported from contract.ts. Types only: the client imports this file with `import type`.
import type { ApiError, FlowSettings } from './contract.js';
import type { StoreOrderStatus } from '../domain/store-lists.js';
import type { z } from 'zod';
import type { backendInput, flowOptionsInput, flowsInput, importInput } from './inputs/settings.js';
import type { csvInput, shippingInput, skuInput } from './inputs/mappings.js';
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
  current: SettingsResponse & FlowSettings;
}

/** PUT /api/settings/backend: tests the connection first; saves only when it works (else 400/422 ApiError). apiKey omitted keeps the stored key. */
export type BackendSettingsInput = z.input<typeof backendInput>;

/** POST /api/settings/backend/test  body: BackendSettingsInput (apiKey optional: uses the stored one). */
export interface ConnectionTestResponse {
  ok: true;
  account: { id: string; name: string };
}

/** PUT /api/settings/import */
export type ImportSettingsInput = z.input<typeof importInput>;

/** PUT /api/settings/flows: the switches to change → SettingsResponse & FlowSettings */
export type FlowSwitchesInput = z.input<typeof flowsInput>;

/** PUT /api/settings/flow-options → SettingsResponse & FlowSettings */
export type FlowOptionsInput = z.input<typeof flowOptionsInput>;

/** GET /api/order-statuses: the store's statuses with their own labels. */
export type OrderStatusOption = StoreOrderStatus;

// GET/POST/PUT/DELETE /api/sku-mappings[/:id] → SkuMapping; GET /api/sku-mappings/export (CSV, open to every member).
// GET /api/shipping-mappings → { items: ShippingMethodMapping[] }: methods seen in the store's orders plus those already mapped.
export type { SkuComponent, SkuMapping, ShippingMethodMapping } from '../domain/mappings.js';

/** `components` (a bundle) or `backendSku` (a plain mapping, as before); `revision` guards an edit. */
export type SkuMappingInput = z.input<typeof skuInput>;

/**
 * POST /api/sku-mappings/import  body: SkuImportInput ({ csv }) with header "bigcommerce_sku,backend_sku". A bundle's
 * backend_sku lists its components as "MUG-1*1|TEA-3*2" (what GET /api/sku-mappings/export writes).
 */
export type SkuImportInput = z.input<typeof csvInput>;

export interface SkuImportResult {
  created: number;
  updated: number;
  errors: Array<{ line: number; message: string }>;
}

/** PUT /api/shipping-mappings  body: { method, backendCode } (null or "" removes the mapping). */
export type ShippingMappingInput = z.input<typeof shippingInput>;

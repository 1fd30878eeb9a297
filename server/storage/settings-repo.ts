import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { FlowName } from '../api/contract.js';
import type { TokenCipher } from './token-cipher.js';
import { BACKEND_KEY_UNREADABLE_MESSAGE, healSettingsSecrets, readBackendKey } from './secret-health.js';

export const DEFAULT_IMPORT_STATUS_ID = 11; // Awaiting Fulfillment

export interface StoreSettings {
  storeHash: string;
  backendAccountId: string | null;
  backendApiKey: string | null;
  backendAccountName: string | null;
  backendConnected: boolean;
  backendCheckedAt: number | null;
  backendError: string | null;
  importStatusId: number;
  /** When the merchant first saved the import status (null: the default was never confirmed). */
  importStatusSavedAt: number | null;
  statusAfterAcceptId: number | null;
  webhookSecret: string;
  webhooksReconciledAt: number | null;
  webhooksError: string | null;
  reconcileWatermark: number | null;
  flows: Record<FlowName, boolean>;
  cancellationStatusIds: number[];
  statusOnBackendCancelId: number | null;
  inventoryLocationId: number;
  syncMode: 'push' | 'poll';
  shipmentsCursor: string | null;
  inventoryCursor: string | null;
}

export type LoopInput = Partial<Pick<StoreSettings, 'cancellationStatusIds' | 'statusOnBackendCancelId' | 'inventoryLocationId' | 'syncMode'>>;

type Raw = Record<string, unknown>;
const num = (v: unknown) => (v == null ? null : Number(v));
const str = (v: unknown) => (v == null ? null : String(v));
const parseIds = (v: unknown): number[] => {
  try {
    const ids = JSON.parse(String(v ?? '[]')) as unknown;
    return Array.isArray(ids) ? ids.filter((x): x is number => Number.isInteger(x)) : [];
  } catch {
    return [];
  }
};

/** Per-store settings; created on first read with defaults and a fresh webhook secret. */
export class SettingsRepo {
  constructor(
    private readonly db: Knex,
    private readonly cipher: TokenCipher,
    /** Told when an unreadable webhook secret was replaced, so the subscriptions get the new one. */
    private readonly onWebhookSecretReplaced: (storeHash: string) => void = () => {},
  ) {}

  private toSettings(r: Raw): StoreSettings {
    // An API key no configured key opens reads as "not connected: reconnect the warehouse".
    const backend = readBackendKey(this.cipher, r.backend_api_key_enc);
    return {
      storeHash: String(r.store_hash),
      backendAccountId: str(r.backend_account_id),
      backendApiKey: backend.apiKey,
      backendAccountName: str(r.backend_account_name),
      backendConnected: Boolean(r.backend_connected) && !backend.unreadable,
      backendCheckedAt: num(r.backend_checked_at),
      backendError: backend.unreadable ? BACKEND_KEY_UNREADABLE_MESSAGE : str(r.backend_error),
      importStatusId: Number(r.import_status_id),
      importStatusSavedAt: num(r.import_status_saved_at),
      statusAfterAcceptId: num(r.status_after_accept_id),
      webhookSecret: this.cipher.decrypt(String(r.webhook_secret_enc)),
      webhooksReconciledAt: num(r.webhooks_reconciled_at),
      webhooksError: str(r.webhooks_error),
      reconcileWatermark: num(r.reconcile_watermark),
      flows: {
        orders: Boolean(r.flow_orders),
        fulfillment: Boolean(r.flow_fulfillment),
        inventory: Boolean(r.flow_inventory),
        cancellations: Boolean(r.flow_cancellations),
      },
      cancellationStatusIds: parseIds(r.cancellation_status_ids),
      statusOnBackendCancelId: num(r.status_on_backend_cancel_id),
      inventoryLocationId: Number(r.inventory_location_id ?? 1),
      syncMode: r.sync_mode === 'poll' ? 'poll' : 'push',
      shipmentsCursor: str(r.shipments_cursor),
      inventoryCursor: str(r.inventory_cursor),
    };
  }

  /** The stored row with its secrets healed (secret-health.ts); undefined when there is none. */
  private async healedRow(storeHash: string, now: number): Promise<Raw | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await this.db('store_settings').where({ store_hash: storeHash }).first();
      if (!row) return undefined;
      const healed = await healSettingsSecrets(this.db, this.cipher, row, now);
      if (!healed) continue; // a concurrent save changed the row: read it again
      if (healed.secretReplaced) this.onWebhookSecretReplaced(storeHash);
      return healed.row;
    }
    throw new Error('Settings row kept changing while its secrets were re-encrypted');
  }

  async get(storeHash: string, now: number): Promise<StoreSettings> {
    const existing = await this.healedRow(storeHash, now);
    if (existing) return this.toSettings(existing);
    await this.db('store_settings')
      .insert({
        store_hash: storeHash,
        import_status_id: DEFAULT_IMPORT_STATUS_ID,
        webhook_secret_enc: this.cipher.encrypt(randomBytes(32).toString('base64url')),
        updated_at: now,
      })
      .onConflict('store_hash')
      .ignore();
    return this.toSettings(await this.db('store_settings').where({ store_hash: storeHash }).first());
  }

  /** Only the secret, for the webhook receiver's hot path. */
  async webhookSecret(storeHash: string, now = Date.now()): Promise<string | undefined> {
    const r = await this.healedRow(storeHash, now);
    return r ? this.cipher.decrypt(String(r.webhook_secret_enc)) : undefined;
  }

  async saveBackend(
    storeHash: string,
    b: { accountId: string; apiKey: string; accountName: string | null; connected: boolean; error: string | null },
    now: number,
  ): Promise<void> {
    await this.get(storeHash, now);
    await this.db('store_settings').where({ store_hash: storeHash }).update({
      backend_account_id: b.accountId,
      backend_api_key_enc: this.cipher.encrypt(b.apiKey),
      backend_account_name: b.accountName,
      backend_connected: b.connected,
      backend_checked_at: now,
      backend_error: b.error,
      updated_at: now,
    });
  }

  async saveBackendCheck(storeHash: string, c: { connected: boolean; accountName?: string | null; error: string | null }, now: number) {
    await this.db('store_settings')
      .where({ store_hash: storeHash })
      .update({
        backend_connected: c.connected,
        ...(c.accountName !== undefined ? { backend_account_name: c.accountName } : {}),
        backend_checked_at: now,
        backend_error: c.error,
        updated_at: now,
      });
  }

  async saveImport(storeHash: string, i: { importStatusId: number; statusAfterAcceptId: number | null }, now: number) {
    await this.get(storeHash, now);
    await this.db('store_settings')
      .where({ store_hash: storeHash })
      .update({ import_status_id: i.importStatusId, status_after_accept_id: i.statusAfterAcceptId, updated_at: now });
    await this.db('store_settings').where({ store_hash: storeHash }).whereNull('import_status_saved_at').update({ import_status_saved_at: now });
  }

  async saveWebhookHealth(storeHash: string, error: string | null, now: number) {
    await this.db('store_settings')
      .where({ store_hash: storeHash })
      .update({ webhooks_reconciled_at: now, webhooks_error: error, updated_at: now });
  }

  async saveWatermark(storeHash: string, watermark: number, now: number) {
    await this.db('store_settings').where({ store_hash: storeHash }).update({ reconcile_watermark: watermark, updated_at: now });
  }

  async saveFlows(storeHash: string, flows: Partial<Record<FlowName, boolean>>, now: number) {
    await this.get(storeHash, now);
    const cols: Record<string, boolean> = {};
    for (const [flow, on] of Object.entries(flows)) if (typeof on === 'boolean') cols[`flow_${flow}`] = on;
    await this.db('store_settings').where({ store_hash: storeHash }).update({ ...cols, updated_at: now });
  }

  async saveLoop(storeHash: string, l: LoopInput, now: number) {
    await this.get(storeHash, now);
    await this.db('store_settings')
      .where({ store_hash: storeHash })
      .update({
        ...(l.cancellationStatusIds ? { cancellation_status_ids: JSON.stringify(l.cancellationStatusIds) } : {}),
        ...(l.statusOnBackendCancelId !== undefined ? { status_on_backend_cancel_id: l.statusOnBackendCancelId } : {}),
        ...(l.inventoryLocationId !== undefined ? { inventory_location_id: l.inventoryLocationId } : {}),
        ...(l.syncMode ? { sync_mode: l.syncMode } : {}),
        updated_at: now,
      });
  }

  async saveCursors(storeHash: string, c: { shipments?: string; inventory?: string }, now: number) {
    await this.db('store_settings')
      .where({ store_hash: storeHash })
      .update({ ...(c.shipments ? { shipments_cursor: c.shipments } : {}), ...(c.inventory ? { inventory_cursor: c.inventory } : {}), updated_at: now });
  }

  /** Store hash of the store connected to this backend account (for backend → app events). */
  async storesForAccount(accountId: string): Promise<string[]> {
    const rows = await this.db('store_settings').where({ backend_account_id: accountId }).select('store_hash');
    return rows.map((r) => String(r.store_hash));
  }
}

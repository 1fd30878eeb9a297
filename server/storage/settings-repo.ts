import type { Knex } from 'knex';
import type { FlowName, SyncMode } from '../domain/flows.js';
import type { TokenCipher } from './token-cipher.js';
import { BACKEND_KEY_UNREADABLE_MESSAGE, healSettingsSecrets, healWebhookSecret, newWebhookSecret, readBackendKey } from './secret-health.js';

export const DEFAULT_IMPORT_STATUS_ID = 11; // Awaiting Fulfillment
/** Percent of the store's API quota the app may use unless the merchant says otherwise. */
export const DEFAULT_API_QUOTA_SHARE = 60;

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
  syncMode: SyncMode;
  shipmentsCursor: string | null;
  inventoryCursor: string | null;
  /** Percent of the store's API quota the app may spend in each window (1–100, default 60). */
  apiQuotaShare: number;
  /**
   * Bumped by every change a person saves (connection, import, flows, cancellations, inventory);
   * not by the app's own bookkeeping (checks, cursors, webhook health). A save that names an older
   * revision is refused (StaleSettingsError), so two people editing at once never overwrite each
   * other unseen.
   */
  revision: number;
}

/** A save named a revision older than the stored one: someone else saved in between. */
export class StaleSettingsError extends Error {
  constructor(readonly expected: number) {
    super(`Settings changed since revision ${expected}`);
    this.name = 'StaleSettingsError';
  }
}

export type FlowOptionsInput = Partial<Pick<StoreSettings, 'cancellationStatusIds' | 'statusOnBackendCancelId' | 'inventoryLocationId' | 'syncMode'>>;

type Raw = Record<string, unknown>;

/** A store connected to a backend account, with the warehouse API key its events are signed with. */
export interface AccountBackendKey {
  storeHash: string;
  /** null when none is saved or no configured encryption key opens it (Settings says to reconnect). */
  apiKey: string | null;
  /** Set when reading the key failed otherwise: an event signed with it cannot be verified now. */
  error?: unknown;
}
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
      apiQuotaShare: r.api_quota_share == null ? DEFAULT_API_QUOTA_SHARE : Number(r.api_quota_share),
      revision: r.revision == null ? 1 : Number(r.revision),
    };
  }

  /**
   * Bumped by every saveBackend in this process, so a cache of backend keys (the fulfillment
   * receiver's) knows it is stale without being told by name.
   */
  private backendSaves = 0;
  get backendVersion(): number {
    return this.backendSaves;
  }

  /**
   * One merchant's change: the columns, a new revision, in one UPDATE. With `expected` the row
   * changes only while it still has that revision (checked and written atomically), else
   * StaleSettingsError; without it (API clients, older callers) the change always applies.
   */
  private async change(storeHash: string, cols: Record<string, unknown>, now: number, expected?: number): Promise<void> {
    await this.get(storeHash, now);
    const q = this.db('store_settings').where({ store_hash: storeHash });
    if (expected !== undefined) q.andWhere('revision', expected);
    const n = await q.update({ ...cols, revision: this.db.raw('revision + 1'), updated_at: now });
    if (n === 0 && expected !== undefined) throw new StaleSettingsError(expected);
  }

  /** Reads the row (or some of its columns) and heals it; undefined when there is no row. */
  private async healed<T>(storeHash: string, columns: string[], heal: (row: Raw) => Promise<T | undefined>): Promise<T | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const row: Raw | undefined = await this.db('store_settings')
        .where({ store_hash: storeHash })
        .first(...columns);
      if (!row) return undefined;
      const out = await heal(row);
      if (out !== undefined) return out; // undefined: a concurrent save changed the row, read it again
    }
    throw new Error('Settings row kept changing while its secrets were re-encrypted');
  }

  /** The stored row with its secrets healed (secret-health.ts); undefined when there is none. */
  private healedRow(storeHash: string, now: number): Promise<Raw | undefined> {
    return this.healed(storeHash, ['*'], async (row) => {
      const healed = await healSettingsSecrets(this.db, this.cipher, row, now);
      if (healed?.secretReplaced) this.onWebhookSecretReplaced(storeHash);
      return healed?.row;
    });
  }

  async get(storeHash: string, now: number): Promise<StoreSettings> {
    const existing = await this.healedRow(storeHash, now);
    if (existing) return this.toSettings(existing);
    await this.db('store_settings')
      .insert({
        store_hash: storeHash,
        import_status_id: DEFAULT_IMPORT_STATUS_ID,
        webhook_secret_enc: this.cipher.encrypt(newWebhookSecret()),
        updated_at: now,
      })
      .onConflict('store_hash')
      .ignore();
    return this.toSettings(await this.db('store_settings').where({ store_hash: storeHash }).first());
  }

  /** Only the secret, for the webhook receiver's hot path: the other secrets are not read. */
  webhookSecret(storeHash: string, now = Date.now()): Promise<string | undefined> {
    return this.healed(storeHash, ['store_hash', 'webhook_secret_enc'], async (row) => {
      const healed = await healWebhookSecret(this.db, this.cipher, row, now);
      if (healed?.replaced) this.onWebhookSecretReplaced(storeHash);
      return healed?.secret;
    });
  }

  async saveBackend(
    storeHash: string,
    b: { accountId: string; apiKey: string; accountName: string | null; connected: boolean; error: string | null },
    now: number,
    expectedRevision?: number,
  ): Promise<void> {
    await this.change(
      storeHash,
      {
        backend_account_id: b.accountId,
        backend_api_key_enc: this.cipher.encrypt(b.apiKey),
        backend_account_name: b.accountName,
        backend_connected: b.connected,
        backend_checked_at: now,
        backend_error: b.error,
      },
      now,
      expectedRevision,
    );
    this.backendSaves++;
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

  async saveImport(storeHash: string, i: { importStatusId: number; statusAfterAcceptId: number | null }, now: number, expectedRevision?: number) {
    await this.change(
      storeHash,
      {
        import_status_id: i.importStatusId,
        status_after_accept_id: i.statusAfterAcceptId,
        // The first save is kept: it says when the merchant confirmed the import status.
        import_status_saved_at: this.db.raw('coalesce(import_status_saved_at, ?)', [now]),
      },
      now,
      expectedRevision,
    );
  }

  async saveWebhookHealth(storeHash: string, error: string | null, now: number) {
    await this.db('store_settings').where({ store_hash: storeHash }).update({ webhooks_reconciled_at: now, webhooks_error: error, updated_at: now });
  }

  /** The share of the store's API quota the app may spend (percent, validated by the route). */
  async saveApiQuotaShare(storeHash: string, percent: number, now: number, expectedRevision?: number) {
    await this.change(storeHash, { api_quota_share: percent }, now, expectedRevision);
  }

  async saveWatermark(storeHash: string, watermark: number, now: number) {
    await this.db('store_settings').where({ store_hash: storeHash }).update({ reconcile_watermark: watermark, updated_at: now });
  }

  async saveFlows(storeHash: string, flows: Partial<Record<FlowName, boolean>>, now: number, expectedRevision?: number) {
    const cols: Record<string, boolean> = {};
    for (const [flow, on] of Object.entries(flows)) if (typeof on === 'boolean') cols[`flow_${flow}`] = on;
    await this.change(storeHash, cols, now, expectedRevision);
  }

  async saveFlowOptions(storeHash: string, options: FlowOptionsInput, now: number, expectedRevision?: number) {
    await this.change(
      storeHash,
      {
        ...(options.cancellationStatusIds ? { cancellation_status_ids: JSON.stringify(options.cancellationStatusIds) } : {}),
        ...(options.statusOnBackendCancelId !== undefined ? { status_on_backend_cancel_id: options.statusOnBackendCancelId } : {}),
        ...(options.inventoryLocationId !== undefined ? { inventory_location_id: options.inventoryLocationId } : {}),
        ...(options.syncMode ? { sync_mode: options.syncMode } : {}),
      },
      now,
      expectedRevision,
    );
  }

  async saveCursors(storeHash: string, c: { shipments?: string; inventory?: string }, now: number) {
    await this.db('store_settings')
      .where({ store_hash: storeHash })
      .update({ ...(c.shipments ? { shipments_cursor: c.shipments } : {}), ...(c.inventory ? { inventory_cursor: c.inventory } : {}), updated_at: now });
  }

  /**
   * The stores connected to this backend account and their API keys, to verify its events: one
   * query, and only the API key is decrypted (nothing is healed or written on this hot path).
   */
  async backendKeysForAccount(accountId: string): Promise<AccountBackendKey[]> {
    const rows: Raw[] = await this.db('store_settings').where({ backend_account_id: accountId }).select('store_hash', 'backend_api_key_enc');
    return rows.map((r) => {
      const storeHash = String(r.store_hash);
      try {
        return { storeHash, apiKey: readBackendKey(this.cipher, r.backend_api_key_enc).apiKey };
      } catch (error) {
        return { storeHash, apiKey: null, error };
      }
    });
  }
}

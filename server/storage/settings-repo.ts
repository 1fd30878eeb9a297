import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { TokenCipher } from './token-cipher.js';

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
  statusAfterAcceptId: number | null;
  webhookSecret: string;
  webhooksReconciledAt: number | null;
  webhooksError: string | null;
  reconcileWatermark: number | null;
}

type Raw = Record<string, unknown>;
const num = (v: unknown) => (v == null ? null : Number(v));
const str = (v: unknown) => (v == null ? null : String(v));

/** Per-store settings; created on first read with defaults and a fresh webhook secret. */
export class SettingsRepo {
  constructor(
    private readonly db: Knex,
    private readonly cipher: TokenCipher,
  ) {}

  private toSettings(r: Raw): StoreSettings {
    return {
      storeHash: String(r.store_hash),
      backendAccountId: str(r.backend_account_id),
      backendApiKey: r.backend_api_key_enc ? this.cipher.decrypt(String(r.backend_api_key_enc)) : null,
      backendAccountName: str(r.backend_account_name),
      backendConnected: Boolean(r.backend_connected),
      backendCheckedAt: num(r.backend_checked_at),
      backendError: str(r.backend_error),
      importStatusId: Number(r.import_status_id),
      statusAfterAcceptId: num(r.status_after_accept_id),
      webhookSecret: this.cipher.decrypt(String(r.webhook_secret_enc)),
      webhooksReconciledAt: num(r.webhooks_reconciled_at),
      webhooksError: str(r.webhooks_error),
      reconcileWatermark: num(r.reconcile_watermark),
    };
  }

  async get(storeHash: string, now: number): Promise<StoreSettings> {
    const existing = await this.db('store_settings').where({ store_hash: storeHash }).first();
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
  async webhookSecret(storeHash: string): Promise<string | undefined> {
    const r = await this.db('store_settings').where({ store_hash: storeHash }).first('webhook_secret_enc');
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
  }

  async saveWebhookHealth(storeHash: string, error: string | null, now: number) {
    await this.db('store_settings')
      .where({ store_hash: storeHash })
      .update({ webhooks_reconciled_at: now, webhooks_error: error, updated_at: now });
  }

  async saveWatermark(storeHash: string, watermark: number, now: number) {
    await this.db('store_settings').where({ store_hash: storeHash }).update({ reconcile_watermark: watermark, updated_at: now });
  }

  /** Store hash of the store connected to this backend account (for backend → app events). */
  async storesForAccount(accountId: string): Promise<string[]> {
    const rows = await this.db('store_settings').where({ backend_account_id: accountId }).select('store_hash');
    return rows.map((r) => String(r.store_hash));
  }
}

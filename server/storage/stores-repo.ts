import type { Knex } from 'knex';
import type { TokenCipher } from './token-cipher.js';

/**
 * Why a store must be re-authorised: BigCommerce revoked the token (401), or our copy cannot be
 * decrypted (ENCRYPTION_KEY changed). Both are repaired by /auth, which brings a new token.
 */
export type ReauthReason = 'token_revoked' | 'token_unreadable';

export interface StoreRow {
  hash: string;
  status: 'installed' | 'uninstalled';
  scope: string;
  ownerId: number | null;
  ownerEmail: string | null;
  installedAt: number;
  uninstalledAt: number | null;
  needsReauth: boolean;
  reauthReason: ReauthReason | null;
  name: string | null;
  plan: string | null;
  domain: string | null;
  secureUrl: string | null;
  /** When the background refresh (flows/store-refresh.ts) last ran, whatever its outcome; null: never. */
  detailsRefreshedAt: number | null;
  /** What that run could not read, in the merchant's words (the details shown are the last known). */
  detailsError: string | null;
}

export interface InstallRecord {
  hash: string;
  accessToken: string;
  scope: string;
  accountUuid: string;
  owner: { id: number; email: string };
  installer: { id: number; email: string };
}

export interface StoreDetails {
  name: string | null;
  plan: string | null;
  domain: string | null;
  secureUrl: string | null;
}

type Raw = Record<string, unknown>;

function toRow(r: Raw): StoreRow {
  return {
    hash: String(r.hash),
    status: r.status === 'installed' ? 'installed' : 'uninstalled',
    scope: String(r.scope ?? ''),
    ownerId: r.owner_id == null ? null : Number(r.owner_id),
    ownerEmail: (r.owner_email as string | null) ?? null,
    installedAt: Number(r.installed_at),
    uninstalledAt: r.uninstalled_at == null ? null : Number(r.uninstalled_at),
    needsReauth: Boolean(r.needs_reauth),
    reauthReason: r.reauth_reason === 'token_unreadable' || r.reauth_reason === 'token_revoked' ? r.reauth_reason : null,
    name: (r.name as string | null) ?? null,
    plan: (r.plan as string | null) ?? null,
    domain: (r.domain as string | null) ?? null,
    secureUrl: (r.secure_url as string | null) ?? null,
    detailsRefreshedAt: r.details_refreshed_at == null ? null : Number(r.details_refreshed_at),
    detailsError: (r.details_error as string | null) ?? null,
  };
}

export interface StoresRepoOptions {
  now?: () => number;
  /** Called once when a store's token turns out to be unreadable (for the Activity log). */
  onTokenUnreadable?: (hash: string) => void;
}

/** Stores keyed by store hash. The access token only ever leaves here decrypted via `accessToken()`. */
export class StoresRepo {
  private readonly now: () => number;

  constructor(
    private readonly db: Knex,
    private readonly cipher: TokenCipher,
    private readonly opts: StoresRepoOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
  }

  async get(hash: string, trx: Knex = this.db): Promise<StoreRow | undefined> {
    const r = await trx('stores').where({ hash }).first();
    return r ? toRow(r) : undefined;
  }

  /** Insert or overwrite: every /auth brings a new token and invalidates the previous one. */
  async upsertInstalled(rec: InstallRecord, now: number, trx: Knex): Promise<void> {
    const values = {
      status: 'installed',
      access_token_enc: this.cipher.encrypt(rec.accessToken),
      scope: rec.scope,
      account_uuid: rec.accountUuid,
      owner_id: rec.owner.id,
      owner_email: rec.owner.email,
      installed_by_user_id: rec.installer.id,
      installed_at: now,
      uninstalled_at: null,
      needs_reauth: false,
      reauth_reason: null,
      updated_at: now,
    };
    await trx('stores')
      .insert({ hash: rec.hash, ...values })
      .onConflict('hash')
      .merge(values);
  }

  /**
   * Hashes of installed stores, optionally only those whose backend is polled, and with
   * `skipRevoked` without those whose token BigCommerce refused (their every call would be a 401
   * until a reinstall). A token that is only unreadable is kept: it makes no call, and reading it
   * is what notices the old key being configured again (accessToken() clears the flag then).
   */
  async installedHashes(f: { syncMode?: 'poll' | 'push'; skipRevoked?: boolean } = {}): Promise<string[]> {
    const q = this.db('stores as s').where({ 's.status': 'installed' });
    if (f.skipRevoked)
      q.where((w) => {
        w.where({ 's.needs_reauth': false }).orWhereNot({ 's.reauth_reason': 'token_revoked' });
      });
    if (f.syncMode) q.join('store_settings as st', 'st.store_hash', 's.hash').where({ 'st.sync_mode': f.syncMode });
    // A stated order: the scheduler walks stores in it, the same on both databases.
    return (await q.orderBy('s.hash').select('s.hash')).map((r) => String(r.hash));
  }

  /**
   * Decrypted token of an installed store, or undefined. A token no configured key opens marks the
   * store "needs re-authorisation" (undefined, like a store without a token, so nothing answers 500);
   * one sealed with a previous key is re-encrypted with the current key on the way.
   */
  async accessToken(hash: string): Promise<string | undefined> {
    const r = await this.db('stores').where({ hash, status: 'installed' }).first('access_token_enc', 'needs_reauth', 'reauth_reason');
    const sealed = r?.access_token_enc as string | null | undefined;
    if (!sealed) return undefined;
    const opened = this.cipher.tryOpen(sealed);
    if (!opened) {
      const marked = await this.db('stores')
        .where({ hash, status: 'installed', needs_reauth: false })
        .update({ needs_reauth: true, reauth_reason: 'token_unreadable', updated_at: this.now() });
      if (marked > 0) this.opts.onTokenUnreadable?.(hash);
      return undefined;
    }
    const healed = Boolean(r.needs_reauth) && r.reauth_reason === 'token_unreadable';
    if (opened.stale || healed) {
      // Conditional on the value we read, so a concurrent /auth's new token is never overwritten.
      await this.db('stores')
        .where({ hash, access_token_enc: sealed })
        .update({
          ...(opened.stale ? { access_token_enc: this.cipher.encrypt(opened.plain) } : {}),
          // The old key is configured again (ENCRYPTION_KEY_PREVIOUS): the token works, no reinstall needed.
          ...(healed ? { needs_reauth: false, reauth_reason: null } : {}),
          updated_at: this.now(),
        });
    }
    return opened.plain;
  }

  async markUninstalled(hash: string, now: number, trx: Knex): Promise<void> {
    await trx('stores').where({ hash }).update({ status: 'uninstalled', access_token_enc: null, uninstalled_at: now, updated_at: now });
  }

  /**
   * BigCommerce refused `failedToken` (401): only a new /auth repairs it, so the store is flagged,
   * but only while that token is still the stored one. A client built before a reinstall holds the
   * previous token; its 401 says nothing about the new one. Returns whether the failed token is the
   * store's current one (flagged now or before); false when it was replaced, the store uninstalled,
   * or the stored token cannot be read (then accessToken() says why).
   */
  async markNeedsReauth(hash: string, failedToken: string, now: number): Promise<boolean> {
    const r = await this.db('stores').where({ hash, status: 'installed' }).first('access_token_enc');
    const sealed = r?.access_token_enc as string | null | undefined;
    if (!sealed || this.cipher.tryOpen(sealed)?.plain !== failedToken) return false;
    // Conditional on the value we read: an /auth committing in between keeps its new token unflagged.
    const marked = await this.db('stores')
      .where({ hash, status: 'installed', access_token_enc: sealed })
      .update({ needs_reauth: true, reauth_reason: 'token_revoked', updated_at: now });
    return marked > 0;
  }

  /**
   * Installed stores whose background refresh is due: never ran, or last ran at or before
   * `lastRunBefore`. Stores whose token BigCommerce refused are left out (each run would be a 401).
   */
  async dueForRefresh(lastRunBefore: number): Promise<string[]> {
    const rows = await this.db('stores')
      .where({ status: 'installed' })
      .where((w) => {
        w.where({ needs_reauth: false }).orWhereNot({ reauth_reason: 'token_revoked' });
      })
      .where((w) => {
        w.whereNull('details_refreshed_at').orWhere('details_refreshed_at', '<=', lastRunBefore);
      })
      .orderBy('hash')
      .select('hash');
    return rows.map((r) => String(r.hash));
  }

  /**
   * The outcome of a background refresh: the details when they were read (absent: the last known
   * ones stay), and what could not be read (null when everything was).
   */
  async saveRefresh(hash: string, outcome: { details?: StoreDetails; error: string | null }, now: number): Promise<void> {
    const d = outcome.details;
    await this.db('stores')
      .where({ hash })
      .update({
        ...(d ? { name: d.name, plan: d.plan, domain: d.domain, secure_url: d.secureUrl } : {}),
        details_refreshed_at: now,
        details_error: outcome.error,
        updated_at: now,
      });
  }

  async saveDetails(hash: string, d: StoreDetails, now: number): Promise<void> {
    await this.db('stores').where({ hash }).update({ name: d.name, plan: d.plan, domain: d.domain, secure_url: d.secureUrl, updated_at: now });
  }
}

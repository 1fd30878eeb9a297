import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { TokenCipher } from './token-cipher.js';

/**
 * What happens to a store's secrets when ENCRYPTION_KEY changes (README, "Rotating the encryption
 * key"). Nothing here destroys a value that might become readable again when the operator lists the
 * old key in ENCRYPTION_KEY_PREVIOUS, except the webhook secret, which is ours alone and is simply
 * replaced (the webhook reconciliation sends the new one to BigCommerce).
 */
export const TOKEN_UNREADABLE_MESSAGE =
  "The app's saved BigCommerce access for this store could not be read (the app's encryption key was changed). The store owner must re-authorise: uninstall Fulfillment Bridge and install it again from the Apps marketplace (orders, mappings and settings are kept when it is reinstalled promptly).";

/** The Overview's reason next to its "access needs to be renewed" warning. */
export const TOKEN_UNREADABLE_REASON = "The app's saved access token for this store can't be read: the app's encryption key was changed.";

export const BACKEND_KEY_UNREADABLE_MESSAGE =
  "The saved warehouse API key could not be read (the app's encryption key was changed). Reconnect the warehouse: enter the API key again and save.";

export const WEBHOOK_SECRET_REPLACED_MESSAGE =
  "The webhook secret could not be read (the app's encryption key was changed), so a new one was made. BigCommerce webhooks are refused until the subscriptions are updated with it, which happens automatically (the store's access must work).";

export function newWebhookSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The warehouse API key of a settings row: its value, or whether a stored one is unreadable. */
export function readBackendKey(cipher: TokenCipher, sealed: unknown): { apiKey: string | null; unreadable: boolean } {
  if (!sealed) return { apiKey: null, unreadable: false };
  const opened = cipher.tryOpen(String(sealed));
  return opened ? { apiKey: opened.plain, unreadable: false } : { apiKey: null, unreadable: true };
}

type Row = Record<string, unknown>;

/**
 * Re-encrypts a settings row's secrets sealed with a previous key, and replaces a webhook secret no
 * configured key opens. The update is conditional on the values read, so a concurrent save wins
 * and the caller reads again. Returns the row as stored and whether the webhook secret was replaced.
 */
export async function healSettingsSecrets(db: Knex, cipher: TokenCipher, r: Row, now: number): Promise<{ row: Row; secretReplaced: boolean } | undefined> {
  const { updates, replaced } = webhookSecretUpdates(cipher, r.webhook_secret_enc);
  const apiKey = r.backend_api_key_enc ? cipher.tryOpen(String(r.backend_api_key_enc)) : undefined;
  if (apiKey?.stale) updates.backend_api_key_enc = cipher.encrypt(apiKey.plain);
  if (Object.keys(updates).length === 0) return { row: r, secretReplaced: false };
  const changed = await db('store_settings')
    .where({ store_hash: r.store_hash, webhook_secret_enc: r.webhook_secret_enc, backend_api_key_enc: r.backend_api_key_enc ?? null })
    .update({ ...updates, updated_at: now });
  return changed > 0 ? { row: { ...r, ...updates, updated_at: now }, secretReplaced: replaced } : undefined;
}

/** The webhook secret of a settings row (a new one when no key opens it) and the columns to write for it. */
function webhookSecretUpdates(cipher: TokenCipher, sealed: unknown): { plain: string; replaced: boolean; updates: Row } {
  const secret = cipher.tryOpen(String(sealed));
  if (!secret) {
    const plain = newWebhookSecret();
    return { plain, replaced: true, updates: { webhook_secret_enc: cipher.encrypt(plain), webhooks_reconciled_at: null, webhooks_error: WEBHOOK_SECRET_REPLACED_MESSAGE } };
  }
  return { plain: secret.plain, replaced: false, updates: secret.stale ? { webhook_secret_enc: cipher.encrypt(secret.plain) } : {} };
}

/**
 * healSettingsSecrets for the webhook secret alone (the webhook gate reads nothing else), from a row
 * holding store_hash and webhook_secret_enc. Returns the secret as stored afterwards and whether it
 * was replaced, or undefined when a concurrent save changed it (the caller reads again).
 */
export async function healWebhookSecret(db: Knex, cipher: TokenCipher, r: Row, now: number): Promise<{ secret: string; replaced: boolean } | undefined> {
  const { plain, replaced, updates } = webhookSecretUpdates(cipher, r.webhook_secret_enc);
  if (Object.keys(updates).length === 0) return { secret: plain, replaced };
  const changed = await db('store_settings')
    .where({ store_hash: r.store_hash, webhook_secret_enc: r.webhook_secret_enc })
    .update({ ...updates, updated_at: now });
  return changed > 0 ? { secret: plain, replaced } : undefined;
}

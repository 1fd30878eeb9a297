// The warehouse API keys that may sign a fulfillment backend account's events, for the receiver's
// hot path. Read in one query (SettingsRepo.backendKeysForAccount) and kept for a few seconds, as
// StoreGate keeps webhook secrets: a save of backend settings in this process makes the cache stale
// at once; other instances notice within the TTL (the backend signs with both keys while a key is
// rotated, so a late answer is harmless).
import type { AccountBackendKey, SettingsRepo } from '../storage/settings-repo.js';

const TTL_MS = 10_000;
const MAX_ACCOUNTS = 10_000;

export class AccountKeys {
  private cache = new Map<string, { keys: AccountBackendKey[]; at: number; version: number }>();

  constructor(
    private readonly settings: Pick<SettingsRepo, 'backendKeysForAccount' | 'backendVersion'>,
    private readonly now: () => number,
  ) {}

  /** The stores of the account with their keys. A read where some key failed is not kept. */
  async forAccount(accountId: string): Promise<AccountBackendKey[]> {
    const now = this.now();
    const version = this.settings.backendVersion;
    const hit = this.cache.get(accountId);
    if (hit && hit.version === version && now - hit.at < TTL_MS) return hit.keys;
    const keys = await this.settings.backendKeysForAccount(accountId);
    if (this.cache.size > MAX_ACCOUNTS) this.cache.clear();
    if (keys.every((k) => k.error === undefined)) this.cache.set(accountId, { keys, at: now, version });
    else this.cache.delete(accountId);
    return keys;
  }
}

/**
 * The stores whose key verifies the signature, in the order given. Each distinct key is checked
 * once: stores of one account usually share it (one account, one key).
 */
export function storesVerifiedBy(keys: readonly AccountBackendKey[], verifies: (apiKey: string) => boolean): string[] {
  const checked = new Map<string, boolean>();
  const verified: string[] = [];
  for (const { storeHash, apiKey } of keys) {
    if (!apiKey) continue;
    let ok = checked.get(apiKey);
    if (ok === undefined) {
      ok = verifies(apiKey);
      checked.set(apiKey, ok);
    }
    if (ok) verified.push(storeHash);
  }
  return verified;
}

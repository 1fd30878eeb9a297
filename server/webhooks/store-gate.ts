import type { SettingsRepo } from '../storage/settings-repo.js';
import type { StoresRepo } from '../storage/stores-repo.js';

const TTL_MS = 10_000;

/**
 * Who may send us webhooks: installed stores and their secret, cached for a few seconds so the
 * receiver's hot path does not read two rows per delivery. Uninstall invalidates at once in this
 * process; other instances notice within the TTL (a late event is harmless: jobs re-check).
 */
export class StoreGate {
  private cache = new Map<string, { secret: string | null; at: number }>();

  constructor(
    private readonly stores: StoresRepo,
    private readonly settings: SettingsRepo,
    private readonly now: () => number,
  ) {}

  /** A fresh cached answer without awaiting (the hot path), or undefined when it must be read. */
  cached(storeHash: string): string | null | undefined {
    const hit = this.cache.get(storeHash);
    return hit && this.now() - hit.at < TTL_MS ? hit.secret : undefined;
  }

  /** The store's webhook secret, or null when the store is not installed. */
  async secretFor(storeHash: string): Promise<string | null> {
    const hit = this.cache.get(storeHash);
    const now = this.now();
    if (hit && now - hit.at < TTL_MS) return hit.secret;
    const store = await this.stores.get(storeHash);
    // An unreadable secret (ENCRYPTION_KEY changed) is replaced by a new one here, so deliveries
    // signed with the old one get a 401, not a 500, until the subscriptions carry the new secret.
    const secret = store?.status === 'installed' ? ((await this.settings.webhookSecret(storeHash, now)) ?? null) : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(storeHash, { secret, at: now });
    return secret;
  }

  invalidate(storeHash: string): void {
    this.cache.delete(storeHash);
  }
}

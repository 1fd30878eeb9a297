import { getStoreInfo, BigCommerceApiError, BigCommerceUnauthorizedError } from '../bigcommerce/index.js';
import type { Services } from '../services.js';

/**
 * Reads GET /v2/store and keeps a copy, so the Overview still shows the store when BigCommerce
 * is slow or rate-limited. Returns a merchant-readable problem, or null when all went well.
 */
export async function refreshStoreDetails(s: Services, storeHash: string): Promise<string | null> {
  try {
    const client = await s.bigcommerce.forStore(storeHash);
    if (!client) return 'The store is not connected.';
    const info = await getStoreInfo(client);
    await s.stores.saveDetails(
      storeHash,
      { name: info.name ?? null, plan: info.plan_name ?? null, domain: info.domain ?? null, secureUrl: info.secure_url ?? null },
      s.clock.now(),
    );
    return null;
  } catch (err) {
    if (err instanceof BigCommerceUnauthorizedError) return 'BigCommerce no longer accepts this app’s access token.';
    if (err instanceof BigCommerceApiError) {
      s.logger.warn({ storeHash, status: err.status, path: err.path }, 'could not read store details');
      return 'BigCommerce did not answer just now; showing the last known store details.';
    }
    s.logger.warn({ storeHash, err }, 'could not read store details');
    return 'BigCommerce could not be reached just now; showing the last known store details.';
  }
}

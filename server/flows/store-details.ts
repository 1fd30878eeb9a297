// The store's details (GET /v2/store) for the background store refresh (store-refresh.ts), and how a
// failed read of BigCommerce becomes the merchant's sentence. Pages never call BigCommerce for these.
import {
  BigCommerceApiError,
  BigCommerceInvalidResponseError,
  BigCommerceQuotaWaitError,
  BigCommerceRateLimitError,
  BigCommerceTokenReplacedError,
  BigCommerceUnauthorizedError,
  getStoreInfo,
  type BigCommerceClient,
} from '../bigcommerce/index.js';
import { ZodError } from 'zod';
import type { Collaborators } from '../collaborators.js';

/** BigCommerce refused the token: the client's 401 hook has already flagged the store for re-authorisation. */
export const TOKEN_REFUSED_PROBLEM = 'BigCommerce refused the app’s access token. The store owner must re-authorise the app (install it again from the Apps marketplace).';

/**
 * A wait imposed on us (the store's quota, a 429, a token a reinstall replaced meanwhile), not a
 * failure: the background job goes back to the queue and tries again, nothing is recorded.
 */
export function isWaitNotFailure(err: unknown): boolean {
  return err instanceof BigCommerceQuotaWaitError || err instanceof BigCommerceRateLimitError || err instanceof BigCommerceTokenReplacedError;
}

/** A failed read of BigCommerce (as opposed to our own fault, e.g. the database, which is thrown on). */
export function isReadFailure(err: unknown): boolean {
  return err instanceof BigCommerceApiError || err instanceof ZodError;
}

/**
 * What could not be read, in the merchant's words: `what` is e.g. "the order statuses", `kept`
 * what is shown instead (e.g. "the last known ones").
 */
export function readProblem(err: unknown, what: string, kept: string): string {
  if (err instanceof BigCommerceUnauthorizedError) return TOKEN_REFUSED_PROBLEM;
  if (err instanceof BigCommerceInvalidResponseError || err instanceof ZodError) {
    return `BigCommerce answered something unexpected when asked for ${what}; showing ${kept}.`;
  }
  if (err instanceof BigCommerceApiError && err.status === 403) {
    return `BigCommerce did not let the app read ${what} (a permission is missing); showing ${kept}.`;
  }
  if (err instanceof BigCommerceApiError && err.status !== null) return `BigCommerce did not answer when asked for ${what} just now; showing ${kept}.`;
  return `BigCommerce could not be reached for ${what} just now; showing ${kept}.`;
}

/**
 * Reads GET /v2/store and keeps a copy, so the Overview shows the store without asking BigCommerce.
 * Part of the background store refresh (flows/store-refresh.ts), which passes its client and
 * records the outcome (stores.details_refreshed_at / details_error); pages never call this.
 * Returns a merchant-readable problem, or null when all went well. A wait (isWaitNotFailure) is
 * thrown, so the job can try again once the store's quota allows.
 */
export async function refreshStoreDetails(
  s: Pick<Collaborators, 'bigcommerce' | 'stores' | 'clock' | 'logger'>,
  storeHash: string,
  client?: BigCommerceClient,
): Promise<string | null> {
  const bc = client ?? (await s.bigcommerce.forStore(storeHash));
  if (!bc) return 'The store is not connected.';
  try {
    const info = await getStoreInfo(bc);
    await s.stores.saveDetails(
      storeHash,
      { name: info.name ?? null, plan: info.plan_name ?? null, domain: info.domain ?? null, secureUrl: info.secure_url ?? null },
      s.clock.now(),
    );
    return null;
  } catch (err) {
    if (isWaitNotFailure(err) || !isReadFailure(err)) throw err;
    s.logger.warn({ storeHash, err: err instanceof BigCommerceApiError ? err.toJSON() : String(err) }, 'could not read store details');
    return readProblem(err, 'the store details', 'the last known ones');
  }
}

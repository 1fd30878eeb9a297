import { ZodError } from 'zod';
import {
  BigCommerceApiError,
  BigCommerceNetworkError,
  BigCommerceQuotaWaitError,
  BigCommerceRateLimitError,
  BigCommerceUnauthorizedError,
  withQuotaWaitLimit,
} from '../bigcommerce/index.js';
import type { BigCommerceHealth } from '../domain/health.js';
import { AppError } from '../errors.js';
import { reconcileStoreHooks } from '../flows/webhooks-reconcile.js';
import { webhooksNoAccessReason } from '../flows/store-access.js';
import type { Collaborators } from '../collaborators.js';
import { bigcommerceHealth } from './bigcommerce.js';
import { readHealthFacts } from './facts.js';
import type { RepairSummary } from './subscription-records.js';
import { count } from './time-words.js';

// POST /api/webhooks/repair: the merchant's "Repair webhooks" button. An action, so it may call
// BigCommerce (a page read never does); it runs the same reconciliation as the background job.

/** The merchant waits on the button: a quota window longer than this is said, not sat through. */
export const REPAIR_QUOTA_WAIT_MS = 10_000;

export interface RepairAnswer {
  message: string;
  bigcommerce: BigCommerceHealth;
}

type Deps = Pick<Collaborators, 'db' | 'settings' | 'clock' | 'config' | 'bigcommerce' | 'stores' | 'syncLog' | 'logger'>;

export async function repairWebhooks(s: Deps, storeHash: string): Promise<RepairAnswer> {
  const client = await s.bigcommerce.forStore(storeHash);
  if (!client) throw new AppError(409, 'no_store_access', webhooksNoAccessReason(await s.stores.get(storeHash)));
  let repaired: RepairSummary;
  let removed: number;
  try {
    const out = await withQuotaWaitLimit(REPAIR_QUOTA_WAIT_MS, () => reconcileStoreHooks(s, client));
    repaired = out.repaired;
    removed = out.result.remove.length;
  } catch (err) {
    if (!(err instanceof BigCommerceApiError) && !(err instanceof ZodError)) throw err;
    const message = repairFailure(err, await s.stores.get(storeHash));
    s.logger.warn({ storeHash, err: err instanceof BigCommerceApiError ? err.toJSON() : String(err) }, 'webhook repair failed');
    const now = s.clock.now();
    await s.settings.saveWebhookHealth(storeHash, message, now);
    await s.syncLog.append({ storeHash, flow: 'webhooks', level: 'warn', message: 'Webhooks could not be repaired', detail: message }, now);
    throw new AppError(502, 'bigcommerce_unavailable', message);
  }
  const message = repairMessage(repaired, removed);
  await s.syncLog.append({ storeHash, flow: 'webhooks', message }, s.clock.now());
  const facts = await readHealthFacts(s, storeHash, s.clock.now());
  return { message, bigcommerce: await bigcommerceHealth(s.db, storeHash, facts) };
}

/** "Webhooks repaired: 1 re-activated, 1 re-created", "Webhooks set up: 2 created" or "Webhooks checked: nothing needed repairing". */
export function repairMessage(r: RepairSummary, removed = 0): string {
  const parts = [
    r.reactivated.length > 0 ? `${r.reactivated.length} re-activated` : null,
    r.recreated.length > 0 ? `${r.recreated.length} re-created` : null,
    r.created.length > 0 ? `${r.created.length} created` : null,
    removed > 0 ? `${count(removed, 'stale one', 'stale ones')} removed` : null,
  ].filter((x): x is string => x !== null);
  if (parts.length === 0) return 'Webhooks checked: nothing needed repairing';
  // Subscriptions made for the first time (a flow switched on, a new install) were not broken.
  const repaired = r.reactivated.length + r.recreated.length > 0;
  return `${repaired ? 'Webhooks repaired' : r.created.length > 0 ? 'Webhooks set up' : 'Webhooks updated'}: ${parts.join(', ')}`;
}

function repairFailure(err: BigCommerceApiError | ZodError, store: Parameters<typeof webhooksNoAccessReason>[0]): string {
  if (err instanceof BigCommerceUnauthorizedError) return webhooksNoAccessReason(store);
  if (err instanceof BigCommerceQuotaWaitError || err instanceof BigCommerceRateLimitError) {
    const ms = err instanceof BigCommerceQuotaWaitError ? err.waitMs : err.retryAfterMs;
    return `The store’s BigCommerce API limit is used up for the next ${Math.max(1, Math.ceil(ms / 1000))} s: try again then.`;
  }
  if (err instanceof BigCommerceNetworkError) return 'BigCommerce could not be reached just now: try again in a minute.';
  if (err instanceof BigCommerceApiError && err.status === 403) return 'BigCommerce did not let the app manage its webhooks (a permission is missing).';
  return 'BigCommerce did not accept the repair just now: try again in a minute.';
}

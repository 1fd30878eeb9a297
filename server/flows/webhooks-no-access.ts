import type { StoreRow } from '../storage/stores-repo.js';
import { noStoreAccessRemedy } from './store-access.js';

/**
 * Why the webhook subscriptions cannot be checked or repaired, for the Settings page's webhook
 * health: without a usable access token the app cannot talk to BigCommerce, and deliveries made
 * with a secret BigCommerce no longer has are refused, so "Healthy" would be a lie.
 */
export function webhooksNoAccessReason(store: Pick<StoreRow, 'status' | 'needsReauth' | 'reauthReason'> | undefined): string {
  return `Webhook subscriptions could not be checked: ${noStoreAccessRemedy(store)}`;
}

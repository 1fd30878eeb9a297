import type { StoreRow } from '../storage/stores-repo.js';

/**
 * Why the app cannot talk to BigCommerce for a store, and what the owner does about it, as the end
 * of a sentence. `then` is appended to the remedy (e.g. ", then press Retry on the order").
 */
export function noStoreAccessRemedy(store: Pick<StoreRow, 'status' | 'reauthReason'> | undefined, then = ''): string {
  if (!store || store.status !== 'installed') return `the app is not installed in this store. Install it again${then}.`;
  const why =
    store.reauthReason === 'token_unreadable'
      ? 'the app’s saved access to the store can no longer be read (its encryption key was changed)'
      : store.reauthReason === 'token_revoked'
        ? 'BigCommerce refused the app’s access token'
        : 'the app has no usable access token for the store';
  return `${why}. The store owner must re-authorise the app (install it again from the Apps marketplace)${then}.`;
}

/**
 * Why the webhook subscriptions cannot be checked or repaired, for the Settings page's webhook
 * health: without a usable access token the app cannot talk to BigCommerce, and deliveries made
 * with a secret BigCommerce no longer has are refused, so "Healthy" would be a lie.
 */
export function webhooksNoAccessReason(store: Pick<StoreRow, 'status' | 'reauthReason'> | undefined): string {
  return `Webhook subscriptions could not be checked: ${noStoreAccessRemedy(store)}`;
}

import type { Services } from '../../services.js';

/**
 * Why the app has no BigCommerce client for a store, in words for the order page: a shipment that
 * cannot be written for this reason is failed (not left pending) and Retry writes it once fixed.
 */
export async function noStoreAccessReason(s: Pick<Services, 'stores'>, storeHash: string, backendShipmentId: string): Promise<string> {
  const store = await s.stores.get(storeHash);
  const head = `Shipment ${backendShipmentId} was not written to BigCommerce:`;
  if (!store || store.status !== 'installed') {
    return `${head} the app is not installed in this store. Install it again, then press Retry on the order.`;
  }
  const why =
    store.reauthReason === 'token_unreadable'
      ? 'the app’s saved access to the store can no longer be read (its encryption key was changed)'
      : store.reauthReason === 'token_revoked'
        ? 'BigCommerce refused the app’s access token'
        : 'the app has no usable access token for the store';
  return `${head} ${why}. The store owner must re-authorise the app (install it again from the Apps marketplace), then press Retry on the order.`;
}

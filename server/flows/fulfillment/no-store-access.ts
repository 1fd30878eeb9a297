import type { Collaborators } from '../../collaborators.js';
import { noStoreAccessRemedy } from '../store-access.js';

/**
 * Why the app has no BigCommerce client for a store, in words for the order page: a shipment that
 * cannot be written for this reason is failed (not left pending) and Retry writes it once fixed.
 */
export async function noStoreAccessReason(s: Pick<Collaborators, 'stores'>, storeHash: string, backendShipmentId: string): Promise<string> {
  const store = await s.stores.get(storeHash);
  return `Shipment ${backendShipmentId} was not written to BigCommerce: ${noStoreAccessRemedy(store, ', then press Retry on the order')}`;
}

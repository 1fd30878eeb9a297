import { enqueueShipmentRetries } from '../flows/fulfillment/retry-shipment.js';
import { requeueOrderSyncs } from '../flows/order-import/requeue-syncs.js';
import type { Services } from '../services.js';

/**
 * Orders held in "needs attention" are re-checked after the merchant changed something that may
 * fix them (a mapping, the backend connection): they are sent by themselves once it is fixed, and
 * their failed shipments are written to BigCommerce again (a SKU or carrier mapping may fix those).
 */
export async function requeueHeldOrders(s: Pick<Services, 'orders' | 'shipments' | 'jobs'>, storeHash: string): Promise<number> {
  const ids = await s.orders.needingAttention(storeHash);
  await requeueOrderSyncs(s, storeHash, ids);
  await enqueueShipmentRetries(s, storeHash, await s.shipments.failedForOrders(storeHash, ids));
  return ids.length;
}

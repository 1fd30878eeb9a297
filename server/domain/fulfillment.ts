// What came back from the warehouse: shipments written to BigCommerce and stock levels.

export interface Shipment {
  backendShipmentId: string;
  bcShipmentId: number | null;
  trackingNumber: string | null;
  carrier: string | null;
  service: string | null;
  /** Link shown to the merchant (from the backend or built from the carrier). */
  trackingUrl: string | null;
  items: Array<{ sku: string; quantity: number }>;
  state: 'created' | 'pending' | 'failed';
  /** BigCommerce's reason when it refused the shipment (state "failed"). */
  error: string | null;
  /** What did not fit BigCommerce's limits and was left out (e.g. a tracking number over 50 characters). */
  warning: string | null;
  /** ISO-8601 */
  createdAt: string;
}

export type InventoryLevelStatus = 'synced' | 'skipped' | 'pending';

/** A warehouse SKU's stock level and whether it reached BigCommerce. */
export interface InventoryLevel {
  sku: string;
  backendSku: string;
  available: number;
  locationId: number;
  status: InventoryLevelStatus;
  /** Why it was skipped (inventory tracking off, unknown SKU, refused by BigCommerce, ...), or a note on how a synced level was written (a negative level written as 0). */
  reason: string | null;
  /** ISO-8601 */
  lastSyncedAt: string | null;
}

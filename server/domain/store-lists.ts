// The store's own lists, copied from BigCommerce by the background refresh (flows/store-refresh.ts).

/** An order status with the label the merchant sees. */
export interface StoreOrderStatus {
  id: number;
  /** BigCommerce's system name. */
  name: string;
  /** What the merchant sees: custom_label when set, else name. */
  label: string;
}

/** An inventory location stock levels can be written to. */
export interface InventoryLocation {
  id: number;
  label: string;
}

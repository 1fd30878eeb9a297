// Mappings between BigCommerce's names and the warehouse's: SKUs (and bundles), shipping methods,
// carriers.

/** One warehouse SKU of a mapping, and how many of it one unit of the BigCommerce SKU is. */
export interface SkuComponent {
  sku: string;
  quantity: number;
}

export interface SkuMapping {
  id: number;
  bcSku: string;
  /** The warehouse SKU; for a bundle, its first component's. */
  backendSku: string;
  /**
   * What one unit is sent as: a plain mapping is [{ sku: backendSku, quantity: 1 }], a bundle / kit
   * several warehouse SKUs with quantities (GIFT-SET → MUG-1 × 1, TEA-3 × 2).
   */
  components: SkuComponent[];
  /** When it was last saved (ms): sent back with an edit, a mismatch means someone else saved since. */
  revision: number;
  /** Things worth knowing about what was saved (a component that is itself mapped). */
  notes?: string[];
}

/** A shipping method seen in the store's orders or mapped, with its warehouse code. */
export interface ShippingMethodMapping {
  method: string;
  backendCode: string | null;
  ordersSeen: number;
}

export interface CarrierMapping {
  /** Carrier name as the backend sends it (e.g. "UPS", "Royal Mail"). */
  backendCarrier: string;
  /** BigCommerce shipping_provider (e.g. "ups", "fedex", "usps", "royalmail", "auspost", "" = custom). */
  shippingProvider: string | null;
  /** BigCommerce tracking_carrier (AfterShip slug) for carriers BigCommerce has no provider for. */
  trackingCarrier: string | null;
  /** Shipments seen with this carrier. */
  seen: number;
}

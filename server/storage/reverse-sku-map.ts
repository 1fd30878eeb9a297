/** One SKU mapping: the BigCommerce SKU is sent to the warehouse as the backend SKU. */
export interface SkuPair {
  bcSku: string;
  backendSku: string;
  /**
   * A bundle (issue 9 point 6): its BigCommerce SKU is mapped away (to its components), but no
   * backend SKU stands for it one-to-one; shipments and stock reach it through its components.
   */
  bundle?: boolean;
}

/**
 * Backend SKU → the BigCommerce SKUs whose stock and shipments it stands for.
 *
 * Those are the BigCommerce SKUs mapped to it, plus the same name in BigCommerce, but only while no
 * BigCommerce SKU of that name is mapped *away* to another backend SKU: an unmapped SKU passes
 * through unchanged, a mapped one is owned by its mapping. So with LAMP-A → LAMP-B and
 * LAMP-B → LAMP-C, backend LAMP-B stands for LAMP-A only (BigCommerce LAMP-B follows backend
 * LAMP-C), and a swap (A → B, B → A) crosses over cleanly.
 *
 * A bundle's BigCommerce SKU is mapped away like any other (so a warehouse SKU of the same name
 * does not pass through to it); the bundle itself is found by its components (bundlesUsing).
 *
 * `pairs` must hold every mapping whose BigCommerce or backend SKU is one of the names looked up.
 */
export function reverseSkuLookup(pairs: readonly SkuPair[]): (backendSku: string) => string[] {
  const mappedTo = new Map<string, string[]>();
  const mappedAway = new Set<string>();
  for (const p of pairs) {
    if (!p.bundle) mappedTo.set(p.backendSku, [...(mappedTo.get(p.backendSku) ?? []), p.bcSku]);
    mappedAway.add(p.bcSku);
  }
  return (sku) => {
    const bcSkus = [...(mappedTo.get(sku) ?? [])].sort();
    // An identity mapping (X → X) already lists X; otherwise X passes through only when unmapped.
    if (!mappedAway.has(sku)) bcSkus.push(sku);
    return bcSkus;
  };
}

/** A bundle and its components (warehouse SKUs, quantity per bundle unit, last reported level). */
export interface BundleMapping {
  bcSku: string;
  components: Array<{ sku: string; quantity: number; available: number | null }>;
}

/**
 * Backend SKU → the bundles that use it, each once, in BigCommerce SKU order. A SKU can be in
 * several bundles and also sold alone (then reverseSkuLookup names it too): both are answered.
 */
export function bundleLookup(bundles: readonly BundleMapping[]): (backendSku: string) => BundleMapping[] {
  const by = new Map<string, BundleMapping[]>();
  for (const b of [...bundles].sort((x, y) => (x.bcSku < y.bcSku ? -1 : x.bcSku > y.bcSku ? 1 : 0))) {
    for (const sku of new Set(b.components.map((c) => c.sku))) by.set(sku, [...(by.get(sku) ?? []), b]);
  }
  return (sku) => by.get(sku) ?? [];
}

/** One SKU mapping: the BigCommerce SKU is sent to the warehouse as the backend SKU. */
export interface SkuPair {
  bcSku: string;
  backendSku: string;
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
 * `pairs` must hold every mapping whose BigCommerce or backend SKU is one of the names looked up.
 */
export function reverseSkuLookup(pairs: readonly SkuPair[]): (backendSku: string) => string[] {
  const mappedTo = new Map<string, string[]>();
  const mappedAway = new Set<string>();
  for (const p of pairs) {
    mappedTo.set(p.backendSku, [...(mappedTo.get(p.backendSku) ?? []), p.bcSku]);
    mappedAway.add(p.bcSku);
  }
  return (sku) => {
    const bcSkus = [...(mappedTo.get(sku) ?? [])].sort();
    // An identity mapping (X → X) already lists X; otherwise X passes through only when unmapped.
    if (!mappedAway.has(sku)) bcSkus.push(sku);
    return bcSkus;
  };
}

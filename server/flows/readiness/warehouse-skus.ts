// Check (c): which BigCommerce SKUs the warehouse does not know, after the store's SKU mappings
// (a bundle stands for its components). Asks the warehouse's optional SKU lookup in batches of at
// most 100 SKUs and a URL of a few kilobytes, so any web server takes the request.
import type { ReadinessFinding } from '../../domain/readiness.js';
import { MAX_SKU_LOOKUP, type SkuLookup } from '../../fulfillment/client.js';
import type { SkuTarget } from '../../storage/mappings-repo.js';
import { mapSkuPath } from '../order-import/remedy.js';

/** Encoded `sku=` parameters per request, well under the 8 KB request line many servers allow. */
export const MAX_LOOKUP_QUERY_CHARS = 6_000;

export interface WarehouseSkuDeps {
  lookup(skus: readonly string[]): Promise<SkuLookup>;
  skuMap(bcSkus: string[]): Promise<Map<string, SkuTarget>>;
}

export type UnknownSkusResult = { kind: 'checked'; checked: number; findings: ReadinessFinding[] } | { kind: 'unsupported' };

/** Groups SKUs into lookups of at most MAX_SKU_LOOKUP SKUs and MAX_LOOKUP_QUERY_CHARS characters. */
export function lookupBatches(skus: readonly string[]): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let chars = 0;
  for (const sku of skus) {
    const size = encodeURIComponent(sku).length + 5;
    if (batch.length > 0 && (batch.length >= MAX_SKU_LOOKUP || chars + size > MAX_LOOKUP_QUERY_CHARS)) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(sku);
    chars += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

const targetSkus = (bcSku: string, target: SkuTarget | undefined): string[] => (target === undefined ? [bcSku] : typeof target === 'string' ? [target] : target.map((c) => c.sku));

export async function findUnknownSkus(d: WarehouseSkuDeps, bcSkus: readonly string[]): Promise<UnknownSkusResult> {
  if (bcSkus.length === 0) return { kind: 'checked', checked: 0, findings: [] };
  const targets = await d.skuMap([...bcSkus]);
  const wanted = [...new Set(bcSkus.flatMap((sku) => targetSkus(sku, targets.get(sku))))];
  const known = new Set<string>();
  for (const batch of lookupBatches(wanted)) {
    const answer = await d.lookup(batch);
    if (!answer.supported) return { kind: 'unsupported' };
    for (const item of answer.known) known.add(item.sku);
  }
  const findings = bcSkus.flatMap((sku): ReadinessFinding[] => {
    const target = targets.get(sku);
    const missing = targetSkus(sku, target).filter((t) => !known.has(t));
    if (missing.length === 0) return [];
    return [
      {
        check: 'skus_unknown',
        severity: 'blocker',
        subject: sku,
        message: unknownMessage(target, missing),
        fix: { kind: 'link', label: target === undefined ? `Map SKU "${sku}"` : `Change the mapping of "${sku}"`, path: mapSkuPath(sku) },
      },
    ];
  });
  return { kind: 'checked', checked: bcSkus.length, findings };
}

function unknownMessage(target: SkuTarget | undefined, missing: string[]): string {
  const reject = 'the warehouse rejects orders with it until then.';
  if (target === undefined) return `The warehouse does not know this SKU. Map it to the warehouse's SKU, or stock it at the warehouse: ${reject}`;
  if (typeof target === 'string') return `Mapped to "${target}", which the warehouse does not know. Correct the mapping, or stock "${target}" at the warehouse: ${reject}`;
  const names = missing.map((m) => `"${m}"`).join(', ');
  return `A bundle whose ${missing.length === 1 ? 'component' : 'components'} ${names} the warehouse does not know. Correct the bundle, or stock ${missing.length === 1 ? 'it' : 'them'} at the warehouse: ${reject}`;
}

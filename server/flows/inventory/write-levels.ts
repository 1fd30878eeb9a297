// Writes a batch of absolute levels so that one item BigCommerce refuses cannot hold back the rest.
//
// BigCommerce answers an absolute adjustment as a whole: one bad item makes the request a 422 and
// nothing is written (inventory.v3.yml shows only whole-request 422s, e.g. "[Item with variant_id
// 106 is tracked by product, please update stock by product id]"). So on a refusal the items the
// answer names (by variant_id / product_id, by location, or as `items.N` error keys) are set
// aside with BigCommerce's reason and the rest is sent again; when the answer names none, the
// batch is split in halves until the refused items are alone. Writes stay one at a time, as
// BigCommerce asks, and absolute levels make every resend safe.
import { isBigCommerceApiError, type AbsoluteItem } from '../../bigcommerce/index.js';

export type WriteLevels = (items: AbsoluteItem[]) => Promise<void>;

/** Requests one batch may use before the items still unresolved are set aside as refused. */
export const MAX_REQUESTS_PER_BATCH = 64;
const REASON_MAX = 300;
const REFUSED_BATCH = 'BigCommerce kept refusing the batch this level was in; it was not written.';

/** Answers BigCommerce gives for a request it will never accept as sent. */
const isRefusal = (err: unknown) => isBigCommerceApiError(err) && (err.status === 422 || err.status === 400);

/**
 * Sends the items (sequentially) and answers which ones BigCommerce refused, by index into
 * `items`, with its reason. Anything other than a refusal (rate limit, 5xx, network) is thrown.
 */
export async function writeLevels(items: readonly AbsoluteItem[], write: WriteLevels, maxRequests = MAX_REQUESTS_PER_BATCH): Promise<Map<number, string>> {
  const refused = new Map<number, string>();
  const queue: number[][] = items.length ? [items.map((_, i) => i)] : [];
  let requests = 0;
  let lastReason = '';
  while (queue.length > 0) {
    const group = queue.shift()!;
    if (requests >= maxRequests) {
      for (const i of group) refused.set(i, `${REFUSED_BATCH} ${lastReason}`.trim());
      continue;
    }
    requests++;
    try {
      await write(group.map((i) => items[i]!));
      continue;
    } catch (err) {
      if (!isRefusal(err)) throw err;
      const answer = isBigCommerceApiError(err) ? (err.bodyExcerpt ?? err.message) : String(err);
      const reason = refusalReason(answer);
      lastReason = reason;
      const named = namedItems(
        answer,
        group.map((i) => items[i]!),
      ).map((pos) => group[pos]!);
      if (group.length === 1 || named.length === group.length) {
        for (const i of group) refused.set(i, reason);
      } else if (named.length > 0) {
        for (const i of named) refused.set(i, reason);
        const aside = new Set(named);
        queue.unshift(group.filter((i) => !aside.has(i)));
      } else {
        const half = Math.ceil(group.length / 2);
        queue.unshift(group.slice(0, half), group.slice(half));
      }
    }
  }
  return refused;
}

/** "BigCommerce refused this level: <title> (<field>: <error>, …)" from the 422 body (or its excerpt). */
export function refusalReason(answer: string): string {
  let text = answer;
  try {
    const body = JSON.parse(answer) as { title?: unknown; errors?: unknown };
    const title = typeof body.title === 'string' ? body.title.replace(/^\[(.*)\]$/s, '$1') : '';
    const errors =
      body.errors && typeof body.errors === 'object' && !Array.isArray(body.errors)
        ? Object.entries(body.errors as Record<string, unknown>).map(([k, v]) => `${k}: ${String(v)}`)
        : [];
    text = [title, errors.length ? `(${errors.join(', ')})` : ''].filter(Boolean).join(' ') || answer;
  } catch {
    // Not JSON, or cut short: the raw excerpt is still the best reason there is.
  }
  const reason = `BigCommerce refused this level: ${text}`;
  return reason.length > REASON_MAX ? `${reason.slice(0, REASON_MAX - 1)}…` : reason;
}

/** Positions (in `group`) of the items a refusal names. */
export function namedItems(answer: string, group: readonly AbsoluteItem[]): number[] {
  const variantIds = new Set<number>();
  const productIds = new Set<number>();
  const locations = new Set<number>();
  const positions = new Set<number>();
  for (const m of answer.matchAll(/\b(variant_id|product_id)\s*[:=]?\s*(\d+)/g)) (m[1] === 'variant_id' ? variantIds : productIds).add(Number(m[2]));
  for (const m of answer.matchAll(/Location[^"\]]*?identities:\s*\[([\d,\s]+)\]/gi)) for (const id of m[1]!.split(',')) locations.add(Number(id));
  for (const m of answer.matchAll(/"items\.(\d+)[".]/g)) positions.add(Number(m[1]));
  const out: number[] = [];
  group.forEach((item, pos) => {
    const hit =
      positions.has(pos) ||
      locations.has(item.location_id) ||
      ('variant_id' in item && variantIds.has(item.variant_id)) ||
      ('product_id' in item && productIds.has(item.product_id));
    if (hit) out.push(pos);
  });
  return out;
}

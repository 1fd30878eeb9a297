// Which of an order's statusUpdated events names its status now. BigCommerce does not promise
// delivery order, and events that arrive together are stamped alike by the intake's group commit
// (a shipment's Partially Shipped → Shipped can land before the Awaiting Shipment → Partially
// Shipped that preceded it). BigCommerce's own created_at (seconds) orders events a second apart;
// within the same second the chain decides: the last change is the one no other change starts from.

export interface StatusChange {
  previous: number | undefined;
  next: number;
  /** BigCommerce's created_at (seconds), or undefined when the payload lacks it. */
  createdAt: number | undefined;
  receivedAt: number;
  id: number;
}

/** data.status of a statusUpdated payload, or undefined when it names no new status. */
export function statusChangeOf(payload: unknown, receivedAt: number, id: number): StatusChange | undefined {
  try {
    const body = JSON.parse(String(payload)) as { created_at?: unknown; data?: { status?: { previous_status_id?: unknown; new_status_id?: unknown } } };
    const next = body.data?.status?.new_status_id;
    if (typeof next !== 'number') return undefined;
    const previous = body.data?.status?.previous_status_id;
    return { previous: typeof previous === 'number' ? previous : undefined, next, createdAt: typeof body.created_at === 'number' ? body.created_at : undefined, receivedAt, id };
  } catch {
    return undefined;
  }
}

const when = (c: StatusChange) => c.createdAt ?? Math.floor(c.receivedAt / 1000);
const later = (a: StatusChange, b: StatusChange) => (a.receivedAt !== b.receivedAt ? a.receivedAt > b.receivedAt : a.id > b.id);

/** The change that happened last, or undefined for none. */
export function latestStatusChange(changes: readonly StatusChange[]): StatusChange | undefined {
  if (changes.length === 0) return undefined;
  const newest = Math.max(...changes.map(when));
  const group = changes.filter((c) => when(c) === newest);
  // The tail of the chain: a change whose new status no other change in the group moves on from.
  const tails = group.filter((c) => !group.some((o) => o !== c && o.previous === c.next));
  const pool = tails.length > 0 ? tails : group;
  return pool.reduce((a, b) => (later(b, a) ? b : a));
}

import type { EnqueueInput } from './types.js';

/**
 * Kind → the key its jobs share per store. Jobs with one key never run at once, on any instance:
 * the claim skips a pending job whose key is running, and the partial unique index
 * jobs_running_dedupe (migration 005) refuses a second running row, so the guarantee lives in the
 * database, not in one process's memory. The key doubles as the dedupe key: a second request
 * while one is pending is merged into it (same work), one made while it runs waits its turn.
 */
export type SerialKeys = Readonly<Record<string, (storeHash: string) => string>>;

/** The key a job is stored with. A serial kind asked with another key is a bug: refused, not run in parallel. */
export function dedupeKeyOf(input: Pick<EnqueueInput, 'storeHash' | 'kind' | 'dedupeKey'>, serial: SerialKeys): string | null {
  const keyOf = Object.hasOwn(serial, input.kind) ? serial[input.kind] : undefined;
  if (!keyOf) return input.dedupeKey ?? null;
  const key = keyOf(input.storeHash);
  if (input.dedupeKey !== undefined && input.dedupeKey !== key) {
    throw new Error(`enqueue: ${input.kind} jobs run one at a time per store under the key "${key}", not "${input.dedupeKey}"`);
  }
  return key;
}

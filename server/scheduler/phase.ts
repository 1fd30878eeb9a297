// Where in its interval a store's periodic work falls (issue 10 point 2). Each (task, store) has a
// fixed phase derived from a hash of its name, so 1,000 stores' reconciliations are spread over the
// five minutes instead of queued in one burst, every instance computes the same phases, and a
// store keeps its place across restarts and leader changes.

/** FNV-1a with murmur3's finaliser: cheap, stable everywhere, and even in its low bits. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The offset (0 ≤ phase < everyMs) at which `key`'s work falls in each interval. */
export function phaseOf(key: string, everyMs: number): number {
  return hash32(key) % everyMs;
}

/** Is there a time t ≡ phase (mod everyMs) with from < t ≤ to? A span of a whole interval always has one. */
export function dueBetween(from: number, to: number, phase: number, everyMs: number): boolean {
  if (to <= from) return false;
  if (to - from >= everyMs) return true;
  const sinceLast = (((from - phase) % everyMs) + everyMs) % everyMs;
  return from - sinceLast + everyMs <= to;
}

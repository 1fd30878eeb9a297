// Small helpers shared by the sandbox modules.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Random lowercase alphanumeric string. BigCommerce codes, tokens and store hashes all look like
 * this (e.g. code "qr6h3thvbvag2ffq", hash "g5cd38"), so apps that validate the format keep working.
 */
export function randomAlnum(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  // 252 = 7 * 36: dropping bytes >= 252 would remove modulo bias; the tiny bias left here does not
  // matter for a local stand-in, but tokens stay unguessable (>150 bits for 31 chars).
  for (const b of bytes) out += ALNUM[b % ALNUM.length];
  return out;
}

/** UUID derived from a seed, so ids such as account_uuid stay stable across sandbox restarts. */
export function stableUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  // Shape it as a version-4-looking UUID (variant bits "8").
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export { randomUUID };

/** Error with an HTTP status, thrown by control operations and turned into JSON by the panel routes. */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SandboxError';
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

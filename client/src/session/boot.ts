// Decoding of the per-request boot data the server puts into index.html as
// <meta name="fb-boot" content="{base64url(JSON BootData)}">.
// Pure functions only (no DOM access at module load) so they can be unit-tested in node.
import type { BootData, SupportContact } from '../../../server/api/contract.js';

export const BOOT_META_NAME = 'fb-boot';

/** Longest deep-link path we accept; anything longer is treated as "/". */
const MAX_PATH_LENGTH = 2048;

/** Decodes base64url (RFC 4648 §5, padding optional) to a UTF-8 string. Throws on bad input. */
export function decodeBase64Url(input: string): string {
  const trimmed = input.trim();
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(trimmed)) {
    throw new Error('not base64url');
  }
  const unpadded = trimmed.replace(/=+$/, '');
  if (unpadded.length % 4 === 1) {
    throw new Error('not base64url');
  }
  const base64 = unpadded.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/**
 * Keeps a deep-link path only when it is a same-origin absolute path ("/x", not "//host" or
 * "/\\host"), so it is always safe to hand to history.replaceState.
 */
export function sanitizeAppPath(path: unknown): string {
  if (typeof path !== 'string' || path.length === 0 || path.length > MAX_PATH_LENGTH) {
    return '/';
  }
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) {
    return '/';
  }
  // Control characters never belong in a path.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(path)) {
    return '/';
  }
  return path;
}

/**
 * Parses the meta tag's content. Returns null when it is empty, not base64url, not JSON or not a
 * BootData-shaped object: the UI then shows "reopen the app from the Apps menu".
 */
export function parseBootData(content: string | null | undefined): BootData | null {
  if (!content || content.trim() === '') {
    return null;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(decodeBase64Url(content));
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return null;
  }
  const record = raw as Record<string, unknown>;
  const boot: BootData = { path: sanitizeAppPath(record.path) };
  if (typeof record.exchangeCode === 'string' && record.exchangeCode.length > 0) {
    boot.exchangeCode = record.exchangeCode;
  }
  const support = parseSupport(record.support);
  if (support) boot.support = support;
  return boot;
}

/** The support page (http(s) only, it becomes a link) and address; null when neither is usable. */
export function parseSupport(raw: unknown): SupportContact | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { url, email } = raw as Record<string, unknown>;
  const safeUrl = typeof url === 'string' && /^https?:\/\//i.test(url) && URL.canParse(url) ? url : null;
  const safeEmail = typeof email === 'string' && /^[^\s@<>]+@[^\s@<>]+$/.test(email) ? email : null;
  return safeUrl || safeEmail ? { url: safeUrl, email: safeEmail } : null;
}

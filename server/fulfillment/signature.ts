// Fulfillment-Signature on backend → app events:
//   Fulfillment-Signature: t={unix seconds},v1={hex HMAC-SHA256("{t}.{raw body}", api key)}[,v1=…]
// The timestamp is inside the signed text, so a captured event cannot be replayed later with a new
// `t`; the tolerance window bounds how long an old one stays valid. Several v1 values let a backend
// sign with the old and the new key while a key rotation is under way.

import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Fulfillment-Signature';
export const ACCOUNT_HEADER = 'Fulfillment-Account';
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Generous bounds: a real header is ~80 characters; anything huge is not worth parsing. */
const MAX_HEADER_LENGTH = 4096;
const HEX_SHA256 = /^[0-9a-f]{64}$/i;

function hmac(rawBody: string | Buffer, apiKey: string, unixSeconds: number): Buffer {
  // Signed as bytes: the body must be the exact bytes received, never re-serialised JSON.
  return createHmac('sha256', apiKey).update(`${unixSeconds}.`, 'utf8').update(rawBody).digest();
}

/** The header value a backend sends (and the sandbox warehouse sends) for this body. */
export function signFulfillmentEvent(rawBody: string | Buffer, apiKey: string, unixSeconds: number): string {
  if (!Number.isSafeInteger(unixSeconds) || unixSeconds < 0) throw new TypeError('unixSeconds must be a non-negative integer');
  if (apiKey.length === 0) throw new TypeError('apiKey is required');
  return `t=${unixSeconds},v1=${hmac(rawBody, apiKey, unixSeconds).toString('hex')}`;
}

export type SignatureFailure = 'missing' | 'malformed' | 'stale' | 'mismatch';
export type SignatureCheck = { ok: true } | { ok: false; reason: SignatureFailure };

export interface VerifySignatureInput {
  rawBody: string | Buffer;
  /** The Fulfillment-Signature header as received (undefined when absent). */
  header: string | undefined | null;
  /** The account's key; several while the app itself holds an old and a new key. */
  apiKey: string | readonly string[];
  nowSeconds: number;
  /** How far `t` may be from now, either way (clock skew + delivery delay). */
  toleranceSeconds?: number;
}

interface ParsedHeader {
  t: number;
  v1: Buffer[];
}

/** `t=…,v1=…[,v1=…]`; unknown schemes (a future v2) are ignored, not fatal. */
function parseHeader(header: string): ParsedHeader | undefined {
  let t: number | undefined;
  const v1: Buffer[] = [];
  for (const part of header.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return undefined;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (t !== undefined || !/^\d{1,12}$/.test(value)) return undefined;
      t = Number(value);
    } else if (key === 'v1') {
      if (!HEX_SHA256.test(value)) return undefined;
      v1.push(Buffer.from(value, 'hex'));
    }
  }
  return t === undefined || v1.length === 0 ? undefined : { t, v1 };
}

export function verifyFulfillmentSignature(input: VerifySignatureInput): SignatureCheck {
  const { rawBody, header, nowSeconds, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS } = input;
  if (header === undefined || header === null || header.trim() === '') return { ok: false, reason: 'missing' };
  if (header.length > MAX_HEADER_LENGTH) return { ok: false, reason: 'malformed' };
  const parsed = parseHeader(header);
  if (!parsed) return { ok: false, reason: 'malformed' };

  const keys = (typeof input.apiKey === 'string' ? [input.apiKey] : input.apiKey).filter((k) => k.length > 0);
  let matched = false;
  // Every candidate is compared (no early exit), so timing does not tell which one matched.
  for (const key of keys) {
    const expected = hmac(rawBody, key, parsed.t);
    for (const given of parsed.v1) {
      if (timingSafeEqual(expected, given)) matched = true;
    }
  }
  // Signature before freshness: a forged event reports "mismatch", a genuine replayed one "stale".
  if (!matched) return { ok: false, reason: 'mismatch' };
  if (Math.abs(nowSeconds - parsed.t) > toleranceSeconds) return { ok: false, reason: 'stale' };
  return { ok: true };
}

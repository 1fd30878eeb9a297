import { createHmac, timingSafeEqual } from 'node:crypto';

/** Standard Webhooks allows 5 minutes either way; older deliveries are replays. */
export const TIMESTAMP_TOLERANCE_SEC = 5 * 60;

export type StandardWebhookCheck = { ok: true } | { ok: false; reason: 'stale_timestamp' | 'bad_signature' | 'malformed' };

/**
 * Verifies `webhook-signature` over "{webhook-id}.{webhook-timestamp}.{raw body}".
 * BigCommerce's sample passes base64(CLIENT_SECRET) as the library secret, which the library
 * base64-decodes again: the HMAC key is the client secret's own bytes.
 */
export function verifyStandardWebhook(headers: { id: string; timestamp: string; signature: string }, rawBody: Buffer, clientSecret: string, nowSec: number): StandardWebhookCheck {
  if (!/^\d{1,12}$/.test(headers.timestamp) || headers.id.length === 0 || headers.id.length > 256) return { ok: false, reason: 'malformed' };
  const ts = Number(headers.timestamp);
  if (Math.abs(nowSec - ts) > TIMESTAMP_TOLERANCE_SEC) return { ok: false, reason: 'stale_timestamp' };
  const expected = createHmac('sha256', Buffer.from(clientSecret, 'utf8')).update(`${headers.id}.${headers.timestamp}.`).update(rawBody).digest();
  // Several space-separated signatures may be sent (key rotation); any v1 match is enough.
  for (const part of headers.signature.split(' ')) {
    const [version, value] = part.split(',', 2);
    if (version !== 'v1' || !value) continue;
    const given = Buffer.from(value, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true };
  }
  return { ok: false, reason: 'bad_signature' };
}

export function signStandardWebhook(id: string, timestamp: number, rawBody: string, clientSecret: string): string {
  const mac = createHmac('sha256', Buffer.from(clientSecret, 'utf8')).update(`${id}.${timestamp}.${rawBody}`).digest('base64');
  return `v1,${mac}`;
}

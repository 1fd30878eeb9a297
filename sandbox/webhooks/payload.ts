// Callback bodies and their Standard Webhooks signature.
//
// Body (events/index.mdx "Callback structure"): {scope, store_id, data, hash, created_at, producer}.
// `hash` is "the SHA-1 hash of the JSON-encoded payload data"; which bytes are hashed is not
// documented, so the sandbox hashes the JSON of the payload without `hash` (scope, store_id, data,
// created_at, producer). That keeps two different events apart (a created and an updated event of
// one order differ in scope) while every redelivery of one event carries the same hash.
//
// Signature (https-webhook-overview.mdx "Webhook signature", Standard Webhooks spec): headers
// webhook-id, webhook-timestamp (unix seconds of the attempt) and
// webhook-signature = "v1," + base64(HMAC-SHA256(key, "{id}.{timestamp}.{raw body}")).
// BigCommerce's sample verifies with `new Webhook(Buffer.from(CLIENT_SECRET).toString('base64'))`;
// the library base64-decodes that secret, so the HMAC key is the raw bytes of the client secret.
import { createHash, createHmac } from 'node:crypto';
import type { StoreRecord } from '../types.js';
import type { WebhookPayload } from './types.js';

export function buildPayload(store: StoreRecord, scope: string, data: Record<string, unknown>, createdAtSec: number): WebhookPayload {
  const unhashed = { scope, store_id: String(store.storeId), data, created_at: createdAtSec, producer: `stores/${store.hash}` };
  const hash = createHash('sha1').update(JSON.stringify(unhashed)).digest('hex');
  return { scope, store_id: unhashed.store_id, data, hash, created_at: createdAtSec, producer: unhashed.producer };
}

export function signatureFor(clientSecret: string, webhookId: string, timestampSec: number, body: string): string {
  const mac = createHmac('sha256', Buffer.from(clientSecret, 'utf8')).update(`${webhookId}.${timestampSec}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/**
 * All headers of one attempt. The hook's custom headers are sent as given, but cannot replace the
 * content type or the signature headers (an app must be able to trust those).
 */
export function deliveryHeaders(custom: Record<string, string> | null, clientSecret: string, webhookId: string, timestampSec: number, body: string): Record<string, string> {
  const reserved = new Set(['content-type', 'webhook-id', 'webhook-timestamp', 'webhook-signature']);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(custom ?? {})) if (!reserved.has(name.toLowerCase())) headers[name] = value;
  headers['content-type'] = 'application/json';
  headers['webhook-id'] = webhookId;
  headers['webhook-timestamp'] = String(timestampSec);
  headers['webhook-signature'] = signatureFor(clientSecret, webhookId, timestampSec, body);
  return headers;
}

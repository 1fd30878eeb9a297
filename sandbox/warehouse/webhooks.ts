// Backend → app events: POST {appWebhookUrl} with {id, type, created_at, data}, signed per account:
//   Fulfillment-Signature: t={unix seconds},v1={hex HMAC-SHA256("{t}.{raw body}", account API key)}
//   Fulfillment-Account: {account id}
// Signing is written out here rather than imported from server/fulfillment, so the app's verifier
// is tested against an independent implementation (a shared bug would otherwise cancel out).
// No automatic retries: tests decide when to redeliver (control.redeliver), which is how they
// produce duplicates on purpose.
import { createHmac } from 'node:crypto';
import { SandboxError, randomAlnum } from '../util.js';
import type { WarehouseState } from './state.js';
import type { EventDelivery, SentEvent } from './types.js';

/** Long enough for a slow app, short enough that a dead app does not hang a test. */
const DELIVERY_TIMEOUT_MS = 10_000;

export function signEvent(rawBody: string, apiKey: string, unixSeconds: number): string {
  const mac = createHmac('sha256', apiKey).update(`${unixSeconds}.${rawBody}`, 'utf8').digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** Records a new event for the account and sends it once. */
export async function pushEvent(state: WarehouseState, accountId: string, type: string, data: unknown): Promise<EventDelivery> {
  state.account(accountId);
  if (typeof type !== 'string' || type.length === 0) throw new SandboxError(400, 'event type is required');
  const id = `evt_${randomAlnum(20)}`;
  const body = JSON.stringify({ id, type, created_at: new Date(state.now()).toISOString(), data });
  const event = state.recordEvent({ id, accountId, type, body, deliveries: [] });
  return deliver(state, event);
}

/** Sends an already recorded event again: same id and body, fresh signature timestamp. */
export async function redeliver(state: WarehouseState, eventId: string): Promise<EventDelivery> {
  const event = state.events.find((e) => e.id === eventId);
  if (!event) throw new SandboxError(404, `no event ${eventId}`);
  return deliver(state, event);
}

async function deliver(state: WarehouseState, event: SentEvent): Promise<EventDelivery> {
  const at = state.now();
  const base = { eventId: event.id, type: event.type, accountId: event.accountId, at };
  const url = state.appWebhookUrl;
  let delivery: EventDelivery;
  if (!url) {
    delivery = { ...base, status: 0, delivered: false, error: 'no app webhook URL is set' };
  } else {
    // Looked up at send time: a rotated key signs the events sent after the rotation.
    const apiKey = state.account(event.accountId).apiKey;
    delivery = await post(url, event, signEvent(event.body, apiKey, Math.floor(at / 1000)), base);
  }
  event.deliveries.push(delivery);
  return delivery;
}

async function post(url: string, event: SentEvent, signature: string, base: Omit<EventDelivery, 'status' | 'delivered'>): Promise<EventDelivery> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'User-Agent': 'FulfillmentSandboxWarehouse/1.0',
        'Fulfillment-Signature': signature,
        'Fulfillment-Account': event.accountId,
      },
      body: event.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    // Drain the body so the connection is released.
    await res.arrayBuffer().catch(() => undefined);
    return { ...base, status: res.status, delivered: res.status >= 200 && res.status < 300 };
  } catch (err) {
    const reason = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    return { ...base, status: 0, delivered: false, error: `app unreachable: ${reason}` };
  }
}

// One delivery attempt: POST the event's body to the hook's destination with the signature headers
// of this attempt. Redirects are not followed (a 3xx is not a 2xx, so it counts as a failure).
import type { SandboxState } from '../state.js';
import { deliveryHeaders } from './payload.js';
import type { HookRecord, WebhookEvent } from './types.js';

export interface SendResult {
  /** 0 when the receiver could not be reached or did not answer in time. */
  status: number;
  error?: string;
}

export async function sendOnce(state: SandboxState, hook: HookRecord, event: WebhookEvent, atMs: number, stop: AbortSignal): Promise<SendResult> {
  const headers = deliveryHeaders(hook.headers, state.opts.clientSecret, event.id, Math.floor(atMs / 1000), event.body);
  try {
    const res = await fetch(hook.destination, {
      method: 'POST',
      headers,
      body: event.body,
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(state.opts.webhookTimeoutMs), stop]),
    });
    // Drain the body so the keep-alive connection is released for the next delivery.
    await res.arrayBuffer().catch(() => undefined);
    return { status: res.status };
  } catch (err) {
    const error = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    return { status: 0, error };
  }
}

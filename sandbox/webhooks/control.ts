// Test levers for webhooks: the app's hooks, the event and delivery logs, and delivery controls
// that reproduce what an app meets in production: late (pause/flush), missed (drop), repeated
// (duplicate) and out-of-order (reverseNextBatch) callbacks.
import type { SandboxState } from '../state.js';
import { SandboxError } from '../util.js';
import type { DeliveryAttempt, HookRecord, WebhookEvent } from './types.js';

export interface WebhookLevers {
  readonly paused: boolean;
  /** Deliveries (first attempts and due retries) are held until resume() or flush(). */
  pause(): void;
  resume(): void;
  /** Sends everything queued or held, even while paused; resolves once each was attempted once. */
  flush(): Promise<void>;
  /** Silently drops the next n events that have subscribers ("missed webhooks"). */
  drop(n: number): void;
  /** Delivers the next n events that have subscribers twice (same body, hash and webhook-id). */
  duplicate(n: number): void;
  /** The next release of held deliveries (resume/flush) sends them newest first; use with pause(). */
  reverseNextBatch(): void;
  /** Resolves when nothing is queued, held, in flight or awaiting a retry (never while held and paused). */
  idle(): Promise<void>;
  /** Parallel deliveries, default 8; 1 gives a strict order. */
  setConcurrency(n: number): void;
  pending(): { queued: number; held: number; inFlight: number; retries: number };
  /** Fires any event by hand, e.g. fire('sbx1234', 'store/app/uninstalled', {type: 'store'}). */
  fire(storeHash: string, scope: string, data: Record<string, unknown>): WebhookEvent;
  /** Empties the event and delivery logs (the same array instances stay). */
  resetLog(): void;
}

export interface WebhooksControl {
  /** The app's hooks on the store (copies). */
  hooks(storeHash: string): HookRecord[];
  /** Live log of every delivery attempt. */
  readonly deliveries: DeliveryAttempt[];
  /** Live log of every event fired (delivered, dropped or without subscribers). */
  readonly webhookEvents: WebhookEvent[];
  readonly webhooks: WebhookLevers;
}

export function webhooksControl(state: SandboxState): WebhooksControl {
  const d = state.webhooks;
  const levers: WebhookLevers = {
    get paused() {
      return d.paused;
    },
    pause: () => d.pause(),
    resume: () => d.resume(),
    flush: () => d.flush(),
    drop: (n) => d.drop(n),
    duplicate: (n) => d.duplicate(n),
    reverseNextBatch: () => d.reverseNextBatch(),
    idle: () => d.idle(),
    setConcurrency(n) {
      if (!Number.isInteger(n) || n < 1 || n > 64) throw new SandboxError(400, 'concurrency must be an integer from 1 to 64');
      d.concurrency = n;
    },
    pending: () => d.pending(),
    fire: (hash, scope, data) => d.fire(hash, scope, data),
    resetLog() {
      d.deliveries.splice(0);
      d.events.splice(0);
    },
  };
  return {
    hooks: (hash) => {
      state.store(hash);
      return state.hooks.list(hash).map((h) => structuredClone(h));
    },
    deliveries: d.deliveries,
    webhookEvents: d.events,
    webhooks: levers,
  };
}

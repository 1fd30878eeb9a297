// Delivers store events to the app's hooks the way BigCommerce's webhook service does
// (overview.mdx / https-webhook-overview.mdx "Callback retry mechanism"):
// - asynchronously: an event is queued and sent from a later tick, never inside the API request;
// - a POST per matching active hook; any 2xx acknowledges it, anything else (or no answer within
//   the timeout) is a failure;
// - failures are retried after 60 s, 180 s, 300 s ... 86400 s (scaled by webhookRetryScale), with the
//   same body, hash and webhook-id; after the last retry fails the hook is deactivated;
// - no ordering guarantee: several deliveries are in flight at once;
// - stores do not queue behind each other: the next delivery is the oldest of the store with the
//   fewest in flight.
// Not emulated: per-domain success-ratio blocklisting, the one-minute activation delay of new hooks.
// Test levers (pause/flush/drop/duplicate/reverse) make missed, repeated and out-of-order callbacks
// reproducible.
import type { SandboxState } from '../state.js';
import { randomUUID } from '../util.js';
import { buildPayload } from './payload.js';
import { sendOnce } from './send.js';
import type { DeliveryAttempt, WebhookEvent } from './types.js';

/** Seconds between attempts, from the docs' table (cumulatively about 48 hours). */
export const RETRY_SCHEDULE_SEC = [60, 180, 300, 600, 900, 1800, 3600, 7200, 21600, 50400, 86400] as const;
export const DEFAULT_CONCURRENCY = 8;
/** Logs are capped so a long-running `npm run sandbox` does not grow without bound. */
const MAX_LOG = 5000;

interface Job {
  event: WebhookEvent;
  hookId: number;
  attempt: number;
  copy: 1 | 2;
  attempted: Promise<void>;
  settle(): void;
}

function makeJob(event: WebhookEvent, hookId: number, attempt: number, copy: 1 | 2): Job {
  let settle = (): void => undefined;
  const attempted = new Promise<void>((resolve) => (settle = resolve));
  return { event, hookId, attempt, copy, attempted, settle };
}

export class WebhookDispatcher {
  readonly deliveries: DeliveryAttempt[] = [];
  readonly events: WebhookEvent[] = [];
  private ready: Job[] = [];
  private held: Job[] = [];
  private readonly inFlight = new Set<Job>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private idleWaiters: Array<() => void> = [];
  private pumpScheduled = false;
  private stopped = false;
  private readonly abort = new AbortController();
  private dropNext = 0;
  private duplicateNext = 0;
  private reverseNext = false;
  paused = false;
  concurrency = DEFAULT_CONCURRENCY;
  /** Per store, the sequence number of its last delivery started (for round-robin). */
  private readonly lastStarted = new Map<string, number>();
  private started = 0;

  constructor(private readonly state: SandboxState) {}

  /**
   * Records an event and queues one delivery per matching active hook. drop()/duplicate() only count
   * events somebody subscribes to, so "drop the next event" means the next one the app would get.
   */
  fire(storeHash: string, scope: string, data: Record<string, unknown>, opts: { duplicate?: boolean } = {}): WebhookEvent {
    const store = this.state.store(storeHash);
    const now = this.state.now();
    const payload = buildPayload(store, scope, data, Math.floor(now / 1000));
    const hooks = this.state.hooks.matching(storeHash, scope);
    const event: WebhookEvent = {
      id: randomUUID(),
      storeHash,
      scope,
      payload,
      body: JSON.stringify(payload),
      hookIds: [],
      dropped: false,
      duplicated: false,
      at: now,
    };
    if (hooks.length > 0 && this.dropNext > 0) {
      this.dropNext -= 1;
      event.dropped = true;
    } else if (hooks.length > 0) {
      if (opts.duplicate) event.duplicated = true;
      else if (this.duplicateNext > 0) {
        this.duplicateNext -= 1;
        event.duplicated = true;
      }
      for (const hook of hooks) {
        event.hookIds.push(hook.id);
        this.enqueue(makeJob(event, hook.id, 1, 1));
        if (event.duplicated) this.enqueue(makeJob(event, hook.id, 1, 2));
      }
    }
    pushCapped(this.events, event);
    return event;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.releaseHeld();
  }

  /** Sends everything queued (held ones too, even while paused); resolves once each was attempted. */
  async flush(): Promise<void> {
    this.releaseHeld();
    await Promise.all([...this.ready, ...this.inFlight].map((j) => j.attempted));
  }

  drop(n: number): void {
    this.dropNext += Math.max(0, Math.floor(n));
  }

  duplicate(n: number): void {
    this.duplicateNext += Math.max(0, Math.floor(n));
  }

  /** The next release of held deliveries (resume or flush) sends them newest first. */
  reverseNextBatch(): void {
    this.reverseNext = true;
  }

  /** Resolves when nothing is queued, held, in flight or waiting for a retry. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  pending(): { queued: number; held: number; inFlight: number; retries: number } {
    return { queued: this.ready.length, held: this.held.length, inFlight: this.inFlight.size, retries: this.timers.size };
  }

  /** Sandbox shutdown: cancels retries and in-flight requests, releases every waiter. */
  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.abort.abort();
    for (const job of [...this.ready, ...this.held]) job.settle();
    this.ready = [];
    this.held = [];
    this.checkIdle();
  }

  private enqueue(job: Job): void {
    if (this.stopped) return job.settle();
    if (this.paused) this.held.push(job);
    else {
      this.ready.push(job);
      this.schedulePump();
    }
  }

  private releaseHeld(): void {
    const jobs = this.reverseNext ? this.held.reverse() : this.held;
    this.reverseNext = false;
    this.held = [];
    this.ready.push(...jobs);
    this.schedulePump();
    this.checkIdle();
  }

  // setImmediate: the API request that caused the event has answered before anything is sent.
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (!this.stopped && this.inFlight.size < this.concurrency && this.ready.length > 0) {
      const job = this.takeNext();
      this.inFlight.add(job);
      void this.attempt(job).finally(() => {
        this.inFlight.delete(job);
        job.settle();
        this.pump();
        this.checkIdle();
      });
    }
  }

  /**
   * The oldest ready delivery of the store with the fewest deliveries in flight, and among those
   * of the store served least recently. BigCommerce's webhook service is not one queue for every
   * store: one store's burst of 600 orders does not hold back another store's next event. With a
   * single store this is plain FIFO.
   */
  private takeNext(): Job {
    const inFlight = new Map<string, number>();
    for (const j of this.inFlight) inFlight.set(j.event.storeHash, (inFlight.get(j.event.storeHash) ?? 0) + 1);
    const seen = new Set<string>();
    let best = 0;
    let bestScore: [number, number] = [Infinity, Infinity];
    for (let i = 0; i < this.ready.length; i++) {
      const store = this.ready[i]!.event.storeHash;
      if (seen.has(store)) continue;
      seen.add(store);
      const score: [number, number] = [inFlight.get(store) ?? 0, this.lastStarted.get(store) ?? -1];
      if (score[0] < bestScore[0] || (score[0] === bestScore[0] && score[1] < bestScore[1])) [best, bestScore] = [i, score];
    }
    const job = this.ready.splice(best, 1)[0]!;
    this.lastStarted.set(job.event.storeHash, ++this.started);
    return job;
  }

  private async attempt(job: Job): Promise<void> {
    const hook = this.state.hooks.byId(job.hookId);
    // A hook deleted (e.g. by uninstall) or deactivated since the event was queued gets nothing.
    if (!hook || !hook.isActive) return;
    const at = this.state.now();
    const { event } = job;
    const { status, error } = await sendOnce(this.state, hook, event, at, this.abort.signal);
    const ok = status >= 200 && status < 300;
    const entry: DeliveryAttempt = {
      hookId: hook.id,
      destination: hook.destination,
      scope: event.scope,
      eventId: event.id,
      hash: event.payload.hash,
      attempt: job.attempt,
      copy: job.copy,
      status,
      ok,
      at,
    };
    if (error !== undefined) entry.error = error;
    if (!ok && !this.stopped) {
      const delaySec = RETRY_SCHEDULE_SEC[job.attempt - 1];
      if (delaySec === undefined) {
        this.state.hooks.deactivate(hook.id);
        entry.deactivated = true;
      } else this.scheduleRetry(makeJob(event, hook.id, job.attempt + 1, job.copy), delaySec * 1000 * this.state.opts.webhookRetryScale);
    }
    pushCapped(this.deliveries, entry);
  }

  private scheduleRetry(job: Job, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.enqueue(job);
      this.checkIdle();
    }, delayMs);
    // A day-long retry must not keep a finished process alive.
    timer.unref();
    this.timers.add(timer);
  }

  private isIdle(): boolean {
    return this.ready.length === 0 && this.held.length === 0 && this.inFlight.size === 0 && this.timers.size === 0;
  }

  private checkIdle(): void {
    if (!this.isIdle() && !this.stopped) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}

function pushCapped<T>(log: T[], entry: T): void {
  log.push(entry);
  if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG);
}

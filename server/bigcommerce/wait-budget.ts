// How long BigCommerce calls made in the current async context may wait for the store's quota.
//
// A job that sits out a store's rate-limit window holds a worker for up to 30 s, and with one
// store's backlog every worker ends up waiting on that store while other stores' orders queue
// behind it. Jobs therefore run with a short limit: a longer wait throws
// BigCommerceQuotaWaitError and the job is rescheduled for the window's reset (flows/job-errors.ts).
// UI requests run without a limit and wait as before.
//
// The limit is carried by AsyncLocalStorage rather than passed to every client call because it
// belongs to the caller (a job run), not to the call sites spread over every flow.
import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage<number>();

/** Runs `fn` with BigCommerce quota waits limited to `maxWaitMs` (for everything it awaits). */
export function withQuotaWaitLimit<T>(maxWaitMs: number, fn: () => Promise<T>): Promise<T> {
  return storage.run(maxWaitMs, fn);
}

/** The limit of the current context, or undefined (wait as long as the quota needs). */
export function quotaWaitLimit(): number | undefined {
  return storage.getStore();
}

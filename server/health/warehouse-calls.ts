import type { Knex } from 'knex';
import { FulfillmentAuthError, FulfillmentError, FulfillmentUnavailableError, type FulfillmentClient } from '../fulfillment/index.js';

// The warehouse connection as the last real call found it (issue 8 point 1): every call the flows
// make through a store's client records whether the warehouse answered. The Overview, the alerts
// banner and Settings read it, so an outage shows within a minute instead of a test's stale "connected".

export type WarehouseCallOutcome = { ok: true } | { ok: false; kind: 'unreachable' | 'refused'; message: string };

/** A call the warehouse answered (even with a refusal of the request) proves it reachable. */
export function outcomeOf(err: unknown): WarehouseCallOutcome | null {
  if (err instanceof FulfillmentAuthError) {
    // UnusableCredentialsError (a subclass) already says what to do, in merchant words.
    const message = err.status === null ? err.message : 'The warehouse refused the saved account id and API key: check them in Settings.';
    return { ok: false, kind: 'refused', message };
  }
  if (err instanceof FulfillmentUnavailableError) {
    switch (err.reason) {
      // "Not now" and "still working on it" are answers: the warehouse is there.
      case 'rate_limited':
      case 'in_progress':
        return { ok: true };
      case 'timeout':
        return { ok: false, kind: 'unreachable', message: 'The warehouse did not answer in time.' };
      case 'network':
        return { ok: false, kind: 'unreachable', message: 'The warehouse could not be reached.' };
      case 'invalid_response':
        return { ok: false, kind: 'unreachable', message: 'The warehouse sent an answer the app could not read.' };
      case 'server_error':
        return err.status !== null && err.status < 400
          ? { ok: false, kind: 'unreachable', message: 'The warehouse address answers with a redirect: the app’s warehouse URL needs checking.' }
          : { ok: false, kind: 'unreachable', message: 'The warehouse had an internal problem and could not take the request.' };
    }
  }
  // Any other answer of the warehouse (a 4xx about this order, a 409 on cancel) means it is up.
  if (err instanceof FulfillmentError) return { ok: true };
  // Not a warehouse answer at all (a bug, a bad argument): says nothing about the connection.
  return null;
}

export interface WarehouseCallRecorderOptions {
  db: Knex;
  now: () => number;
  /** Told when a write fails; recording must never fail the call itself. */
  onError?: (err: unknown, storeHash: string) => void;
  /** An unchanged outcome is written at most once per this many ms per store. */
  throttleMs?: number;
}

export const WAREHOUSE_CALL_THROTTLE_MS = 10_000;

/** Writes store_settings.backend_last_ok_at / backend_failing_since / backend_last_call_error. */
export class WarehouseCallRecorder {
  private readonly last = new Map<string, { key: string; at: number }>();
  private readonly throttleMs: number;

  constructor(private readonly opts: WarehouseCallRecorderOptions) {
    this.throttleMs = opts.throttleMs ?? WAREHOUSE_CALL_THROTTLE_MS;
  }

  async record(storeHash: string, outcome: WarehouseCallOutcome): Promise<void> {
    const now = this.opts.now();
    const key = outcome.ok ? 'ok' : `${outcome.kind}:${outcome.message}`;
    const previous = this.last.get(storeHash);
    // A change of state is written at once; a repeat only when the last write is old.
    if (previous && previous.key === key && now - previous.at < this.throttleMs) return;
    this.last.set(storeHash, { key, at: now });
    try {
      const q = this.opts.db('store_settings').where({ store_hash: storeHash });
      if (outcome.ok) {
        await q.update({ backend_last_ok_at: now, backend_failing_since: null, backend_failure_kind: null, backend_last_call_error: null });
      } else {
        await q.update({
          // Kept from the first failure, unless credentials saved since (a successful test) began a new run.
          backend_failing_since: this.opts.db.raw(
            'CASE WHEN backend_failing_since IS NOT NULL AND backend_failing_since >= COALESCE(backend_checked_at, 0) THEN backend_failing_since ELSE ? END',
            [now],
          ),
          backend_failure_kind: outcome.kind,
          backend_last_call_error: outcome.message,
        });
      }
    } catch (err) {
      this.last.delete(storeHash);
      this.opts.onError?.(err, storeHash);
    }
  }
}

/** The same client, with every call's outcome handed to `record` before its result or error. */
export function recordingClient(client: FulfillmentClient, record: (outcome: WarehouseCallOutcome) => Promise<void>): FulfillmentClient {
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    let result: T;
    try {
      result = await run();
    } catch (err) {
      const outcome = outcomeOf(err);
      if (outcome) await record(outcome);
      throw err;
    }
    await record({ ok: true });
    return result;
  };
  const lookup = client.lookupSkus?.bind(client);
  return {
    accountId: client.accountId,
    ...(lookup ? { lookupSkus: (skus: readonly string[]) => call(() => lookup(skus)) } : {}),
    getAccount: () => call(() => client.getAccount()),
    createOrder: (input, key) => call(() => client.createOrder(input, key)),
    cancelOrder: (id) => call(() => client.cancelOrder(id)),
    listShipments: (since) => call(() => client.listShipments(since)),
    listInventory: (since) => call(() => client.listInventory(since)),
  };
}

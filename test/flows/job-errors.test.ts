import { describe, expect, it } from 'vitest';
import { DATABASE_BUSY_RETRY_MS, merchantWordsOf, PassingFailureJobError, toJobError } from '../../server/flows/job-errors.js';
import { FulfillmentUnavailableError, type UnavailableReason } from '../../server/fulfillment/errors.js';
import { RetryableJobError } from '../../server/jobs/types.js';
import { DatabaseBusyError } from '../../server/storage/db-errors.js';

describe('toJobError', () => {
  it('a database locked by another process is retried later without spending an attempt', () => {
    const err = toJobError(new DatabaseBusyError(1_000));
    expect(err).toBeInstanceOf(RetryableJobError);
    expect((err as RetryableJobError).opts).toEqual({ delayMs: DATABASE_BUSY_RETRY_MS, countsAsAttempt: false });
    expect(err.message).toMatch(/locked by another process/);
  });

  it('leaves errors it does not know as they are', () => {
    const plain = new Error('boom');
    expect(toJobError(plain)).toBe(plain);
  });

  it('a warehouse outage is retried and carries what happened in merchant words (never a raw "HTTP 500")', () => {
    const unavailable = (reason: UnavailableReason, status: number | null = null) =>
      toJobError(
        new FulfillmentUnavailableError(`Fulfillment backend POST /v1/orders returned HTTP ${status ?? '-'}`, {
          status,
          method: 'POST',
          path: '/v1/orders',
          accountId: 'a',
          reason,
        }),
      );
    const err = unavailable('server_error', 500);
    expect(err).toBeInstanceOf(PassingFailureJobError);
    expect(err.message).toMatch(/HTTP 500/); // the raw detail, for logs and the timeline detail
    expect(merchantWordsOf(err)).toBe('The warehouse did not answer (server error 500).');
    for (const reason of ['timeout', 'network', 'rate_limited', 'in_progress', 'invalid_response'] as const) {
      expect(merchantWordsOf(unavailable(reason))).toMatch(/^The warehouse [^]*\.$/);
      expect(merchantWordsOf(unavailable(reason))).not.toMatch(/HTTP|undefined/);
    }
  });
});

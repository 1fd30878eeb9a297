// Review of issue 7, point 8: one wrapper around the job handlers (limitQuotaWaits) translates
// every error with toJobError and then handles a quota wait, whether the flow translated the
// error itself or let the transport's error through.
import { describe, expect, it } from 'vitest';
import { BigCommerceApiError, BigCommerceQuotaWaitError } from '../../server/bigcommerce/index.js';
import { DATABASE_BUSY_RETRY_MS, QuotaWaitJobError, toJobError } from '../../server/flows/job-errors.js';
import { limitQuotaWaits, QuotaWaitNotice } from '../../server/flows/quota-wait.js';
import { PermanentJobError, RetryableJobError, type JobHandler } from '../../server/jobs/types.js';
import { DatabaseBusyError } from '../../server/storage/db-errors.js';
import { createLogger } from '../../server/logging/logger.js';
import { FakeClock } from '../helpers/harness.js';
import { jobOf } from '../helpers/order-sync-fakes.js';

const clock = new FakeClock(1_700_000_000_000);
const logger = createLogger('silent');

function wrap(fail: () => unknown) {
  const deferred: Array<[string, number]> = [];
  const said: string[] = [];
  const notice = new QuotaWaitNotice({ logger, clock, syncLog: { append: async (e) => void said.push(e.message) } });
  const handler: JobHandler = async () => {
    throw fail();
  };
  const { run } = limitQuotaWaits({ run: handler }, { notice, queue: { deferStore: async (h, at) => deferred.push([h, at]) }, logger });
  const outcome = run!(jobOf('abc123', 'run', null), { signal: new AbortController().signal }).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { outcome, deferred, said };
}

const quotaWait = () =>
  new BigCommerceQuotaWaitError('BigCommerce GET /v2/orders/1 not sent', {
    status: null,
    method: 'GET',
    path: '/v2/orders/1',
    storeHash: 'abc123',
    waitMs: 20_000,
    resumeAt: clock.now() + 20_000,
    reason: 'paused',
  });

describe('the job handler wrapper', () => {
  it('translates an error the flow let through: a locked database is retried without spending an attempt', async () => {
    const err = await wrap(() => new DatabaseBusyError(1_000)).outcome;
    expect(err).toBeInstanceOf(RetryableJobError);
    expect((err as RetryableJobError).opts).toEqual({ delayMs: DATABASE_BUSY_RETRY_MS, countsAsAttempt: false });
  });

  it('translates a BigCommerce refusal into a final failure', async () => {
    const err = await wrap(() => new BigCommerceApiError('GET /v2/orders/1 failed with 404', { status: 404, method: 'GET', path: '/v2/orders/1', storeHash: 'abc123' })).outcome;
    expect(err).toBeInstanceOf(PermanentJobError);
  });

  it('handles a quota wait the flow let through: the store waits for the reset, said once', async () => {
    const { outcome, deferred, said } = wrap(quotaWait);
    expect(await outcome).toBeInstanceOf(QuotaWaitJobError);
    expect(deferred).toEqual([['abc123', clock.now() + 20_000]]);
    expect(said).toEqual([expect.stringMatching(/quota used up/)]);
  });

  it('handles a quota wait the flow translated itself the same way', async () => {
    const { outcome, deferred } = wrap(() => toJobError(quotaWait()));
    expect(await outcome).toBeInstanceOf(QuotaWaitJobError);
    expect(deferred).toEqual([['abc123', clock.now() + 20_000]]);
  });
});

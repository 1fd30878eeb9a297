// Issue 9 point 3: a job waiting because the app spent the share of the quota the merchant gave
// it is working as chosen (once per window during a backfill): not an Activity warning. A wait for
// the reserve (other apps used the rest) or after a 429 still is.
import { describe, expect, it } from 'vitest';
import { QuotaWaitJobError } from '../../server/flows/job-errors.js';
import { QuotaWaitNotice } from '../../server/flows/quota-wait.js';
import type { WaitReason } from '../../server/bigcommerce/index.js';
import { createLogger } from '../../server/logging/logger.js';
import { FakeClock } from '../helpers/harness.js';

function notice(lastWait: WaitReason | null) {
  const clock = new FakeClock(1_700_000_000_000);
  const said: string[] = [];
  const n = new QuotaWaitNotice({
    logger: createLogger('silent'),
    clock,
    syncLog: { append: async (e) => void said.push(e.message) },
    bigcommerce: { quota: () => ({ lastWait }) },
  });
  const err = (reason: 'paused' | 'reserve') => new QuotaWaitJobError(clock.now() + 20_000, reason, 20_000);
  return { n, said, err };
}

describe('quota wait notice and the share', () => {
  it('says nothing in Activity when the wait is for the share', async () => {
    const { n, said, err } = notice('share');
    await n.report('abc', 'order.sync', err('reserve'));
    expect(said).toEqual([]);
  });

  it('still warns when other apps left only the reserve, or after a 429', async () => {
    const a = notice('reserve');
    await a.n.report('abc', 'order.sync', a.err('reserve'));
    expect(a.said).toEqual(['BigCommerce API quota used up: background work waits about 20 s for the next window.']);
    const b = notice('share');
    await b.n.report('abc', 'order.sync', b.err('paused'));
    expect(b.said).toHaveLength(1);
  });
});

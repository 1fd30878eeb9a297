import { describe, expect, it } from 'vitest';
import { DATABASE_BUSY_RETRY_MS, toJobError } from '../../server/flows/job-errors.js';
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
});

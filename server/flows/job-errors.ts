import {
  BigCommerceApiError,
  BigCommerceQuotaWaitError,
  BigCommerceRateLimitError,
  BigCommerceTokenReplacedError,
  BigCommerceUnauthorizedError,
} from '../bigcommerce/index.js';
import { FulfillmentUnavailableError } from '../fulfillment/index.js';
import { DatabaseBusyError } from '../storage/db-errors.js';
import { PermanentJobError, RetryableJobError } from '../jobs/types.js';

/**
 * The store's BigCommerce quota is used up: the job goes back to pending until the window resets,
 * without spending an attempt and without holding a worker meanwhile.
 */
export class QuotaWaitJobError extends RetryableJobError {
  constructor(
    readonly resumeAt: number,
    readonly reason: 'paused' | 'reserve',
    waitMs: number,
  ) {
    super(`Waiting for the store's BigCommerce API quota (${reason === 'paused' ? 'rate limited' : 'reserve reached'}; resumes in ${Math.ceil(waitMs / 1000)} s)`, {
      delayMs: waitMs,
      countsAsAttempt: false,
    });
    this.name = 'QuotaWaitJobError';
  }
}

/** How long a job waits before trying again with the token a reinstall stored meanwhile. */
const TOKEN_REPLACED_RETRY_MS = 1_000;

/** How long a job waits after the database was locked by another process. */
export const DATABASE_BUSY_RETRY_MS = 5_000;

/**
 * Translates client errors into what the queue should do: a rate-limit wait is not a failure
 * (the attempt is given back), 5xx/timeouts back off, a revoked token is final (a replaced one is not).
 */
export function toJobError(err: unknown): Error {
  if (err instanceof RetryableJobError || err instanceof PermanentJobError) return err;
  if (err instanceof BigCommerceQuotaWaitError) return new QuotaWaitJobError(err.resumeAt, err.reason, err.waitMs);
  if (err instanceof BigCommerceRateLimitError) {
    return new RetryableJobError('BigCommerce asked us to slow down', { delayMs: err.retryAfterMs, countsAsAttempt: false });
  }
  // Checked before the 401 below: the store was re-authorised while the job ran, so its next
  // attempt builds a client with the new token. Not the job's failure: no attempt is spent.
  if (err instanceof BigCommerceTokenReplacedError) {
    return new RetryableJobError('The store’s access token was replaced (the app was reinstalled) while this task ran; retrying with the new one.', {
      delayMs: TOKEN_REPLACED_RETRY_MS,
      countsAsAttempt: false,
    });
  }
  if (err instanceof BigCommerceUnauthorizedError) {
    return new PermanentJobError('BigCommerce refused the app’s access token; the store owner must reinstall the app to re-authorise it.');
  }
  if (err instanceof BigCommerceApiError) {
    return err.retryable ? new RetryableJobError(`BigCommerce: ${err.message}`) : new PermanentJobError(`BigCommerce: ${err.message}`);
  }
  if (err instanceof FulfillmentUnavailableError) return new RetryableJobError(`Fulfillment backend unavailable: ${err.message}`);
  // Another process holds the database for a moment: not the job's failure, so no attempt is spent.
  if (err instanceof DatabaseBusyError) return new RetryableJobError(err.message, { delayMs: DATABASE_BUSY_RETRY_MS, countsAsAttempt: false });
  return err instanceof Error ? err : new Error(String(err));
}

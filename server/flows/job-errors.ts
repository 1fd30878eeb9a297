import {
  BigCommerceApiError,
  BigCommerceRateLimitError,
  BigCommerceUnauthorizedError,
} from '../bigcommerce/index.js';
import { FulfillmentUnavailableError } from '../fulfillment/index.js';
import { PermanentJobError, RetryableJobError } from '../jobs/types.js';

/**
 * Translates client errors into what the queue should do: a rate-limit wait is not a failure
 * (the attempt is given back), 5xx/timeouts back off, a revoked token is final.
 */
export function toJobError(err: unknown): Error {
  if (err instanceof RetryableJobError || err instanceof PermanentJobError) return err;
  if (err instanceof BigCommerceRateLimitError) {
    return new RetryableJobError('BigCommerce asked us to slow down', { delayMs: err.retryAfterMs, countsAsAttempt: false });
  }
  if (err instanceof BigCommerceUnauthorizedError) {
    return new PermanentJobError('BigCommerce refused the app’s access token; the store owner must reopen the app.');
  }
  if (err instanceof BigCommerceApiError) {
    return err.retryable ? new RetryableJobError(`BigCommerce: ${err.message}`) : new PermanentJobError(`BigCommerce: ${err.message}`);
  }
  if (err instanceof FulfillmentUnavailableError) return new RetryableJobError(`Fulfillment backend unavailable: ${err.message}`);
  return err instanceof Error ? err : new Error(String(err));
}

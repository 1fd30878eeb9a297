import { BigCommerceApiError, BigCommerceQuotaWaitError, BigCommerceRateLimitError, BigCommerceTokenReplacedError, BigCommerceUnauthorizedError } from '../bigcommerce/index.js';
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

/**
 * A failure that passes (a warehouse or BigCommerce outage): retried with backoff like any
 * RetryableJobError, and it carries what happened in merchant words for the order it was about
 * (orders.last_error while the order is "retrying"); `message` keeps the raw detail for the logs.
 */
export class PassingFailureJobError extends RetryableJobError {
  constructor(
    message: string,
    readonly merchantMessage: string,
  ) {
    super(message);
    this.name = 'PassingFailureJobError';
  }
}

/** Why the warehouse call failed, in merchant words (never a raw "HTTP 500"). */
export function warehouseUnavailableWords(err: FulfillmentUnavailableError): string {
  switch (err.reason) {
    case 'server_error':
      return `The warehouse did not answer (server error${err.status ? ` ${err.status}` : ''}).`;
    case 'timeout':
      return 'The warehouse did not answer in time.';
    case 'network':
      return 'The warehouse could not be reached (no connection).';
    case 'rate_limited':
      return 'The warehouse asked the app to slow down (too many requests).';
    case 'in_progress':
      return 'The warehouse is still working on an earlier attempt to send this order.';
    case 'invalid_response':
      return 'The warehouse answered with something the app could not read.';
  }
}

function bigCommerceUnavailableWords(err: BigCommerceApiError): string {
  if (err.status === null) return 'BigCommerce could not be reached.';
  return err.status >= 500 ? `BigCommerce did not answer (server error ${err.status}).` : `BigCommerce could not answer just now (${err.status}).`;
}

/** What a failed attempt means for the merchant: the words a passing failure carries, else the error's own message. */
export function merchantWordsOf(error: Error): string {
  return error instanceof PassingFailureJobError ? error.merchantMessage : error.message;
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
    return err.retryable ? new PassingFailureJobError(`BigCommerce: ${err.message}`, bigCommerceUnavailableWords(err)) : new PermanentJobError(`BigCommerce: ${err.message}`);
  }
  if (err instanceof FulfillmentUnavailableError) return new PassingFailureJobError(`Fulfillment backend unavailable: ${err.message}`, warehouseUnavailableWords(err));
  // Another process holds the database for a moment: not the job's failure, so no attempt is spent.
  if (err instanceof DatabaseBusyError) return new RetryableJobError(err.message, { delayMs: DATABASE_BUSY_RETRY_MS, countsAsAttempt: false });
  return err instanceof Error ? err : new Error(String(err));
}

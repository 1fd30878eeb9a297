// Typed failures of the BigCommerce transport. Callers (routes, the job queue) branch on the class
// or on `retryable` instead of parsing messages. Nothing here may ever hold the access token or a
// query string: errors end up in logs, job rows and API answers.

/** Upstream bodies can be whole HTML error pages; keep enough to diagnose, not to flood logs. */
export const BODY_EXCERPT_MAX = 500;

export interface BigCommerceErrorDetails {
  /** HTTP status, or null when no response arrived (network failure, timeout). */
  status: number | null;
  method: string;
  /** API path without host, store hash or query string, e.g. `/v2/orders/12`. */
  path: string;
  storeHash: string;
  /** First BODY_EXCERPT_MAX characters of the upstream body, token redacted. */
  bodyExcerpt?: string;
  /** Number of HTTP attempts made before giving up. */
  attempts?: number;
  cause?: unknown;
}

export class BigCommerceApiError extends Error {
  readonly status: number | null;
  readonly method: string;
  readonly path: string;
  readonly storeHash: string;
  readonly bodyExcerpt: string | undefined;
  readonly attempts: number;
  /** True when the same call may succeed later (a job queue should reschedule, not fail). */
  readonly retryable: boolean = false;

  constructor(message: string, details: BigCommerceErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.storeHash = details.storeHash;
    this.bodyExcerpt = details.bodyExcerpt;
    this.attempts = details.attempts ?? 1;
  }

  /** Keeps `JSON.stringify(err)` / pino output useful without leaking the cause chain. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      method: this.method,
      path: this.path,
      storeHash: this.storeHash,
      bodyExcerpt: this.bodyExcerpt,
      attempts: this.attempts,
      retryable: this.retryable,
    };
  }
}

/** 401: the stored token is revoked or wrong; the store must re-authorise the app. */
export class BigCommerceUnauthorizedError extends BigCommerceApiError {}

/**
 * 401 on a token that is no longer the store's: /auth stored a new one (reinstall, scope change)
 * after this client was built, and BigCommerce invalidated the old one. Nothing is wrong with the
 * store; the same call with a freshly built client (the new token) may succeed.
 */
export class BigCommerceTokenReplacedError extends BigCommerceUnauthorizedError {
  override readonly retryable = true;
}

/**
 * What the app's onUnauthorized hook found: the failing token is still the stored one (`revoked`:
 * the store now needs re-authorisation), or the store's token changed since (`replaced`).
 */
export type UnauthorizedVerdict = 'revoked' | 'replaced';

/** 429 that persisted through every rate-limit retry. */
export class BigCommerceRateLimitError extends BigCommerceApiError {
  override readonly retryable = true;
  /** How long the platform asked us to stay away, for rescheduling the job. */
  readonly retryAfterMs: number;

  constructor(message: string, details: BigCommerceErrorDetails & { retryAfterMs: number }) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/**
 * Not sent: the store's quota is spent (down to the reserve we leave for other apps, or paused
 * after a 429) and the caller's wait limit is shorter than the wait. Nothing failed; the same call
 * can be made once the window resets at `resumeAt` (a job is rescheduled for then).
 */
export class BigCommerceQuotaWaitError extends BigCommerceApiError {
  override readonly retryable = true;
  readonly waitMs: number;
  /** Clock time (ms) at which the store's quota is expected to be available again. */
  readonly resumeAt: number;
  readonly reason: 'paused' | 'reserve';

  constructor(message: string, details: BigCommerceErrorDetails & { waitMs: number; resumeAt: number; reason: 'paused' | 'reserve' }) {
    super(message, details);
    this.waitMs = details.waitMs;
    this.resumeAt = details.resumeAt;
    this.reason = details.reason;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), waitMs: this.waitMs, resumeAt: this.resumeAt, reason: this.reason };
  }
}

/** 5xx after the transport's own retries (or a 5xx that is never worth retrying, like 507). */
export class BigCommerceServerError extends BigCommerceApiError {
  override readonly retryable: boolean;

  constructor(message: string, details: BigCommerceErrorDetails & { retryable: boolean }) {
    super(message, details);
    this.retryable = details.retryable;
  }
}

/** No HTTP response at all (DNS, refused connection, reset). */
export class BigCommerceNetworkError extends BigCommerceApiError {
  override readonly retryable = true;
}

/** Our own deadline fired. A write may still have been applied upstream. */
export class BigCommerceTimeoutError extends BigCommerceNetworkError {}

/** 2xx whose body is not the JSON we were promised (or not the shape a typed helper expects). */
export class BigCommerceInvalidResponseError extends BigCommerceApiError {}

export function isBigCommerceApiError(value: unknown): value is BigCommerceApiError {
  return value instanceof BigCommerceApiError;
}

/** Truncates an upstream body and scrubs any secret we know of, in case the upstream echoes it. */
export function bodyExcerpt(body: string, secrets: readonly string[] = []): string | undefined {
  if (body.length === 0) return undefined;
  let text = body;
  for (const secret of secrets) {
    if (secret.length > 0) text = text.split(secret).join('[redacted]');
  }
  return text.length > BODY_EXCERPT_MAX ? text.slice(0, BODY_EXCERPT_MAX) : text;
}

// Typed failures of the fulfillment client. Callers branch on the class or on `retryable`:
// - FulfillmentRejectedError (and its FulfillmentAuthError): a 4xx, the merchant's to fix; its
//   `message` is the backend's own explanation, safe to show in the app;
// - FulfillmentCancelConflictError: 409 on cancel, the order is past the point of cancelling;
// - FulfillmentUnavailableError: 5xx, timeout, dropped connection, 408/429, a create still in
//   progress (409 idempotency_key_in_use) or an unreadable 2xx;
//   the job queue retries it (the Idempotency-Key makes a retried create safe).
// None of them ever holds the API key: messages are scrubbed and no header is kept.

/** Long enough for a sentence or two from the backend; an error page must not flood the UI. */
export const MERCHANT_MESSAGE_MAX = 300;
/** Raw body kept for logs and support, not for the merchant. */
export const BODY_EXCERPT_MAX = 500;

export interface FulfillmentErrorDetails {
  /** HTTP status, or null when no response arrived. */
  status: number | null;
  method: string;
  /** e.g. `/v1/orders/ord_1/cancel`; no host, no query. */
  path: string;
  accountId: string;
  /** The backend's `error.code`, when it sent one. */
  code?: string | undefined;
  bodyExcerpt?: string | undefined;
}

export class FulfillmentError extends Error {
  readonly status: number | null;
  readonly method: string;
  readonly path: string;
  readonly accountId: string;
  readonly code: string | undefined;
  readonly bodyExcerpt: string | undefined;
  readonly retryable: boolean = false;

  constructor(message: string, details: FulfillmentErrorDetails) {
    super(message);
    this.name = new.target.name;
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.accountId = details.accountId;
    this.code = details.code;
    this.bodyExcerpt = details.bodyExcerpt;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      method: this.method,
      path: this.path,
      accountId: this.accountId,
      // Not "code": the app logger redacts any field named code (OAuth grant codes).
      errorCode: this.code,
      bodyExcerpt: this.bodyExcerpt,
      retryable: this.retryable,
    };
  }
}

/** A 4xx: the backend refused the request; retrying the same request will not help. */
export class FulfillmentRejectedError extends FulfillmentError {}

/** 401/403: the account id / API key pair is wrong or revoked. */
export class FulfillmentAuthError extends FulfillmentRejectedError {}

/** 409 on POST /v1/orders/{id}/cancel: the order has shipped (or is past cancelling). */
export class FulfillmentCancelConflictError extends FulfillmentError {}

export type UnavailableReason =
  | 'server_error'
  | 'timeout'
  | 'network'
  | 'rate_limited'
  /** 409 idempotency_key_in_use: the backend is still working on an earlier attempt with this key. */
  | 'in_progress'
  | 'invalid_response';

/** Worth trying again later. A timed-out create may still have been applied upstream. */
export class FulfillmentUnavailableError extends FulfillmentError {
  override readonly retryable = true;
  readonly reason: UnavailableReason;
  /** From Retry-After on 429/503, when the backend sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: FulfillmentErrorDetails & { reason: UnavailableReason; retryAfterMs?: number | undefined }) {
    super(message, details);
    this.reason = details.reason;
    this.retryAfterMs = details.retryAfterMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason, retryAfterMs: this.retryAfterMs };
  }
}

export function isFulfillmentError(value: unknown): value is FulfillmentError {
  return value instanceof FulfillmentError;
}

/** Replaces every occurrence of the secrets, in case a backend echoes the Authorization header. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length > 0) out = out.split(secret).join('[redacted]');
  return out;
}

/** One line, no control characters, at most `max` characters (with an ellipsis when cut). */
export function merchantText(text: string, secrets: readonly string[], max = MERCHANT_MESSAGE_MAX): string {
  const flat = redact(text, secrets)
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function bodyExcerpt(body: string, secrets: readonly string[]): string | undefined {
  if (body.length === 0) return undefined;
  const text = redact(body, secrets);
  return text.length > BODY_EXCERPT_MAX ? text.slice(0, BODY_EXCERPT_MAX) : text;
}

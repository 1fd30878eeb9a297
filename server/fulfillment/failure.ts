// Turns a non-2xx answer of the fulfillment backend into the typed error the contract implies
// (docs/fulfillment-api.openapi.yaml, "Errors: who fixes what" in docs/fulfillment-backend.md).
// Kept apart from the transport so the mapping reads as one table.

import {
  FulfillmentAuthError,
  FulfillmentCancelConflictError,
  FulfillmentRejectedError,
  FulfillmentUnavailableError,
  bodyExcerpt,
  merchantText,
  type FulfillmentErrorDetails,
} from './errors.js';
import { FulfillmentKeyReusedError } from './key-reused.js';
import { errorBodySchema } from './responses.js';

export type Operation = 'account' | 'create' | 'cancel';

export interface FailedReply {
  op: Operation;
  status: number;
  headers: Headers;
  text: string;
  where: FulfillmentErrorDetails;
  /** Scrubbed from every message and excerpt (the API key). */
  secrets: readonly string[];
  nowMs: number;
}

export function failureFor({ op, status, headers, text, where, secrets, nowMs }: FailedReply): Error {
  const parsed = errorBodySchema.safeParse(safeJson(text));
  const backendMessage = parsed.success && parsed.data.error.message ? merchantText(parsed.data.error.message, secrets) : '';
  const details: FulfillmentErrorDetails = {
    ...where,
    status,
    code: parsed.success ? parsed.data.error.code : undefined,
    bodyExcerpt: bodyExcerpt(text, secrets),
  };
  const label = `Fulfillment backend ${where.method} ${where.path} failed with HTTP ${status}`;
  const retryAfter = retryAfterMs(headers.get('retry-after'), nowMs);

  // 408 and 429 are 4xx by number but say "not now", not "fix something": retry them.
  // A 3xx is never followed (it would carry the key elsewhere): a misconfigured URL, not the merchant's.
  if (status === 408 || status === 429 || status >= 500 || status < 400) {
    const reason = status === 429 ? 'rate_limited' : status === 408 ? 'timeout' : 'server_error';
    const redirected = status < 400 ? ' (redirects are not followed: check FULFILLMENT_API_URL)' : '';
    return new FulfillmentUnavailableError(`${label}${redirected}${backendMessage ? `: ${backendMessage}` : ''}`, {
      ...details,
      reason,
      retryAfterMs: retryAfter,
    });
  }
  // Another attempt with this key is still running upstream (our earlier one timed out): later.
  if (status === 409 && op === 'create' && details.code === 'idempotency_key_in_use') {
    return new FulfillmentUnavailableError(`${label}: an earlier attempt with this Idempotency-Key is still in progress`, {
      ...details,
      reason: 'in_progress',
      retryAfterMs: retryAfter,
    });
  }
  if (status === 401 || status === 403) {
    const said = backendMessage ? ` The fulfillment backend said: ${backendMessage}` : '';
    return new FulfillmentAuthError(`The fulfillment backend did not accept these credentials (HTTP ${status}): check the account id and API key.${said}`, details);
  }
  // The key already names an order there, created from another body: it exists, it is not refused.
  if (status === 422 && op === 'create' && details.code === 'idempotency_key_reused') {
    const said = backendMessage ? ` The fulfillment backend said: ${backendMessage}` : '';
    return new FulfillmentKeyReusedError(
      `The warehouse already has this order, received earlier with different contents, so it was not sent again. Check the order at the warehouse and correct it there if needed.${said}`,
      details,
    );
  }
  if (status === 409 && op === 'cancel') {
    return new FulfillmentCancelConflictError(backendMessage || 'The order can no longer be cancelled: the warehouse has already shipped it.', details);
  }
  // Everything else in 4xx is the merchant's to fix; the backend's own words say what.
  return new FulfillmentRejectedError(backendMessage || `The fulfillment backend rejected the request (HTTP ${status}).`, details);
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Node's fetch hides the useful errno (ECONNREFUSED, ECONNRESET, …) in `cause`. */
export function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

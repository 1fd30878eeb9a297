// A shipment BigCommerce *refused* (a 4xx other than 401 and 429) will be refused again if sent
// unchanged, so it is not retried in the background: it is marked failed with BigCommerce's own
// words, for the merchant to read and retry from the order page once the cause is fixed.
import { BigCommerceApiError, BigCommerceRateLimitError, BigCommerceUnauthorizedError } from '../../bigcommerce/index.js';

const MESSAGE_MAX = 500;

export function isBigCommerceRefusal(err: unknown): err is BigCommerceApiError {
  if (!(err instanceof BigCommerceApiError)) return false;
  // Anything the transport marks retryable (429, quota waits, network) is a "later", not a "no".
  if (err.retryable || err instanceof BigCommerceUnauthorizedError || err instanceof BigCommerceRateLimitError) return false;
  return err.status !== null && err.status >= 400 && err.status < 500;
}

const clip = (text: string) => (text.length > MESSAGE_MAX ? `${text.slice(0, MESSAGE_MAX - 1)}…` : text);

/**
 * BigCommerce's message from the error body: v2 answers `[{status, message}]`, v3 answers
 * `{status, title, errors}`. The excerpt is already scrubbed of the token by the transport.
 */
export function refusalMessage(err: BigCommerceApiError): string {
  const fallback = `BigCommerce answered HTTP ${err.status ?? 'error'}.`;
  if (!err.bodyExcerpt) return fallback;
  let body: unknown;
  try {
    body = JSON.parse(err.bodyExcerpt);
  } catch {
    // The excerpt may be cut mid-body; the first message is usually whole.
    const m = /"(?:message|title)"\s*:\s*"((?:[^"\\]|\\.)+)"/.exec(err.bodyExcerpt);
    return m?.[1] ? clip(m[1]) : fallback;
  }
  const messages: string[] = [];
  const take = (v: unknown) => {
    if (typeof v === 'string' && v.trim() !== '') messages.push(v.trim());
  };
  if (Array.isArray(body)) {
    for (const e of body) if (e && typeof e === 'object') take((e as Record<string, unknown>).message);
  } else if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    take(b.title);
    if (b.errors && typeof b.errors === 'object') for (const v of Object.values(b.errors as Record<string, unknown>)) take(v);
  }
  return messages.length > 0 ? clip(messages.join(' ')) : fallback;
}

import { FulfillmentRejectedError } from './errors.js';

/**
 * 422 `idempotency_key_reused` on POST /v1/orders: the backend already has an order under this
 * Idempotency-Key, received with a different body. Not a rejection of the order: it *is* at the
 * warehouse (an earlier attempt reached it), only not as this request describes it. A subclass of
 * FulfillmentRejectedError so callers that do not know it still stop retrying.
 */
export class FulfillmentKeyReusedError extends FulfillmentRejectedError {}

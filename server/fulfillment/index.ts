// Public surface of the fulfillment-backend integration: the HTTP client, the order body the
// backend receives, the events it sends back and their signature. Contract:
// docs/fulfillment-api.openapi.yaml (human guide: docs/fulfillment-backend.md).

export {
  createFulfillmentClient,
  DEFAULT_FULFILLMENT_TIMEOUT_MS,
  type CreatedFulfillmentOrder,
  type FulfillmentAccountCredentials,
  type FulfillmentClient,
  type FulfillmentClientFactory,
  type FulfillmentClientOptions,
  type FulfillmentLogger,
  type FeedItemProblem,
} from './client.js';
export * from './errors.js';
export { retryAfterMs } from './failure.js';
export * from './events.js';
export * from './order.js';
export { accountResponseSchema, cancelResponseSchema, errorBodySchema, orderResponseSchema, type FulfillmentAccount } from './responses.js';
export * from './signature.js';

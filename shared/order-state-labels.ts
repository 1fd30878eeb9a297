// Order states in merchant words, for the CSV export, the reasons Retry gives and the UI's pills,
// legends and help. Shared by server and client (shared/ holds only such pure code, importing
// nothing outside it), so the words are the same everywhere.

/** Every state, in the order an order moves through them (pills, legends, counts): one list for server and client. */
export const ORDER_STATES = [
  'waiting',
  'queued',
  'retrying',
  'sent',
  'partially_shipped',
  'shipped',
  'cancelled',
  'held',
  'skipped',
  'rejected',
  'needs_attention',
  'failed',
] as const;

/** An order's sync state; the API's OrderSyncState (server/api/contract.ts) must be this same union. */
export type OrderState = (typeof ORDER_STATES)[number];

export const ORDER_STATE_LABELS: Record<OrderState, string> = {
  waiting: 'Waiting for import status',
  queued: 'Queued',
  retrying: 'Retrying',
  sent: 'Sent',
  partially_shipped: 'Partially shipped',
  shipped: 'Shipped',
  cancelled: 'Cancelled',
  held: 'Held by a rule',
  skipped: 'Skipped by a rule',
  rejected: 'Rejected by warehouse',
  needs_attention: 'Needs attention',
  failed: 'Failed',
};

/** Why Retry has nothing to do for an order in this state (states with a remedy say it instead). */
export const NOTHING_TO_RETRY: Record<OrderState, string> = {
  waiting: 'it has not reached the import status in BigCommerce yet; it is sent once it does.',
  queued: 'it is already queued to be sent.',
  retrying: 'it is already being retried; the next attempt is on its way.',
  sent: 'it is already at the warehouse.',
  partially_shipped: 'it is already at the warehouse and partly shipped.',
  shipped: 'it has shipped.',
  cancelled: 'it is cancelled.',
  held: 'an order rule holds it; release it to send it.',
  skipped: 'an order rule skips it: it is not for this warehouse.',
  rejected: 'the warehouse rejected it; fix what it names, then try again.',
  needs_attention: 'fix what is holding it first; it is then sent by itself.',
  failed: 'fix what made it fail first.',
};

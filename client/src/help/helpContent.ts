// What the in-app Help says: the setup steps and what each order state means. One source for the
// Help panel and the setup page, so both use the same words. Pure.
import type { OrderSyncState } from '../../../server/api/contract.js';
import { ORDER_STATE_LABELS, ORDER_STATES } from '../../../shared/order-state-labels.js';

export interface HelpStep {
  title: string;
  text: string;
}

/** The four setup steps, in order (the setup page's step titles come from here too). */
export const SETUP_STEPS: readonly HelpStep[] = [
  {
    title: 'Connect the warehouse',
    text: 'Enter the account ID and API key from your fulfillment provider, test the connection and save it.',
  },
  {
    title: 'Choose the order import status',
    text: 'Orders are sent to the warehouse when they reach this status (Awaiting Fulfillment unless you pick another).',
  },
  {
    title: 'Check your store',
    text: 'The readiness scan looks for what would hold an order: unmapped shipping methods, products without a SKU, SKUs the warehouse does not know and untracked stock. Each finding has its fix one click away.',
  },
  {
    title: 'Done',
    text: 'Orders that reach the import status go to the warehouse by themselves; shipments, tracking and stock levels come back to BigCommerce.',
  },
];

const STATE_MEANINGS: Record<OrderSyncState, string> = {
  waiting: 'In BigCommerce but not at the import status yet. It is sent once it gets there.',
  queued: 'About to be sent to the warehouse.',
  retrying: 'The warehouse could not be reached; the app tries again by itself.',
  sent: 'The warehouse has the order.',
  partially_shipped: 'The warehouse shipped part of the order; the shipment is in BigCommerce.',
  shipped: 'Everything shipped; tracking is in BigCommerce.',
  cancelled: 'Cancelled in BigCommerce or at the warehouse.',
  held: 'An order rule holds it until you release it.',
  skipped: 'An order rule says it is not for this warehouse.',
  rejected: 'The warehouse refused it and says why; fix that, then retry.',
  needs_attention: 'Something in the store stops it (an unmapped shipping method, a missing SKU); the order says what. It is sent once fixed.',
  failed: 'Sending kept failing; the order says why, and Retry sends it again.',
};

export interface StateMeaning {
  state: OrderSyncState;
  label: string;
  meaning: string;
}

export const ORDER_STATE_MEANINGS: readonly StateMeaning[] = ORDER_STATES.map((state) => ({
  state,
  label: ORDER_STATE_LABELS[state],
  meaning: STATE_MEANINGS[state],
}));

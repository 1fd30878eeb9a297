// Webhook events as stored by the intake (BigCommerce and the fulfillment backend).

export type WebhookEventStatus = 'received' | 'processed' | 'ignored' | 'duplicate' | 'failed';

export type WebhookSource = 'bigcommerce' | 'fulfillment';

export interface WebhookEventSummary {
  id: number;
  source: WebhookSource;
  /** The order the event is about, when it names one. */
  orderId: number | null;
  /** The sender's event id (BigCommerce's hash is the same on every redelivery). */
  eventId: string;
  topic: string;
  status: WebhookEventStatus;
  resourceId: string | null;
  /** ISO-8601 */
  receivedAt: string;
}

export interface WebhookEventDetail extends WebhookEventSummary {
  payload: unknown;
  error: string | null;
}

/** A stored event queued again from the Webhook history (server/webhooks/replay.ts). */
export interface WebhookReplay {
  /** The stored event, with its status as after the replay was queued. */
  event: WebhookEventDetail;
  message: string;
}

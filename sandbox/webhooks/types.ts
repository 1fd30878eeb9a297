// Types of the sandbox's webhooks (types only): hook subscriptions (v3 /hooks), the events the store
// fires, and the log of delivery attempts.

export interface HookRecord {
  id: number;
  storeHash: string;
  /** The app that owns the hook (the client id behind the token that created it). */
  clientId: string;
  scope: string;
  destination: string;
  isActive: boolean;
  headers: Record<string, string> | null;
  /** Unix seconds. */
  createdAt: number;
  updatedAt: number;
}

/** The callback body, in the key order of the docs' example (events/index.mdx "Callback structure"). */
export interface WebhookPayload {
  scope: string;
  /** The numeric store id, as a string. */
  store_id: string;
  data: Record<string, unknown>;
  hash: string;
  /** Unix seconds of the event. */
  created_at: number;
  producer: string;
}

export interface WebhookEvent {
  /** `webhook-id`: one per event, identical on every attempt and on a duplicated delivery. */
  id: string;
  storeHash: string;
  scope: string;
  payload: WebhookPayload;
  /** The exact body sent (and signed) on every attempt. */
  body: string;
  /** Hooks it was queued for (empty when dropped or when nothing subscribes). */
  hookIds: number[];
  /** Silently not delivered (webhooks.drop). */
  dropped: boolean;
  /** Delivered twice per hook (webhooks.duplicate or an order storm). */
  duplicated: boolean;
  /** ms on the sandbox clock. */
  at: number;
}

export interface DeliveryAttempt {
  hookId: number;
  destination: string;
  /** The event's scope (a wildcard hook receives the concrete scope). */
  scope: string;
  eventId: string;
  hash: string;
  /** 1 for the first attempt, 2 for the first retry ... */
  attempt: number;
  /** 2 for the extra copy of a duplicated event. */
  copy: 1 | 2;
  /** The receiver's HTTP status; 0 when it could not be reached or timed out. */
  status: number;
  ok: boolean;
  error?: string;
  /** The hook was deactivated after this (last) failed attempt. */
  deactivated?: boolean;
  /** ms on the sandbox clock. */
  at: number;
}

// Webhook history filters <-> query string and API path, and the page's words. Pure.
import type { WebhookEventStatus, WebhookSource } from '../../../../server/api/contract.js';
import { WEBHOOK_STATUSES } from '../../lib/badges.js';
import { dateRangeToIso } from '../../lib/dates.js';
import { apiPath, dateField, enumField, idField, textField, type FieldSpecs, type ListState } from '../../lib/listQuery.js';

export const WEBHOOKS_PATH = '/webhooks';

export const WEBHOOK_SOURCES: readonly WebhookSource[] = ['bigcommerce', 'fulfillment'];

export interface WebhookFilters {
  source: WebhookSource | '';
  /** The BigCommerce order the events are about (both sources), digits only. */
  orderId: string;
  topic: string;
  status: WebhookEventStatus | '';
  /** Local calendar days "YYYY-MM-DD". */
  from: string;
  to: string;
}

/** URL: /webhooks?source=fulfillment&orderId=1042&topic=shipment.created&status=failed&from=2026-03-01&to=2026-03-07&page=2 */
export const WEBHOOK_FILTER_SPECS: FieldSpecs<WebhookFilters> = {
  source: enumField(WEBHOOK_SOURCES),
  orderId: idField(),
  topic: textField(200),
  status: enumField(WEBHOOK_STATUSES),
  from: dateField(),
  to: dateField(),
};

/** from/to become ISO instants: start of the first local day, end of the last one. */
export function webhookEventsApiPath({ page, limit, filters }: ListState<WebhookFilters>): string {
  const { from, to } = dateRangeToIso(filters);
  const { source, orderId, topic, status } = filters;
  return apiPath('/api/webhook-events', { page, limit, source, orderId, topic, status, from, to });
}

/** The history of one order's events, both sources (for links from an order). */
export const orderWebhooksPath = (orderId: number | string): string => `${WEBHOOKS_PATH}?orderId=${encodeURIComponent(String(orderId))}`;

export function sourceLabel(source: WebhookSource): string {
  return source === 'bigcommerce' ? 'BigCommerce' : 'Warehouse';
}

/** BigCommerce's scopes all start with "store/"; the warehouse's event types never do (as on the server). */
export function sourceOfTopic(topic: string): WebhookSource {
  return topic.startsWith('store/') ? 'bigcommerce' : 'fulfillment';
}

/** The topics offered for a source (all when none is chosen), keeping the chosen one selectable. */
export function topicChoices(topics: readonly string[], source: WebhookSource | '', chosen: string): string[] {
  const offered = source ? topics.filter((topic) => sourceOfTopic(topic) === source) : [...topics];
  return chosen && !offered.includes(chosen) ? [chosen, ...offered] : offered;
}

/** Choosing a source drops a topic of the other source: together they could match nothing. */
export function sourceChange(filters: Pick<WebhookFilters, 'topic'>, source: WebhookSource | ''): Partial<WebhookFilters> {
  return source && filters.topic && sourceOfTopic(filters.topic) !== source ? { source, topic: '' } : { source };
}

/** What makes a replay safe, in the merchant's terms. */
function whyReplayIsSafe(source: WebhookSource, topic: string): string {
  if (source === 'bigcommerce') return 'An order already sent to your warehouse is not sent again.';
  if (topic === 'shipment.created') return 'A shipment already written to BigCommerce is not written again.';
  if (topic === 'inventory.updated') return 'The stock levels it reports are written to BigCommerce again.';
  return 'An order already cancelled is not cancelled again.';
}

/** The confirmation before a replay. */
export function replayQuestion(event: { id: number; source: WebhookSource; topic: string; orderId: number | null }): string {
  const what = event.orderId !== null ? ` for order #${event.orderId}` : '';
  return `Event #${event.id}${what} is processed again, as if it had just arrived. ${whyReplayIsSafe(event.source, event.topic)} The replay is recorded in Activity.`;
}

// Webhook history filters <-> query string and API path. Pure.
import type { WebhookEventStatus } from '../../../../server/api/contract.js';
import { WEBHOOK_STATUSES } from '../../lib/badges.js';
import { dateRangeToIso } from '../../lib/dates.js';
import { apiPath, dateField, enumField, textField, type FieldSpecs, type ListState } from '../../lib/listQuery.js';

export interface WebhookFilters {
  topic: string;
  status: WebhookEventStatus | '';
  /** Local calendar days "YYYY-MM-DD". */
  from: string;
  to: string;
}

/** URL: /webhooks?topic=store/order/created&status=failed&from=2026-03-01&to=2026-03-07&page=2 */
export const WEBHOOK_FILTER_SPECS: FieldSpecs<WebhookFilters> = {
  topic: textField(200),
  status: enumField(WEBHOOK_STATUSES),
  from: dateField(),
  to: dateField(),
};

/** from/to become ISO instants: start of the first local day, end of the last one. */
export function webhookEventsApiPath({ page, limit, filters }: ListState<WebhookFilters>): string {
  const { from, to } = dateRangeToIso(filters);
  return apiPath('/api/webhook-events', { page, limit, topic: filters.topic, status: filters.status, from, to });
}

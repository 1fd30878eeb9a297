// Sync log filters <-> query string and API path. Pure.
import { LOG_LEVELS, type LogLevel } from '../../lib/badges.js';
import { dateRangeToIso } from '../../lib/dates.js';
import { apiPath, dateField, enumField, idField, type FieldSpecs, type ListState } from '../../lib/listQuery.js';

export interface ActivityFilters {
  level: LogLevel | '';
  orderId: string;
  from: string;
  to: string;
}

/** URL: /activity?level=error&orderId=1042&from=2026-03-01&to=2026-03-07&page=2 */
export const ACTIVITY_FILTER_SPECS: FieldSpecs<ActivityFilters> = {
  level: enumField(LOG_LEVELS),
  orderId: idField(),
  from: dateField(),
  to: dateField(),
};

export function activityApiPath({ page, limit, filters }: ListState<ActivityFilters>): string {
  const { from, to } = dateRangeToIso(filters);
  return apiPath('/api/activity', { page, limit, level: filters.level, orderId: filters.orderId, from, to });
}

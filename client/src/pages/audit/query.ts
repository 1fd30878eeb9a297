// Audit log filters <-> query string and API path. Pure.
import { dateRangeToIso } from '../../lib/dates.js';
import { apiPath, dateField, idField, type FieldSpec, type FieldSpecs, type ListState } from '../../lib/listQuery.js';

export const AUDIT_PATH = '/audit';

export interface AuditFilters {
  /** A recorded action name ("settings.notifications"), '' for all. */
  action: string;
  /** The person's BigCommerce user id, digits only; '' for everyone. */
  userId: string;
  /** Local calendar days "YYYY-MM-DD". */
  from: string;
  to: string;
}

/** Action names as the server records them: a hand-edited URL with anything else is ignored. */
function actionField(): FieldSpec<string> {
  return { empty: '', parse: (raw) => (/^[a-z0-9_.-]{1,64}$/i.test(raw.trim()) ? raw.trim() : undefined), format: (value) => value };
}

/** URL: /audit?action=order.retry&userId=22&from=2026-03-01&to=2026-03-07&page=2 */
export const AUDIT_FILTER_SPECS: FieldSpecs<AuditFilters> = {
  action: actionField(),
  userId: idField(),
  from: dateField(),
  to: dateField(),
};

/** from/to become ISO instants: start of the first local day, end of the last one. */
export function auditApiPath({ page, limit, filters }: ListState<AuditFilters>): string {
  const { from, to } = dateRangeToIso(filters);
  return apiPath('/api/audit', { page, limit, action: filters.action, userId: filters.userId, from, to });
}

/** The Audit log of one action (links from elsewhere in the app). */
export const auditPathFor = (action: string): string => `${AUDIT_PATH}?action=${encodeURIComponent(action)}`;

// The dry run in the UI: an order number as typed, the request (saved rules, or drafts tried in
// their place), and the outcome in words. Pure, apart from `requestPreview` which takes the API client.
import type { OrderPreviewResponse, OrderRule, OrderRuleInput } from '../../../../server/api/contract.js';
import type { ApiClient } from '../../api/http.js';

export const PREVIEW_PARAM = 'previewOrder';
export const PREVIEW_ANCHOR = 'preview';

/** "#1042", " 1042 " → 1042; anything else says what to type. */
export function parseOrderNumber(text: string): { ok: true; orderId: number } | { ok: false; message: string } {
  const cleaned = text.trim().replace(/^#/, '').trim();
  if (cleaned === '') return { ok: false, message: 'Enter a BigCommerce order number, e.g. 1042.' };
  if (!/^\d{1,15}$/.test(cleaned) || Number(cleaned) <= 0) return { ok: false, message: `“${text.trim()}” is not an order number: use the number BigCommerce shows, e.g. 1042.` };
  return { ok: true, orderId: Number(cleaned) };
}

/** Where the order page's "Preview what would be sent" leads: Settings › Orders and rules, at the dry run. */
export const previewHref = (orderId: number): string => `/settings/orders?${PREVIEW_PARAM}=${orderId}#${PREVIEW_ANCHOR}`;

/** The order number a link asked to preview, or null. */
export function previewOrderParam(search: string): number | null {
  const raw = new URLSearchParams(search).get(PREVIEW_PARAM);
  if (raw === null) return null;
  const parsed = parseOrderNumber(raw);
  return parsed.ok ? parsed.orderId : null;
}

export type DraftRule = OrderRuleInput & { id?: number };

/**
 * The rules as they would be if the draft were saved: the saved ones in their order, the edited
 * one replaced by the draft (a new rule goes last, as saving puts it).
 */
export function rulesWithDraft(saved: readonly OrderRule[], editingId: number | null, draft: OrderRuleInput): DraftRule[] {
  const asInput = (r: OrderRule): DraftRule => ({ id: r.id, name: r.name, action: r.action, enabled: r.enabled, conditions: r.conditions });
  const ordered = [...saved].sort((a, b) => a.position - b.position);
  const out = ordered.map((r) => (r.id === editingId ? { ...draft, id: r.id } : asInput(r)));
  if (editingId === null) out.push({ ...draft });
  return out;
}

export function requestPreview(api: Pick<ApiClient, 'post'>, orderId: number, rules?: DraftRule[]): Promise<OrderPreviewResponse> {
  return api.post<OrderPreviewResponse>(`/api/orders/${orderId}/preview`, rules ? { rules } : {});
}

export interface PreviewSummary {
  tone: 'success' | 'warning' | 'error' | 'info';
  header: string;
  text: string;
}

/** The outcome as a sentence: would be sent / held by rule X / skipped / cannot be sent because … */
export function previewSummary(p: OrderPreviewResponse): PreviewSummary {
  const order = `Order #${p.orderId}`;
  const reason = p.reason?.trim() || null;
  const ruleName = p.rule?.name;
  switch (p.outcome) {
    case 'send':
      return {
        tone: 'success',
        header: `${order} would be sent`,
        text: p.connected
          ? 'Nothing was sent: below is exactly the body Fulfillment Bridge would send to your warehouse now.'
          : 'Nothing was sent: below is exactly the body your warehouse will receive once it is connected.',
      };
    case 'held':
      return {
        tone: 'warning',
        header: ruleName ? `${order} would be held by rule “${ruleName}”` : `${order} would be held by a rule`,
        text: reason ?? 'It would wait until you release it or change the rule.',
      };
    case 'skipped':
      return {
        tone: 'info',
        header: ruleName ? `${order} would be skipped by rule “${ruleName}”` : `${order} would be skipped by a rule`,
        text: reason ?? 'It would never be sent to your warehouse.',
      };
    case 'cannot_send':
      return { tone: 'error', header: `${order} cannot be sent yet`, text: reason ? `Because: ${reason}` : 'Something must be fixed first; the order page says what.' };
    case 'already_sent':
      return { tone: 'info', header: `${order} was already sent`, text: reason ?? 'Below is the body that was sent.' };
    case 'not_in_import_status':
      return { tone: 'info', header: `${order} is not ready to send`, text: reason ?? 'It is sent once it reaches the order import status.' };
    case 'cancelled':
      return { tone: 'info', header: `${order} is cancelled`, text: reason ?? 'Cancelled orders are not sent.' };
    default:
      return { tone: 'info', header: order, text: reason ?? '' };
  }
}

/** Heading over the body: what it is, or why there is none. */
export function bodyCaption(p: OrderPreviewResponse): string {
  if (p.body === null || p.body === undefined) return 'No body: the order would not be sent as it is.';
  if (p.outcome === 'already_sent') return 'The body that was sent';
  if (p.outcome === 'send') return 'The body that would be sent (POST /v1/orders)';
  return 'The body it would be sent with once nothing stops it';
}

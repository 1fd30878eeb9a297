// How the order page presents a held order's remedy: what is wrong, what fixes it (one click
// away), and whether Retry can help. Pure.
import type { AttentionCode, OrderDetail } from '../../../../server/api/contract.js';
import { isAttentionState } from '../../lib/badges.js';

export interface RemedyPresentation {
  /** Message colour: amber for something to fix, red once out of retries. */
  tone: 'warning' | 'error';
  header: string;
  message: string;
  /** The method, SKU or product concerned. */
  subject: string | null;
  /** An in-app path only (never a link elsewhere). */
  action: { label: string; path: string } | null;
  retry: boolean;
  /** "Once this is fixed, use Retry…" when the server sent no remedy of its own (its messages say it). */
  afterFix: string | null;
}

const HEADERS: Record<AttentionCode, string> = {
  unmapped_shipping_method: 'Shipping method not mapped',
  unmapped_sku: 'SKU not mapped',
  missing_sku: 'A product has no SKU',
  backend_not_connected: 'Warehouse not connected',
  warehouse_rejected: 'Rejected by your warehouse',
  warehouse_conflict: 'Your warehouse reported a conflict',
  warehouse_refused_key: 'Your warehouse refused the API key',
  out_of_retries: 'Sending failed',
  held_by_rule: 'Held by an order rule',
  other: 'Needs attention',
};

/** "/settings?mapMethod=…" yes; "https://…", "//host" or "javascript:" no. */
export function inAppPath(path: string | null | undefined): string | null {
  if (typeof path !== 'string') return null;
  const trimmed = path.trim();
  return trimmed.startsWith('/') && !trimmed.startsWith('//') && !trimmed.startsWith('/\\') ? trimmed : null;
}

function headerOf(code: string | null, state: string): string {
  if (code && Object.prototype.hasOwnProperty.call(HEADERS, code)) return HEADERS[code as AttentionCode];
  if (state === 'rejected') return HEADERS.warehouse_rejected;
  if (state === 'failed') return HEADERS.out_of_retries;
  return HEADERS.other;
}

type RemedyFields = Pick<OrderDetail, 'state' | 'remedy' | 'attentionReason' | 'lastError' | 'canRetry'>;

/** The remedy box for needs attention, rejected and failed orders; null for every other state. */
export function remedyView(order: RemedyFields): RemedyPresentation | null {
  if (!isAttentionState(order.state)) return null;
  const remedy = order.remedy;
  const code = remedy?.code ?? null;
  const retry = order.canRetry === true;
  const action = remedy?.action ? inAppPath(remedy.action.path) : null;
  const message =
    remedy?.message?.trim() ||
    order.attentionReason?.trim() ||
    order.lastError?.trim() ||
    (order.state === 'failed'
      ? 'Every attempt to send this order failed.'
      : 'This order is held until the problem is fixed. Open Activity for the details.');
  return {
    tone: order.state === 'failed' ? 'error' : 'warning',
    header: headerOf(code, order.state),
    message,
    subject: remedy?.subject?.trim() || null,
    action: action && remedy?.action ? { label: remedy.action.label, path: action } : null,
    retry,
    afterFix: !remedy && retry ? 'Once this is fixed, use Retry to send the order again.' : null,
  };
}

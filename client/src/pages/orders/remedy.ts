// How the order page presents a held order's remedy: what is wrong, what fixes it (one click
// away), and whether Retry can help; for an order an order rule holds or skips, which rule, with
// Release and the dry run one click away. Pure.
import type { AttentionCode, OrderDetail } from '../../../../server/api/contract.js';
import { isAttentionState } from '../../lib/badges.js';
import { previewHref } from '../rules/preview.js';

export interface RemedyPresentation {
  /** Message colour: amber for something to fix, red once out of retries, blue for a skipped order. */
  tone: 'warning' | 'error' | 'info';
  header: string;
  message: string;
  /** The method, SKU or product concerned. */
  subject: string | null;
  /** An in-app path only (never a link elsewhere). */
  action: { label: string; path: string } | null;
  retry: boolean;
  /** "Once this is fixed, use Retry…" when the server sent no remedy of its own (its messages say it). */
  afterFix: string | null;
  /** Offer Release: an order rule holds it (POST /api/orders/:orderId/release). */
  release?: true;
  /** The dry run for this order ("Preview what would be sent"), while it is not sent yet. */
  preview?: string;
}

/** Settings › Orders and rules, at the rules list (the server's remedy links there too). */
export const RULES_PATH = '/settings/orders#rules';

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

type RemedyFields = Pick<OrderDetail, 'state' | 'remedy' | 'attentionReason' | 'lastError' | 'canRetry'> & Partial<Pick<OrderDetail, 'orderId' | 'backendOrderId'>>;

/** "Held by rule “International”", from the remedy's subject (the rule's name). */
function ruleHeader(verb: 'Held' | 'Skipped', rule: string | null): string {
  return rule ? `${verb} by rule “${rule}”` : `${verb} by an order rule`;
}

/** A skipped order: no remedy (nothing to fix), but which rule and why, and where to change it. */
function skippedView(order: RemedyFields): RemedyPresentation {
  const rule = order.remedy?.subject?.trim() || null;
  return {
    tone: 'info',
    header: ruleHeader('Skipped', rule),
    message:
      order.remedy?.message?.trim() || order.attentionReason?.trim() || 'An order rule says this order is not for your warehouse: it is never sent. Change the rule to send it.',
    subject: null,
    action: { label: 'Review order rules', path: RULES_PATH },
    retry: false,
    afterFix: null,
  };
}

const notSent = (order: RemedyFields): boolean => typeof order.orderId === 'number' && !order.backendOrderId;

/** The remedy box for needs attention, held, skipped, rejected and failed orders; null for every other state. */
export function remedyView(order: RemedyFields): RemedyPresentation | null {
  const preview = notSent(order) ? { preview: previewHref(order.orderId as number) } : {};
  if (order.state === 'skipped') return { ...skippedView(order), ...preview };
  if (!isAttentionState(order.state) && order.state !== 'held') return null;
  const remedy = order.remedy;
  const code = remedy?.code ?? null;
  const retry = order.canRetry === true;
  const action = remedy?.action ? inAppPath(remedy.action.path) : null;
  const byRule = code === 'held_by_rule' || order.state === 'held';
  const message =
    remedy?.message?.trim() ||
    order.attentionReason?.trim() ||
    order.lastError?.trim() ||
    (order.state === 'failed'
      ? 'Every attempt to send this order failed.'
      : byRule
        ? 'An order rule holds it. Release it to send it now, or change the rule.'
        : 'This order is held until the problem is fixed. Open Activity for the details.');
  // Release where the server offers it; an older answer without canRelease: whenever it is held.
  const release = order.state === 'held' && (remedy?.canRelease ?? true);
  return {
    ...preview,
    ...(release ? { release: true as const } : {}),
    tone: order.state === 'failed' ? 'error' : 'warning',
    header: byRule ? ruleHeader('Held', remedy?.subject?.trim() || null) : headerOf(code, order.state),
    message,
    // A rule's name is in the header already.
    subject: byRule ? null : remedy?.subject?.trim() || null,
    action: action && remedy?.action ? { label: remedy.action.label, path: action } : null,
    retry,
    afterFix: !remedy && retry ? 'Once this is fixed, use Retry to send the order again.' : null,
  };
}

/** After Release: what happens now, and that the rule will not hold this order again. */
export function releasedText(orderId: number, rule: string | null): string {
  const which = rule ? `rule “${rule}”` : 'the rule';
  return `Order #${orderId} is on its way to your warehouse; ${which} won’t hold it again.`;
}

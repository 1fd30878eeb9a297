// What fixes a held order (issue 8 point 4): each attention code carries its remedy, the thing it
// names (a method, a SKU, a product) and the page that fixes it, and says whether Retry can help.
// Held for something fixed inside the app (a mapping, the warehouse connection), the order goes
// out by itself once the fix is saved (requeue-held.ts), so Retry is not offered there.
import type { AttentionCode, OrderRemedy } from '../../domain/order-state.js';
import { methodLabel } from '../../../shared/mapping-keys.js';
import { isAttentionState } from '../../storage/orders-repo.js';
import type { OrderRow } from '../../storage/orders-repo.js';

type RemedyInput = Pick<OrderRow, 'state' | 'attentionCode' | 'attentionSubject' | 'attentionReason' | 'lastError' | 'attempts' | 'backendOrderId'>;

/** Settings deep links the client opens with the field filled in (client/src/pages/settings). */
export const mapMethodPath = (method: string) => `/settings/shipping?mapMethod=${encodeURIComponent(method)}#shipping-mappings`;
export const mapSkuPath = (sku: string) => `/settings/mappings?mapSku=${encodeURIComponent(sku)}#sku-mappings`;
export const BACKEND_SETTINGS_PATH = '/settings/connection#backend';
/** Settings › Orders and rules, at the rules list. */
export const RULES_PATH = '/settings/orders#rules';

/** Rows from before codes were stored: the code read back from the reason's words. */
function legacyCode(o: RemedyInput): { code: AttentionCode; subject: string | null } {
  const reason = o.attentionReason ?? '';
  const method = /^Shipping method "(.*)" has no mapping/.exec(reason);
  if (method) return { code: 'unmapped_shipping_method', subject: method[1] ?? '' };
  if (reason.startsWith('Connect your fulfillment backend')) return { code: 'backend_not_connected', subject: null };
  if (reason.startsWith('The warehouse rejected the order')) return { code: 'warehouse_rejected', subject: null };
  if (o.state === 'failed') return { code: 'out_of_retries', subject: null };
  return { code: 'other', subject: null };
}

/** The remedy of an order that needs the merchant (needs_attention, rejected, failed, held); null otherwise. */
export function remedyOf(o: RemedyInput): OrderRemedy | null {
  if (!isAttentionState(o.state)) return null;
  const { code, subject } = o.attentionCode ? { code: o.attentionCode, subject: o.attentionSubject } : legacyCode(o);
  const reason = o.attentionReason ?? o.lastError ?? null;
  switch (code) {
    case 'unmapped_shipping_method': {
      const method = subject ?? '';
      return {
        code,
        subject: methodLabel(method),
        message: `Shipping method "${methodLabel(method)}" has no warehouse method. Map it in Settings: the order is sent by itself as soon as it is mapped.`,
        action: { label: `Map "${methodLabel(method)}"`, path: mapMethodPath(method) },
        canRetry: false,
      };
    }
    case 'unmapped_sku': {
      const sku = subject ?? '';
      return {
        code,
        subject: sku || null,
        // Said by the warehouse: a SKU mapping fixes it (the order is then sent by itself), and so
        // may stocking the SKU at the warehouse, which only a Retry picks up.
        message: `${reason ?? `The warehouse does not know SKU "${sku}".`} Map the SKU to the warehouse's SKU (the order is then sent by itself), or stock it at the warehouse and retry.`,
        action: sku ? { label: `Map SKU "${sku}"`, path: mapSkuPath(sku) } : null,
        canRetry: true,
      };
    }
    case 'held_by_rule': {
      // The merchant's own decision, not a fault: Release sends it (that rule does not hold it
      // again), and changing the rule checks every order it holds again. Retry would only hold it again.
      const rule = subject ? `"${subject}"` : 'that matched it';
      return {
        code,
        subject,
        message: `Held by the order rule ${rule}. Release it to send it now (that rule does not hold it again), or change the rule: the orders it holds are then checked again.`,
        action: { label: 'Review order rules', path: RULES_PATH },
        canRetry: false,
        canRelease: o.state === 'held',
      };
    }
    case 'missing_sku':
      return {
        code,
        subject,
        message: `${subject ? `"${subject}"` : 'A product in this order'} has no SKU, so the warehouse cannot tell what to ship. Give the product a SKU in BigCommerce, then retry the order.`,
        action: null,
        canRetry: true,
      };
    case 'backend_not_connected':
      return {
        code,
        subject: null,
        message: 'No warehouse is connected. Connect it in Settings: the order is sent by itself as soon as it is connected.',
        action: { label: 'Connect the warehouse', path: BACKEND_SETTINGS_PATH },
        canRetry: false,
      };
    case 'warehouse_rejected':
      if (o.backendOrderId) {
        // Rejected by event after the warehouse had it: sending it again is not possible (its
        // Idempotency-Key names that order), the merchant settles it with the warehouse.
        return {
          code,
          subject,
          message: `${reason ?? 'The warehouse rejected this order.'} It will not ship from the warehouse: sort it out with the warehouse, or cancel or refund the order in BigCommerce.`,
          action: null,
          canRetry: false,
        };
      }
      return {
        code,
        subject,
        message: `${reason ?? 'The warehouse rejected the order.'} Correct the order in BigCommerce or at the warehouse, then retry.`,
        action: null,
        canRetry: true,
      };
    case 'warehouse_conflict':
      return {
        code,
        subject: null,
        message:
          'The warehouse already has this order (an earlier attempt reached it) but with different contents, so the app can neither complete nor change it. Check the order at the warehouse and correct it there.',
        action: null,
        canRetry: false,
      };
    case 'warehouse_refused_key':
      return {
        code,
        subject: null,
        message: `The warehouse refused the app's account id or API key${reason ? ` (${reason})` : ''}. Check the connection in Settings: saving it sends the held orders again. If the key was re-enabled at the warehouse, retry.`,
        action: { label: 'Check the warehouse connection', path: BACKEND_SETTINGS_PATH },
        canRetry: true,
      };
    case 'out_of_retries':
      return {
        code,
        subject: null,
        message: `The app gave up after ${o.attempts === 1 ? '1 attempt' : `${o.attempts} attempts`}${reason ? `: ${reason}` : '.'} Retry once the cause is fixed.`,
        action: null,
        canRetry: true,
      };
    case 'other':
      return { code, subject, message: reason ?? 'The order could not be sent.', action: null, canRetry: true };
  }
}

/** Whether Retry can help this order (OrderDetail.canRetry, bulk Retry). */
export function retryHelps(o: RemedyInput): boolean {
  return remedyOf(o)?.canRetry ?? false;
}

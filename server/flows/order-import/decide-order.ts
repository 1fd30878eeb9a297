// What the import does with an order it just read, as one decision shared by the sync
// (sync-order.ts, which then acts on it) and the dry run (preview-order.ts, which only shows it):
// the cancellation statuses, the Orders flow, the import status, the order rules, the mappings
// with the fallback shipping method, and the body. Nothing here writes or sends; the rules, the
// customer group and the mappings come through the context, so the dry run can try draft rules
// and read without filling caches.
import type { AttentionCode } from '../../domain/order-state.js';
import { BigCommerceApiError, type BcOrder } from '../../bigcommerce/index.js';
import type { FulfillmentOrderInput } from '../../fulfillment/index.js';
import { methodLabel } from '../../../shared/mapping-keys.js';
import type { OrderRow } from '../../storage/orders-repo.js';
import type { Collaborators } from '../../collaborators.js';
import type { StoreSettings } from '../../storage/settings-repo.js';
import { evaluateRules, rulesNeedCustomerGroup, type EvaluableRule, type RuleMatch } from '../rules/evaluate.js';
import { orderFactsOf } from '../rules/order-facts.js';
import { buildFulfillmentOrder, mappingKeys, type Mappings } from './build-order.js';
import { frozenBody } from './send-order.js';

export const NOT_CONNECTED_REASON = 'Connect your fulfillment backend in Settings; the order is sent as soon as it is connected.';

export const CUSTOMER_GROUP_REFUSED =
  'The order rules look at the customer group, and BigCommerce refused to give it: the app needs the Customers (read-only) permission. Ask the store owner to reinstall the app to grant it, or remove the customer group condition.';

export interface DecisionContext {
  storeHash: string;
  order: BcOrder;
  /** The order as the app knows it (undefined: never seen). */
  known: Pick<OrderRow, 'sendBody' | 'sendStartedAt' | 'releasedRuleId'> | undefined;
  settings: Pick<StoreSettings, 'cancellationStatusIds' | 'flows' | 'importStatusId'>;
  /** The rules by position: the saved ones, or the dry run's drafts. */
  rules(): Promise<EvaluableRule[]>;
  /** The customer's group id as text (customer-group.ts); may throw a BigCommerce error. */
  customerGroup(customerId: number): Promise<string | null>;
  /** The saved SKU and shipping method mappings for the order's keys. */
  mappings(order: BcOrder): Promise<Mappings>;
  fallbackCode(): Promise<string | null>;
}

export type Decision =
  | { kind: 'cancelled' }
  | { kind: 'flow_off' }
  | { kind: 'not_in_import_status' }
  | { kind: 'rule'; rule: RuleMatch }
  /** A rule needs the customer group and BigCommerce refuses to give it. */
  | { kind: 'rules_unreadable'; reason: string }
  | { kind: 'cannot_build'; reason: string; code: AttentionCode; subject: string | null }
  /** `frozen`: an earlier attempt's body, resent unchanged. `fallback`: methods sent with the fallback code. */
  | { kind: 'send'; body: FulfillmentOrderInput; frozen: boolean; fallback: Array<{ method: string; code: string }> };

export interface DecisionResult {
  decision: Decision;
  /** The mappings used (fallback included), for the order page's lines; null when none were looked up. */
  mappings: Mappings | null;
  /** The body an earlier attempt froze, if any. */
  frozen: FulfillmentOrderInput | null;
}

/** The saved SKU and shipping method mappings for the order's keys (no fallback). */
export async function savedMappings(s: Pick<Collaborators, 'mappings'>, storeHash: string, order: BcOrder): Promise<Mappings> {
  const { skus, methods } = mappingKeys(order);
  const shipping = new Map<string, string>();
  for (const m of methods) {
    const code = await s.mappings.shippingCode(storeHash, m);
    if (code) shipping.set(m, code);
  }
  return { sku: await s.mappings.skuMap(storeHash, skus), shipping };
}

/** Mappings with the fallback code for every method of the order that has none. */
export function withFallback(m: Mappings, methods: readonly string[], fallback: string | null): { mappings: Mappings; used: Array<{ method: string; code: string }> } {
  if (!fallback) return { mappings: m, used: [] };
  const shipping = new Map(m.shipping);
  const used: Array<{ method: string; code: string }> = [];
  for (const method of methods) {
    if (shipping.has(method)) continue;
    shipping.set(method, fallback);
    used.push({ method, code: fallback });
  }
  return { mappings: { ...m, shipping }, used };
}

/** The timeline line of a method sent with the fallback code (sync), and the dry run's note. */
export const fallbackSentMessage = (u: { method: string; code: string }) => `Shipping method "${methodLabel(u.method)}" has no mapping: sent with the fallback "${u.code}".`;
export const fallbackNote = (u: { method: string; code: string }) => `Shipping method "${methodLabel(u.method)}" has no mapping: the fallback "${u.code}" is used.`;

/**
 * The rule that decides this order, if any (the same evaluation for the sync and the dry run);
 * 'rules_unreadable' when a rule needs the customer group and BigCommerce refuses it. A passing
 * BigCommerce failure is thrown (the sync retries).
 */
export async function ruleFor(ctx: Pick<DecisionContext, 'order' | 'known' | 'rules' | 'customerGroup'>): Promise<Decision | null> {
  const rules = await ctx.rules();
  const released = ctx.known?.releasedRuleId ?? null;
  const facts = orderFactsOf(ctx.order);
  if (rulesNeedCustomerGroup(rules, released)) {
    try {
      facts.customerGroup = await ctx.customerGroup(facts.customerId);
    } catch (err) {
      // 403: the token lacks the Customers scope (a 401 is the token itself: the job's errors handle it).
      if (err instanceof BigCommerceApiError && err.status === 403) return { kind: 'rules_unreadable', reason: CUSTOMER_GROUP_REFUSED };
      throw err;
    }
  }
  const match = evaluateRules(rules, facts, released);
  return match ? { kind: 'rule', rule: match } : null;
}

export async function decideOrder(ctx: DecisionContext): Promise<DecisionResult> {
  const { order, settings, known } = ctx;
  const frozen = known ? frozenBody(known) : null;
  const none = (decision: Decision): DecisionResult => ({ decision, mappings: null, frozen });
  if (settings.cancellationStatusIds.includes(order.status_id)) return none({ kind: 'cancelled' });
  if (!settings.flows.orders) return none({ kind: 'flow_off' });
  if (order.status_id !== settings.importStatusId) return none({ kind: 'not_in_import_status' });
  // Once a create may have reached the warehouse, its body is frozen and resent unchanged: rules
  // decide only before the first attempt.
  if (frozen) return none({ kind: 'send', body: frozen, frozen: true, fallback: [] });

  const { methods } = mappingKeys(order);
  const { mappings, used } = withFallback(await ctx.mappings(order), methods, await ctx.fallbackCode());
  const result = (decision: Decision): DecisionResult => ({ decision, mappings, frozen });
  if (known?.sendStartedAt == null) {
    const ruled = await ruleFor(ctx);
    if (ruled) return result(ruled);
  }
  const built = buildFulfillmentOrder(ctx.storeHash, order, mappings);
  if (!built.ok) return result({ kind: 'cannot_build', reason: built.reason, code: built.code, subject: built.subject });
  return result({ kind: 'send', body: built.input, frozen: false, fallback: used });
}

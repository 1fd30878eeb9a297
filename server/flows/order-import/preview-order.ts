// The dry run (issue 9 point 2): for any BigCommerce order number, what the import would do now
// (decide-order.ts, the very decision the sync acts on) without writing or sending anything:
// the body POST /v1/orders would carry, or why it would not be sent. One BigCommerce read; no
// warehouse call (a warehouse need not be connected); draft rules can stand in for the saved ones.
import { BigCommerceApiError, getOrderWithConsignments, type BcOrder } from '../../bigcommerce/index.js';
import { AppError, NotFoundError } from '../../errors.js';
import type { OrderPreview } from '../../domain/order-preview.js';
import type { Collaborators } from '../../collaborators.js';
import { RulesRepo } from '../../storage/rules-repo.js';
import { customerGroupOf } from '../rules/customer-group.js';
import type { EvaluableRule } from '../rules/evaluate.js';
import { labelOf, statusLabel } from '../status-label.js';
import { decideOrder, fallbackNote, NOT_CONNECTED_REASON, ruleFor, savedMappings, type DecisionContext } from './decide-order.js';

type Deps = Pick<Collaborators, 'db' | 'clock' | 'orders' | 'settings' | 'mappings' | 'orderStatuses' | 'bigcommerce' | 'fulfillment'>;

const ruleWords = (r: { name: string; action: 'hold' | 'skip' }) =>
  r.action === 'hold' ? `Held by rule "${r.name}": it waits until someone releases it or the rule changes.` : `Skipped by rule "${r.name}": it is never sent to the warehouse.`;

export async function previewOrder(s: Deps, storeHash: string, orderId: number, drafts?: EvaluableRule[]): Promise<OrderPreview> {
  const known = await s.orders.get(storeHash, orderId);
  // Reading the settings row never changes it once the store is installed (the session says it is).
  const settings = await s.settings.get(storeHash, s.clock.now());
  const connected = (await s.fulfillment.forStore(storeHash)) !== undefined;
  const base = { orderId, connected, rule: null, notes: [] as string[] };

  if (known?.backendOrderId) {
    return {
      ...base,
      outcome: 'already_sent',
      reason: `Already at the warehouse (${known.backendOrderId}): this is the body that was sent. Rules apply only to orders not sent yet.`,
      body: known.payloadSent,
    };
  }

  const client = await s.bigcommerce.forStore(storeHash);
  if (!client) throw new AppError(409, 'not_installed', 'The app is not installed on this store.');
  let order: BcOrder;
  try {
    order = await getOrderWithConsignments(client, orderId);
  } catch (err) {
    if (err instanceof BigCommerceApiError && err.status === 404) throw new NotFoundError(`BigCommerce has no order #${orderId}. Check the order number.`);
    throw new AppError(502, 'bigcommerce_unavailable', 'BigCommerce did not answer just now. Try again in a moment.');
  }

  const rules = new RulesRepo(s.db);
  const ctx: DecisionContext = {
    storeHash,
    order,
    known,
    settings,
    rules: async () => drafts ?? (await rules.forEvaluation(storeHash, s.clock.now(), false)),
    customerGroup: (customerId) => customerGroupOf(s, client, customerId, false),
    mappings: (o) => savedMappings(s, storeHash, o),
    fallbackCode: () => rules.fallbackCode(storeHash),
  };
  let decided: Awaited<ReturnType<typeof decideOrder>>;
  try {
    decided = await decideOrder(ctx);
  } catch {
    throw new AppError(502, 'bigcommerce_unavailable', "BigCommerce did not give the customer's group just now. Try again in a moment.");
  }
  const { decision, frozen } = decided;
  const status = labelOf(order) ?? (await statusLabel(s, storeHash, order.status_id));
  if (drafts) base.notes.push(`Tried with ${drafts.length === 1 ? '1 draft rule' : `${drafts.length} draft rules`} instead of the saved ones.`);

  switch (decision.kind) {
    case 'cancelled':
      return { ...base, outcome: 'cancelled', reason: `Status is "${status}", one of the cancellation statuses: it is not sent.`, body: frozen };
    case 'flow_off':
      return { ...base, outcome: 'cannot_send', reason: 'The Orders flow is off: turn it on in Settings to send orders to the warehouse.', body: frozen };
    case 'not_in_import_status': {
      const wanted = await statusLabel(s, storeHash, settings.importStatusId);
      // What the rules would say once it is in the import status: the same evaluation the sync makes.
      const would = frozen ? null : await ruleFor(ctx).catch(() => null);
      if (would?.kind === 'rule') base.notes.push(`Once in the import status, rule "${would.rule.name}" would ${would.rule.action} it.`);
      return { ...base, outcome: 'not_in_import_status', reason: `Status is "${status}", not the import status "${wanted}": it is sent once it reaches it.`, body: frozen };
    }
    case 'rule':
      return { ...base, outcome: decision.rule.action === 'hold' ? 'held' : 'skipped', reason: ruleWords(decision.rule), rule: { ...decision.rule }, body: null };
    case 'rules_unreadable':
    case 'cannot_build':
      return { ...base, outcome: 'cannot_send', reason: decision.reason, body: null };
    case 'send': {
      if (decision.frozen) base.notes.push('An earlier attempt may have reached the warehouse: this body is resent unchanged.');
      for (const u of decision.fallback) base.notes.push(fallbackNote(u));
      if (!connected) return { ...base, outcome: 'cannot_send', reason: NOT_CONNECTED_REASON, body: decision.body };
      return { ...base, outcome: 'send', reason: null, body: decision.body };
    }
  }
}

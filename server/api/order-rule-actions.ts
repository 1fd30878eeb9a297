import { Router } from 'express';
import { AppError, NotFoundError } from '../errors.js';
import { previewOrder } from '../flows/order-import/preview-order.js';
import { requeueOrderSyncs } from '../flows/order-import/requeue-syncs.js';
import type { Collaborators } from '../collaborators.js';
import { actorOf } from '../sessions/require-manager.js';
import { sessionOf } from '../sessions/require-session.js';
import { RuleOrdersRepo } from '../storage/rule-orders-repo.js';
import { orderDetail } from './order-detail.js';
import { ORDER_STATE_LABELS } from '../../shared/order-state-labels.js';
import { idParam, parseInput } from './paging.js';
import { previewInput } from './inputs/rules.js';

// The two order actions that go with order rules, open to every member (like Retry):
// POST /api/orders/:orderId/release sends an order a rule holds (that rule does not hold it
// again; audited), and POST /api/orders/:orderId/preview is the dry run (nothing written or sent).

export type OrderRuleActionRoutesDeps = Pick<
  Collaborators,
  'audit' | 'bigcommerce' | 'clock' | 'db' | 'fulfillment' | 'jobs' | 'mappings' | 'orderStatuses' | 'orders' | 'settings' | 'shipments' | 'syncLog'
>;

export function orderRuleActionRoutes(s: OrderRuleActionRoutesDeps): Router {
  const r = Router();

  r.post('/orders/:orderId/release', async (req, res) => {
    const { storeHash } = sessionOf(res);
    const orderId = idParam(req.params.orderId, 'order id');
    const row = await s.orders.get(storeHash, orderId);
    if (!row) throw new NotFoundError(`Order #${orderId} has not been seen by the app.`);
    if (row.state !== 'held') {
      const why =
        row.state === 'skipped' ? `${row.attentionReason ?? 'An order rule skipped it.'} Change the rule to send it.` : `it is ${ORDER_STATE_LABELS[row.state].toLowerCase()}.`;
      throw new AppError(409, 'not_held', `Order #${orderId} is not held by a rule, so there is nothing to release: ${why}`);
    }
    const now = s.clock.now();
    if (!(await new RuleOrdersRepo(s.db).release(storeHash, orderId, now))) {
      throw new AppError(409, 'not_held', `Order #${orderId} is no longer held (released or checked again just now). Reload the order.`);
    }
    const { email } = actorOf(res);
    const rule = row.attentionSubject ?? 'the rule';
    await s.syncLog.append({ storeHash, orderId, flow: 'orders', message: `Released by ${email}: sending the order (rule "${rule}" does not hold it again).` }, now);
    await s.audit.record(
      { storeHash, actor: actorOf(res), action: 'order.release', subject: `Order #${orderId}`, before: { state: 'held', rule }, after: { state: 'queued' } },
      now,
    );
    await requeueOrderSyncs(s, storeHash, [orderId]);
    res.json(await orderDetail(s, storeHash, orderId));
  });

  r.post('/orders/:orderId/preview', async (req, res) => {
    const { storeHash } = sessionOf(res);
    const orderId = idParam(req.params.orderId, 'order number');
    const { rules } = parseInput(previewInput, req.body ?? {}, 'preview');
    const drafts = rules?.map((d) => ({ id: d.id ?? null, name: d.name, action: d.action, enabled: d.enabled, conditions: d.conditions }));
    res.json(await previewOrder(s, storeHash, orderId, drafts));
  });

  return r;
}

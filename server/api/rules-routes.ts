import { Router, type Response } from 'express';
import { AppError, NotFoundError } from '../errors.js';
import { requeueHeldOrders, requeueRuleOrders } from '../flows/order-import/requeue-held.js';
import type { Collaborators } from '../collaborators.js';
import { actorOf, requireManager } from '../sessions/require-manager.js';
import { sessionOf } from '../sessions/require-session.js';
import { RulesRepo, type RuleWrite, type StoredRule } from '../storage/rules-repo.js';
import type { FallbackShippingSettings, OrderRule, OrderRulesResponse } from './contract-rules.js';
import { idParam, parseInput } from './paging.js';
import { ruleInput, ruleOrderInput, ruleUpdateInput } from './inputs/rules.js';
import { fallbackInput } from './inputs/mappings.js';

// Order rules (GET /api/rules, POST, PUT /:id, DELETE /:id, POST /api/rules/order) and the
// fallback shipping method (GET/PUT /api/settings/fallback-shipping). Every member may look;
// changing needs canManage, and each change is in the audit log with before → after. A rule that
// changes (saved, turned off, deleted, moved) has the orders it held or skipped decided again.

export const STALE_RULE_MESSAGE = 'Changed by someone else since you opened it. Reload the rules to see their change, then make yours again.';

const subjectOf = (name: string) => `Rule "${name}"`;
const auditView = (r: Pick<StoredRule, 'name' | 'action' | 'enabled' | 'conditions' | 'position'>) => ({
  name: r.name,
  action: r.action,
  enabled: r.enabled,
  conditions: r.conditions,
  position: r.position,
});

function toApi(r: StoredRule, affected: Map<number, number>): OrderRule {
  const { updatedAtMs, ...rest } = r;
  return { ...rest, ordersAffected: affected.get(r.id) ?? 0, updatedAt: new Date(updatedAtMs).toISOString() };
}

export type RulesRoutesDeps = Pick<Collaborators, 'audit' | 'clock' | 'db' | 'fulfillment' | 'jobs' | 'mappings' | 'orders' | 'shipments' | 'syncLog'>;

export function rulesRoutes(s: RulesRoutesDeps): Router {
  const r = Router();
  const rules = new RulesRepo(s.db);
  const now = () => s.clock.now();

  const list = async (storeHash: string): Promise<OrderRulesResponse> => {
    const affected = await rules.ordersAffected(storeHash);
    return { items: (await rules.list(storeHash, now())).map((x) => toApi(x, affected)) };
  };
  const one = async (storeHash: string, rule: StoredRule) => toApi(rule, await rules.ordersAffected(storeHash));
  const audit = (res: Response, storeHash: string, action: string, subject: string, before: unknown, after: unknown) =>
    s.audit.record({ storeHash, actor: actorOf(res), action, subject, before, after }, now());
  const uniqueName = async (storeHash: string, name: string, exceptId?: number) => {
    if (await rules.named(storeHash, name, exceptId))
      throw new AppError(409, 'duplicate', `A rule named "${name}" already exists: give this one another name.`, { name: 'Already used by another rule' });
  };

  r.get('/rules', async (_req, res) => {
    res.json(await list(sessionOf(res).storeHash));
  });

  r.post('/rules', requireManager, async (req, res) => {
    const { storeHash } = sessionOf(res);
    const input: RuleWrite = parseInput(ruleInput, req.body ?? {}, 'rule');
    await uniqueName(storeHash, input.name);
    const created = await rules.create(storeHash, input, now());
    await audit(res, storeHash, 'rules.create', subjectOf(created.name), null, auditView(created));
    res.status(201).json(await one(storeHash, created));
  });

  r.put('/rules/:id', requireManager, async (req, res) => {
    const { storeHash } = sessionOf(res);
    const id = idParam(req.params.id, 'rule id');
    const { baseUpdatedAt, ...input } = parseInput(ruleUpdateInput, req.body ?? {}, 'rule');
    const current = await rules.get(storeHash, id);
    if (!current) throw new NotFoundError('No such rule: it may have been deleted. Reload the rules.');
    if (current.builtIn && (input.name !== current.name || input.action !== current.action || JSON.stringify(input.conditions) !== JSON.stringify(current.conditions))) {
      throw new AppError(409, 'built_in', `"${current.name}" is built in: it can be turned on or off, not changed. Add a rule of your own instead.`);
    }
    await uniqueName(storeHash, input.name, id);
    const saved = await rules.update(storeHash, id, input, Date.parse(baseUpdatedAt), now());
    if (saved === 'missing') throw new NotFoundError('No such rule: it may have been deleted. Reload the rules.');
    if (saved === 'stale') throw new AppError(409, 'stale', STALE_RULE_MESSAGE);
    await audit(res, storeHash, 'rules.update', subjectOf(saved.name), auditView(current), auditView(saved));
    const what = current.enabled && !saved.enabled ? 'turned off' : !current.enabled && saved.enabled ? 'turned on' : 'changed';
    await requeueRuleOrders(s, storeHash, [id], `Rule "${saved.name}" ${what}: checking the order again.`);
    res.json(await one(storeHash, saved));
  });

  r.delete('/rules/:id', requireManager, async (req, res) => {
    const { storeHash } = sessionOf(res);
    const id = idParam(req.params.id, 'rule id');
    const current = await rules.get(storeHash, id);
    if (!current) throw new NotFoundError('No such rule: it may have been deleted already. Reload the rules.');
    if (current.builtIn) throw new AppError(409, 'built_in', `"${current.name}" is built in: it cannot be deleted. Turn it off instead.`);
    await rules.delete(storeHash, id);
    await audit(res, storeHash, 'rules.delete', subjectOf(current.name), auditView(current), null);
    await requeueRuleOrders(s, storeHash, [id], `Rule "${current.name}" deleted: checking the order again.`);
    res.status(204).end();
  });

  r.post('/rules/order', requireManager, async (req, res) => {
    const { storeHash } = sessionOf(res);
    const { ids } = parseInput(ruleOrderInput, req.body ?? {}, 'order');
    const before = await rules.list(storeHash, now());
    const known = new Set(before.map((x) => x.id));
    if (new Set(ids).size !== ids.length || ids.length !== known.size || ids.some((id) => !known.has(id))) {
      throw new AppError(409, 'stale', 'The rules changed since you opened them (one was added or deleted). Reload the rules, then order them again.');
    }
    if (ids.some((id, i) => before[i]!.id !== id)) {
      await rules.reorder(storeHash, ids, now());
      const names = (list: readonly number[]) => list.map((id) => before.find((x) => x.id === id)!.name);
      await audit(res, storeHash, 'rules.reorder', 'Order rules', { order: names(before.map((x) => x.id)) }, { order: names(ids) });
      await requeueRuleOrders(s, storeHash, 'all', 'Order rules reordered: checking the order again.');
    }
    res.json(await list(storeHash));
  });

  r.get('/settings/fallback-shipping', async (_req, res) => {
    const out: FallbackShippingSettings = { backendCode: await rules.fallbackCode(sessionOf(res).storeHash) };
    res.json(out);
  });

  r.put('/settings/fallback-shipping', requireManager, async (req, res) => {
    const { storeHash } = sessionOf(res);
    const code = parseInput(fallbackInput, req.body ?? {}, 'fallback shipping method').backendCode || null;
    const before = await rules.fallbackCode(storeHash);
    if (code !== before) {
      await rules.setFallbackCode(storeHash, code, now());
      await audit(res, storeHash, 'settings.fallback_shipping', 'Fallback shipping method', { backendCode: before }, { backendCode: code });
      // Orders held for an unmapped method go out with it now.
      if (code) await requeueHeldOrders(s, storeHash);
    }
    const out: FallbackShippingSettings = { backendCode: code };
    res.json(out);
  });

  return r;
}

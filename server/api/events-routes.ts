import { Router } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../errors.js';
import type { Collaborators } from '../collaborators.js';
import { actorOf } from '../sessions/require-manager.js';
import { sessionOf } from '../sessions/require-session.js';
import { replayEvent } from '../webhooks/replay.js';
import type { ReplayResponse, TopicsResponse } from './contract.js';
import { idParam, isoInstant, paging, parseInput } from './paging.js';

const blank = (v: unknown) => (v === '' ? undefined : v);

const eventFilters = z.object({
  source: z.enum(['bigcommerce', 'fulfillment']).optional(),
  orderId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  topic: z.string().max(128).optional(),
  status: z.enum(['received', 'processed', 'ignored', 'duplicate', 'failed']).optional(),
  from: isoInstant,
  to: isoInstant,
});

const activityFilters = z.object({
  level: z.enum(['info', 'warn', 'error']).optional(),
  orderId: z.coerce.number().int().positive().optional(),
  from: isoInstant,
  to: isoInstant,
});

const pick = (q: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, blank(q[k])]));

export type HistoryRoutesDeps = Pick<Collaborators, 'audit' | 'clock' | 'db' | 'jobs' | 'settings' | 'syncLog' | 'webhookEvents'>;

/** Webhook history (both sources, with replay) and the sync log (Activity), server-paginated and filtered. */
export function historyRoutes(s: HistoryRoutesDeps): Router {
  const r = Router();

  r.get('/webhook-events/topics', async (_req, res) => {
    const out: TopicsResponse = { topics: await s.webhookEvents.topics(sessionOf(res).storeHash) };
    res.json(out);
  });

  r.get('/webhook-events', async (req, res) => {
    const { page, limit } = paging(req.query);
    const f = parseInput(eventFilters, pick(req.query, ['source', 'orderId', 'topic', 'status', 'from', 'to']), 'filter');
    res.json({ ...(await s.webhookEvents.list(sessionOf(res).storeHash, f, page, limit)), page, limit });
  });

  r.get('/webhook-events/:id', async (req, res) => {
    const e = await s.webhookEvents.get(sessionOf(res).storeHash, idParam(req.params.id));
    if (!e) throw new NotFoundError('No such webhook event.');
    res.json(e);
  });

  // Processes a stored event again (webhooks/replay.ts): refusals are 404/409/422 with the reason.
  // Open to every member (like Retry); a replay that went ahead is audited.
  r.post('/webhook-events/:id/replay', async (req, res) => {
    const { storeHash, email } = sessionOf(res);
    const out: ReplayResponse = await replayEvent(s, storeHash, idParam(req.params.id), email);
    const { event } = out;
    const about = event.orderId === null ? '' : `, order #${event.orderId}`;
    await s.audit.record(
      { storeHash, actor: actorOf(res), action: 'webhook.replay', subject: `Webhook event #${event.id} (${event.topic}${about})`, after: { result: out.message } },
      s.clock.now(),
    );
    res.json(out);
  });

  r.get('/activity', async (req, res) => {
    const { page, limit } = paging(req.query);
    const f = parseInput(activityFilters, pick(req.query, ['level', 'orderId', 'from', 'to']), 'filter');
    res.json({ ...(await s.syncLog.list(sessionOf(res).storeHash, f, page, limit)), page, limit });
  });

  return r;
}

import { Router } from 'express';
import { z } from 'zod';
import { AuditQuery } from '../audit/audit-query.js';
import { BadRequestError } from '../errors.js';
import type { Collaborators } from '../collaborators.js';
import { sessionOf } from '../sessions/require-session.js';
import type { AuditFiltersResponse, AuditListResponse } from './contract.js';
import { dateBound } from './inputs/dates.js';
import { paging, parseInput } from './paging.js';

const blank = (v: unknown) => (v === '' ? undefined : v);

const auditFilters = z.object({
  action: z
    .string()
    .trim()
    .max(64, 'must be at most 64 characters')
    .regex(/^[a-z0-9_.-]+$/i, 'must be an action name such as settings.notifications')
    .optional(),
  userId: z.coerce.number({ error: 'must be a person’s user id' }).int('must be a whole number').positive('must be positive').max(Number.MAX_SAFE_INTEGER).optional(),
  from: dateBound('start'),
  to: dateBound('end'),
});

/**
 * The Audit log (issue 9 point 9): every member may read who changed what, newest first, filtered
 * by action, person and date, paged like the other lists.
 */
export function auditRoutes(s: Pick<Collaborators, 'db'>): Router {
  const r = Router();
  const query = new AuditQuery(s.db);

  r.get('/audit', async (req, res) => {
    const { page, limit } = paging(req.query);
    const q = req.query as Record<string, unknown>;
    const f = parseInput(auditFilters, { action: blank(q.action), userId: blank(q.userId), from: blank(q.from), to: blank(q.to) }, 'filter');
    if (f.from !== undefined && f.to !== undefined && f.from > f.to) {
      throw new BadRequestError('The start date is after the end date.', { from: 'must be on or before the end date' });
    }
    const { rows, total, totalCapped } = await query.list(sessionOf(res).storeHash, f, page, limit);
    const out: AuditListResponse = { items: rows, total, totalCapped, page, limit };
    res.json(out);
  });

  r.get('/audit/filters', async (_req, res) => {
    const { storeHash } = sessionOf(res);
    const [actions, people] = await Promise.all([query.actions(storeHash), query.people(storeHash)]);
    const out: AuditFiltersResponse = { actions, people };
    res.json(out);
  });

  return r;
}

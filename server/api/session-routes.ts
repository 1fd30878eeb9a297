import { Router } from 'express';
import { z } from 'zod';
import type { SessionResponse } from './contract.js';
import { BadRequestError, SessionExpiredError } from '../errors.js';
import type { Collaborators } from '../collaborators.js';

const body = z.object({ code: z.string().min(1).max(256) });

export type SessionRoutesDeps = Pick<Collaborators, 'clock' | 'exchangeCodes' | 'members' | 'sessions' | 'stores'>;

/** POST /api/session: swaps a single-use exchange code for a short-lived app token. */
export function sessionRoutes(s: SessionRoutesDeps): Router {
  const r = Router();
  r.post('/session', async (req, res, next) => {
    try {
      const parsed = body.safeParse(req.body);
      if (!parsed.success) throw new BadRequestError('Send the exchange code as {"code": "..."}.');
      const now = s.clock.now();
      const owner = await s.exchangeCodes.consume(parsed.data.code, now);
      if (!owner) throw new SessionExpiredError('This sign-in link has expired or was already used. Reopen Fulfillment Bridge from the Apps menu.');
      const store = await s.stores.get(owner.storeHash);
      const member = await s.members.find(owner.storeHash, owner.userId);
      if (!store || store.status !== 'installed' || !member) throw new SessionExpiredError();
      const { token, expiresAt } = s.sessions.issue(owner, now);
      const out: SessionResponse = {
        token,
        expiresAt: expiresAt.toISOString(),
        user: { id: member.userId, email: member.email, role: member.role, canManage: member.canManage },
        storeHash: owner.storeHash,
      };
      res.set('Cache-Control', 'no-store').json(out);
    } catch (err) {
      next(err);
    }
  });
  return r;
}

import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { MemberRole } from '../domain/members.js';
import { SessionExpiredError, UnauthenticatedError } from '../errors.js';
import type { Collaborators } from '../collaborators.js';

export interface Session {
  storeHash: string;
  userId: number;
  email: string;
  role: MemberRole;
  canManage: boolean;
}

/** The verified session of an /api request; only valid behind requireSession. */
export function sessionOf(res: Response): Session {
  const s = res.locals.session as Session | undefined;
  if (!s) throw new UnauthenticatedError();
  return s;
}

/**
 * Verifies the Bearer app token, then re-checks the database on every request: the store must
 * still be installed and the user still a member, so remove_user and uninstall bite at once.
 */
export function requireSession(s: Pick<Collaborators, 'clock' | 'members' | 'sessions' | 'stores'>): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const header = req.get('authorization') ?? '';
      const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
      if (!match?.[1]) throw new UnauthenticatedError();
      const id = s.sessions.verify(match[1], s.clock.now());
      const store = await s.stores.get(id.storeHash);
      if (!store || store.status !== 'installed') throw new SessionExpiredError();
      const member = await s.members.find(id.storeHash, id.userId);
      if (!member) throw new SessionExpiredError();
      res.locals.session = { storeHash: id.storeHash, userId: id.userId, email: member.email, role: member.role, canManage: member.canManage } satisfies Session;
      next();
    } catch (err) {
      next(err);
    }
  };
}

import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError } from '../errors.js';
import { sessionOf } from './require-session.js';

export const NOT_A_MANAGER_MESSAGE = 'Only the store owner and the members the owner allows can change this. Ask the store owner to allow you under Settings › Team.';

/**
 * Behind requireSession: lets through only members who may change the connection, flows, rules,
 * mappings and settings (the owner, and those the owner allowed). Others get a 403 that says who
 * can help; viewing and retrying stay open to every member.
 */
export const requireManager: RequestHandler = (_req: Request, res: Response, next: NextFunction) => {
  try {
    if (!sessionOf(res).canManage) throw new AppError(403, 'not_allowed', NOT_A_MANAGER_MESSAGE);
    next();
  } catch (err) {
    next(err);
  }
};

/** The signed-in member as an audit actor. */
export function actorOf(res: Response): { userId: number; email: string } {
  const s = sessionOf(res);
  return { userId: s.userId, email: s.email };
}

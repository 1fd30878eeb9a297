import { Router, type RequestHandler } from 'express';
import { AppError, NotFoundError } from '../errors.js';
import type { Collaborators } from '../collaborators.js';
import { actorOf } from '../sessions/require-manager.js';
import { sessionOf } from '../sessions/require-session.js';
import type { MemberListing } from '../storage/members-repo.js';
import type { TeamMember, TeamPermissionInput, TeamResponse } from './contract.js';
import { idParam, parseInput } from './paging.js';
import { permissionInput } from './inputs/team.js';

export const OWNER_ONLY_MESSAGE = 'Only the store owner can choose who may change settings. Ask the store owner to change this under Settings › Team.';
export const OWNER_ROW_MESSAGE = 'The store owner can always change everything; this cannot be turned off.';

/** Only the store owner decides who may change the connection, flows and rules. */
const requireOwner: RequestHandler = (_req, res, next) => {
  try {
    if (sessionOf(res).role !== 'owner') throw new AppError(403, 'owner_only', OWNER_ONLY_MESSAGE);
    next();
  } catch (err) {
    next(err);
  }
};

const view = (m: MemberListing, youId: number): TeamMember => ({
  userId: m.userId,
  email: m.email,
  role: m.role,
  canManage: m.canManage,
  addedAt: new Date(m.addedAt).toISOString(),
  you: m.userId === youId,
});

type TeamRoutesDeps = Pick<Collaborators, 'db' | 'members' | 'audit' | 'clock'>;

/**
 * Settings › Team (issue 9 point 9): every member may see who is on the team; the owner allows or
 * disallows the others to change settings. requireSession reads the member on every request, so
 * a change bites on that member's very next request, no new sign-in needed.
 */
export function teamRoutes(s: TeamRoutesDeps): Router {
  const r = Router();

  r.get('/team', async (_req, res) => {
    const { storeHash, userId, role } = sessionOf(res);
    const out: TeamResponse = { members: (await s.members.list(storeHash)).map((m) => view(m, userId)), canEdit: role === 'owner' };
    res.json(out);
  });

  r.put('/team/:userId', requireOwner, async (req, res) => {
    const { storeHash, userId: youId } = sessionOf(res);
    const userId = idParam(req.params.userId, 'user id');
    const { canManage }: TeamPermissionInput = parseInput(permissionInput, req.body ?? {}, 'permission');
    const member = (await s.members.list(storeHash)).find((m) => m.userId === userId);
    if (!member) throw new NotFoundError('That person is not a member of this store (members appear once they open the app).');
    if (member.role === 'owner') throw new AppError(409, 'owner_always_manages', OWNER_ROW_MESSAGE);
    const now = s.clock.now();
    await s.db.transaction(async (trx) => {
      const changed = await s.members.setCanManage(storeHash, userId, canManage, trx);
      if (!changed || changed.before === canManage) return; // the same value again records nothing
      await s.audit.record(
        { storeHash, actor: actorOf(res), action: 'team.permission', subject: `Member ${member.email}`, before: { canManage: changed.before }, after: { canManage } },
        now,
        trx,
      );
    });
    res.json(view({ ...member, canManage }, youId));
  });

  return r;
}

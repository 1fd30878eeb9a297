// Issue 9 point 9: Settings › Team (who may change things) and the Audit log (who changed what).
// Re-exported from contract.ts.
import type { z } from 'zod';
import type { MemberRole, Page } from './contract.js';
import type { permissionInput } from './inputs/team.js';
import type { AuditActor, AuditEntry } from '../domain/audit.js';

export type { AuditEntry } from '../domain/audit.js';

/** One person who has opened the app for this store (BigCommerce's load callback adds them). */
export interface TeamMember {
  userId: number;
  email: string;
  role: MemberRole;
  /** May change the connection, flows, rules, mappings and settings; always true for the owner. */
  canManage: boolean;
  /** ISO-8601: when they first opened the app for this store. */
  addedAt: string;
  /** The signed-in member's own row. */
  you: boolean;
}

/** GET /api/team: every member, the owner first, then by when they were added. */
export interface TeamResponse {
  members: TeamMember[];
  /** True for the store owner: only they choose who may change settings. */
  canEdit: boolean;
}

/** PUT /api/team/:userId (owner only; not the owner's own row). Answers the updated TeamMember. */
export type TeamPermissionInput = z.input<typeof permissionInput>;

/** Who did it (server/domain/audit.ts), sent unchanged. */
export type AuditActorView = AuditActor;

/** GET /api/audit?action=&userId=&from=&to=&page=&limit= (from/to: dates or ISO instants, inclusive). */
export type AuditListResponse = Page<AuditEntry>;

/** GET /api/audit/filters: what the filters offer (actions and people that occur in this store's log). */
export interface AuditFiltersResponse {
  actions: string[];
  /** The e-mail is the most recent one recorded for that person. */
  people: AuditActorView[];
}

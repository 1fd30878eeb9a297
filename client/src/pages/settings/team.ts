// Settings › Team as pure helpers: which switches the owner changed, and what Save says. No DOM.
import type { TeamMember } from '../../../../server/api/contract.js';

/** user id → may change settings, for the members whose switch can change (everyone but the owner). */
export type TeamPermissions = Record<string, boolean>;

export function savedPermissions(members: readonly TeamMember[]): TeamPermissions {
  const out: TeamPermissions = {};
  for (const m of members) if (m.role !== 'owner') out[String(m.userId)] = m.canManage;
  return out;
}

export interface PermissionChange {
  userId: number;
  canManage: boolean;
}

/** The switches that differ from what is saved, in a stable order (one PUT each). */
export function changedPermissions(saved: TeamPermissions, values: TeamPermissions): PermissionChange[] {
  return Object.keys(values)
    .filter((id) => id in saved && saved[id] !== values[id])
    .map((id) => ({ userId: Number(id), canManage: Boolean(values[id]) }))
    .sort((a, b) => a.userId - b.userId);
}

/** "Saved. ana@example.com can now change settings." / "Saved. 2 members changed." */
export function teamSavedText(changes: readonly PermissionChange[], members: readonly TeamMember[]): string {
  if (changes.length === 1) {
    const c = changes[0]!;
    const who = members.find((m) => m.userId === c.userId)?.email ?? `User #${c.userId}`;
    return `Saved. ${who} ${c.canManage ? 'can now change settings' : 'can no longer change settings'}.`;
  }
  return `Saved. ${changes.length} members changed.`;
}

export const ROLE_LABEL: Record<TeamMember['role'], string> = { owner: 'Store owner', user: 'Member' };

export const OWNER_ONLY_NOTE = 'Only the store owner can choose who may change settings.';

/** What a member sees about themselves under the team table. */
export function yourAccessText(canManage: boolean): string {
  return canManage
    ? 'You can change the connection, flows, rules, mappings and settings.'
    : 'You can view everything, retry orders and replay webhooks. Ask the store owner to let you change settings.';
}

// Issue 9 point 9: Settings › Team's pending switches (one PUT per changed member) and its words.
import { describe, expect, it } from 'vitest';
import type { TeamMember } from '../../server/api/contract.js';
import { changedPermissions, savedPermissions, teamSavedText, yourAccessText } from '../../client/src/pages/settings/team.js';

const member = (userId: number, email: string, role: 'owner' | 'user', canManage: boolean): TeamMember => ({
  userId,
  email,
  role,
  canManage,
  addedAt: '2026-03-01T00:00:00.000Z',
  you: false,
});
const TEAM = [member(11, 'owner@example.com', 'owner', true), member(22, 'ana@example.com', 'user', false), member(33, 'ben@example.com', 'user', true)];

describe('Team switches', () => {
  it('the owner has no switch to change; the others start from what is saved', () => {
    expect(savedPermissions(TEAM)).toEqual({ '22': false, '33': true });
  });

  it('Save sends only the members whose switch differs from what is saved', () => {
    const saved = savedPermissions(TEAM);
    expect(changedPermissions(saved, { ...saved })).toEqual([]);
    expect(changedPermissions(saved, { '22': true, '33': false })).toEqual([
      { userId: 22, canManage: true },
      { userId: 33, canManage: false },
    ]);
    // Not a member (or the owner): never sent.
    expect(changedPermissions(saved, { ...saved, '11': false, '99': true })).toEqual([]);
  });

  it('says what was saved, singular and plural', () => {
    expect(teamSavedText([{ userId: 22, canManage: true }], TEAM)).toBe('Saved. ana@example.com can now change settings.');
    expect(teamSavedText([{ userId: 33, canManage: false }], TEAM)).toBe('Saved. ben@example.com can no longer change settings.');
    expect(
      teamSavedText(
        [
          { userId: 22, canManage: true },
          { userId: 33, canManage: false },
        ],
        TEAM,
      ),
    ).toBe('Saved. 2 members changed.');
    expect(yourAccessText(false)).toMatch(/Ask the store owner/);
  });
});

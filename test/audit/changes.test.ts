import { describe, expect, it } from 'vitest';
import { changedFields, nothingChanged } from '../../server/audit/changes.js';

describe('changedFields (what an audit entry keeps of a settings save)', () => {
  it('keeps only the fields that differ, lists compared by content', () => {
    const c = changedFields({ enabled: true, recipients: ['a@x.com'], kinds: ['k1', 'k2'] }, { enabled: true, recipients: ['a@x.com', 'b@x.com'], kinds: ['k1', 'k2'] });
    expect(c).toEqual({ before: { recipients: ['a@x.com'] }, after: { recipients: ['a@x.com', 'b@x.com'] } });
    expect(nothingChanged(c)).toBe(false);
  });

  it('a field only on one side counts as changed; identical records change nothing', () => {
    expect(changedFields<{ a?: number; b?: number }>({ a: 1 }, { a: 1, b: 2 })).toEqual({ before: { b: undefined }, after: { b: 2 } });
    expect(nothingChanged(changedFields({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { cappedNote } from '../../client/src/components/cappedNote.js';

describe('cappedNote', () => {
  it('says the count stopped and how to reach the rest when the server capped it', () => {
    expect(cappedNote({ total: 10_000, totalCapped: true }, 'events')).toBe(
      'More than 10,000 events match; only the first 10,000 can be paged through. Narrow the filters (for example the dates) to reach the rest.',
    );
  });

  it('says nothing for an exact count (or a server that does not cap)', () => {
    expect(cappedNote({ total: 10_000, totalCapped: false }, 'events')).toBeUndefined();
    expect(cappedNote({ total: 42 }, 'entries')).toBeUndefined();
  });
});

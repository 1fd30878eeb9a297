import { describe, expect, it } from 'vitest';
import { listFrom, plural, prettyJson, truncateEnd, truncateMiddle } from '../../client/src/lib/text.js';

describe('truncate', () => {
  it('cuts the end and collapses whitespace', () => {
    expect(truncateEnd('short', 10)).toBe('short');
    expect(truncateEnd('Backend refused   the order\nbecause', 20)).toBe('Backend refused the…');
    expect(truncateEnd('abcdef', 4)).toHaveLength(4);
  });

  it('keeps both ends of an id', () => {
    const hash = '0123456789abcdef0123456789abcdef';
    const short = truncateMiddle(hash, 11);
    expect(short).toBe('01234…bcdef');
    expect(short).toHaveLength(11);
    expect(truncateMiddle('abc', 11)).toBe('abc');
  });
});

describe('plural', () => {
  it('picks the form and formats the number', () => {
    expect(plural(1, 'order', 'orders')).toBe('1 order');
    expect(plural(0, 'order', 'orders')).toBe('0 orders');
    expect(plural(1200, 'order', 'orders')).toBe('1,200 orders');
  });

  it('adds an "s" when no plural form is given', () => {
    expect(plural(1, 'order')).toBe('1 order');
    expect(plural(2, 'order')).toBe('2 orders');
    expect(plural(0, 'order')).toBe('0 orders');
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
  });
});

describe('prettyJson', () => {
  it('indents objects and JSON strings', () => {
    expect(prettyJson({ a: 1, b: [true] })).toBe('{\n  "a": 1,\n  "b": [\n    true\n  ]\n}');
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
  });

  it('keeps other strings and returns null for nothing', () => {
    expect(prettyJson('plain text')).toBe('plain text');
    expect(prettyJson(null)).toBeNull();
    expect(prettyJson(undefined)).toBeNull();
    expect(prettyJson(0)).toBe('0');
  });
});

describe('listFrom', () => {
  it('accepts arrays and common wrappers', () => {
    expect(listFrom([1, 2])).toEqual([1, 2]);
    expect(listFrom({ items: [3] })).toEqual([3]);
    expect(listFrom({ statuses: [4] }, 'statuses')).toEqual([4]);
    expect(listFrom({ nope: 1 })).toEqual([]);
    expect(listFrom(null)).toEqual([]);
  });
});

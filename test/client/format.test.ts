import { describe, expect, it } from 'vitest';
import { checklistProgress, formatDateTime, memberCountLabel, safeExternalUrl } from '../../client/src/pages/overview/format.js';

describe('formatDateTime', () => {
  it('formats in the given locale and time zone', () => {
    const iso = '2026-03-05T23:30:00Z';
    const utc = formatDateTime(iso, 'en-US', 'UTC');
    const tokyo = formatDateTime(iso, 'en-US', 'Asia/Tokyo');
    expect(utc).toMatch(/Mar 5, 2026/);
    expect(utc).toMatch(/11:30/);
    expect(tokyo).toMatch(/Mar 6, 2026/);
    expect(tokyo).toMatch(/8:30/);
    expect(formatDateTime(iso, 'de-DE', 'UTC')).toMatch(/05\.03\.2026/);
  });

  it('returns null for an invalid date', () => {
    expect(formatDateTime('not a date')).toBeNull();
  });
});

describe('safeExternalUrl', () => {
  it('keeps http(s) URLs only', () => {
    expect(safeExternalUrl('https://shop.example.com')).toBe('https://shop.example.com/');
    expect(safeExternalUrl('http://shop.example.com/x')).toBe('http://shop.example.com/x');
    expect(safeExternalUrl('javascript:alert(1)')).toBeNull();
    expect(safeExternalUrl('shop.example.com')).toBeNull();
    expect(safeExternalUrl(null)).toBeNull();
    expect(safeExternalUrl('')).toBeNull();
  });
});

describe('memberCountLabel', () => {
  it('pluralises', () => {
    expect(memberCountLabel(1)).toBe('1 team member has access');
    expect(memberCountLabel(3)).toBe('3 team members have access');
    expect(memberCountLabel(0)).toMatch(/No team members/);
  });
});

describe('checklistProgress', () => {
  const item = (id: string, done: boolean) => ({ id, title: id, description: '', done });

  it('counts done items', () => {
    expect(checklistProgress([item('a', true), item('b', false), item('c', true)])).toEqual({
      done: 2,
      total: 3,
      label: '2 of 3 steps done',
    });
    expect(checklistProgress([item('a', true)]).label).toBe('All steps done');
    expect(checklistProgress([]).label).toBe('Nothing to set up yet');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateRangeToIso, endOfLocalDayIso, formatDateTime, formatExact, localDayOf, startOfLocalDayIso, timeZoneAbbreviation } from '../../client/src/lib/dates.js';

// The range helpers work in the process's own time zone, as the browser's would.
const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('local day boundaries', () => {
  it('converts a local day to its first and last instant', () => {
    expect(startOfLocalDayIso('2026-01-15')).toBe('2026-01-15T05:00:00.000Z');
    expect(endOfLocalDayIso('2026-01-15')).toBe('2026-01-16T04:59:59.999Z');
  });

  it('handles daylight-saving days (23 and 25 hours)', () => {
    expect(startOfLocalDayIso('2026-03-08')).toBe('2026-03-08T05:00:00.000Z');
    expect(endOfLocalDayIso('2026-03-08')).toBe('2026-03-09T03:59:59.999Z');
    expect(endOfLocalDayIso('2026-11-01')).toBe('2026-11-02T04:59:59.999Z');
  });

  it('rejects invalid days', () => {
    expect(startOfLocalDayIso('2026-02-30')).toBeNull();
    expect(endOfLocalDayIso('')).toBeNull();
  });

  it('reads the local day of an instant', () => {
    expect(localDayOf('2026-01-16T03:00:00.000Z')).toBe('2026-01-15');
    expect(localDayOf(startOfLocalDayIso('2026-07-04')!)).toBe('2026-07-04');
    expect(localDayOf('')).toBe('');
    expect(localDayOf('nope')).toBe('');
  });
});

describe('dateRangeToIso', () => {
  it('maps from/to days to start and end instants', () => {
    expect(dateRangeToIso({ from: '2026-03-01', to: '2026-03-07' })).toEqual({
      from: '2026-03-01T05:00:00.000Z',
      to: '2026-03-08T04:59:59.999Z',
    });
  });

  it('accepts open ends and swaps a reversed range', () => {
    expect(dateRangeToIso({ from: '2026-03-01', to: '' })).toEqual({ from: '2026-03-01T05:00:00.000Z' });
    expect(dateRangeToIso({ from: '', to: '' })).toEqual({});
    expect(dateRangeToIso({ from: '2026-03-07', to: '2026-03-01' })).toEqual({
      from: '2026-03-01T05:00:00.000Z',
      to: '2026-03-08T04:59:59.999Z',
    });
    expect(dateRangeToIso({ from: 'bad', to: '2026-03-01' })).toEqual({ to: '2026-03-02T04:59:59.999Z' });
  });
});

describe('formatting', () => {
  it('adds the zone abbreviation on request', () => {
    const iso = '2026-03-05T23:30:00Z';
    expect(formatDateTime(iso, 'en-US', 'America/New_York', { zone: true })).toMatch(/Mar 5, 2026.*6:30.*PM EST$/);
    expect(formatDateTime('2026-07-05T23:30:00Z', 'en-US', 'America/New_York', { zone: true })).toMatch(/EDT$/);
    expect(formatDateTime(iso, 'en-US', 'UTC')).not.toMatch(/UTC/);
    expect(timeZoneAbbreviation(new Date(iso), 'en-US', 'UTC')).toBe('UTC');
  });

  it('uses the process time zone by default', () => {
    expect(formatDateTime('2026-01-01T04:00:00Z', 'en-US')).toMatch(/Dec 31, 2025/);
  });

  it('gives an exact version for tooltips and null for bad input', () => {
    expect(formatExact('2026-03-05T23:30:00Z', 'en-US', 'UTC')).toMatch(/Thursday, March 5, 2026.*\(2026-03-05T23:30:00\.000Z\)$/);
    expect(formatExact('x')).toBeNull();
    expect(formatDateTime('x', 'en-US', 'UTC', { zone: true })).toBeNull();
  });
});

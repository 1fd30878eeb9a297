import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, parseBootData, sanitizeAppPath } from '../../client/src/session/boot.js';

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('decodeBase64Url', () => {
  it('decodes unpadded base64url including - and _ and UTF-8', () => {
    const text = 'Bücher ✓ ???>>>~~~';
    const encoded = Buffer.from(text, 'utf8').toString('base64url');
    expect(encoded).toMatch(/-/);
    expect(encoded).toMatch(/_/);
    expect(decodeBase64Url(encoded)).toBe(text);
  });

  it('accepts padded input', () => {
    expect(decodeBase64Url(Buffer.from('ab', 'utf8').toString('base64'))).toBe('ab');
  });

  it('rejects characters outside the base64url alphabet', () => {
    expect(() => decodeBase64Url('ab+/')).toThrow();
    expect(() => decodeBase64Url('a b')).toThrow();
  });

  it('rejects impossible lengths and invalid UTF-8', () => {
    expect(() => decodeBase64Url('abcde')).toThrow();
    expect(() => decodeBase64Url(Buffer.from([0xff, 0xfe]).toString('base64url'))).toThrow();
  });
});

describe('parseBootData', () => {
  it('returns the exchange code and path', () => {
    expect(parseBootData(encode({ exchangeCode: 'abc123', path: '/orders/7?tab=2' }))).toEqual({
      exchangeCode: 'abc123',
      path: '/orders/7?tab=2',
    });
  });

  it('returns null for an empty or missing meta content', () => {
    expect(parseBootData('')).toBeNull();
    expect(parseBootData('   ')).toBeNull();
    expect(parseBootData(null)).toBeNull();
    expect(parseBootData(undefined)).toBeNull();
  });

  it('returns null for garbage, non-JSON and non-object JSON', () => {
    expect(parseBootData('%%%')).toBeNull();
    expect(parseBootData(Buffer.from('not json').toString('base64url'))).toBeNull();
    expect(parseBootData(encode(['/']))).toBeNull();
    expect(parseBootData(encode('x'))).toBeNull();
    expect(parseBootData(encode(null))).toBeNull();
  });

  it('defaults a missing path to "/" and omits a missing or empty code', () => {
    expect(parseBootData(encode({}))).toEqual({ path: '/' });
    expect(parseBootData(encode({ exchangeCode: '', path: '/x' }))).toEqual({ path: '/x' });
    expect(parseBootData(encode({ exchangeCode: 42, path: '/x' }))).toEqual({ path: '/x' });
  });

  it('never yields a path that leaves the origin', () => {
    expect(parseBootData(encode({ exchangeCode: 'c', path: '//evil.example/x' }))?.path).toBe('/');
    expect(parseBootData(encode({ exchangeCode: 'c', path: 'https://evil.example/' }))?.path).toBe('/');
  });
});

describe('sanitizeAppPath', () => {
  it('keeps same-origin absolute paths', () => {
    expect(sanitizeAppPath('/')).toBe('/');
    expect(sanitizeAppPath('/settings')).toBe('/settings');
  });

  it('replaces anything else with "/"', () => {
    for (const bad of ['', 'orders', '//host', '/\\host', 'javascript:alert(1)', '/a\nb', 7, null, '/' + 'a'.repeat(3000)]) {
      expect(sanitizeAppPath(bad)).toBe('/');
    }
  });
});

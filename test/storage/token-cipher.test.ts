import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TokenCipher } from '../../server/storage/token-cipher.js';

describe('TokenCipher (AES-256-GCM)', () => {
  const cipher = new TokenCipher(randomBytes(32));

  it('round-trips and never produces the plain text', () => {
    const sealed = cipher.encrypt('access-token-123');
    expect(sealed).not.toContain('access-token-123');
    expect(sealed.startsWith('v2.')).toBe(true);
    expect(cipher.decrypt(sealed)).toBe('access-token-123');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.encrypt('same')).not.toBe(cipher.encrypt('same'));
  });

  it('rejects tampering and the wrong key', () => {
    const sealed = cipher.encrypt('secret');
    const parts = sealed.split('.');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    parts[3] = ct.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
    expect(() => new TokenCipher(randomBytes(32)).decrypt(sealed)).toThrow();
    expect(() => cipher.decrypt('garbage')).toThrow(/Unrecognised/);
  });

  it('requires a 32-byte key', () => {
    expect(() => new TokenCipher(randomBytes(16))).toThrow();
  });
});

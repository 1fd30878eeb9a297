import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * A stored secret that no configured key opens (ENCRYPTION_KEY changed without listing the old key
 * in ENCRYPTION_KEY_PREVIOUS, or the value is damaged). The message never contains the value.
 */
export class UndecryptableSecretError extends Error {
  constructor(message = 'No configured encryption key decrypts this value (was ENCRYPTION_KEY changed?)') {
    super(message);
    this.name = 'UndecryptableSecretError';
  }
}

export interface Opened {
  plain: string;
  /** True when the value should be re-encrypted: an older format or a previous key. */
  stale: boolean;
}

interface Key {
  id: string;
  key: Buffer;
}

/**
 * Identifies a key inside a ciphertext without revealing it: 4 bytes of a domain-separated SHA-256,
 * enough to pick the right key among a handful without trial decryption.
 */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('fulfillment-bridge key id\0').update(key).digest().subarray(0, 4).toString('base64url');
}

function toKey(key: Buffer): Key {
  if (key.length !== 32) throw new Error('Encryption key must be 32 bytes');
  return { id: keyId(key), key };
}

function gcmOpen(key: Buffer, iv: string, tag: string, ct: string): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
}

/**
 * AES-256-GCM for secrets at rest (BigCommerce access tokens, backend API keys, webhook secrets).
 * Format: `v2.<key id>.<iv>.<tag>.<ciphertext>`, base64url parts. Values written before key
 * rotation existed (`v1.<iv>.<tag>.<ciphertext>`) are still read, by trying each key.
 * Encrypts with the current key; decrypts with the current or any previous key (rotation).
 */
export class TokenCipher {
  private readonly current: Key;
  private readonly keys: Key[];

  constructor(key: Buffer, previous: readonly Buffer[] = []) {
    this.current = toKey(key);
    this.keys = [this.current, ...previous.map(toKey).filter((k) => k.id !== this.current.id)];
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v2', this.current.id, ...[iv, cipher.getAuthTag(), ct].map((p) => p.toString('base64url'))].join('.');
  }

  /** The plain text and whether it should be re-encrypted; throws UndecryptableSecretError. */
  open(sealed: string): Opened {
    const parts = sealed.split('.');
    if (parts[0] === 'v2' && parts.length === 5) {
      const [, id, iv, tag, ct] = parts as [string, string, string, string, string];
      const k = this.keys.find((candidate) => candidate.id === id);
      if (!k) throw new UndecryptableSecretError();
      try {
        return { plain: gcmOpen(k.key, iv, tag, ct), stale: k !== this.current };
      } catch {
        throw new UndecryptableSecretError('An encrypted value is damaged (authentication failed)');
      }
    }
    if (parts[0] === 'v1' && parts.length === 4) {
      const [, iv, tag, ct] = parts as [string, string, string, string];
      for (const k of this.keys) {
        try {
          return { plain: gcmOpen(k.key, iv, tag, ct), stale: true };
        } catch {
          // GCM authentication fails for the wrong key: try the next one.
        }
      }
      throw new UndecryptableSecretError();
    }
    throw new UndecryptableSecretError('Unrecognised encrypted value');
  }

  decrypt(sealed: string): string {
    return this.open(sealed).plain;
  }

  /** Opens without throwing: undefined when no configured key decrypts the value. */
  tryOpen(sealed: string): Opened | undefined {
    try {
      return this.open(sealed);
    } catch (err) {
      if (err instanceof UndecryptableSecretError) return undefined;
      throw err;
    }
  }
}

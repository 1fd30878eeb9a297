import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRotateKey } from '../../server/cli/rotate-key.js';
import { ConfigError, loadConfig } from '../../server/config/env.js';
import { migrateToLatest, openDatabase, type Db } from '../../server/storage/db.js';
import { onPostgres, openTestDatabase } from '../helpers/test-database.js';
import { rotateSecrets } from '../../server/storage/rotate-secrets.js';
import { BACKEND_KEY_UNREADABLE_MESSAGE, WEBHOOK_SECRET_REPLACED_MESSAGE } from '../../server/storage/secret-health.js';
import { SettingsRepo } from '../../server/storage/settings-repo.js';
import { StoresRepo } from '../../server/storage/stores-repo.js';
import { keyId, TokenCipher, UndecryptableSecretError } from '../../server/storage/token-cipher.js';
import { FakeClock } from '../helpers/harness.js';
import { testEnv } from '../helpers/config.js';

/** The format every value had before key rotation existed: `v1.<iv>.<tag>.<ct>`, no key id. */
function sealV1(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

const OLD = randomBytes(32);
const NEW = randomBytes(32);

describe('TokenCipher with key rotation', () => {
  it('seals with the current key id and reads values sealed with a previous key, flagged stale', () => {
    const before = new TokenCipher(OLD).encrypt('tok-1');
    expect(before.startsWith(`v2.${keyId(OLD)}.`)).toBe(true);
    const rotated = new TokenCipher(NEW, [OLD]);
    expect(rotated.open(before)).toEqual({ plain: 'tok-1', stale: true });
    const fresh = rotated.encrypt('tok-1');
    expect(fresh.startsWith(`v2.${keyId(NEW)}.`)).toBe(true);
    expect(rotated.open(fresh)).toEqual({ plain: 'tok-1', stale: false });
  });

  it('still reads the pre-rotation v1 format with the current or a previous key, and asks to re-encrypt it', () => {
    expect(new TokenCipher(OLD).open(sealV1(OLD, 'legacy'))).toEqual({ plain: 'legacy', stale: true });
    expect(new TokenCipher(NEW, [randomBytes(32), OLD]).open(sealV1(OLD, 'legacy'))).toEqual({ plain: 'legacy', stale: true });
  });

  it('a value no configured key opens is an UndecryptableSecretError that does not quote it', () => {
    const sealed = new TokenCipher(OLD).encrypt('very-secret-token');
    const cipher = new TokenCipher(NEW);
    for (const value of [sealed, sealV1(OLD, 'very-secret-token')]) {
      let caught: unknown;
      try {
        cipher.open(value);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(UndecryptableSecretError);
      expect(String((caught as Error).message)).not.toContain(value);
      expect(cipher.tryOpen(value)).toBeUndefined();
    }
  });

  it('a tampered value with a known key id is refused', () => {
    const cipher = new TokenCipher(NEW);
    const parts = cipher.encrypt('secret').split('.');
    const ct = Buffer.from(parts[4]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    parts[4] = ct.toString('base64url');
    expect(() => cipher.open(parts.join('.'))).toThrow(UndecryptableSecretError);
  });

  it('previous keys must be 32 bytes too', () => {
    expect(() => new TokenCipher(NEW, [randomBytes(16)])).toThrow(/32 bytes/);
  });
});

describe('ENCRYPTION_KEY_PREVIOUS', () => {
  it('is optional and accepts a comma-separated list of base64 keys', () => {
    expect(loadConfig(testEnv()).previousEncryptionKeys).toEqual([]);
    const a = randomBytes(32);
    const b = randomBytes(32);
    const config = loadConfig(testEnv({ ENCRYPTION_KEY_PREVIOUS: ` ${a.toString('base64')} , ${b.toString('base64')}` }));
    expect(config.previousEncryptionKeys).toEqual([a, b]);
  });

  it('names the variable when a key is malformed', () => {
    const failure = (value: string) => {
      try {
        loadConfig(testEnv({ ENCRYPTION_KEY_PREVIOUS: value }));
      } catch (err) {
        return err;
      }
      return undefined;
    };
    for (const value of ['short', `${randomBytes(32).toString('base64')},short`]) {
      const err = failure(value);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.join('\n')).toMatch(/ENCRYPTION_KEY_PREVIOUS must be a comma-separated list/);
    }
  });
});

describe('repositories after a key change', () => {
  let db: Db;
  let closeDb: () => Promise<void>;
  const clock = new FakeClock(1_700_000_000_000);

  beforeEach(async () => {
    ({ db, close: closeDb } = await openTestDatabase());
  });
  afterEach(async () => closeDb());

  async function seed(cipher: TokenCipher, hash: string, apiKey: string | null) {
    await db('stores').insert({
      hash,
      status: 'installed',
      access_token_enc: cipher.encrypt(`token-of-${hash}`),
      scope: 's',
      installed_at: clock.now(),
      updated_at: clock.now(),
    });
    const settings = new SettingsRepo(db, cipher);
    await settings.get(hash, clock.now());
    if (apiKey) await settings.saveBackend(hash, { accountId: 'acct', apiKey, accountName: 'Acme', connected: true, error: null }, clock.now());
    return (await settings.webhookSecret(hash))!;
  }

  const stored = async (table: string, where: Record<string, string>, column: string) => String((await db(table).where(where).first(column))[column]);

  it('an access token sealed with a previous key is read and re-encrypted with the current key', async () => {
    await seed(new TokenCipher(OLD), 's1', null);
    const stores = new StoresRepo(db, new TokenCipher(NEW, [OLD]), { now: () => clock.now() });
    expect(await stores.accessToken('s1')).toBe('token-of-s1');
    expect(await stored('stores', { hash: 's1' }, 'access_token_enc')).toMatch(new RegExp(`^v2\\.${keyId(NEW)}\\.`));
    // Now readable without the old key.
    expect(await new StoresRepo(db, new TokenCipher(NEW)).accessToken('s1')).toBe('token-of-s1');
  });

  it('an unreadable access token marks the store needs-reauth once, and clears when the old key is configured again', async () => {
    await seed(new TokenCipher(OLD), 's1', null);
    const noticed: string[] = [];
    const stores = new StoresRepo(db, new TokenCipher(NEW), { now: () => clock.now(), onTokenUnreadable: (h) => noticed.push(h) });
    expect(await stores.accessToken('s1')).toBeUndefined();
    expect(await stores.accessToken('s1')).toBeUndefined();
    expect(noticed).toEqual(['s1']);
    expect(await stores.get('s1')).toMatchObject({ needsReauth: true, reauthReason: 'token_unreadable' });

    const repaired = new StoresRepo(db, new TokenCipher(NEW, [OLD]), { now: () => clock.now() });
    expect(await repaired.accessToken('s1')).toBe('token-of-s1');
    expect(await repaired.get('s1')).toMatchObject({ needsReauth: false, reauthReason: null });
  });

  it('a revoked token (401) stays needs-reauth even though it decrypts; /auth clears it', async () => {
    await seed(new TokenCipher(NEW), 's1', null);
    const stores = new StoresRepo(db, new TokenCipher(NEW), { now: () => clock.now() });
    expect(await stores.markNeedsReauth('s1', 'token-of-s1', clock.now())).toBe(true);
    expect(await stores.accessToken('s1')).toBe('token-of-s1');
    expect(await stores.get('s1')).toMatchObject({ needsReauth: true, reauthReason: 'token_revoked' });
    await db.transaction((trx) =>
      stores.upsertInstalled(
        { hash: 's1', accessToken: 'new', scope: 's', accountUuid: 'a', owner: { id: 1, email: 'o@x' }, installer: { id: 1, email: 'o@x' } },
        clock.now(),
        trx,
      ),
    );
    expect(await stores.get('s1')).toMatchObject({ needsReauth: false, reauthReason: null });
  });

  it('an unreadable warehouse API key reads as "reconnect the warehouse", is kept, and re-entering it repairs the store', async () => {
    await seed(new TokenCipher(OLD), 's1', 'api-key-1');
    const settings = new SettingsRepo(db, new TokenCipher(NEW));
    const st = await settings.get('s1', clock.now());
    expect(st).toMatchObject({ backendApiKey: null, backendConnected: false, backendError: BACKEND_KEY_UNREADABLE_MESSAGE, backendAccountId: 'acct' });
    // Not destroyed: listing the old key brings it back.
    expect((await new SettingsRepo(db, new TokenCipher(NEW, [OLD])).get('s1', clock.now())).backendApiKey).toBe('api-key-1');

    const fresh = new SettingsRepo(db, new TokenCipher(randomBytes(32)));
    await fresh.saveBackend('s1', { accountId: 'acct', apiKey: 'api-key-2', accountName: 'Acme', connected: true, error: null }, clock.now());
    expect(await fresh.get('s1', clock.now())).toMatchObject({ backendApiKey: 'api-key-2', backendConnected: true, backendError: null });
  });

  it('an unreadable webhook secret is replaced by a new one, reported once, and marks webhooks unhealthy', async () => {
    const old = await seed(new TokenCipher(OLD), 's1', null);
    const replaced: string[] = [];
    const settings = new SettingsRepo(db, new TokenCipher(NEW), (h) => replaced.push(h));
    const secret = await settings.webhookSecret('s1', clock.now());
    expect(secret).toBeTruthy();
    expect(secret).not.toBe(old);
    const st = await settings.get('s1', clock.now());
    expect(st.webhookSecret).toBe(secret);
    expect(st).toMatchObject({ webhooksError: WEBHOOK_SECRET_REPLACED_MESSAGE, webhooksReconciledAt: null });
    expect(replaced).toEqual(['s1']);
  });

  it('settings secrets sealed with a previous key are re-encrypted lazily', async () => {
    const secret = await seed(new TokenCipher(OLD), 's1', 'api-key-1');
    const settings = new SettingsRepo(db, new TokenCipher(NEW, [OLD]));
    expect(await settings.get('s1', clock.now())).toMatchObject({ backendApiKey: 'api-key-1', webhookSecret: secret, backendConnected: true });
    const current = new SettingsRepo(db, new TokenCipher(NEW));
    expect(await current.get('s1', clock.now())).toMatchObject({ backendApiKey: 'api-key-1', webhookSecret: secret });
  });

  it('rotateSecrets re-encrypts every column, is idempotent, and reports unreadable values without touching them', async () => {
    await seed(new TokenCipher(OLD), 's1', 'key-1');
    await seed(new TokenCipher(OLD), 's2', null);
    await db('stores')
      .where({ hash: 's2' })
      .update({ access_token_enc: sealV1(OLD, 'legacy-token') });
    const lost = randomBytes(32);
    await seed(new TokenCipher(lost), 's3', 'key-3');
    const unreadableBefore = await stored('stores', { hash: 's3' }, 'access_token_enc');

    const cipher = new TokenCipher(NEW, [OLD]);
    const first = await rotateSecrets(db, cipher, clock.now());
    expect(first.map((r) => [r.column, r.reencrypted, r.alreadyCurrent, r.unreadable])).toEqual([
      ['access_token_enc', 2, 0, ['s3']],
      ['backend_api_key_enc', 1, 0, ['s3']],
      ['webhook_secret_enc', 2, 0, ['s3']],
    ]);
    expect(await stored('stores', { hash: 's3' }, 'access_token_enc')).toBe(unreadableBefore);
    const second = await rotateSecrets(db, cipher, clock.now());
    expect(second.map((r) => [r.reencrypted, r.alreadyCurrent, r.unreadable.length])).toEqual([
      [0, 2, 1],
      [0, 1, 1],
      [0, 2, 1],
    ]);
    // Everything readable is now readable with the new key alone.
    const only = new StoresRepo(db, new TokenCipher(NEW));
    expect(await only.accessToken('s2')).toBe('legacy-token');
  });
});

describe('npm run rotate-key', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rotate-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('re-encrypts a database, prints counts without secrets, and exits 0 / 2 / 1', async () => {
    // A file on SQLite (':memory:' would be a new database in the CLI), a schema on PostgreSQL.
    const t = onPostgres() ? await openTestDatabase() : undefined;
    const databaseUrl = t?.url ?? `sqlite:${join(dir, 'app.sqlite')}`;
    const db = t?.db ?? openDatabase(databaseUrl);
    try {
      if (!t) await migrateToLatest(db);
      await db('stores').insert({ hash: 's1', status: 'installed', access_token_enc: new TokenCipher(OLD).encrypt('plain-token-s1'), scope: 's', installed_at: 1, updated_at: 1 });
    } finally {
      if (!t) await db.destroy();
    }
    try {
      await rotateThroughCli(databaseUrl);
    } finally {
      await t?.close();
    }
  });

  async function rotateThroughCli(databaseUrl: string) {
    const lines: string[] = [];
    const env = testEnv({ DATABASE_URL: databaseUrl, ENCRYPTION_KEY: NEW.toString('base64'), ENCRYPTION_KEY_PREVIOUS: OLD.toString('base64') });
    expect(await runRotateKey(env, (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toBe('stores.access_token_enc: 1 re-encrypted, 0 already current, 0 unreadable');
    expect(lines.join('\n')).toMatch(/ENCRYPTION_KEY_PREVIOUS can be removed/);

    lines.length = 0;
    expect(await runRotateKey(testEnv({ DATABASE_URL: databaseUrl }), (l) => lines.push(l))).toBe(2);
    expect(lines.join('\n')).toMatch(/unreadable stores\.access_token_enc for stores: s1/);
    const output = lines.join('\n');
    for (const secret of ['plain-token-s1', NEW.toString('base64'), OLD.toString('base64')]) expect(output).not.toContain(secret);

    lines.length = 0;
    expect(await runRotateKey(testEnv({ DATABASE_URL: databaseUrl, ENCRYPTION_KEY_PREVIOUS: 'nope' }), (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toMatch(/ENCRYPTION_KEY_PREVIOUS/);
  }

  it('explains a missing, empty or corrupt SQLite file and exits 1 without a stack', async () => {
    const lines: string[] = [];
    expect(await runRotateKey(testEnv({ DATABASE_URL: `sqlite:${join(dir, 'typo.sqlite')}` }), (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toMatch(/No Fulfillment Bridge database at .*typo\.sqlite/);

    writeFileSync(join(dir, 'empty.sqlite'), '');
    lines.length = 0;
    expect(await runRotateKey(testEnv({ DATABASE_URL: `sqlite:${join(dir, 'empty.sqlite')}` }), (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toMatch(/empty\.sqlite/);
    writeFileSync(join(dir, 'corrupt.sqlite'), 'this is not a database '.repeat(400));
    lines.length = 0;
    expect(await runRotateKey(testEnv({ DATABASE_URL: `sqlite:${join(dir, 'corrupt.sqlite')}` }), (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toMatch(/corrupt\.sqlite/);
  });
});

import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../server/storage/db.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { StoresRepo } from '../../server/storage/stores-repo.js';
import { TokenCipher } from '../../server/storage/token-cipher.js';
import { FakeClock } from '../helpers/harness.js';

const KEY = randomBytes(32);
const person = { id: 1, email: 'o@example.com' };

let db: Db;
let closeDb: () => Promise<void>;
let stores: StoresRepo;
const clock = new FakeClock(1_700_000_000_000);

const install = (hash: string, accessToken: string) =>
  db.transaction((trx) => stores.upsertInstalled({ hash, accessToken, scope: 's', accountUuid: 'a', owner: person, installer: person }, clock.now(), trx));

beforeEach(async () => {
  ({ db, close: closeDb } = await openTestDatabase());
  stores = new StoresRepo(db, new TokenCipher(KEY), { now: () => clock.now() });
});
afterEach(async () => closeDb());

describe('StoresRepo.markNeedsReauth: only the stored token can be revoked', () => {
  it('a 401 on a token a reinstall has replaced leaves the freshly authorised store alone', async () => {
    await install('s1', 'T1');
    await install('s1', 'T2'); // reinstall / scope change: BigCommerce invalidates T1
    expect(await stores.markNeedsReauth('s1', 'T1', clock.now())).toBe(false);
    expect(await stores.get('s1')).toMatchObject({ needsReauth: false, reauthReason: null });
    expect(await stores.accessToken('s1')).toBe('T2');
  });

  it('a 401 on the stored token flags the store (and says so again when already flagged)', async () => {
    await install('s1', 'T1');
    expect(await stores.markNeedsReauth('s1', 'T1', clock.now())).toBe(true);
    expect(await stores.get('s1')).toMatchObject({ needsReauth: true, reauthReason: 'token_revoked' });
    expect(await stores.markNeedsReauth('s1', 'T1', clock.now())).toBe(true);
  });

  it('an uninstalled store is not flagged', async () => {
    await install('s1', 'T1');
    await db.transaction((trx) => stores.markUninstalled('s1', clock.now(), trx));
    expect(await stores.markNeedsReauth('s1', 'T1', clock.now())).toBe(false);
    expect(await stores.get('s1')).toMatchObject({ needsReauth: false });
  });
});

describe('StoresRepo.installedHashes({ skipRevoked })', () => {
  it('leaves out stores whose token BigCommerce revoked, also in polling mode; keeps an unreadable one (it heals when read)', async () => {
    await install('ok', 'A');
    await install('revoked', 'B');
    await install('gone', 'C');
    await stores.markNeedsReauth('revoked', 'B', clock.now());
    await db.transaction((trx) => stores.markUninstalled('gone', clock.now(), trx));
    // An unreadable token: sealed with a key this app does not have.
    await install('unreadable', 'D');
    await db('stores')
      .where({ hash: 'unreadable' })
      .update({ access_token_enc: new TokenCipher(randomBytes(32)).encrypt('D') });
    expect(await stores.accessToken('unreadable')).toBeUndefined();
    expect(await stores.get('unreadable')).toMatchObject({ needsReauth: true, reauthReason: 'token_unreadable' });

    expect((await stores.installedHashes()).sort()).toEqual(['ok', 'revoked', 'unreadable']);
    expect((await stores.installedHashes({ skipRevoked: true })).sort()).toEqual(['ok', 'unreadable']);

    for (const hash of ['ok', 'revoked']) {
      await db('store_settings').insert({ store_hash: hash, webhook_secret_enc: 'x', sync_mode: 'poll', import_status_id: 11, updated_at: clock.now() });
    }
    expect(await stores.installedHashes({ syncMode: 'poll', skipRevoked: true })).toEqual(['ok']);
  });
});

// Storage battery (issue 10 point 2): the stores table, on SQLite and on PostgreSQL.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SettingsRepo } from '../../server/storage/settings-repo.js';
import { StoresRepo } from '../../server/storage/stores-repo.js';
import { TokenCipher } from '../../server/storage/token-cipher.js';
import { useBatteryDatabase } from './battery.js';

const db = useBatteryDatabase();
const person = { id: 1, email: 'o@example.com' };

describe('StoresRepo', () => {
  it('installs (upsert), lists installed stores in hash order with filters, uninstalls, and picks stores due for a refresh', async () => {
    const cipher = new TokenCipher(randomBytes(32));
    const stores = new StoresRepo(db(), cipher, { now: () => 1 });
    const install = (hash: string, at: number) =>
      db().transaction((trx) => stores.upsertInstalled({ hash, accessToken: `T-${hash}`, scope: 's', accountUuid: 'a', owner: person, installer: person }, at, trx));
    for (const hash of ['s3', 's1', 's4', 's2']) await install(hash, 10);
    // Rows rewritten in another order (PostgreSQL would then return them in that order unsorted).
    await install('s1', 20);
    await db().transaction((trx) => stores.markUninstalled('s4', 30, trx));
    expect(await stores.installedHashes()).toEqual(['s1', 's2', 's3']);
    expect(await stores.get('s4')).toMatchObject({ status: 'uninstalled' });
    expect(await stores.accessToken('s4')).toBeUndefined();
    expect(await stores.accessToken('s1')).toBe('T-s1');
    expect(await stores.get('s1')).toMatchObject({ needsReauth: false });

    const settings = new SettingsRepo(db(), cipher);
    for (const hash of ['s1', 's2', 's3']) await settings.get(hash, 1);
    await settings.saveFlowOptions('s3', { syncMode: 'poll' }, 2);
    expect(await stores.installedHashes({ syncMode: 'poll' })).toEqual(['s3']);
    expect(await stores.installedHashes({ syncMode: 'push' })).toEqual(['s1', 's2']);
    expect(await stores.markNeedsReauth('s2', 'T-s2', 40)).toBe(true);
    expect(await stores.installedHashes({ skipRevoked: true })).toEqual(['s1', 's3']);

    expect(await stores.dueForRefresh(100)).toEqual(['s1', 's3']);
    await stores.saveRefresh('s1', { details: { name: 'Shop', plan: 'Plus', domain: 'shop.example', secureUrl: 'https://shop.example' }, error: null }, 150);
    await stores.saveRefresh('s3', { error: 'BigCommerce unreachable' }, 50);
    expect(await stores.dueForRefresh(100)).toEqual(['s3']);
    expect(await stores.get('s1')).toMatchObject({ name: 'Shop' });
  });
});

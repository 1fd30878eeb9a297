import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationSource } from '../../migrations/index.js';
import type { Db } from '../../server/storage/db.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { SettingsRepo } from '../../server/storage/settings-repo.js';
import { TokenCipher } from '../../server/storage/token-cipher.js';

let db: Db;
let closeDb: () => Promise<void>;
afterEach(() => closeDb?.());

describe('migration 013: import status saved mark', () => {
  it('marks stores whose Activity shows an earlier save, and only those', async () => {
    ({ db, close: closeDb } = await openTestDatabase());
    await db.migrate.down({ migrationSource, name: '013_import_status_saved' });
    const settings = new SettingsRepo(db, new TokenCipher(randomBytes(32)));
    await db('stores').insert(['saved', 'never'].map((hash) => ({ hash, status: 'installed', installed_at: 1_000, updated_at: 1_000 })));
    await settings.get('saved', 1_000);
    await settings.get('never', 1_000);
    await db('sync_log').insert([
      { store_hash: 'saved', flow: 'settings', level: 'info', message: 'Order import status set to #11; status after acceptance unchanged.', at: 5_000 },
      { store_hash: 'saved', flow: 'settings', level: 'info', message: 'Order import status set to #9; status after acceptance unchanged.', at: 7_000 },
      { store_hash: 'never', flow: 'settings', level: 'info', message: 'Connected to fulfillment account "Demo" (wh-demo).', at: 6_000 },
    ]);
    await db.migrate.up({ migrationSource, name: '013_import_status_saved' });
    expect((await settings.get('saved', 9_000)).importStatusSavedAt).toBe(5_000);
    expect((await settings.get('never', 9_000)).importStatusSavedAt).toBeNull();
  });
});

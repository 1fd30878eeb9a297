// Review of issue 7, point 5: the fulfillment receiver's hot path reads the account's API keys in
// one query (decrypting only the keys), caches them briefly (stale at once when backend settings
// are saved), and checks the signature once per distinct key. The StoreGate's cache miss reads
// only the webhook secret.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signFulfillmentEvent } from '../../server/fulfillment/index.js';
import type { Db } from '../../server/storage/db.js';
import { SettingsRepo, type AccountBackendKey } from '../../server/storage/settings-repo.js';
import { TokenCipher } from '../../server/storage/token-cipher.js';
import { AccountKeys, storesVerifiedBy } from '../../server/webhooks/account-keys.js';
import { bareApp, STORE } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

describe('storesVerifiedBy', () => {
  it('checks each distinct key once and keeps the stores in order', () => {
    const keys: AccountBackendKey[] = [
      { storeHash: 'a', apiKey: 'k1' },
      { storeHash: 'b', apiKey: 'k2' },
      { storeHash: 'c', apiKey: 'k1' },
      { storeHash: 'd', apiKey: null },
      { storeHash: 'e', apiKey: 'k1' },
    ];
    const checked: string[] = [];
    const verified = storesVerifiedBy(keys, (k) => {
      checked.push(k);
      return k === 'k1';
    });
    expect(verified).toEqual(['a', 'c', 'e']);
    expect(checked).toEqual(['k1', 'k2']);
  });
});

describe('AccountKeys', () => {
  const clock = new FakeClock(1_700_000_000_000);
  let reads = 0;
  let rows: AccountBackendKey[] = [];
  const settings = { backendVersion: 0, backendKeysForAccount: async () => (reads++, rows) };
  beforeEach(() => {
    reads = 0;
    rows = [{ storeHash: 'a', apiKey: 'k1' }];
    settings.backendVersion = 0;
  });

  it('reads an account once within a few seconds, and again after', async () => {
    const keys = new AccountKeys(settings, () => clock.now());
    await keys.forAccount('acc');
    clock.advance(9_999);
    await keys.forAccount('acc');
    expect(reads).toBe(1);
    clock.advance(1);
    await keys.forAccount('acc');
    expect(reads).toBe(2);
  });

  it('reads again at once after backend settings were saved', async () => {
    const keys = new AccountKeys(settings, () => clock.now());
    await keys.forAccount('acc');
    settings.backendVersion++;
    rows = [{ storeHash: 'a', apiKey: 'k2' }];
    expect(await keys.forAccount('acc')).toEqual(rows);
    expect(reads).toBe(2);
  });

  it('does not keep a read in which a key failed', async () => {
    rows = [{ storeHash: 'a', apiKey: null, error: new Error('boom') }];
    const keys = new AccountKeys(settings, () => clock.now());
    await keys.forAccount('acc');
    await keys.forAccount('acc');
    expect(reads).toBe(2);
  });
});

describe('SettingsRepo reads for the webhook hot paths', () => {
  let db: Db;
  let database: TestDatabase;
  const cipher = new TokenCipher(randomBytes(32));
  const now = 1_700_000_000_000;
  beforeEach(async () => {
    database = await openTestDatabase();
    db = database.db;
    for (const hash of ['s1', 's2', 's3']) {
      await db('stores').insert({ hash, status: 'installed', access_token_enc: cipher.encrypt('tok'), scope: 's', installed_at: now, updated_at: now });
    }
  });
  afterEach(async () => database.close());

  it('backendKeysForAccount lists the stores of the account with their keys, opening only the keys', async () => {
    const settings = new SettingsRepo(db, cipher);
    await settings.saveBackend('s1', { accountId: 'acc', apiKey: 'k1', accountName: 'WH', connected: true, error: null }, now);
    await settings.saveBackend('s2', { accountId: 'acc', apiKey: 'k2', accountName: 'WH', connected: true, error: null }, now);
    await settings.saveBackend('s3', { accountId: 'other', apiKey: 'k3', accountName: 'WH', connected: true, error: null }, now);
    const open = vi.spyOn(cipher, 'open');
    expect(await settings.backendKeysForAccount('acc')).toEqual([
      { storeHash: 's1', apiKey: 'k1' },
      { storeHash: 's2', apiKey: 'k2' },
    ]);
    expect(open).toHaveBeenCalledTimes(2);
    open.mockRestore();
  });

  it('a key no configured encryption key opens verifies nothing, and is not an error', async () => {
    await new SettingsRepo(db, new TokenCipher(randomBytes(32))).saveBackend('s1', { accountId: 'acc', apiKey: 'k1', accountName: 'WH', connected: true, error: null }, now);
    expect(await new SettingsRepo(db, cipher).backendKeysForAccount('acc')).toEqual([{ storeHash: 's1', apiKey: null }]);
  });

  it('saving backend settings bumps backendVersion', async () => {
    const settings = new SettingsRepo(db, cipher);
    const before = settings.backendVersion;
    await settings.saveBackend('s1', { accountId: 'acc', apiKey: 'k1', accountName: 'WH', connected: true, error: null }, now);
    expect(settings.backendVersion).toBe(before + 1);
  });

  it('webhookSecret (the StoreGate miss) does not open the warehouse API key', async () => {
    const settings = new SettingsRepo(db, cipher);
    await settings.saveBackend('s1', { accountId: 'acc', apiKey: 'k1', accountName: 'WH', connected: true, error: null }, now);
    const sealedKey = String((await db('store_settings').where({ store_hash: 's1' }).first('backend_api_key_enc')).backend_api_key_enc);
    const { webhookSecret } = await settings.get('s1', now);
    const open = vi.spyOn(cipher, 'open');
    expect(await settings.webhookSecret('s1', now)).toBe(webhookSecret);
    expect(open).toHaveBeenCalledTimes(1);
    expect(open.mock.calls[0]![0]).not.toBe(sealedKey);
    open.mockRestore();
  });

  it('webhookSecret re-encrypts a secret sealed with a previous key', async () => {
    const old = randomBytes(32);
    await new SettingsRepo(db, new TokenCipher(old)).get('s1', now);
    const secret = await new SettingsRepo(db, new TokenCipher(old)).webhookSecret('s1', now);
    const current = randomBytes(32);
    expect(await new SettingsRepo(db, new TokenCipher(current, [old])).webhookSecret('s1', now)).toBe(secret);
    expect(await new SettingsRepo(db, new TokenCipher(current)).webhookSecret('s1', now)).toBe(secret);
  });
});

describe('POST /webhooks/fulfillment hot path', () => {
  let t: Awaited<ReturnType<typeof bareApp>>;
  const KEY = 'whk_test_key_123';
  beforeEach(async () => {
    t = await bareApp();
    await t.install();
    await t.app.services.settings.saveBackend(STORE, { accountId: 'acc-1', apiKey: KEY, accountName: 'WH', connected: true, error: null }, Date.now());
  });
  afterEach(() => t.close());

  const event = (id: string) =>
    JSON.stringify({
      id,
      type: 'shipment.created',
      created_at: new Date().toISOString(),
      data: {
        order_id: 'ord_1',
        external_ref: { source: 'bigcommerce', store_hash: STORE, order_id: 100 },
        shipment_id: 'shp_1',
        tracking_number: '1Z',
        carrier: 'UPS',
        service: 'Ground',
        items: [{ sku: 'MUG-01', quantity: 1 }],
      },
    });
  const post = (body: string, key = KEY) =>
    t.http
      .post('/webhooks/fulfillment')
      .set('content-type', 'application/json')
      .set({ 'Fulfillment-Account': 'acc-1', 'Fulfillment-Signature': signFulfillmentEvent(body, key, Math.floor(Date.now() / 1000)) })
      .send(body);

  it('reads the account keys once for a burst of events and never reads the whole settings', async () => {
    const settings = t.app.services.settings;
    const get = vi.spyOn(settings, 'get');
    const keys = vi.spyOn(settings, 'backendKeysForAccount');
    for (const id of ['evt_1', 'evt_2', 'evt_3']) expect((await post(event(id))).status).toBe(200);
    expect(get).not.toHaveBeenCalled();
    expect(keys).toHaveBeenCalledTimes(1);
  });

  it('a new key saved in Settings is used for the next event', async () => {
    expect((await post(event('evt_1'))).status).toBe(200);
    await t.app.services.settings.saveBackend(STORE, { accountId: 'acc-1', apiKey: 'whk_new_key', accountName: 'WH', connected: true, error: null }, Date.now());
    expect((await post(event('evt_2'))).status).toBe(401);
    expect((await post(event('evt_3'), 'whk_new_key')).status).toBe(200);
  });
});

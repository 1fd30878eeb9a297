// Storage battery (issue 10 point 2): store settings, the readiness scan and the health recorders,
// on SQLite and on PostgreSQL.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ApiQuotaRecorder } from '../../server/health/quota-recorder.js';
import { WarehouseCallRecorder } from '../../server/health/warehouse-calls.js';
import { ReadinessRepo } from '../../server/storage/readiness-repo.js';
import { SettingsRepo, StaleSettingsError } from '../../server/storage/settings-repo.js';
import { TokenCipher } from '../../server/storage/token-cipher.js';
import { seedStores, useBatteryDatabase } from './battery.js';

const db = useBatteryDatabase();

describe('SettingsRepo', () => {
  it('creates the row with boolean flows, saves them as booleans, and refuses a stale revision', async () => {
    await seedStores(db(), 's1');
    const settings = new SettingsRepo(db(), new TokenCipher(randomBytes(32)));
    const fresh = await settings.get('s1', 1);
    expect(fresh.flows).toEqual({ orders: true, fulfillment: true, inventory: true, cancellations: true });
    expect(fresh.revision).toBe(1);
    await settings.saveFlows('s1', { inventory: false }, 2, 1);
    await expect(settings.saveFlows('s1', { orders: false }, 3, 1)).rejects.toBeInstanceOf(StaleSettingsError);
    const after = await settings.get('s1', 4);
    expect(after.flows).toEqual({ orders: true, fulfillment: true, inventory: false, cancellations: true });
    expect(after.revision).toBe(2);

    await settings.saveFlowOptions('s1', { cancellationStatusIds: [5, 6], inventoryLocationId: 3, syncMode: 'poll' }, 5);
    await settings.saveCursors('s1', { shipments: 'c-1' }, 6);
    await settings.saveWatermark('s1', 1_700_000_000_123, 7);
    await settings.saveBackendCheck('s1', { connected: true, accountName: 'Demo', error: null }, 8);
    const s = await settings.get('s1', 9);
    expect(s).toMatchObject({
      cancellationStatusIds: [5, 6],
      inventoryLocationId: 3,
      syncMode: 'poll',
      shipmentsCursor: 'c-1',
      inventoryCursor: null,
      reconcileWatermark: 1_700_000_000_123,
    });
    // Still a JavaScript number (bigint column on PostgreSQL, parsed as a number).
    expect(typeof s.reconcileWatermark).toBe('number');
  });
  it('saves the warehouse connection encrypted, finds stores by account, keeps the first import save, and one row per store', async () => {
    await seedStores(db(), 's1', 's2');
    const settings = new SettingsRepo(db(), new TokenCipher(randomBytes(32)));
    // Two first reads at once create one row (ON CONFLICT DO NOTHING), with one webhook secret.
    const [a, b] = await Promise.all([settings.get('s1', 1), settings.get('s1', 1)]);
    expect(a.webhookSecret).toBe(b.webhookSecret);
    expect(await settings.webhookSecret('s1', 2)).toBe(a.webhookSecret);
    expect(await settings.webhookSecret('nope', 2)).toBeUndefined();
    await settings.saveBackend('s1', { accountId: 'acc-1', apiKey: 'key-1', accountName: 'Demo', connected: true, error: null }, 3);
    await settings.saveBackend('s2', { accountId: 'acc-1', apiKey: 'key-2', accountName: 'Demo', connected: false, error: 'refused' }, 3);
    const row = await db()('store_settings').where({ store_hash: 's1' }).first('backend_api_key_enc');
    expect(String(row.backend_api_key_enc)).not.toContain('key-1');
    expect(await settings.get('s1', 4)).toMatchObject({ backendAccountId: 'acc-1', backendApiKey: 'key-1', backendConnected: true, backendCheckedAt: 3 });
    expect((await settings.get('s2', 4)).backendConnected).toBe(false);
    expect((await settings.backendKeysForAccount('acc-1')).map((k) => [k.storeHash, k.apiKey]).sort()).toEqual([
      ['s1', 'key-1'],
      ['s2', 'key-2'],
    ]);
    expect(await settings.backendKeysForAccount('other')).toEqual([]);

    await settings.saveImport('s1', { importStatusId: 9, statusAfterAcceptId: null }, 5);
    await settings.saveImport('s1', { importStatusId: 10, statusAfterAcceptId: 2 }, 6);
    await settings.saveWebhookHealth('s1', 'deactivated', 7);
    await settings.saveApiQuotaShare('s1', 40, 8);
    expect(await settings.get('s1', 9)).toMatchObject({
      importStatusId: 10,
      statusAfterAcceptId: 2,
      importStatusSavedAt: 5,
      webhooksError: 'deactivated',
      webhooksReconciledAt: 7,
      apiQuotaShare: 40,
    });
  });
});

describe('ReadinessRepo', () => {
  const checks = [{ id: 'skus', title: 'SKUs', state: 'pending', summary: '' }] as never;

  it('queues one scan at a time, runs it through begin/save/finish, and a failure marks unchecked checks', async () => {
    await seedStores(db(), 's1');
    const repo = new ReadinessRepo(db());
    const both = await Promise.all([repo.queue('s1', checks, 10), repo.queue('s1', checks, 10)]);
    expect(both.filter((q) => q.started)).toHaveLength(1);
    const { row } = both[0];
    expect(row).toMatchObject({ run: 1, state: 'queued', total: null, startedAt: null });
    expect(await repo.begin('s1', 1, 20)).toBe(true);
    expect(await repo.begin('s1', 1, 25)).toBe(true);
    expect((await repo.get('s1'))?.startedAt).toBe(20);
    expect(await repo.finish('s1', 1, checks, 30)).toBe(true);
    expect(await repo.finish('s1', 1, checks, 31)).toBe(false);
    const second = await repo.queue('s1', checks, 40);
    expect(second).toMatchObject({ started: true, row: { run: 2, state: 'queued' } });
    expect(await repo.fail('s1', 1, 'old run', 41)).toBe(false);
    expect(await repo.fail('s1', 2, 'BigCommerce unreachable', 42)).toBe(true);
    expect(await repo.get('s1')).toMatchObject({ state: 'failed', error: 'BigCommerce unreachable' });
    expect((await repo.get('s1'))?.checks[0]).toMatchObject({ state: 'failed' });
    expect(await repo.get('nope')).toBeUndefined();
  });
});

describe('health recorders', () => {
  it('WarehouseCallRecorder keeps the first failure time until a success or a newer check', async () => {
    await seedStores(db(), 's1');
    await new SettingsRepo(db(), new TokenCipher(randomBytes(32))).get('s1', 1);
    let now = 1_000;
    const errors: unknown[] = [];
    const rec = new WarehouseCallRecorder({ db: db(), now: () => now, throttleMs: 0, onError: (e) => errors.push(e) });
    const row = () => db()('store_settings').where({ store_hash: 's1' }).first('backend_last_ok_at', 'backend_failing_since', 'backend_failure_kind', 'backend_last_call_error');
    await rec.record('s1', { ok: false, kind: 'unreachable', message: 'down' });
    now = 2_000;
    await rec.record('s1', { ok: false, kind: 'refused', message: 'no' });
    expect(await row()).toMatchObject({ backend_failing_since: 1_000, backend_failure_kind: 'refused', backend_last_call_error: 'no' });
    now = 3_000;
    await rec.record('s1', { ok: true });
    expect(await row()).toMatchObject({ backend_last_ok_at: 3_000, backend_failing_since: null, backend_failure_kind: null });
    await db()('store_settings').where({ store_hash: 's1' }).update({ backend_checked_at: 3_500, backend_failing_since: 3_100 });
    now = 4_000;
    await rec.record('s1', { ok: false, kind: 'unreachable', message: 'down' });
    expect((await row())?.backend_failing_since).toBe(4_000);
    expect(errors).toEqual([]);
  });

  it('ApiQuotaRecorder upserts the latest quota and when it ran out', async () => {
    await seedStores(db(), 's1');
    let now = 10_000;
    const errors: unknown[] = [];
    const rec = new ApiQuotaRecorder({ db: db(), now: () => now, writeEveryMs: 0, onError: (e) => errors.push(e) });
    rec.observe('s1', { quota: 450, left: 400, resetMs: 5_000, windowMs: 30_000, rateLimited: false });
    await rec.flush();
    now = 11_000;
    rec.observe('s1', { quota: 450, left: 0, resetMs: undefined, windowMs: undefined, rateLimited: true });
    await rec.flush();
    expect(errors).toEqual([]);
    expect(
      await db()('store_api_quota').where({ store_hash: 's1' }).first('requests_quota', 'requests_left', 'requests_in_window', 'window_ms', 'exhausted_at', 'observed_at'),
    ).toEqual({
      requests_quota: 450,
      requests_left: 0,
      requests_in_window: 450,
      window_ms: 30_000,
      exhausted_at: 11_000,
      observed_at: 11_000,
    });
  });
});

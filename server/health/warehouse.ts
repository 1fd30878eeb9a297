import type { Knex } from 'knex';
import type { WarehouseHealth } from '../domain/health.js';
import type { StoreSettings } from '../storage/settings-repo.js';
import { readWarehouseCalls, type WarehouseCallFacts } from './facts.js';
import { iso } from './time-words.js';

type SettingsPart = Pick<StoreSettings, 'backendAccountId' | 'backendApiKey' | 'backendConnected' | 'backendAccountName' | 'backendCheckedAt' | 'backendError'>;

/**
 * The warehouse connection as the last real call found it. Saving credentials in Settings is
 * itself a successful call (they are saved only after the warehouse accepted them), so a failing
 * run that began before the save is over; calls failing after it start a new run
 * (warehouse-calls.ts keeps backend_failing_since accordingly).
 */
export function warehouseHealth(settings: SettingsPart, calls: WarehouseCallFacts): WarehouseHealth {
  if (!settings.backendAccountId || !settings.backendApiKey || !settings.backendConnected) {
    return {
      state: 'not_connected',
      accountName: null,
      lastOkAt: null,
      failingSince: null,
      // An API key no configured encryption key opens says why here (settings-repo.ts).
      lastError: settings.backendAccountId ? settings.backendError : null,
    };
  }
  const savedAt = settings.backendCheckedAt ?? 0;
  const lastOk = Math.max(calls.lastOkAt ?? 0, savedAt) || null;
  const failing = calls.failingSince !== null && calls.failingSince >= savedAt;
  return {
    state: failing ? (calls.failureKind ?? 'unreachable') : 'ok',
    accountName: settings.backendAccountName,
    lastOkAt: iso(lastOk),
    failingSince: failing ? iso(calls.failingSince) : null,
    lastError: failing ? calls.lastCallError : null,
  };
}

/**
 * For Settings: the same state the Overview shows, from settings already read (one small query),
 * so its "Connected" badge cannot contradict the last real call.
 */
export async function warehouseHealthFor(db: Knex, settings: SettingsPart & Pick<StoreSettings, 'storeHash'>): Promise<WarehouseHealth> {
  return warehouseHealth(settings, await readWarehouseCalls(db, settings.storeHash));
}

import { describe, expect, it } from 'vitest';
import type { BackendSettings, WarehouseHealth } from '../../server/api/contract.js';
import { backendState } from '../../client/src/pages/settings/backendState.js';

const health = (h: Partial<WarehouseHealth>): WarehouseHealth => ({ state: 'ok', accountName: 'Acme', lastOkAt: null, failingSince: null, lastError: null, ...h });
const backend = (connected: boolean, h: Partial<WarehouseHealth>): Pick<BackendSettings, 'connected' | 'health'> => ({ connected, health: health(h) });
const time = (iso: string) => iso.slice(11, 16);

describe('Settings › backend badge from the last real call', () => {
  it('is green only while the last calls worked', () => {
    expect(backendState(backend(true, { state: 'ok' }), time)).toEqual({ badge: { label: 'Connected', variant: 'success' }, problem: null });
  });
  it('says unreachable since when, with the reason, during an outage (not a green "Connected")', () => {
    const s = backendState(backend(true, { state: 'unreachable', failingSince: '2026-11-30T10:40:00.000Z', lastError: 'The warehouse did not answer (server error 500).' }), time);
    expect(s.badge).toEqual({ label: 'Unreachable', variant: 'danger' });
    expect(s.problem?.header).toBe('The warehouse has not answered since 10:40');
    expect(s.problem?.text).toMatch(/server error 500\)\. Orders wait/);
  });
  it('says the key is refused', () => {
    expect(backendState(backend(true, { state: 'refused' }), time).badge.label).toBe('Key refused');
  });
  it('is "Not connected" without saved credentials', () => {
    expect(backendState(backend(false, { state: 'not_connected' }), time).badge.label).toBe('Not connected');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowOptionsChanges } from '../../server/api/flow-options-changes.js';
import { signedInBareApp, STORE, type SignedInApp } from '../helpers/bare-app.js';

// Issue 7 point 15: `PUT /api/settings/flow-options {}` logged "Settings changed: ." in Activity.
let t: SignedInApp;
let token = '';
beforeAll(async () => {
  t = await signedInBareApp();
  token = t.token;
});
afterAll(() => t.close());
const putFlowOptions = (body: object) => t.http.put('/api/settings/flow-options').set('Authorization', `Bearer ${token}`).send(body);
const settingsLog = async () => (await t.db('sync_log').where({ store_hash: STORE, flow: 'settings' }).orderBy('id').select('message')).map((r) => String(r.message));

describe('PUT /api/settings/flow-options activity line', () => {
  it('logs nothing for an empty body or values already saved, and answers the settings', async () => {
    const before = await settingsLog();
    for (const body of [{}, { syncMode: 'push' }, { inventoryLocationId: 1, cancellationStatusIds: [5] }]) {
      const res = await putFlowOptions(body);
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(res.body.syncMode).toBe('push');
    }
    expect(await settingsLog()).toEqual(before);
  });

  it('lists only the settings whose value changed, with their new value', async () => {
    const res = await putFlowOptions({ syncMode: 'poll', inventoryLocationId: 1, statusOnBackendCancelId: 5 });
    expect(res.status).toBe(200);
    expect((await settingsLog()).at(-1)).toBe('Settings changed: status when the warehouse cancels #5; sync mode poll.');
  });
});

describe('flowOptionsChanges', () => {
  const current = { cancellationStatusIds: [5, 6], statusOnBackendCancelId: null, inventoryLocationId: 1, syncMode: 'push' as const };
  it('treats the cancellation statuses as a set', () => {
    expect(flowOptionsChanges(current, { cancellationStatusIds: [6, 5] })).toEqual([]);
    expect(flowOptionsChanges(current, { cancellationStatusIds: [] })).toEqual(['cancellation statuses none']);
    expect(flowOptionsChanges(current, { cancellationStatusIds: [5, 10] })).toEqual(['cancellation statuses #5, #10']);
  });
  it('says the status is kept when the status on a warehouse cancel is cleared', () => {
    expect(flowOptionsChanges({ ...current, statusOnBackendCancelId: 5 }, { statusOnBackendCancelId: null })).toEqual(['keep the BigCommerce status when the warehouse cancels']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInBareApp, STORE, type SignedInApp } from '../helpers/bare-app.js';

// Issue 7 point 16: "Choose the order import status" was marked done when the warehouse connected.
let t: SignedInApp;
let token = '';
beforeAll(async () => {
  t = await signedInBareApp();
  token = t.token;
});
afterAll(() => t.close());
const step = async (id: string): Promise<boolean> => {
  const res = await t.http.get('/api/overview').set('Authorization', `Bearer ${token}`);
  expect(res.status).toBe(200);
  return res.body.checklist.find((item: { id: string }) => item.id === id).done;
};

describe('Overview checklist', () => {
  it('marks the import status step done only once the merchant saved it, whatever the warehouse connection', async () => {
    expect(await step('backend')).toBe(false);
    expect(await step('import-status')).toBe(false);

    await t.app.services.settings.saveBackend(STORE, { accountId: 'wh-demo', apiKey: 'whk_demo', accountName: 'Demo', connected: true, error: null }, Date.now());
    expect(await step('backend')).toBe(true);
    expect(await step('import-status')).toBe(false);

    const saved = await t.http.put('/api/settings/import').set('Authorization', `Bearer ${token}`).send({ importStatusId: 11, statusAfterAcceptId: null });
    expect(saved.status).toBe(200);
    expect(await step('import-status')).toBe(true);
    expect(await step('backend')).toBe(true);

    // Activity is purged after 30 days; the step must stay done.
    await t.app.services.db('sync_log').delete();
    expect(await step('import-status')).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusContradictions } from '../../server/api/settings-checks.js';
import { changedFields } from '../../server/api/settings-audit.js';
import { NOT_A_MANAGER_MESSAGE } from '../../server/sessions/require-manager.js';
import { bootDataOf } from '../helpers/harness.js';
import { signedInBareApp, STORE, type ApiMethod, type SignedInApp } from '../helpers/bare-app.js';

// Issue 9 point 8: Settings checks contradictions on the values after the change, refuses a stale
// revision with 409 and the saved settings, lets only managers change things, and audits each change.
let t: SignedInApp;
let memberToken = '';
beforeAll(async () => {
  t = await signedInBareApp();
  // A second member of the store, not allowed to manage (the owner has not allowed them).
  const page = await t.http.get('/load').query({ signed_payload_jwt: t.sign({ user: { id: 22, email: 'member@example.com', locale: 'en-US' } }) });
  memberToken = String((await t.http.post('/api/session').send({ code: bootDataOf(page.text).exchangeCode })).body.token);
});
afterAll(() => t.close());

const asMember = (method: ApiMethod, path: string, body?: object) => {
  const r = t.http[method](path).set('Authorization', `Bearer ${memberToken}`);
  return body ? r.send(body) : r;
};
const settings = async () =>
  (await t.api('get', '/api/settings')).body as { revision: number; importStatusId: number; statusAfterAcceptId: number | null; cancellationStatusIds: number[] };
const auditRows = async (action: string) =>
  (await t.db('audit_log').where({ store_hash: STORE, action }).orderBy('id').select('user_email', 'subject', 'before_json', 'after_json')).map((r) => ({
    email: r.user_email as string,
    subject: r.subject as string,
    before: JSON.parse(String(r.before_json)) as unknown,
    after: JSON.parse(String(r.after_json)) as unknown,
  }));

describe('contradictions, checked against the saved values', () => {
  it('refuses a status after acceptance that is a cancellation status, naming the field', async () => {
    // Saved: import 11, cancellation [5]. Only statusAfterAcceptId is sent.
    const res = await t.api('put', '/api/settings/import', { importStatusId: 11, statusAfterAcceptId: 5 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('settings_contradiction');
    expect(Object.keys(res.body.error.fields)).toEqual(['statusAfterAcceptId']);
    expect(res.body.error.fields.statusAfterAcceptId).toMatch(/cancels the order/);
    expect((await settings()).statusAfterAcceptId).toBeNull();
  });

  it('refuses a status after acceptance equal to the import status, and an import status that cancels', async () => {
    const same = await t.api('put', '/api/settings/import', { importStatusId: 9, statusAfterAcceptId: 9 });
    expect(same.status).toBe(400);
    expect(same.body.error.fields).toHaveProperty('statusAfterAcceptId');
    const cancels = await t.api('put', '/api/settings/import', { importStatusId: 5, statusAfterAcceptId: null });
    expect(cancels.status).toBe(400);
    expect(Object.keys(cancels.body.error.fields)).toEqual(['importStatusId']);
  });

  it('refuses, in a later request, a cancellation status that is the saved status after acceptance', async () => {
    expect((await t.api('put', '/api/settings/import', { importStatusId: 11, statusAfterAcceptId: 9 })).status).toBe(200);
    const res = await t.api('put', '/api/settings/flow-options', { cancellationStatusIds: [5, 9] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ cancellationStatusIds: expect.stringMatching(/accepted order would be cancelled/) });
    const onCancel = await t.api('put', '/api/settings/flow-options', { statusOnBackendCancelId: 9 });
    expect(onCancel.status).toBe(400);
    expect(Object.keys(onCancel.body.error.fields)).toEqual(['statusOnBackendCancelId']);
    expect((await t.api('put', '/api/settings/flow-options', { statusOnBackendCancelId: 11 })).body.error.fields).toHaveProperty('statusOnBackendCancelId');
    // A status that contradicts nothing is saved.
    expect((await t.api('put', '/api/settings/flow-options', { statusOnBackendCancelId: 5 })).status).toBe(200);
  });

  it('names only the fields the request changes', () => {
    const saved = { importStatusId: 11, statusAfterAcceptId: 9, cancellationStatusIds: [5], statusOnBackendCancelId: null };
    expect(statusContradictions(saved, { cancellationStatusIds: [11, 9] })).toEqual({ cancellationStatusIds: expect.stringMatching(/accepts/) });
    expect(statusContradictions(saved, { statusOnBackendCancelId: 9 })).toEqual({ statusOnBackendCancelId: expect.stringMatching(/look accepted/) });
    expect(statusContradictions({ ...saved, statusAfterAcceptId: 5 }, { statusOnBackendCancelId: 6 })).toEqual({});
    expect(statusContradictions(saved, { importStatusId: 9, statusAfterAcceptId: 9 })).toEqual({
      statusAfterAcceptId: expect.any(String),
      importStatusId: expect.any(String),
    });
  });
});

describe('conflicting edits', () => {
  it('answers 409 with the saved settings when the revision is stale, and saves nothing', async () => {
    const opened = await settings();
    // Someone else saves first.
    const first = await t.api('put', '/api/settings/flow-options', { syncMode: 'poll', revision: opened.revision });
    expect(first.status).toBe(200);
    expect(first.body.revision).toBe(opened.revision + 1);
    const stale = await t.api('put', '/api/settings/flow-options', { inventoryLocationId: 2, revision: opened.revision });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('settings_changed');
    expect(stale.body.error.message).toMatch(/Changed by someone else since you opened it/);
    expect(stale.body.current).toMatchObject({ syncMode: 'poll', inventoryLocationId: 1, revision: opened.revision + 1 });
    for (const [path, body] of [
      ['/api/settings/import', { importStatusId: 10, statusAfterAcceptId: null }],
      ['/api/settings/flows', { orders: false }],
    ] as const) {
      const res = await t.api('put', path, { ...body, revision: opened.revision });
      expect(res.status, path).toBe(409);
    }
    expect(await settings()).toMatchObject({ importStatusId: 11, revision: opened.revision + 1 });
  });

  it('accepts a PUT without a revision (API clients, older callers) and one on the current revision', async () => {
    const before = await settings();
    const without = await t.api('put', '/api/settings/flows', { inventory: false });
    expect(without.status).toBe(200);
    expect(without.body.revision).toBe(before.revision + 1);
    const current = await t.api('put', '/api/settings/flows', { inventory: true, revision: without.body.revision });
    expect(current.status).toBe(200);
    expect(current.body.flows.inventory).toBe(true);
  });

  it('refuses a malformed revision with 400', async () => {
    const res = await t.api('put', '/api/settings/flows', { orders: true, revision: 'latest' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('revision');
  });
});

describe('only managers change settings', () => {
  it('answers 403 with a readable message to a member without canManage, and changes nothing', async () => {
    const before = await settings();
    for (const [path, body] of [
      ['/api/settings/import', { importStatusId: 10, statusAfterAcceptId: null }],
      ['/api/settings/flows', { orders: false }],
      ['/api/settings/flow-options', { syncMode: 'push' }],
      ['/api/settings/backend', { accountId: 'acc', apiKey: 'key' }],
      ['/api/carrier-mappings', { backendCarrier: 'UPS', shippingProvider: 'ups', trackingCarrier: null }],
    ] as const) {
      const res = await asMember('put', path, body);
      expect(res.status, path).toBe(403);
      expect(res.body.error.message).toBe(NOT_A_MANAGER_MESSAGE);
    }
    expect((await asMember('get', '/api/settings')).status).toBe(200);
    expect((await settings()).revision).toBe(before.revision);
  });

  it('lets the member change settings once the owner allows them', async () => {
    await t.db('store_members').where({ store_hash: STORE, user_id: 22 }).update({ can_manage: true });
    const res = await asMember('put', '/api/settings/flows', { fulfillment: true });
    expect(res.status).toBe(200);
    await t.db('store_members').where({ store_hash: STORE, user_id: 22 }).update({ can_manage: false });
  });
});

describe('audit entries', () => {
  it('records who changed which settings, before → after of the changed fields only', async () => {
    await t.api('put', '/api/settings/import', { importStatusId: 11, statusAfterAcceptId: 3 });
    expect((await auditRows('settings.import')).at(-1)).toEqual({
      email: 'owner@example.com',
      subject: 'Order import',
      before: { statusAfterAccept: 'Awaiting Shipment' },
      after: { statusAfterAccept: 'Partially Shipped' },
    });
    await t.api('put', '/api/settings/flows', { orders: false });
    expect((await auditRows('settings.flows')).at(-1)).toMatchObject({ before: { orders: 'on' }, after: { orders: 'off' } });
    await t.api('put', '/api/settings/flow-options', { cancellationStatusIds: [5, 6], syncMode: 'push' });
    expect((await auditRows('settings.cancellations')).at(-1)).toMatchObject({
      before: { cancellationStatuses: ['Cancelled'] },
      after: { cancellationStatuses: ['Cancelled', 'Declined'] },
    });
    expect((await auditRows('settings.inventory')).at(-1)).toMatchObject({
      before: { syncMode: 'Fulfillment Bridge asks every few minutes' },
      after: { syncMode: 'the warehouse sends updates' },
    });
  });

  it('records nothing for a save that changes nothing, and never stores an API key', async () => {
    const count = (await auditRows('settings.flows')).length;
    await t.api('put', '/api/settings/flows', { orders: false });
    expect(await auditRows('settings.flows')).toHaveLength(count);
    expect(changedFields({ apiKey: 'a saved key', accountId: 'a' }, { apiKey: 'API key changed', accountId: 'a' })).toEqual({
      before: { apiKey: 'a saved key' },
      after: { apiKey: 'API key changed' },
    });
  });

  it('records carrier mapping changes', async () => {
    await t.api('put', '/api/carrier-mappings', { backendCarrier: 'DHL', shippingProvider: '', trackingCarrier: 'dhl' });
    expect((await auditRows('mapping.carrier.save')).at(-1)).toMatchObject({
      subject: 'Carrier "DHL"',
      before: { shippingProvider: null, trackingCarrier: null },
      after: { shippingProvider: '', trackingCarrier: 'dhl' },
    });
  });
});

// Issue 9 point 4 (client): the order rules list against the API contract with a mocked fetch:
// load in evaluation order, add, edit with baseUpdatedAt, a stale edit (409) offering to reload,
// a duplicate name next to its field, on/off, move, delete; and the dry run's request.
import { describe, expect, it, vi } from 'vitest';
import type { OrderRule } from '../../server/api/contract.js';
import { createApiClient } from '../../client/src/api/http.js';
import { requestPreview, rulesWithDraft } from '../../client/src/pages/rules/preview.js';
import { createRulesStore } from '../../client/src/pages/rules/rulesStore.js';

const json = (status: number, body: unknown): Response =>
  status === 204 ? new Response(null, { status }) : new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const rule = (over: Partial<OrderRule> = {}): OrderRule => ({
  id: 2,
  name: 'International',
  action: 'hold',
  enabled: true,
  conditions: [{ field: 'country', operator: 'is_none_of', values: ['US'] }],
  position: 1,
  builtIn: null,
  ordersAffected: 0,
  updatedAt: '2026-03-01T10:00:00.000Z',
  ...over,
});
const builtIn = rule({
  id: 1,
  name: 'Manual Verification Required',
  position: 0,
  builtIn: 'manual_verification',
  conditions: [{ field: 'status', operator: 'is_any_of', values: ['12'] }],
});

type Handler = (body: any) => Response;

function fakeServer(handlers: Record<string, Handler>) {
  const calls: Array<{ method: string; path: string; body: any }> = [];
  const fetchMock = vi.fn(async (path: string | URL | Request, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path: String(path), body });
    const handler = handlers[`${method} ${String(path)}`];
    return handler ? handler(body) : json(404, { error: { code: 'not_found', message: 'Not found' } });
  });
  const api = createApiClient({ fetch: fetchMock, getToken: () => 'tok', onSessionEnded: () => {} });
  return { api, calls, store: createRulesStore(api) };
}

describe('the order rules store', () => {
  it('loads the rules in evaluation order, whatever order the answer lists them in', async () => {
    const { store } = fakeServer({ 'GET /api/rules': () => json(200, { items: [rule(), builtIn] }) });
    expect(store.getState().status).toBe('loading');
    await store.load();
    expect(store.getState()).toMatchObject({ status: 'ready', loadError: null });
    expect(store.getState().rules.map((r) => r.name)).toEqual(['Manual Verification Required', 'International']);
  });

  it('shows a first load failure, and keeps the list on screen when a later reload fails', async () => {
    let fail = true;
    const { store } = fakeServer({ 'GET /api/rules': () => (fail ? json(500, { error: { code: 'boom', message: 'Database busy' } }) : json(200, { items: [builtIn] })) });
    await store.load();
    expect(store.getState()).toMatchObject({ status: 'error', loadError: { message: 'Database busy' } });
    fail = false;
    await store.load();
    fail = true;
    await store.load();
    expect(store.getState()).toMatchObject({ status: 'ready', rules: [builtIn], notice: { type: 'error', text: expect.stringContaining('Database busy') } });
  });

  it('adds a rule (POST) and edits one with the updatedAt it was opened with (PUT baseUpdatedAt)', async () => {
    const created = rule({ id: 3, name: 'Big orders', position: 2, conditions: [{ field: 'order_total', operator: 'greater_than', values: ['500'] }] });
    const { store, calls } = fakeServer({
      'GET /api/rules': () => json(200, { items: [builtIn, rule()] }),
      'POST /api/rules': () => json(201, created),
      'PUT /api/rules/2': (body) => json(200, rule({ ...body, updatedAt: '2026-03-02T00:00:00.000Z' })),
    });
    await store.load();
    const input = { name: 'Big orders', action: 'hold' as const, enabled: true, conditions: created.conditions };
    expect(await store.save(null, input)).toEqual({ ok: true, rule: created });
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual(input);
    expect(store.getState().notice).toEqual({ type: 'success', text: 'Rule “Big orders” saved.' });

    const edit = { name: 'International', action: 'skip' as const, enabled: true, conditions: rule().conditions };
    const outcome = await store.save(rule(), edit);
    expect(outcome.ok).toBe(true);
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ ...edit, baseUpdatedAt: '2026-03-01T10:00:00.000Z' });
    expect(store.getState().notice?.text).toContain('Orders it held or skipped are checked again.');
  });

  it('returns a stale edit (409) and a duplicate name with its field error, without changing the list', async () => {
    let answer: Response = json(409, { error: { code: 'stale', message: 'Changed by someone else since you opened it.' } });
    const { store } = fakeServer({ 'GET /api/rules': () => json(200, { items: [builtIn, rule()] }), 'PUT /api/rules/2': () => answer });
    await store.load();
    const stale = await store.save(rule(), { name: 'International', action: 'skip', enabled: true, conditions: rule().conditions });
    expect(stale).toMatchObject({ ok: false, error: { status: 409, code: 'stale' } });
    expect(store.getState().rules[1]).toEqual(rule());

    answer = json(409, { error: { code: 'duplicate', message: 'A rule named "Manual Verification Required" already exists', fields: { name: 'Already used by another rule' } } });
    const duplicate = await store.save(rule(), { name: 'Manual Verification Required', action: 'hold', enabled: true, conditions: rule().conditions });
    expect(duplicate).toMatchObject({ ok: false, error: { status: 409, code: 'duplicate', fields: { name: 'Already used by another rule' } } });
  });

  it('turns a rule off with its baseUpdatedAt; a stale answer offers to reload instead of an error', async () => {
    let stale = false;
    const { store, calls } = fakeServer({
      'GET /api/rules': () => json(200, { items: [builtIn, rule()] }),
      'PUT /api/rules/1': (body) => (stale ? json(409, { error: { code: 'stale', message: 'Changed' } }) : json(200, { ...builtIn, enabled: body.enabled })),
    });
    await store.load();
    await store.setEnabled(builtIn, false);
    expect(calls.at(-2)).toMatchObject({
      method: 'PUT',
      body: { name: 'Manual Verification Required', enabled: false, conditions: builtIn.conditions, baseUpdatedAt: builtIn.updatedAt },
    });
    expect(store.getState().notice?.text).toContain('“Manual Verification Required” is off');
    expect(store.getState().busyId).toBeNull();

    stale = true;
    await store.setEnabled(builtIn, false);
    expect(store.getState()).toMatchObject({ conflict: true, busyId: null });
    await store.load();
    expect(store.getState().conflict).toBe(false);
  });

  it('moves a rule (POST /api/rules/order with every id) and deletes one, saying so; a refusal is shown', async () => {
    const third = rule({ id: 3, name: 'Wholesale', position: 2 });
    const { store, calls } = fakeServer({
      'GET /api/rules': () => json(200, { items: [builtIn, rule(), third] }),
      'POST /api/rules/order': (body) =>
        json(200, { items: body.ids.map((id: number, position: number) => ({ ...[builtIn, rule(), third].find((r) => r.id === id)!, position })) }),
      'DELETE /api/rules/3': () => json(204, null),
      'DELETE /api/rules/1': () => json(409, { error: { code: 'built_in', message: '"Manual Verification Required" is built in: it cannot be deleted. Turn it off instead.' } }),
    });
    await store.load();
    await store.move(third, -1);
    expect(calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/rules/order', body: { ids: [1, 3, 2] } });
    expect(store.getState().rules.map((r) => r.id)).toEqual([1, 3, 2]);
    expect(store.getState().notice).toEqual({ type: 'success', text: '“Wholesale” moved up.' });

    expect(await store.remove(third)).toBe(true);
    expect(store.getState().rules.map((r) => r.id)).toEqual([1, 2]);
    expect(await store.remove(builtIn)).toBe(false);
    expect(store.getState()).toMatchObject({ conflict: false, notice: { type: 'error', text: expect.stringContaining('Turn it off instead') } });
  });
});

describe('the dry run request', () => {
  it('posts nothing for the saved rules, and the drafts in `rules` for "Try this rule"', async () => {
    const answer = { orderId: 1042, outcome: 'held', reason: 'Held', rule: { id: 2, name: 'International', action: 'hold' }, body: null, connected: false, notes: [] };
    const { api, calls } = fakeServer({ 'POST /api/orders/1042/preview': () => json(200, answer) });
    expect(await requestPreview(api, 1042)).toEqual(answer);
    expect(calls[0]!.body).toEqual({});
    const drafts = rulesWithDraft([builtIn, rule()], 2, { name: 'International', action: 'skip', enabled: true, conditions: rule().conditions });
    await requestPreview(api, 1042, drafts);
    expect(calls[1]!.body).toEqual({ rules: [expect.objectContaining({ id: 1, action: 'hold' }), expect.objectContaining({ id: 2, action: 'skip' })] });
  });
});

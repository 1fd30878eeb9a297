// Issue 9 point 1: the readiness scan in the UI, against the API contract with a mocked fetch:
// counted progress while it runs (polling while queued/running, and only then), starting a scan,
// the one-click "track inventory" fix with its result, and what each check and finding shows.
import { describe, expect, it, vi } from 'vitest';
import type { ReadinessCheckView, ReadinessScanView } from '../../server/api/contract.js';
import { createApiClient } from '../../client/src/api/http.js';
import { checkBadge, progressLabel, progressPercent, safeFix, scanSummary, scanTotals, shownOfTotal } from '../../client/src/pages/setup/readiness.js';
import { createReadinessStore } from '../../client/src/pages/setup/readinessStore.js';

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function scanView(over: Partial<ReadinessScanView> = {}): ReadinessScanView {
  return { state: 'done', startedAt: '2025-01-01T10:00:00Z', finishedAt: '2025-01-01T10:01:00Z', progress: { step: 'Done', done: 4, total: 4 }, checks: [], error: null, ...over };
}

function check(over: Partial<ReadinessCheckView> = {}): ReadinessCheckView {
  return { check: 'shipping_methods', title: 'Shipping methods', state: 'ok', summary: '', findings: [], findingsTotal: 0, ...over };
}

const unmappedFlatRate = check({
  state: 'problems',
  summary: '1 of 2 methods used by recent orders has no warehouse service.',
  findings: [
    {
      check: 'shipping_methods',
      severity: 'blocker',
      subject: 'Flat Rate',
      message: 'Used by 3 recent orders.',
      fix: { kind: 'link', label: 'Map it', path: '/settings?mapMethod=Flat%20Rate#shipping-mappings' },
    },
  ],
  findingsTotal: 1,
});

/** A fake server: answers GET /api/readiness from a queue of views, records every call. */
function fakeServer(views: ReadinessScanView[], handlers: Record<string, (body: unknown) => Response> = {}) {
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  const fetchMock = vi.fn(async (path: string | URL | Request, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path: String(path), body });
    const handler = handlers[`${method} ${String(path)}`];
    if (handler) return handler(body);
    if (method === 'GET' && path === '/api/readiness') return json(200, views.length > 1 ? views.shift() : views[0]);
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  });
  const api = createApiClient({ fetch: fetchMock, getToken: () => 'tok', onSessionEnded: () => {} });
  // Timers by hand: the test decides when the next poll happens.
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const store = createReadinessStore({
    api,
    setTimeout: (fn, ms) => {
      const t = { fn, ms };
      timers.push(t);
      return t;
    },
    clearTimeout: (h) => {
      const i = timers.indexOf(h as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
    pollMs: 1_000,
  });
  const tick = async () => {
    const t = timers.shift();
    if (!t) throw new Error('no poll scheduled');
    t.fn();
    await flush();
  };
  return { store, calls, timers, tick };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('readiness store (mocked fetch)', () => {
  it('polls while the scan is queued or running, shows its counted progress, and stops once it is done', async () => {
    const running = (done: number) => scanView({ state: 'running', finishedAt: null, progress: { step: 'Reading products', done, total: 1200 } });
    const s = fakeServer([
      scanView({ state: 'queued', finishedAt: null, progress: { step: '', done: 0, total: null } }),
      running(250),
      running(900),
      scanView({ checks: [unmappedFlatRate] }),
    ]);
    const release = s.store.retain();
    await flush();
    expect(s.store.getState().view?.state).toBe('queued');
    expect(progressLabel(s.store.getState().view!)).toBe('Waiting to start…');
    expect(s.timers).toHaveLength(1);
    expect(s.timers[0]!.ms).toBe(1_000);

    await s.tick();
    expect(progressLabel(s.store.getState().view!)).toBe('Reading products: 250 of 1,200');
    expect(progressPercent(s.store.getState().view!)).toBe(21);
    await s.tick();
    expect(progressLabel(s.store.getState().view!)).toBe('Reading products: 900 of 1,200');
    await s.tick();
    expect(s.store.getState().view?.state).toBe('done');
    // Done: no further poll.
    expect(s.timers).toHaveLength(0);
    expect(s.calls.filter((c) => c.path === '/api/readiness')).toHaveLength(4);
    release();
  });

  it('stops polling when the last panel leaves the screen', async () => {
    const s = fakeServer([scanView({ state: 'running', finishedAt: null })]);
    const release = s.store.retain();
    await flush();
    expect(s.timers).toHaveLength(1);
    release();
    expect(s.timers).toHaveLength(0);
  });

  it('starts a scan with POST /api/readiness/scan and follows the queued scan', async () => {
    const s = fakeServer([scanView({ checks: [unmappedFlatRate] }), scanView({ state: 'running', finishedAt: null })], {
      'POST /api/readiness/scan': () => json(202, scanView({ state: 'queued', finishedAt: null, checks: [] })),
    });
    s.store.retain();
    await flush();
    expect(s.timers).toHaveLength(0);
    await s.store.scan();
    expect(s.calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/readiness/scan' });
    expect(s.store.getState().view?.state).toBe('queued');
    expect(s.timers).toHaveLength(1);
    await s.tick();
    expect(s.store.getState().view?.state).toBe('running');
    // "Scan again" while one runs does not start a second.
    await s.store.scan();
    expect(s.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('keeps the scan on screen and says why when starting fails', async () => {
    const s = fakeServer([scanView({ checks: [unmappedFlatRate] })], {
      'POST /api/readiness/scan': () => json(409, { error: { code: 'conflict', message: 'A scan is already running.' } }),
    });
    s.store.retain();
    await flush();
    await s.store.scan();
    expect(s.store.getState()).toMatchObject({ starting: false, view: { state: 'done' } });
    expect(s.store.getState().startError?.message).toBe('A scan is already running.');
  });

  it('shows a failed load with the server’s message', async () => {
    const s = fakeServer([], { 'GET /api/readiness': () => json(500, { error: { code: 'internal', message: 'Database busy.' } }) });
    s.store.retain();
    await flush();
    expect(s.store.getState().view).toBeNull();
    expect(s.store.getState().loadError?.message).toBe('Database busy.');
  });

  it('turns inventory tracking on with one click and shows the server’s answer, or its refusal', async () => {
    const s = fakeServer([scanView()], {
      'POST /api/readiness/fix/track-inventory': (body) =>
        (body as { productId: number }).productId === 7
          ? json(200, { ok: true, message: 'Inventory tracking is on for Mug.' })
          : json(404, { error: { code: 'not_found', message: 'That product no longer exists.' } }),
    });
    const first = s.store.trackInventory(7);
    expect(s.store.getState().fixes[7]).toEqual({ status: 'busy' });
    await first;
    expect(s.calls.at(-1)).toEqual({ method: 'POST', path: '/api/readiness/fix/track-inventory', body: { productId: 7 } });
    expect(s.store.getState().fixes[7]).toEqual({ status: 'done', message: 'Inventory tracking is on for Mug.' });
    await s.store.trackInventory(8);
    expect(s.store.getState().fixes[8]).toEqual({ status: 'error', message: 'That product no longer exists.' });
    expect(s.store.getState().fixes[7]?.status).toBe('done');
  });
});

describe('what the scan shows', () => {
  it('counts progress without a total and while queued', () => {
    expect(progressLabel(scanView({ state: 'running', progress: { step: 'Reading orders', done: 40, total: null } }))).toBe('Reading orders: 40 so far');
    expect(progressPercent(scanView({ state: 'running', progress: { step: 'Reading orders', done: 40, total: null } }))).toBeUndefined();
    expect(progressPercent(scanView({ state: 'queued', progress: { step: '', done: 0, total: null } }))).toBe(0);
  });

  it('badges each check by its state, plural right', () => {
    expect(checkBadge(check({ state: 'ok' }))).toEqual({ label: 'All good', variant: 'success' });
    expect(checkBadge(unmappedFlatRate)).toEqual({ label: '1 problem', variant: 'danger' });
    const warnings = check({ state: 'problems', findingsTotal: 2, findings: [{ check: 'skus_missing', severity: 'warning', subject: 'Mug', message: '', fix: null }] });
    expect(checkBadge(warnings)).toEqual({ label: '2 warnings', variant: 'warning' });
    expect(checkBadge(check({ state: 'skipped' })).label).toBe('Not checked');
    expect(checkBadge(check({ state: 'failed' })).variant).toBe('danger');
  });

  it('sums blockers (capped lists included) and says what to do', () => {
    const capped = check({
      check: 'skus_missing',
      state: 'problems',
      findingsTotal: 250,
      findings: Array.from({ length: 100 }, (_, i) => ({ check: 'skus_missing' as const, severity: 'blocker' as const, subject: `P${i}`, message: '', fix: null })),
    });
    const view = scanView({ checks: [unmappedFlatRate, capped] });
    expect(scanTotals(view)).toEqual({ blockers: 251, warnings: 0, failedChecks: 0 });
    expect(scanSummary(view)).toEqual({ text: '251 problems would hold orders. Fix them below, then scan again.', tone: 'error' });
    expect(shownOfTotal(capped)).toBe('Showing 100 of 250.');
    expect(scanSummary(scanView({ checks: [check()] }))).toEqual({ text: 'Your store is ready: nothing would hold an order.', tone: 'success' });
    expect(scanSummary(scanView({ state: 'failed', error: 'BigCommerce did not answer' })).tone).toBe('error');
  });

  it('keeps fixes safe: in-app paths stay in the app, external links are http(s) only', () => {
    expect(safeFix(unmappedFlatRate.findings[0]!.fix)).toEqual({ kind: 'link', label: 'Map it', path: '/settings?mapMethod=Flat%20Rate#shipping-mappings' });
    expect(safeFix({ kind: 'link', label: 'x', path: '//evil.example.com' })).toBeNull();
    expect(safeFix({ kind: 'external', label: 'Edit product', url: 'https://store-abc.mybigcommerce.com/manage/products/7/edit' })?.kind).toBe('external');
    expect(safeFix({ kind: 'external', label: 'x', url: 'javascript:alert(1)' })).toBeNull();
    expect(safeFix({ kind: 'action', label: 'Track inventory', action: 'track_inventory', productId: 7 })).toEqual({ kind: 'action', label: 'Track inventory', productId: 7 });
    expect(safeFix(null)).toBeNull();
  });
});

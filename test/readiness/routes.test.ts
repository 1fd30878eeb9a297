// Issue 9 point 1: GET /api/readiness, POST /api/readiness/scan (202, never two at once) and the
// one-click fix POST /api/readiness/fix/track-inventory (managers only, audited, readable 4xx).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReadinessScanView } from '../../server/api/contract.js';
import { runReadinessScan } from '../../server/flows/readiness/run-scan.js';
import { JOB } from '../../server/flows/job-catalogue.js';
import { STORE, signedInBareApp, type SignedInApp } from '../helpers/bare-app.js';
import { FakeClock } from '../helpers/harness.js';
import { signInMember } from '../helpers/members.js';
import { FakeCatalog, FakeWarehouse } from './fakes.js';

let t: SignedInApp;
let catalog: FakeCatalog;
let clock: FakeClock;
beforeEach(async () => {
  clock = new FakeClock(Date.parse('2026-03-02T10:00:00Z'));
  catalog = new FakeCatalog();
  const warehouse = new FakeWarehouse();
  t = await signedInBareApp({ clock, deps: { bigcommerceFactory: catalog.factory(), fulfillmentFactory: () => warehouse } });
  catalog.products = [
    { id: 7, name: 'Gift card', sku: 'CARD', inventory_tracking: 'none' },
    { id: 8, name: 'Tee', sku: 'TEE', inventory_tracking: 'none', variants: [{ id: 81, sku: 'TEE-M', label: 'M' }] },
  ];
});
afterEach(() => t.close());

describe('readiness routes', () => {
  it('GET answers "none" before any scan; POST queues one (202) and a second POST starts nothing', async () => {
    const none = await t.api('get', '/api/readiness');
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ state: 'none', startedAt: null, finishedAt: null, progress: { step: '', done: 0, total: null }, checks: [], error: null });

    const started = await t.api('post', '/api/readiness/scan');
    expect(started.status).toBe(202);
    const view = started.body as ReadinessScanView;
    expect(view.state).toBe('queued');
    expect(view.checks.map((c) => [c.check, c.state])).toEqual([
      ['shipping_methods', 'pending'],
      ['skus_missing', 'pending'],
      ['skus_unknown', 'pending'],
      ['inventory_untracked', 'pending'],
    ]);
    const again = await t.api('post', '/api/readiness/scan');
    expect(again.status).toBe(202);
    expect(again.body.state).toBe('queued');
    expect(await t.db('jobs').where({ kind: JOB.readinessScan }).count({ n: '*' })).toEqual([{ n: 1 }]);

    await runReadinessScan(t.app.services, { storeHash: STORE });
    const done = (await t.api('get', '/api/readiness')).body as ReadinessScanView;
    expect(done).toMatchObject({ state: 'done', finishedAt: new Date(clock.now()).toISOString(), progress: { step: 'Finished', done: 2, total: 2 } });
    expect(done.checks.find((c) => c.check === 'inventory_untracked')!.findingsTotal).toBe(2);
  });

  it('track-inventory sets the tracking in BigCommerce (by variant with options), audits it and takes the finding off the scan', async () => {
    await t.api('post', '/api/readiness/scan');
    await runReadinessScan(t.app.services, { storeHash: STORE });

    const res = await t.api('post', '/api/readiness/fix/track-inventory', { productId: 8 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, message: '"Tee" now tracks its stock by variant: the stock levels your warehouse reports are written to it from the next update.' });
    expect(catalog.puts).toEqual([{ id: 8, body: { inventory_tracking: 'variant' } }]);
    const simple = await t.api('post', '/api/readiness/fix/track-inventory', { productId: 7 });
    expect(simple.status).toBe(200);
    expect(catalog.puts[1]).toEqual({ id: 7, body: { inventory_tracking: 'product' } });

    const audit = await t.db('audit_log').where({ store_hash: STORE, action: 'readiness.track_inventory' }).orderBy('id');
    expect(audit.map((a) => [a.subject, JSON.parse(a.before_json), JSON.parse(a.after_json), a.user_email])).toEqual([
      ['Product "Tee"', { inventoryTracking: 'none' }, { inventoryTracking: 'variant' }, 'owner@example.com'],
      ['Product "Gift card"', { inventoryTracking: 'none' }, { inventoryTracking: 'product' }, 'owner@example.com'],
    ]);
    const check = ((await t.api('get', '/api/readiness')).body as ReadinessScanView).checks.find((c) => c.check === 'inventory_untracked')!;
    expect(check).toMatchObject({ state: 'ok', findings: [], findingsTotal: 0 });

    // Again: already tracked, nothing sent, nothing audited.
    const repeat = await t.api('post', '/api/readiness/fix/track-inventory', { productId: 7 });
    expect(repeat.body.message).toBe('"Gift card" already tracks its stock by product.');
    expect(catalog.puts).toHaveLength(2);
  });

  it('bad input, a deleted product and a missing permission get readable 4xx answers', async () => {
    for (const body of [{}, { productId: 'seven' }, { productId: -1 }, { productId: 1.5 }]) {
      const res = await t.api('post', '/api/readiness/fix/track-inventory', body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^The product is not valid: productId: Give the product’s id/);
    }
    const gone = await t.api('post', '/api/readiness/fix/track-inventory', { productId: 999 });
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toMatch(/^Product 999 is not in your BigCommerce catalog any more/);

    catalog.failing.set('PUT /v3/catalog/products/7', 403);
    const refused = await t.api('post', '/api/readiness/fix/track-inventory', { productId: 7 });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/^BigCommerce does not let the app change products/);
    expect(await t.db('audit_log').where({ action: 'readiness.track_inventory' })).toHaveLength(0);
  });

  it('members who may not manage can view and scan, but not change products', async () => {
    const member = await signInMember(t, { id: 42, email: 'packer@example.com' });
    expect((await member.api('get', '/api/readiness')).status).toBe(200);
    expect((await member.api('post', '/api/readiness/scan')).status).toBe(202);
    const fix = await member.api('post', '/api/readiness/fix/track-inventory', { productId: 7 });
    expect(fix.status).toBe(403);
    expect(fix.body.error.message).toMatch(/^Only the store owner/);
    expect(catalog.puts).toHaveLength(0);
  });
});

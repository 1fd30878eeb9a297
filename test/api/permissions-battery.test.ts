// Issue 9 point 9, across every route: a member the owner has not allowed can view and act on
// orders (retry, release, preview, scans, replays) but can change nothing in the connection,
// flows, rules, mappings or settings. The routes are read from the API router itself, so a write
// route added later without requireManager (and not listed below as open to every member) fails here.
import type { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRouter } from '../../server/api/router.js';
import { signedInBareApp, type SignedInApp } from '../helpers/bare-app.js';
import { signInMember } from '../helpers/members.js';

/** Write routes every member may use: acting on orders and on the app's own health, never its configuration. */
const OPEN_TO_EVERY_MEMBER = new Set([
  'POST /session',
  'POST /orders/:orderId/retry',
  'POST /orders/retry',
  'POST /orders/:orderId/release',
  'POST /orders/:orderId/preview',
  'POST /webhook-events/:id/replay',
  'POST /webhooks/repair',
  'POST /readiness/scan',
]);

interface RouteInfo {
  method: string;
  path: string;
}

type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };

function routesOf(router: Router): RouteInfo[] {
  const out: RouteInfo[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') out.push({ method: method.toUpperCase(), path: layer.route.path });
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((router as unknown as { stack: Layer[] }).stack);
  return out;
}

let t: SignedInApp;
let member: Awaited<ReturnType<typeof signInMember>>;
beforeAll(async () => {
  t = await signedInBareApp();
  member = await signInMember(t, { id: 77, email: 'staff@example.com' });
});
afterAll(async () => t?.close());

const writes = () => routesOf(apiRouter(t.app.services)).filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
const concrete = (path: string) => `/api${path.replace(/:[A-Za-z]+/g, '1')}`;

describe('what a member without permission may change', () => {
  it('the API has write routes to check (the walk finds them)', () => {
    const found = writes().map((r) => `${r.method} ${r.path}`);
    expect(found).toEqual(expect.arrayContaining(['PUT /settings/backend', 'PUT /settings/flows', 'PUT /team/:userId']));
  });

  it('every configuration write answers 403 with a readable message', async () => {
    const refused: string[] = [];
    for (const r of writes()) {
      const key = `${r.method} ${r.path}`;
      if (OPEN_TO_EVERY_MEMBER.has(key)) continue;
      const res = await member.api(r.method.toLowerCase() as 'post' | 'put' | 'delete', concrete(r.path), {});
      if (res.status !== 403) refused.push(`${key} answered ${res.status}`);
      else expect(res.body.error.message, key).toMatch(/owner/);
    }
    expect(refused).toEqual([]);
  });

  it('the routes open to every member are not refused for want of permission', async () => {
    for (const r of writes()) {
      const key = `${r.method} ${r.path}`;
      if (!OPEN_TO_EVERY_MEMBER.has(key) || key === 'POST /session') continue;
      const res = await member.api(r.method.toLowerCase() as 'post', concrete(r.path), {});
      expect(res.status, key).not.toBe(403);
    }
  });
});

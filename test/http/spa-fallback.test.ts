import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPagePath } from '../../server/http/spa.js';
import { bareApp } from '../helpers/bare-app.js';

// Issue 7 point 15: a missing bundle must not be answered with the HTML page.
let t: Awaited<ReturnType<typeof bareApp>>;
beforeAll(async () => {
  t = await bareApp();
});
afterAll(() => t.close());

describe('SPA fallback', () => {
  it('answers 404 (not the page) for an unknown file under /assets or with an extension', async () => {
    for (const path of ['/assets/index-deadbeef.js', '/assets/app.css', '/assets/', '/favicon.ico', '/orders/report.csv']) {
      const res = await t.http.get(path);
      expect(res.status, path).toBe(404);
      expect(res.type, path).not.toBe('text/html');
    }
  });

  it('still renders the page for the UI routes (bookmarks, reloads)', async () => {
    for (const path of ['/', '/orders', '/orders/123', '/settings/sku-mappings', '/webhooks']) {
      const res = await t.http.get(path);
      expect(res.status, path).toBe(200);
      expect(res.type, path).toBe('text/html');
    }
  });

  it('answers a malformed %-escape in a file path with a 4xx, not a 500', async () => {
    const res = await t.http.get('/assets/%ZZ.js');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('tells pages from files', () => {
    expect(isPagePath('/orders/42')).toBe(true);
    expect(isPagePath('/v1.2/orders')).toBe(true);
    expect(isPagePath('/assets/x.js')).toBe(false);
    expect(isPagePath('/robots.txt')).toBe(false);
  });
});

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startImportHarness, STORE, waitFor, type ImportHarness } from '../helpers/import-harness.js';
import { launchBrowser, screenshot, watchErrors } from './browser.js';

const CLIENT_DIR = resolve('dist/client');

let h: ImportHarness;
let browser: Browser;
let page: Page;
let errors: string[];
let app: FrameLocator;

beforeAll(async () => {
  if (!existsSync(`${CLIENT_DIR}/index.html`)) throw new Error('Build the UI first: npm run build:client');
  h = await startImportHarness({ clientDir: CLIENT_DIR, connect: false });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
  errors = watchErrors(page);
  await page.goto(h.sandbox.url);
  await page.click('#open');
  app = page.frameLocator('#app-frame');
  await waitFor(async () => (await app.getByRole('tab', { name: 'Settings' }).count()) === 1, { what: 'app rendered', timeoutMs: 20_000 });
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

const tab = async (name: string) => {
  await app.getByRole('tab', { name }).click();
};

describe('a merchant connects the warehouse and watches an order go through', () => {
  it('connects the backend in Settings', async () => {
    await tab('Settings');
    const account = h.warehouse.control.accounts()[0]!;
    await app.getByLabel('Account ID').fill(account.id);
    await app.getByLabel('API key').fill(account.apiKey);
    await app.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => app.getByText(/Connection works/).count(), { timeout: 15_000 }).toBe(1);
    await app.getByRole('button', { name: 'Save', exact: true }).first().click();
    await expect.poll(() => app.getByText('Connected', { exact: true }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await screenshot(page, '10-settings-connected');
    expect((await h.app.services.settings.get(STORE, Date.now())).backendConnected).toBe(true);
  });

  it('an order waits for a shipping mapping, then is sent once the merchant maps it', async () => {
    const order = h.sandbox.control.createOrder(STORE, { statusId: 11 });
    await waitFor(async () => (await h.app.services.orders.get(STORE, order.id))?.state === 'needs_attention', { what: 'held' });
    await tab('Orders');
    await expect.poll(() => app.getByText('Needs attention').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await screenshot(page, '11-orders-needs-attention');

    await tab('Settings');
    const input = app.getByLabel('Backend code for Flat Rate');
    await expect.poll(() => input.count(), { timeout: 15_000 }).toBe(1);
    await input.fill('GROUND');
    await input.press('Enter');
    await waitFor(() => h.warehouse.control.orders().length === 1, { what: 'order at the warehouse' });
    await screenshot(page, '12-settings-mapped');

    await tab('Orders');
    await expect.poll(() => app.getByText('Sent', { exact: true }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await screenshot(page, '13-orders-sent');
    await app.getByText(`#${order.id}`).first().click();
    await expect.poll(() => app.getByText(/Sent to the warehouse/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => app.getByText(/GROUND/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await screenshot(page, '14-order-detail');
  });

  it('shows the webhook history and the sync log', async () => {
    await tab('Webhooks');
    await expect.poll(() => app.getByText('store/order/created').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await screenshot(page, '15-webhooks');
    await tab('Activity');
    await expect.poll(() => app.getByText(/Sent to the warehouse/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await screenshot(page, '16-activity');
    expect(errors).toEqual([]);
  });
});

// Issue 9 point 8 in the browser: Settings one section at a time at its own address (the old
// one-page links still land right), the "Leave without saving?" guard on a section switch and on a
// tab switch, a contradiction refused by the server and shown next to its field, a flow switch that
// waits for Save, and an edit someone else overtook. Every section passes axe and the table layout
// checks at 1366 and 1024 px; screenshots go to test-results/screenshots/settings-*.png.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startImportHarness, STORE, waitFor, type ImportHarness } from '../helpers/import-harness.js';
import { appFrameOf, appLocator, FRAME_HEIGHT, resizeApp, screenshotApp } from './app-frame.js';
import { axeFindings, formatFindings } from './axe.js';
import { launchBrowser, screenshot, watchErrors } from './browser.js';
import { tableLayoutProblems } from './layout.js';

const CLIENT_DIR = resolve(process.env.E2E_CLIENT_DIR ?? 'dist/client');
const TALL_FRAME = 3_000;

const SECTIONS = [
  { title: 'Connection', path: '/settings/connection', ready: 'Fulfillment backend' },
  { title: 'Orders and rules', path: '/settings/orders', ready: 'Order import' },
  { title: 'Shipping and tracking', path: '/settings/shipping', ready: 'Shipping method mappings' },
  { title: 'Inventory', path: '/settings/inventory', ready: 'Stock levels' },
  { title: 'Cancellations', path: '/settings/cancellations', ready: 'Cancellation statuses' },
  { title: 'Mappings', path: '/settings/mappings', ready: 'SKU mappings' },
  { title: 'Notifications', path: '/settings/notifications', ready: 'Send e-mail notifications' },
  { title: 'Team', path: '/settings/team', ready: null },
] as const;

let h: ImportHarness;
let browser: Browser;
let page: Page;
let errors: string[];

const app = () => appLocator(page);
const frame = () => appFrameOf(page, h.appUrl);
const appPath = () => {
  const url = new URL(frame().url());
  return `${url.pathname}${url.search}${url.hash}`;
};
const nav = () => app().getByRole('navigation', { name: 'Settings sections' });
const dialog = () => app().getByRole('dialog');

beforeAll(async () => {
  if (!existsSync(`${CLIENT_DIR}/index.html`)) throw new Error('Build the UI first: npm run build:client');
  h = await startImportHarness({ clientDir: CLIENT_DIR });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 1000 } });
  errors = watchErrors(page);
  await page.goto(h.sandbox.url);
  await page.click('#open');
  await waitFor(async () => (await app().getByRole('tab', { name: 'Settings' }).count()) === 1, { what: 'app rendered', timeoutMs: 20_000 });
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `settings-failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

/** As if the address were typed: the app's router hears popstate. */
async function goTo(path: string) {
  await frame().evaluate((p) => {
    const w = globalThis as unknown as {
      history: { pushState(s: unknown, t: string, u: string): void };
      dispatchEvent(e: unknown): void;
      PopStateEvent: new (type: string) => unknown;
    };
    w.history.pushState(null, '', p);
    w.dispatchEvent(new w.PopStateEvent('popstate'));
  }, path);
}

async function openTab(name: string) {
  const tab = app().getByRole('tab', { name });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected'), { timeout: 5_000 }).toBe('true');
}

async function sectionShown(title: string, ready: string | null) {
  await expect.poll(() => app().getByRole('heading', { name: title, exact: true }).count(), { timeout: 10_000 }).toBe(1);
  if (ready) await expect.poll(() => app().getByText(ready).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  await expect.poll(() => app().getByText('Loading', { exact: false }).count(), { timeout: 10_000 }).toBe(0);
}

/** Picks an option of a BigDesign Select by its label. */
async function choose(label: string, option: string) {
  await app().getByRole('combobox', { name: label }).click();
  await app().getByRole('option', { name: option, exact: true }).click();
}

describe('sections with their own addresses', () => {
  it('opens Connection at /settings, each section by its link and by its address, with the current one marked', async () => {
    await openTab('Settings');
    await expect.poll(appPath, { timeout: 5_000 }).toBe('/settings/connection');
    await sectionShown('Connection', 'Fulfillment backend');
    for (const s of SECTIONS) {
      await nav().getByRole('link', { name: s.title }).click();
      await expect.poll(appPath, { timeout: 5_000 }).toBe(s.path);
      await sectionShown(s.title, s.ready);
      expect(await nav().getByRole('link', { name: s.title }).getAttribute('aria-current')).toBe('page');
    }
    await goTo('/settings/cancellations');
    await sectionShown('Cancellations', 'Cancellation statuses');
    expect(errors).toEqual([]);
  });

  it('sends the one-page links of held orders and banners to the right section', async () => {
    await goTo('/settings#backend');
    await expect.poll(appPath, { timeout: 5_000 }).toBe('/settings/connection#backend');
    await sectionShown('Connection', 'Fulfillment backend');

    await goTo('/settings?mapMethod=Express%20Delivery#shipping-mappings');
    await expect.poll(appPath, { timeout: 5_000 }).toBe('/settings/shipping#shipping-mappings');
    await sectionShown('Shipping and tracking', 'Shipping method mappings');
    expect(await app().getByRole('textbox', { name: 'Shipping method' }).inputValue()).toBe('Express Delivery');
    await app().getByRole('textbox', { name: 'Shipping method' }).fill('');

    await goTo('/settings?mapSku=LAMP-RED#sku-mappings');
    await expect.poll(appPath, { timeout: 5_000 }).toBe('/settings/mappings#sku-mappings');
    await expect.poll(() => dialog().count(), { timeout: 5_000 }).toBe(1);
    expect(await dialog().getByRole('textbox').first().inputValue()).toBe('LAMP-RED');
    // The SKU mapping form offers Cancel or Close depending on whether it counts the filled-in SKU as an edit.
    await dialog()
      .getByRole('button', { name: /^(Cancel|Close)$/ })
      .first()
      .click();
    await expect.poll(() => dialog().count(), { timeout: 5_000 }).toBe(0);
  });
});

describe('the one save model and the leave guard', () => {
  it('asks before leaving a section or the Settings tab with unsaved changes; Stay keeps them, Leave drops them', async () => {
    await openTab('Settings');
    await nav().getByRole('link', { name: 'Orders and rules' }).click();
    await sectionShown('Orders and rules', 'Order import');
    // Saved values, no Save button until something changes.
    expect(await app().getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    await choose('Order import status', 'Awaiting Shipment');
    await expect.poll(() => app().getByRole('button', { name: 'Save', exact: true }).count()).toBe(1);
    expect(await app().getByRole('button', { name: 'Cancel', exact: true }).count()).toBe(1);

    await nav().getByRole('link', { name: 'Inventory' }).click();
    await expect.poll(() => dialog().count(), { timeout: 5_000 }).toBe(1);
    expect(await dialog().textContent()).toContain('You have unsaved changes in Order import. Leave without saving?');
    await screenshotApp(page, frame(), 'settings-10-leave-guard');
    expect(await axeFindings(frame()), 'leave guard dialog').toEqual([]);
    await dialog().getByRole('button', { name: 'Stay on this page' }).click();
    await expect.poll(() => dialog().count(), { timeout: 5_000 }).toBe(0);
    expect(appPath()).toBe('/settings/orders');
    expect(await app().getByRole('combobox', { name: 'Order import status' }).inputValue()).toBe('Awaiting Shipment');

    // The app's tabs ask too.
    await app().getByRole('tab', { name: 'Orders' }).click();
    await expect.poll(() => dialog().count(), { timeout: 5_000 }).toBe(1);
    await dialog().getByRole('button', { name: 'Leave without saving' }).click();
    await expect.poll(appPath, { timeout: 5_000 }).toMatch(/^\/orders/);
    expect((await h.app.services.settings.get(STORE, Date.now())).importStatusId).toBe(11);

    // Back in Settings the saved value shows, and leaving asks nothing.
    await openTab('Settings');
    await nav().getByRole('link', { name: 'Orders and rules' }).click();
    await sectionShown('Orders and rules', 'Order import');
    expect(await app().getByRole('combobox', { name: 'Order import status' }).inputValue()).toBe('Awaiting Fulfillment');
    await nav().getByRole('link', { name: 'Connection' }).click();
    await expect.poll(appPath, { timeout: 5_000 }).toBe('/settings/connection');
    expect(await dialog().count()).toBe(0);

    // An in-app link asks too (held before the link's own navigation).
    await app()
      .getByRole('textbox', { name: /^Account ID/ })
      .fill('someone-else');
    await app().getByRole('link', { name: 'View webhook history' }).click();
    await expect.poll(() => dialog().count(), { timeout: 5_000 }).toBe(1);
    expect(await dialog().textContent()).toContain('You have unsaved changes in Warehouse connection.');
    await dialog().getByRole('button', { name: 'Stay on this page' }).click();
    expect(appPath()).toBe('/settings/connection');
    await app().getByRole('button', { name: 'Cancel', exact: true }).click();
    expect(
      await app()
        .getByRole('textbox', { name: /^Account ID/ })
        .inputValue(),
    ).toBe('wh-demo');
    await app().getByRole('link', { name: 'View webhook history' }).click();
    await expect.poll(appPath, { timeout: 5_000 }).toBe('/webhooks');
    expect(await dialog().count()).toBe(0);
    await openTab('Settings');
  });

  it('shows a contradiction the server refuses next to its field', async () => {
    await nav().getByRole('link', { name: 'Orders and rules' }).click();
    await sectionShown('Orders and rules', 'Order import');
    // Cancelled is a status that cancels at the warehouse (the default): after acceptance it would
    // cancel every accepted order. Only the server checks this one.
    await choose('Status to set after the warehouse accepts', 'Cancelled');
    await app().getByRole('button', { name: 'Save', exact: true }).click();
    const message = app().getByText(/Is a status that cancels the order at the warehouse/);
    await expect.poll(() => message.count(), { timeout: 10_000 }).toBe(1);
    // Right under its field, not at the top of the page or the end of the form.
    const field = await app().getByRole('combobox', { name: 'Status to set after the warehouse accepts' }).boundingBox();
    const shown = await message.boundingBox();
    expect(shown!.y - (field!.y + field!.height)).toBeGreaterThanOrEqual(0);
    expect(shown!.y - (field!.y + field!.height)).toBeLessThan(40);
    expect(await app().getByText('Correct the fields marked above, then save again.').count()).toBe(1);
    expect((await h.app.services.settings.get(STORE, Date.now())).statusAfterAcceptId).toBeNull();
    await screenshotApp(page, frame(), 'settings-11-contradiction');
    await app().getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => app().getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
  });

  it('keeps a flow switch pending until Save', async () => {
    await nav().getByRole('link', { name: 'Cancellations' }).click();
    await sectionShown('Cancellations', 'Cancellation statuses');
    const toggle = app().locator('#flow-cancellations-label');
    expect(await app().getByRole('switch', { name: 'Cancellations' }).isChecked()).toBe(true);
    await toggle.click();
    await expect.poll(() => app().getByText('Turns off when saved').count()).toBe(1);
    expect((await h.app.services.settings.get(STORE, Date.now())).flows.cancellations).toBe(true);
    await app().getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await h.app.services.settings.get(STORE, Date.now())).flows.cancellations, { timeout: 10_000 }).toBe(false);
    await expect
      .poll(() =>
        app()
          .getByText(/Cancellations is off/)
          .count(),
      )
      .toBe(1);
    await toggle.click();
    await app().getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await h.app.services.settings.get(STORE, Date.now())).flows.cancellations, { timeout: 10_000 }).toBe(true);
  });

  it('says when someone else changed the settings since the form was opened, and reloads them', async () => {
    await nav().getByRole('link', { name: 'Cancellations' }).click();
    await sectionShown('Cancellations', 'Cancellation statuses');
    // Another person saves first (no revision: an API client); this page still shows Cancelled only.
    expect((await h.api('put', '/api/settings/flow-options', { cancellationStatusIds: [5, 6] })).status).toBe(200);
    await choose('Status to set when the warehouse cancels or rejects', 'Refunded');
    await app().getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => app().getByText('Changed by someone else since you opened it.').count(), { timeout: 10_000 }).toBe(1);
    const saved = await h.app.services.settings.get(STORE, Date.now());
    expect([saved.cancellationStatusIds, saved.statusOnBackendCancelId]).toEqual([[5, 6], null]);
    await screenshotApp(page, frame(), 'settings-12-conflict');
    await app().getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => app().getByText('Changed by someone else since you opened it.').count(), { timeout: 10_000 }).toBe(0);
    // The other person's change shows, and the form is clean again.
    await expect.poll(() => app().getByText('Declined').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await app().getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    expect(errors.filter((e) => !/status of (400|404|409)/.test(e))).toEqual([]);
  });
});

for (const [w, width] of [1366, 1024].entries()) {
  describe(`every section at ${width} px`, () => {
    beforeAll(async () => {
      await resizeApp(page, frame(), width, TALL_FRAME);
    });
    afterAll(async () => {
      await resizeApp(page, frame(), 1366, FRAME_HEIGHT);
    });
    for (const [i, s] of SECTIONS.entries()) {
      it(`${s.title}: no critical or serious axe violation, tables laid out`, async () => {
        await goTo(s.path);
        await sectionShown(s.title, s.ready);
        await screenshotApp(page, frame(), `settings-${20 + w * 10 + i}-${s.path.split('/').pop()}-${width}`);
        const problems = await tableLayoutProblems(frame());
        expect.soft(problems, `${s.title} at ${width} px:\n  ${problems.join('\n  ')}`).toEqual([]);
        const findings = await axeFindings(frame());
        expect.soft(findings, formatFindings(`${s.title} at ${width} px`, findings)).toEqual([]);
      });
    }
  });
}

// Issue 9 point 9 in the browser: a second user opened through the sandbox control panel sees
// Settings read-only; the owner allows them under Settings › Team; the Audit log lists who changed
// what with before → after and narrows by action (in the URL); when the owner disallows them again,
// their next save is refused with the reason. Axe and table layout on the Team section and the
// Audit log at 1366 and 1024 px; screenshots in test-results/screenshots/audit-*.png.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_A_MANAGER_MESSAGE } from '../../server/sessions/require-manager.js';
import { bootDataOf } from '../helpers/harness.js';
import { OWNER_ID, startImportHarness, STORE, waitFor, type ImportHarness } from '../helpers/import-harness.js';
import { appFrameOf, appLocator, FRAME_HEIGHT, resizeApp, screenshotApp } from './app-frame.js';
import { axeFindings, formatFindings } from './axe.js';
import { launchBrowser, watchErrors } from './browser.js';
import { tableLayoutProblems } from './layout.js';

const CLIENT_DIR = resolve(process.env.E2E_CLIENT_DIR ?? 'dist/client');
const STAFF = 'staff@example.com';
const READ_ONLY_TEXT = 'Only the store owner and members they allow can change this.';
const TALL_FRAME = 2_400;

let h: ImportHarness;
let browser: Browser;
let page: Page;
let errors: string[];
/** Every HTTP answer of 400 or more the app's page received ("403 PUT /api/settings/notifications"). */
const refusals: string[] = [];
let staffId = 0;

const app = () => appLocator(page);
const frame = () => appFrameOf(page, h.appUrl);
const ownerEmail = () => h.sandbox.control.users(STORE).find((u) => u.id === OWNER_ID)!.email;

beforeAll(async () => {
  if (!existsSync(`${CLIENT_DIR}/index.html`)) throw new Error('Build the UI first: npm run build:client');
  h = await startImportHarness({ clientDir: CLIENT_DIR });
  // The owner changes a setting (through the API, as the form would).
  const res = await h.api('put', '/api/settings/notifications', { enabled: true, recipients: ['ops@example.com'], kinds: ['orders_failed'] });
  if (res.status !== 200) throw new Error(`notifications: ${res.status} ${res.text}`);
  // A change with nested values, as a rule edit records: the table summarises, "View changes" shows it all.
  await h.app.services.audit.record(
    {
      storeHash: STORE,
      actor: { userId: OWNER_ID, email: ownerEmail() },
      action: 'rules.update',
      subject: 'Rule "International"',
      before: { rule: { when: { countries: ['GB', 'FR'] }, then: 'hold' } },
      after: { rule: { when: { countries: ['GB', 'FR', 'DE', 'NL'] }, then: 'hold' } },
    },
    Date.now() - 60_000,
  );
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 1000 } });
  errors = watchErrors(page);
  page.on('response', (r) => {
    if (r.status() >= 400) refusals.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
  await page.goto(h.sandbox.url);
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

/** Opens the app in the control panel's frame as the chosen user, and waits until it is there. */
async function openAppAs(userId: number) {
  await page.selectOption('#user-select', String(userId));
  await page.click('#open');
  await waitFor(async () => (await page.locator('#status').textContent())?.includes(`Opened the app as user #${userId}`), { what: `app opened as #${userId}` });
  await expect.poll(() => app().getByRole('tab', { name: 'Settings' }).count(), { timeout: 20_000 }).toBe(1);
}

async function openTab(name: string) {
  const tab = app().getByRole('tab', { name });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected'), { timeout: 5_000 }).toBe('true');
}

async function openSettingsSection(name: string) {
  await openTab('Settings');
  await app().getByRole('navigation', { name: 'Settings sections' }).getByText(name, { exact: true }).first().click();
  await expect.poll(() => app().getByRole('heading', { name, exact: true }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
}

const staffSwitch = () => app().getByRole('switch', { name: `${STAFF} can change settings` });
const auditRows = () => app().locator('table tbody tr');

async function checkView(view: string, shot: string) {
  await expect.poll(() => app().getByText('Loading', { exact: false }).count(), { timeout: 10_000 }).toBe(0);
  await screenshotApp(page, frame(), shot);
  const problems = await tableLayoutProblems(frame());
  expect.soft(problems, `${view}:\n  ${problems.join('\n  ')}`).toEqual([]);
  const findings = await axeFindings(frame());
  expect.soft(findings, formatFindings(view, findings)).toEqual([]);
}

/** The staff member's own session, as their browser would have it (for the API's own answer). */
async function staffApi() {
  const url = new URL(h.sandbox.control.loadUrl(STORE, staffId));
  const load = await h.http.get(`${url.pathname}${url.search}`);
  const token = String((await h.http.post('/api/session').send({ code: bootDataOf(load.text).exchangeCode })).body.token);
  return (method: 'put' | 'get', path: string, body?: object) => {
    const r = h.http[method](path).set('Authorization', `Bearer ${token}`);
    return body ? r.send(body) : r;
  };
}

describe('team permissions and the audit log', () => {
  it('a second user opened through the sandbox sees Settings read-only and cannot change who may', async () => {
    await page.fill('#new-user-email', STAFF);
    await page.click('#add-user');
    staffId = await waitFor(() => h.sandbox.control.users(STORE).find((u) => u.email === STAFF)?.id, { what: 'staff user' });
    await openAppAs(staffId);

    await openSettingsSection('Notifications');
    await expect.poll(() => app().getByText(READ_ONLY_TEXT).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await app().getByLabel('Recipients').isDisabled()).toBe(true);

    await openSettingsSection('Team');
    await expect.poll(() => staffSwitch().count(), { timeout: 10_000 }).toBe(1);
    expect(await staffSwitch().isDisabled()).toBe(true);
    expect(await staffSwitch().isChecked()).toBe(false);
    await expect.poll(() => app().getByText('Only the store owner can choose who may change settings.', { exact: false }).count()).toBe(1);
    await resizeApp(page, frame(), 1366, FRAME_HEIGHT);
    await checkView('Team (member) at 1366 px', 'audit-01-team-member-1366');

    // The server says the same, in words, to anything that tries anyway.
    const api = await staffApi();
    const refused = await api('put', '/api/settings/notifications', { enabled: false, recipients: [], kinds: [] });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(NOT_A_MANAGER_MESSAGE);
    expect((await api('put', `/api/team/${staffId}`, { canManage: true })).status).toBe(403);
  });

  it('the owner allows the member under Settings › Team (Save, not a stray click)', async () => {
    await openAppAs(OWNER_ID);
    await openSettingsSection('Team');
    await expect.poll(() => staffSwitch().count(), { timeout: 10_000 }).toBe(1);
    expect(await staffSwitch().isDisabled()).toBe(false);
    // By keyboard: the switch is a real, focusable checkbox.
    await staffSwitch().focus();
    await staffSwitch().press('Space');
    await expect.poll(() => app().getByText('Allowed when saved').count()).toBe(1);
    expect(await h.app.services.members.find(STORE, staffId)).toMatchObject({ canManage: false });
    await app().getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => app().getByText(`Saved. ${STAFF} can now change settings.`).count(), { timeout: 10_000 }).toBe(1);
    expect(await h.app.services.members.find(STORE, staffId)).toMatchObject({ canManage: true });

    for (const width of [1366, 1024]) {
      await resizeApp(page, frame(), width, FRAME_HEIGHT);
      await checkView(`Team (owner) at ${width} px`, `audit-02-team-owner-${width}`);
    }
  });

  it('the audit log lists who changed what with before → after, and narrows by action in the URL', async () => {
    await resizeApp(page, frame(), 1366, TALL_FRAME);
    await openTab('Audit log');
    await expect.poll(() => app().getByText('Changed who may change settings').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const permission = auditRows().filter({ hasText: 'Changed who may change settings' });
    await expect.poll(() => permission.count()).toBe(1);
    const text = (await permission.textContent()) ?? '';
    expect(text).toContain(ownerEmail());
    expect(text).toContain(`Member ${STAFF}`);
    expect(text).toContain('Can change settings: No → Yes');
    const notifications = auditRows().filter({ hasText: 'Changed the e-mail notifications' });
    expect(await notifications.textContent()).toContain('Recipients: none → ops@example.com');
    await checkView('Audit log at 1366 px', 'audit-03-log-1366');
    await resizeApp(page, frame(), 1024, TALL_FRAME);
    await checkView('Audit log at 1024 px', 'audit-04-log-1024');
    // The control panel's own frame height, so the dialog is in view for its screenshot.
    await resizeApp(page, frame(), 1366, FRAME_HEIGHT);

    // A large change opens in full, its JSON viewer loaded on demand.
    await app().getByRole('button', { name: 'View changes: Rule "International"' }).click();
    const dialog = app().getByRole('dialog');
    await expect.poll(() => dialog.getByText('Changed an order rule').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => dialog.getByRole('region', { name: /^After, entry/ }).count(), { timeout: 10_000 }).toBe(1);
    await checkView('Audit change dialog', 'audit-05-change-dialog');
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
    await expect.poll(() => dialog.count()).toBe(0);

    // Filter by action: only that action's entries, and the filter is in the app's URL.
    const before = await auditRows().count();
    await app().getByRole('combobox', { name: 'Action' }).click();
    await app().getByRole('option', { name: 'Changed who may change settings' }).click();
    await expect.poll(() => frame().url(), { timeout: 10_000 }).toContain('action=team.permission');
    await expect.poll(() => auditRows().count(), { timeout: 10_000 }).toBe(1);
    expect(before).toBeGreaterThan(1);
    await checkView('Audit log filtered', 'audit-06-log-filtered-1366');
  });

  it('disallowed again, the member’s next save is refused with the reason, on screen', async () => {
    await resizeApp(page, frame(), 1366, TALL_FRAME);
    await openAppAs(staffId);
    await openSettingsSection('Notifications');
    // Allowed when the app opened: the form is editable.
    await expect.poll(() => app().getByLabel('Recipients').isDisabled(), { timeout: 10_000 }).toBe(false);
    expect(await app().getByText(READ_ONLY_TEXT).count()).toBe(0);

    const off = await h.api('put', `/api/team/${staffId}`, { canManage: false });
    expect(off.status).toBe(200);

    await app().getByLabel('Recipients').fill('ops@example.com\nstaff@example.com');
    await app().getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => app().getByText(NOT_A_MANAGER_MESSAGE).count(), { timeout: 10_000 }).toBe(1);
    await screenshotApp(page, frame(), 'audit-07-member-refused');
    expect((await h.api('get', '/api/settings/notifications')).body.recipients).toEqual(['ops@example.com']);

    const log = await h.api('get', '/api/audit?action=team.permission');
    expect(log.body.items.map((e: { before: unknown; after: unknown }) => [e.before, e.after])).toEqual([
      [{ canManage: true }, { canManage: false }],
      [{ canManage: false }, { canManage: true }],
    ]);
    // The refused save is the only refusal, nothing failed on the server, and no script error.
    expect(refusals.filter((r) => /^(401|403|5\d\d) /.test(r))).toEqual(['403 PUT /api/settings/notifications']);
    expect(errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
  });
});

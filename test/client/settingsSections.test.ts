import { describe, expect, it } from 'vitest';
import { mapMethodPath, mapSkuPath, BACKEND_SETTINGS_PATH } from '../../server/flows/order-import/remedy.js';
import { backendSettingsHref, mapMethodHref, mapSkuHref } from '../../client/src/pages/settings/deepLink.js';
import { resolveSettingsLocation, SETTINGS_SECTION_LIST, settingsPathForChecklist } from '../../client/src/pages/settings/sections.js';

const at = (href: string) => {
  const url = new URL(href, 'http://app');
  const { section, redirect } = resolveSettingsLocation(url.pathname, url.search, url.hash);
  return { section: section.id, redirect };
};

describe('Settings sections at their own addresses', () => {
  it('shows the section its address names, without redirecting', () => {
    for (const s of SETTINGS_SECTION_LIST) expect(at(s.path)).toEqual({ section: s.id, redirect: null });
    expect(SETTINGS_SECTION_LIST.map((s) => s.title)).toEqual([
      'Connection',
      'Orders and rules',
      'Shipping and tracking',
      'Inventory',
      'Cancellations',
      'Mappings',
      'Notifications',
      'Team',
    ]);
    expect(at('/settings/orders/#rules')).toEqual({ section: 'orders', redirect: null });
    expect(at('/Settings/Shipping?mapMethod=Flat')).toEqual({ section: 'shipping', redirect: null });
  });

  it('opens Connection for /settings and for an unknown section', () => {
    expect(at('/settings')).toEqual({ section: 'connection', redirect: '/settings/connection' });
    expect(at('/settings/')).toEqual({ section: 'connection', redirect: '/settings/connection' });
    expect(at('/settings/billing?x=1')).toEqual({ section: 'connection', redirect: '/settings/connection?x=1' });
  });

  it('sends the one-page links (remedies, banners, bookmarks) to the section holding what they name', () => {
    expect(at('/settings#backend')).toEqual({ section: 'connection', redirect: '/settings/connection#backend' });
    expect(at('/settings?mapMethod=Flat%20Rate#shipping-mappings')).toEqual({
      section: 'shipping',
      redirect: '/settings/shipping?mapMethod=Flat%20Rate#shipping-mappings',
    });
    expect(at('/settings?mapMethod=')).toEqual({ section: 'shipping', redirect: '/settings/shipping?mapMethod=' });
    expect(at('/settings?mapSku=LAMP-RED#sku-mappings')).toEqual({ section: 'mappings', redirect: '/settings/mappings?mapSku=LAMP-RED#sku-mappings' });
    expect(at('/settings?tab=shipping&method=Flat')).toMatchObject({ section: 'shipping' });
    expect(at('/settings?tab=sku&sku=LAMP')).toMatchObject({ section: 'mappings' });
    expect(at('/settings#notifications')).toEqual({ section: 'notifications', redirect: '/settings/notifications#notifications' });
    expect(at('/settings#%E0%A4%A')).toEqual({ section: 'connection', redirect: '/settings/connection#%E0%A4%A' });
  });

  it('builds the links held orders offer at the new addresses, on the server and in the client alike', () => {
    expect(mapMethodPath('Flat Rate')).toBe(mapMethodHref('Flat Rate'));
    expect(mapSkuPath('A B')).toBe(mapSkuHref('A B'));
    expect(BACKEND_SETTINGS_PATH).toBe(backendSettingsHref());
    expect(at(mapMethodPath('Flat Rate'))).toEqual({ section: 'shipping', redirect: null });
    expect(at(mapSkuPath('A'))).toEqual({ section: 'mappings', redirect: null });
    expect(at(BACKEND_SETTINGS_PATH)).toEqual({ section: 'connection', redirect: null });
  });

  it('sends Getting started to the section of its first open item', () => {
    expect(settingsPathForChecklist('team')).toBe('/settings/team');
    expect(settingsPathForChecklist('import-status')).toBe('/settings/orders');
    expect(settingsPathForChecklist('backend')).toBe('/settings/connection');
    expect(settingsPathForChecklist(undefined)).toBe('/settings/connection');
  });
});

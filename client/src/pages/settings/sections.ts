// Settings sections, each at its own address (/settings/orders, …), and where the older one-page
// links ("/settings#backend", "/settings?mapSku=…") lead now. Pure: no DOM, no React.
import { MAP_METHOD_PARAM, MAP_SKU_PARAM, SETTINGS_SECTIONS } from './deepLink.js';

export type SettingsSectionId = 'connection' | 'orders' | 'shipping' | 'inventory' | 'cancellations' | 'mappings' | 'notifications' | 'team';

export interface SettingsSectionInfo {
  id: SettingsSectionId;
  title: string;
  path: string;
}

export const SETTINGS_BASE = '/settings';

/** In the order a merchant sets the app up: connect, what is sent, what comes back, then the lists. */
export const SETTINGS_SECTION_LIST: readonly SettingsSectionInfo[] = [
  { id: 'connection', title: 'Connection', path: '/settings/connection' },
  { id: 'orders', title: 'Orders and rules', path: '/settings/orders' },
  { id: 'shipping', title: 'Shipping and tracking', path: '/settings/shipping' },
  { id: 'inventory', title: 'Inventory', path: '/settings/inventory' },
  { id: 'cancellations', title: 'Cancellations', path: '/settings/cancellations' },
  { id: 'mappings', title: 'Mappings', path: '/settings/mappings' },
  { id: 'notifications', title: 'Notifications', path: '/settings/notifications' },
  { id: 'team', title: 'Team', path: '/settings/team' },
];

export const DEFAULT_SECTION: SettingsSectionInfo = SETTINGS_SECTION_LIST[0] as SettingsSectionInfo;

export function sectionInfo(id: SettingsSectionId): SettingsSectionInfo {
  return SETTINGS_SECTION_LIST.find((s) => s.id === id) ?? DEFAULT_SECTION;
}

export const settingsSectionPath = (id: SettingsSectionId): string => sectionInfo(id).path;

/** The panel ids of the one-page Settings and the section that holds each now. */
const SECTION_OF_PANEL: Record<string, SettingsSectionId> = {
  [SETTINGS_SECTIONS.backend]: 'connection',
  [SETTINGS_SECTIONS.shippingMappings]: 'shipping',
  [SETTINGS_SECTIONS.skuMappings]: 'mappings',
  [SETTINGS_SECTIONS.rules]: 'orders',
  notifications: 'notifications',
};

export interface SettingsLocation {
  section: SettingsSectionInfo;
  /** The address to replace the current one with (an old link or an unknown section), or null. */
  redirect: string | null;
}

/**
 * The section a location shows. "/settings" and unknown sections open Connection; a link from
 * the one-page Settings (a deep-link parameter or a panel fragment) opens the section holding it,
 * keeping its parameters and fragment so the panel still opens the form it names.
 */
export function resolveSettingsLocation(pathname: string, search: string, hash: string): SettingsLocation {
  const rest = pathname.replace(/\/+$/, '').toLowerCase().slice(SETTINGS_BASE.length).replace(/^\//, '');
  const named = SETTINGS_SECTION_LIST.find((s) => s.id === rest.split('/')[0]);
  if (named) return { section: named, redirect: null };
  const section = sectionInfo(oldLinkSection(search, hash) ?? DEFAULT_SECTION.id);
  return { section, redirect: `${section.path}${search}${hash}` };
}

function oldLinkSection(search: string, hash: string): SettingsSectionId | null {
  const params = new URLSearchParams(search);
  const tab = params.get('tab');
  if (params.has(MAP_METHOD_PARAM) || tab === 'shipping') return 'shipping';
  if (params.has(MAP_SKU_PARAM) || tab === 'sku') return 'mappings';
  let panel = hash.replace(/^#/, '');
  try {
    panel = decodeURIComponent(panel);
  } catch {
    return null;
  }
  return SECTION_OF_PANEL[panel] ?? null;
}

/** The section where a Getting started item (Overview) is done; Connection for anything else. */
export function settingsPathForChecklist(itemId: string | undefined): string {
  if (itemId === 'team') return settingsSectionPath('team');
  if (itemId === 'import-status') return settingsSectionPath('orders');
  return settingsSectionPath('connection');
}

import { describe, expect, it } from 'vitest';
import { backendSettingsHref, mapMethodHref, mapSkuHref, parseSettingsDeepLink, sectionFromHash, withoutDeepLink } from '../../client/src/pages/settings/deepLink.js';

describe('settings deep links', () => {
  it('build the links a held order offers, and read them back', () => {
    expect(mapMethodHref('Flat Rate')).toBe('/settings/shipping?mapMethod=Flat%20Rate#shipping-mappings');
    expect(mapSkuHref('LAMP-RED')).toBe('/settings/mappings?mapSku=LAMP-RED#sku-mappings');
    expect(backendSettingsHref()).toBe('/settings/connection#backend');

    const method = new URL(mapMethodHref('Express & Co'), 'http://app');
    expect(parseSettingsDeepLink(method.search)).toEqual({ mapMethod: 'Express & Co', mapSku: null });
    expect(sectionFromHash(method.hash)).toBe('shipping-mappings');
    const sku = new URL(mapSkuHref('A B#1'), 'http://app');
    expect(parseSettingsDeepLink(sku.search)).toEqual({ mapMethod: null, mapSku: 'A B#1' });
    expect(sectionFromHash(sku.hash)).toBe('sku-mappings');
  });

  it('accept the ?tab=shipping&method= form too', () => {
    expect(parseSettingsDeepLink('?tab=shipping&method=Flat%20Rate')).toEqual({ mapMethod: 'Flat Rate', mapSku: null });
    expect(parseSettingsDeepLink('?tab=sku&sku=LAMP')).toEqual({ mapMethod: null, mapSku: 'LAMP' });
    expect(parseSettingsDeepLink('?method=Flat%20Rate')).toEqual({ mapMethod: null, mapSku: null });
  });

  it('keep the "(no method)" row reachable and ignore an empty SKU', () => {
    expect(parseSettingsDeepLink('?mapMethod=').mapMethod).toBe('');
    expect(parseSettingsDeepLink('?mapSku=%20').mapSku).toBeNull();
  });

  it('only know the panels that exist', () => {
    expect(sectionFromHash('#backend')).toBe('backend');
    expect(sectionFromHash('#rules')).toBe('rules');
    expect(sectionFromHash('#nope')).toBeNull();
    expect(sectionFromHash('#%E0%A4%A')).toBeNull();
    expect(sectionFromHash('')).toBeNull();
  });

  it('drop the handled parameters and keep the rest of the URL', () => {
    expect(withoutDeepLink('?mapMethod=Flat%20Rate&skuSearch=A')).toBe('?skuSearch=A');
    expect(withoutDeepLink('?mapSku=X')).toBe('');
  });
});

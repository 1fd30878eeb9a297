// GET /v2/store and GET /v2/time (reference/store_information.v2.yml).
import type { Router } from 'express';
import type { SandboxState } from '../state.js';
import type { StoreRecord } from '../types.js';
import { readScope, requireScope } from './auth.js';

export function storeInformation(state: SandboxState, store: StoreRecord): Record<string, unknown> {
  return {
    id: store.hash,
    account_uuid: store.accountUuid,
    domain: store.domain,
    secure_url: `https://${store.domain}`,
    control_panel_base_url: `https://store-${store.hash}.mybigcommerce.test`,
    status: 'live',
    name: store.name,
    first_name: 'Sandbox',
    last_name: 'Owner',
    address: `${store.name}\n1 Sandbox Way\nAustin, TX 78701`,
    country: 'United States',
    country_code: 'US',
    infrastructure_region: 'us-central1',
    phone: '555-0100',
    admin_email: store.ownerEmail,
    order_email: `orders@${store.domain}`,
    favicon_url: `https://${store.domain}/favicon.ico`,
    timezone: {
      name: 'America/Chicago',
      raw_offset: -21600,
      dst_offset: -18000,
      dst_correction: true,
      date_format: { display: 'M jS Y', export: 'M jS Y', extended_display: 'M jS Y @ g:i A' },
    },
    language: 'en',
    currency: 'USD',
    currency_symbol: '$',
    decimal_separator: '.',
    thousands_separator: ',',
    decimal_places: 2,
    currency_symbol_location: 'left',
    weight_units: 'Ounces',
    dimension_units: 'Inches',
    dimension_decimal_places: 2,
    dimension_decimal_token: '.',
    dimension_thousands_token: ',',
    plan_name: store.plan,
    // The spec's example pairs plan_name Standard with plan_level Standard.
    plan_level: store.plan,
    plan_is_trial: false,
    industry: 'Technology',
    // "Either an object describing the logo image, or an empty array": a sandbox store has no logo.
    logo: [],
    is_price_entered_with_tax: false,
    store_id: store.storeId,
    default_channel_id: 1,
    default_site_id: 1000,
    active_comparison_modules: [],
    features: {
      stencil_enabled: true,
      sitewidehttps_enabled: true,
      facebook_catalog_id: '',
      checkout_type: 'optimized',
      wishlists_enabled: true,
      graphql_storefront_api_enabled: true,
      shopper_consent_tracking_enabled: true,
      multi_storefront_enabled: true,
      storefront_limits: { active: 1, total_including_inactive: 1 },
    },
  };
}

export function registerStoreInfo(v2: Router, state: SandboxState): void {
  const scope = requireScope(readScope('store_v2_information'));
  v2.get('/store', scope, (req, res) => {
    res.json(storeInformation(state, state.store(String(req.params.hash))));
  });
  v2.get('/time', scope, (_req, res) => {
    res.json({ time: Math.floor(state.now() / 1000) });
  });
}

import { afterEach, describe, expect, it } from 'vitest';
import { BigCommerceInvalidResponseError, RateLimiterRegistry, createBigCommerceClientFactory, getStoreInfo } from '../../server/bigcommerce/index.js';
import { startStub, type Stub, type StubReply } from './helpers.js';

let stub: Stub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function clientAnswering(reply: StubReply) {
  stub = await startStub(() => reply);
  return createBigCommerceClientFactory({ apiUrl: stub.url, limiters: new RateLimiterRegistry() })({
    hash: 'abc123',
    accessToken: 'tok',
  });
}

// Trimmed from the example in reference/store_information.v2.yml.
const example = {
  id: 'abc123',
  domain: 'my-awesome.store',
  secure_url: 'https://my-awesome.store',
  control_panel_base_url: 'https://store-abc123.mybigcommerce.com',
  status: 'live',
  name: 'BigCommerce',
  admin_email: 'jane.does@example.com',
  timezone: { name: 'America/Chicago', raw_offset: -21600, dst_offset: -18000, dst_correction: true },
  language: 'en',
  currency: 'USD',
  plan_name: 'Standard',
  plan_level: 'Standard',
  plan_is_trial: false,
  store_id: 4884484848484,
  features: { stencil_enabled: true },
};

describe('getStoreInfo', () => {
  it('fetches GET /v2/store and types the fields the app shows', async () => {
    const client = await clientAnswering({ json: example });
    const info = await getStoreInfo(client);
    expect(stub?.requests[0]?.pathname).toBe('/stores/abc123/v2/store');
    expect(info.name).toBe('BigCommerce');
    expect(info.timezone?.name).toBe('America/Chicago');
    expect(info.plan_is_trial).toBe(false);
    expect(info.store_id).toBe(4884484848484);
    expect(info['features']).toEqual({ stencil_enabled: true }); // unknown fields pass through
  });

  it('tolerates missing and mistyped fields', async () => {
    const client = await clientAnswering({ json: { id: 'abc123', plan_is_trial: 'no', timezone: 'UTC' } });
    const info = await getStoreInfo(client);
    expect(info.id).toBe('abc123');
    expect(info.plan_is_trial).toBeUndefined();
    expect(info.timezone).toBeUndefined();
    expect(info.name).toBeUndefined();
  });

  it('rejects a body that is not an object', async () => {
    const client = await clientAnswering({ status: 204 });
    await expect(getStoreInfo(client)).rejects.toBeInstanceOf(BigCommerceInvalidResponseError);
  });
});

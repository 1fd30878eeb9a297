// Mapping inputs are held to the fulfillment backend contract's limits (a code saved is a code the
// backend takes) with a readable 400, and keys are saved in the one spelling the import looks up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKEND_CODE_MAX, BACKEND_SKU_MAX } from '../../shared/mapping-limits.js';
import { parseSkuCsv } from '../../server/api/sku-csv.js';
import { shipmentRequestSchema, orderLineSchema } from '../../server/fulfillment/index.js';
import { signedInBareApp, STORE, type SignedInApp } from '../helpers/bare-app.js';

let t: SignedInApp;
beforeAll(async () => {
  t = await signedInBareApp();
});
afterAll(() => t.close());
const api: SignedInApp['api'] = (...args) => t.api(...args);

describe('mapping limits follow the fulfillment backend contract', () => {
  it('the limits are the contract schema’s: 100 for a shipping method code, 255 for a SKU', () => {
    expect(BACKEND_CODE_MAX).toBe(100);
    expect(BACKEND_SKU_MAX).toBe(255);
    // A code at the limit is one the backend's order schema takes; one more character is not.
    expect(shipmentRequestSchema.shape.shipping_method.safeParse('C'.repeat(BACKEND_CODE_MAX)).success).toBe(true);
    expect(shipmentRequestSchema.shape.shipping_method.safeParse('C'.repeat(BACKEND_CODE_MAX + 1)).success).toBe(false);
    expect(orderLineSchema.shape.sku.safeParse('S'.repeat(BACKEND_SKU_MAX)).success).toBe(true);
    expect(orderLineSchema.shape.sku.safeParse('S'.repeat(BACKEND_SKU_MAX + 1)).success).toBe(false);
    // The limits are plain numbers in shared/ (the browser's forms and the request schemas use them):
    // the schema's own maxLength is what they must stay equal to.
    expect(shipmentRequestSchema.shape.shipping_method.maxLength).toBe(BACKEND_CODE_MAX);
    expect(orderLineSchema.shape.sku.maxLength).toBe(BACKEND_SKU_MAX);
  });

  it('a shipping method code over 100 characters is refused with a 400 naming the field; 100 is saved', async () => {
    const res = await api('put', '/api/shipping-mappings', { method: 'Freight', backendCode: 'C'.repeat(101) });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.backendCode).toMatch(/At most 100 characters .*shipping method code the fulfillment backend accepts/);
    expect(await t.app.services.mappings.shippingCode(STORE, 'Freight')).toBeUndefined();
    expect((await api('put', '/api/shipping-mappings', { method: 'Freight', backendCode: 'C'.repeat(100) })).status).toBe(200);
  });

  it('a backend SKU over 255 characters is refused, in the form and in the CSV import', async () => {
    const res = await api('post', '/api/sku-mappings', { bcSku: 'LONG', backendSku: 'S'.repeat(256) });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.backendSku).toMatch(/At most 255 characters/);
    const csv = await parseSkuCsv(`OK,WH-OK\nLONG,${'S'.repeat(256)}\n`);
    expect(csv.rows).toEqual([{ bcSku: 'OK', backendSku: 'WH-OK' }]);
    expect(csv.errors).toEqual([{ line: 2, message: expect.stringMatching(/backend SKU is longer than 255/) }]);
  });

  it('the empty shipping method ("(no method)") can be mapped; a missing method field is still a 400', async () => {
    expect((await api('put', '/api/shipping-mappings', { method: '  ', backendCode: 'STD' })).status).toBe(200);
    expect(await t.app.services.mappings.shippingCode(STORE, '')).toBe('STD');
    expect((await api('get', '/api/shipping-mappings')).body.items).toContainEqual({ method: '', backendCode: 'STD', ordersSeen: 0 });
    expect((await api('put', '/api/shipping-mappings', { backendCode: 'STD' })).status).toBe(400);
  });

  it('keys are trimmed on save, whichever way they come in (form, quoted CSV field)', async () => {
    expect((await api('put', '/api/shipping-mappings', { method: ' Express ', backendCode: ' EXP ' })).status).toBe(200);
    expect(await t.app.services.mappings.shippingCode(STORE, 'Express')).toBe('EXP');
    expect((await parseSkuCsv('" A-1 "," WH-A1 "\n')).rows).toEqual([{ bcSku: 'A-1', backendSku: 'WH-A1' }]);
  });
});

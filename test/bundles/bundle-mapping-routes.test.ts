// Issue 9 points 6 and 9: the SKU and shipping method mapping routes take bundles, refuse bad input
// with messages by field, need canManage to change anything, and leave audit entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSkuCsv } from '../../server/api/sku-csv.js';
import { signedInBareApp, STORE, type SignedInApp } from '../helpers/bare-app.js';
import { signInMember } from '../helpers/members.js';

let t: SignedInApp;
beforeAll(async () => {
  t = await signedInBareApp();
});
afterAll(() => t.close());
const api: SignedInApp['api'] = (...args) => t.api(...args);
const audits = async (action: string) =>
  ((await t.db('audit_log').where({ store_hash: STORE, action }).orderBy('id')) as Array<Record<string, unknown>>).map((r) => ({
    email: r.user_email,
    subject: r.subject,
    before: r.before_json == null ? null : JSON.parse(String(r.before_json)),
    after: r.after_json == null ? null : JSON.parse(String(r.after_json)),
  }));
const GIFT = [
  { sku: 'MUG-1', quantity: 1 },
  { sku: 'TEA-3', quantity: 2 },
];

describe('SKU mapping routes with bundles', () => {
  it('creates and edits a bundle, auditing before → after, and answers a stale edit with 409', async () => {
    const created = await api('post', '/api/sku-mappings', { bcSku: 'GIFT-SET', components: GIFT });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ bcSku: 'GIFT-SET', backendSku: 'MUG-1', components: GIFT, notes: [] });
    const edited = await api('put', `/api/sku-mappings/${created.body.id}`, { bcSku: 'GIFT-SET', components: [{ sku: 'MUG-1', quantity: 2 }], revision: created.body.revision });
    expect(edited.status).toBe(200);
    const stale = await api('put', `/api/sku-mappings/${created.body.id}`, { bcSku: 'GIFT-SET', backendSku: 'X', revision: created.body.revision });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'mapping_changed', message: 'Changed by someone else since you opened it.' });
    // The form reloads the saved mapping to start again from it.
    expect((await api('get', `/api/sku-mappings/${created.body.id}`)).body).toMatchObject({ components: [{ sku: 'MUG-1', quantity: 2 }], revision: edited.body.revision });
    expect(await audits('mapping.sku.save')).toEqual([
      { email: 'owner@example.com', subject: 'SKU GIFT-SET', before: null, after: { bcSku: 'GIFT-SET', sentAs: 'MUG-1 × 1, TEA-3 × 2' } },
      { email: 'owner@example.com', subject: 'SKU GIFT-SET', before: { bcSku: 'GIFT-SET', sentAs: 'MUG-1 × 1, TEA-3 × 2' }, after: { bcSku: 'GIFT-SET', sentAs: 'MUG-1 × 2' } },
    ]);
    expect((await api('delete', `/api/sku-mappings/${created.body.id}`)).status).toBe(204);
    expect(await audits('mapping.sku.delete')).toEqual([{ email: 'owner@example.com', subject: 'SKU GIFT-SET', before: { bcSku: 'GIFT-SET', sentAs: 'MUG-1 × 2' }, after: null }]);
  });

  it('refuses bad components with a message next to each field', async () => {
    const res = await api('post', '/api/sku-mappings', {
      bcSku: 'KIT',
      components: [
        { sku: 'A', quantity: 0 },
        { sku: 'A', quantity: 1 },
        { sku: ' ', quantity: 1.5 },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toMatchObject({
      'components.0.quantity': 'A whole number from 1 to 1,000',
      'components.2.quantity': 'A whole number',
    });
    const dup = await api('post', '/api/sku-mappings', {
      bcSku: 'KIT',
      components: [
        { sku: 'A', quantity: 1 },
        { sku: 'A', quantity: 2 },
      ],
    });
    expect(dup.body.error.fields['components.1.sku']).toBe('A is listed twice; give it once with the total quantity.');
    const none = await api('post', '/api/sku-mappings', { bcSku: 'KIT' });
    expect(none.body.error.fields).toEqual({ backendSku: 'Required' });
    const many = await api('post', '/api/sku-mappings', { bcSku: 'KIT', components: Array.from({ length: 21 }, (_, i) => ({ sku: `P${i}`, quantity: 1 })) });
    expect(many.body.error.fields.components).toBe('A bundle has at most 20 warehouse SKUs.');
  });

  it('a member without canManage can view but not change mappings (403), and nothing is audited', async () => {
    const member = await signInMember(t, { id: 77, email: 'staff@example.com' });
    expect((await member.api('get', '/api/sku-mappings')).status).toBe(200);
    for (const [method, path, body] of [
      ['post', '/api/sku-mappings', { bcSku: 'M', backendSku: 'N' }],
      ['put', '/api/sku-mappings/1', { bcSku: 'M', backendSku: 'N' }],
      ['delete', '/api/sku-mappings/1', undefined],
      ['post', '/api/sku-mappings/import', { csv: 'bigcommerce_sku,backend_sku\nM,N\n' }],
      ['put', '/api/shipping-mappings', { method: 'Flat Rate', backendCode: 'GROUND' }],
    ] as const) {
      const res = await member.api(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.message).toMatch(/Only the store owner/);
    }
    expect(await t.db('audit_log').where({ user_email: 'staff@example.com' }).count({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('shipping method mappings are audited as saved and removed', async () => {
    await api('put', '/api/shipping-mappings', { method: 'Express', backendCode: 'EXP' });
    await api('put', '/api/shipping-mappings', { method: 'Express', backendCode: 'EXP' });
    await api('put', '/api/shipping-mappings', { method: 'Express', backendCode: null });
    expect(await audits('mapping.shipping.save')).toEqual([
      { email: 'owner@example.com', subject: 'Shipping method "Express"', before: { backendCode: null }, after: { backendCode: 'EXP' } },
    ]);
    expect(await audits('mapping.shipping.delete')).toEqual([
      { email: 'owner@example.com', subject: 'Shipping method "Express"', before: { backendCode: 'EXP' }, after: { backendCode: null } },
    ]);
  });
});

describe('CSV with bundles', () => {
  it('round trip: the export reads back as the same mappings; the import is audited', async () => {
    const csv = 'bigcommerce_sku,backend_sku\nBOX-SET,"CUP*2|SAUCER*2"\nPLAIN,WH-PLAIN\n"A,B",X\n';
    const imported = await api('post', '/api/sku-mappings/import', { csv });
    expect(imported.body).toEqual({ created: 3, updated: 0, errors: [] });
    const exported = await api('get', '/api/sku-mappings/export');
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/text\/csv/);
    const back = await parseSkuCsv(exported.text);
    expect(back.errors).toEqual([]);
    expect(back.rows.filter((r) => ['BOX-SET', 'PLAIN', 'A,B'].includes(r.bcSku))).toEqual([
      { bcSku: 'A,B', backendSku: 'X' },
      {
        bcSku: 'BOX-SET',
        backendSku: 'CUP',
        components: [
          { sku: 'CUP', quantity: 2 },
          { sku: 'SAUCER', quantity: 2 },
        ],
      },
      { bcSku: 'PLAIN', backendSku: 'WH-PLAIN' },
    ]);
    const [entry] = await audits('mapping.sku.import');
    expect(entry).toMatchObject({
      subject: 'SKU mappings (CSV import)',
      before: { mappings: {} },
      after: { created: 3, updated: 0, skipped: 0, mappings: { 'BOX-SET': 'CUP × 2, SAUCER × 2', PLAIN: 'WH-PLAIN' } },
    });
  });

  it('bundle cells: quantity 1 may be left out, "SKU*1" alone is plain, bad parts are reported by line', async () => {
    const { rows, errors } = await parseSkuCsv('bigcommerce_sku,backend_sku\nK1,MUG-1|TEA-3*2\nK2,WH-9*1\nK3,MUG-1||TEA\nK4,MUG*0|TEA\nK5,A*2|A*3\n');
    expect(rows).toEqual([
      {
        bcSku: 'K1',
        backendSku: 'MUG-1',
        components: [
          { sku: 'MUG-1', quantity: 1 },
          { sku: 'TEA-3', quantity: 2 },
        ],
      },
      { bcSku: 'K2', backendSku: 'WH-9' },
    ]);
    expect(errors).toEqual([
      { line: 4, message: 'A bundle part is empty (check the "|" separators).' },
      { line: 5, message: 'Bundle part 1 (MUG): A whole number from 1 to 1,000.' },
      { line: 6, message: 'Bundle part 2 (A): A is listed twice; give it once with the total quantity.' },
    ]);
  });
});

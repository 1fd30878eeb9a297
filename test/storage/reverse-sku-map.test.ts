import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/storage/db.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { MappingsRepo } from '../../server/storage/mappings-repo.js';
import { reverseSkuLookup, type SkuPair } from '../../server/storage/reverse-sku-map.js';

const pairs = (...list: Array<[string, string]>): SkuPair[] => list.map(([bcSku, backendSku]) => ({ bcSku, backendSku }));

describe('reverseSkuLookup (backend SKU → BigCommerce SKUs)', () => {
  it('an unmapped SKU passes through as itself', () => {
    expect(reverseSkuLookup([])('MUG')).toEqual(['MUG']);
  });

  it('chain LAMP-A → LAMP-B → LAMP-C: backend LAMP-B is LAMP-A only, backend LAMP-C is LAMP-B (and LAMP-C itself)', () => {
    const reverse = reverseSkuLookup(pairs(['LAMP-A', 'LAMP-B'], ['LAMP-B', 'LAMP-C']));
    expect(reverse('LAMP-B')).toEqual(['LAMP-A']);
    expect(reverse('LAMP-C')).toEqual(['LAMP-B', 'LAMP-C']);
    // BigCommerce LAMP-A is mapped away, so a backend level named LAMP-A belongs to no BigCommerce SKU.
    expect(reverse('LAMP-A')).toEqual([]);
  });

  it('swap A → B, B → A crosses over', () => {
    const reverse = reverseSkuLookup(pairs(['A', 'B'], ['B', 'A']));
    expect(reverse('A')).toEqual(['B']);
    expect(reverse('B')).toEqual(['A']);
  });

  it('many-to-one: every BigCommerce SKU mapped to the backend SKU, plus the unmapped same name', () => {
    const reverse = reverseSkuLookup(pairs(['TEE-RED', 'WH-TEE'], ['TEE-BLUE', 'WH-TEE']));
    expect(reverse('WH-TEE')).toEqual(['TEE-BLUE', 'TEE-RED', 'WH-TEE']);
  });

  it('an identity mapping X → X lists X once', () => {
    expect(reverseSkuLookup(pairs(['X', 'X']))('X')).toEqual(['X']);
  });
});

describe('MappingsRepo.reverseSkuMap / mappedBackendSkus', () => {
  let db: Db;
  let closeDb: () => Promise<void>;
  let repo: MappingsRepo;
  beforeAll(async () => {
    ({ db, close: closeDb } = await openTestDatabase());
    await db('stores').insert([
      { hash: 'store1', status: 'installed', installed_at: 1, updated_at: 1 },
      { hash: 'store2', status: 'installed', installed_at: 1, updated_at: 1 },
    ]);
    repo = new MappingsRepo(db);
    await repo.upsertSkus(
      'store1',
      [
        { bcSku: 'LAMP-A', backendSku: 'LAMP-B' },
        { bcSku: 'LAMP-B', backendSku: 'LAMP-C' },
        { bcSku: 'TEE-RED', backendSku: 'WH-TEE' },
        { bcSku: 'SAME', backendSku: 'SAME' },
      ],
      1,
    );
    // Another store's mappings never leak in.
    await repo.upsertSkus('store2', [{ bcSku: 'MUG', backendSku: 'LAMP-B' }], 1);
  });
  afterAll(async () => closeDb?.());

  it('loads the mappings that point to a name and those that map it away', async () => {
    const reverse = await repo.reverseSkuMap('store1', ['LAMP-B', 'LAMP-C', 'WH-TEE', 'MUG']);
    expect(reverse('LAMP-B')).toEqual(['LAMP-A']);
    expect(reverse('LAMP-C')).toEqual(['LAMP-B', 'LAMP-C']);
    expect(reverse('WH-TEE')).toEqual(['TEE-RED', 'WH-TEE']);
    expect(reverse('MUG')).toEqual(['MUG']);
  });

  it('names the backend SKUs another BigCommerce SKU is mapped to (identity mappings do not count)', async () => {
    expect([...(await repo.mappedBackendSkus('store1', ['LAMP-B', 'LAMP-C', 'WH-TEE', 'SAME', 'MUG', 'LAMP-A']))].sort()).toEqual(['LAMP-B', 'LAMP-C', 'WH-TEE']);
    expect([...(await repo.mappedBackendSkus('store2', ['LAMP-C']))]).toEqual([]);
  });
});

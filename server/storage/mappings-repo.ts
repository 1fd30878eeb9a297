import type { Knex } from 'knex';
import type { ShippingMethodMapping, SkuMapping } from '../api/contract.js';
import { whereAnyContains } from './like.js';
import { normaliseMappingKey } from './mapping-keys.js';
import { reverseSkuLookup } from './reverse-sku-map.js';

export class DuplicateMappingError extends Error {}

/** SKU mappings (BigCommerce SKU → backend SKU) and shipping method mappings, per store. */
export class MappingsRepo {
  constructor(private readonly db: Knex) {}

  async listSku(storeHash: string, search: string | undefined, page: number, limit: number) {
    const q = this.db('sku_mappings').where({ store_hash: storeHash });
    if (search) whereAnyContains(q, ['bc_sku', 'backend_sku'], search);
    const [{ n }] = (await q.clone().count({ n: '*' })) as [{ n: number }];
    const rows = await q.orderBy('bc_sku').limit(limit).offset((page - 1) * limit);
    return { items: rows.map(toSku), total: Number(n) };
  }

  /** Every mapping of the store for the given BigCommerce SKUs. */
  async skuMap(storeHash: string, bcSkus: string[]): Promise<Map<string, string>> {
    if (bcSkus.length === 0) return new Map();
    const rows = await this.db('sku_mappings').where({ store_hash: storeHash }).whereIn('bc_sku', bcSkus);
    return new Map(rows.map((r) => [String(r.bc_sku), String(r.backend_sku)]));
  }

  /**
   * Backend SKU → the BigCommerce SKUs it stands for (see reverseSkuLookup): those mapped to it,
   * plus the same name only while that BigCommerce SKU is not mapped away to another backend SKU.
   */
  async reverseSkuMap(storeHash: string, backendSkus: string[]): Promise<(backendSku: string) => string[]> {
    const names = [...new Set(backendSkus)];
    const rows = names.length
      ? await this.db('sku_mappings')
          .where({ store_hash: storeHash })
          .andWhere((q) => q.whereIn('backend_sku', names).orWhereIn('bc_sku', names))
      : [];
    return reverseSkuLookup(rows.map((r) => ({ bcSku: String(r.bc_sku), backendSku: String(r.backend_sku) })));
  }

  /** Which of these backend SKUs another BigCommerce SKU (not the same name) is mapped to. */
  async mappedBackendSkus(storeHash: string, backendSkus: string[]): Promise<Set<string>> {
    const names = [...new Set(backendSkus)];
    if (names.length === 0) return new Set();
    const rows = await this.db('sku_mappings')
      .where({ store_hash: storeHash })
      .whereIn('backend_sku', names)
      .whereRaw('bc_sku <> backend_sku')
      .distinct('backend_sku');
    return new Set(rows.map((r) => String(r.backend_sku)));
  }

  async getSku(storeHash: string, id: number): Promise<SkuMapping | undefined> {
    const r = await this.db('sku_mappings').where({ store_hash: storeHash, id }).first();
    return r ? toSku(r) : undefined;
  }

  async createSku(storeHash: string, input: { bcSku: string; backendSku: string }, now: number): Promise<SkuMapping> {
    const m = normaliseSku(input);
    const existing = await this.db('sku_mappings').where({ store_hash: storeHash, bc_sku: m.bcSku }).first();
    if (existing) throw new DuplicateMappingError(`SKU ${m.bcSku} is already mapped.`);
    const [id] = await this.db('sku_mappings').insert({ store_hash: storeHash, bc_sku: m.bcSku, backend_sku: m.backendSku, updated_at: now });
    return { id: Number(id), ...m };
  }

  async updateSku(storeHash: string, id: number, input: { bcSku: string; backendSku: string }, now: number): Promise<SkuMapping | undefined> {
    const m = normaliseSku(input);
    const clash = await this.db('sku_mappings').where({ store_hash: storeHash, bc_sku: m.bcSku }).whereNot({ id }).first();
    if (clash) throw new DuplicateMappingError(`SKU ${m.bcSku} is already mapped.`);
    const n = await this.db('sku_mappings').where({ store_hash: storeHash, id }).update({ bc_sku: m.bcSku, backend_sku: m.backendSku, updated_at: now });
    return n ? { id, ...m } : undefined;
  }

  async deleteSku(storeHash: string, id: number): Promise<boolean> {
    return (await this.db('sku_mappings').where({ store_hash: storeHash, id }).delete()) > 0;
  }

  /** Insert or overwrite many (CSV import), in one transaction. */
  async upsertSkus(storeHash: string, rows: Array<{ bcSku: string; backendSku: string }>, now: number) {
    return this.db.transaction(async (trx) => {
      let created = 0;
      let updated = 0;
      for (const m of rows.map(normaliseSku)) {
        const n = await trx('sku_mappings').where({ store_hash: storeHash, bc_sku: m.bcSku }).update({ backend_sku: m.backendSku, updated_at: now });
        if (n) updated++;
        else {
          await trx('sku_mappings').insert({ store_hash: storeHash, bc_sku: m.bcSku, backend_sku: m.backendSku, updated_at: now });
          created++;
        }
      }
      return { created, updated };
    });
  }

  /** The backend code of a method ("" is the empty method: consignments without a method name). */
  async shippingCode(storeHash: string, method: string): Promise<string | undefined> {
    const r = await this.db('shipping_mappings').where({ store_hash: storeHash, method: normaliseMappingKey(method) }).first('backend_code');
    return r ? String(r.backend_code) : undefined;
  }

  /**
   * Every method any consignment of the store's orders used (orders.shipping_methods, recorded by
   * the import), with how many orders used it, merged with those already mapped: an order held for
   * a method's mapping always finds that method here.
   */
  async listShipping(storeHash: string): Promise<ShippingMethodMapping[]> {
    // Orders are grouped by their list of methods first, so each distinct list is parsed once (the
    // scan costs what the former GROUP BY shipping_method did); an order's list has no repeats.
    const seen = (await this.db.raw(
      `SELECT m.value AS method, sum(g.n) AS n
         FROM (SELECT shipping_methods, count(*) AS n FROM orders WHERE store_hash = ? AND shipping_methods IS NOT NULL GROUP BY shipping_methods) AS g,
              json_each(g.shipping_methods) AS m
        GROUP BY m.value`,
      [storeHash],
    )) as Array<{ method: string; n: number }>;
    const mapped = await this.db('shipping_mappings').where({ store_hash: storeHash });
    const out = new Map<string, ShippingMethodMapping>();
    for (const s of seen) out.set(String(s.method), { method: String(s.method), backendCode: null, ordersSeen: Number(s.n) });
    for (const m of mapped) {
      const method = String(m.method);
      out.set(method, { method, backendCode: String(m.backend_code), ordersSeen: out.get(method)?.ordersSeen ?? 0 });
    }
    return [...out.values()].sort((a, b) => a.method.localeCompare(b.method));
  }

  async setShipping(storeHash: string, rawMethod: string, rawCode: string | null, now: number): Promise<void> {
    const method = normaliseMappingKey(rawMethod);
    const backendCode = rawCode == null ? null : normaliseMappingKey(rawCode);
    if (!backendCode) {
      await this.db('shipping_mappings').where({ store_hash: storeHash, method }).delete();
      return;
    }
    await this.db('shipping_mappings')
      .insert({ store_hash: storeHash, method, backend_code: backendCode, updated_at: now })
      .onConflict(['store_hash', 'method'])
      .merge({ backend_code: backendCode, updated_at: now });
  }
}

const normaliseSku = (m: { bcSku: string; backendSku: string }) => ({ bcSku: normaliseMappingKey(m.bcSku), backendSku: normaliseMappingKey(m.backendSku) });

const toSku = (r: Record<string, unknown>): SkuMapping => ({ id: Number(r.id), bcSku: String(r.bc_sku), backendSku: String(r.backend_sku) });

import type { Knex } from 'knex';
import type { ShippingMethodMapping, SkuMapping } from '../api/contract.js';
import { whereAnyContains } from './like.js';
import { normaliseMappingKey } from './mapping-keys.js';
import { reverseSkuLookup } from './reverse-sku-map.js';

export class DuplicateMappingError extends Error {}

/** Rows per upsert statement: 4 bound values each stays far below SQLite's 32,766 variables. */
const UPSERT_CHUNK = 500;

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
    // RETURNING: PostgreSQL gives an insert's id only when asked (SQLite gives the last rowid anyway).
    const [row] = (await this.db('sku_mappings').insert({ store_hash: storeHash, bc_sku: m.bcSku, backend_sku: m.backendSku, updated_at: now }).returning('id')) as Array<{ id: number | string } | number>;
    return { id: Number(typeof row === 'object' ? row.id : row), ...m };
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

  /**
   * Creates or updates many mappings (CSV import, by BigCommerce SKU) in one transaction, a few
   * hundred rows per statement. Row by row took 4-9 s for a 20,000-row import, with better-sqlite3
   * blocking the event loop for all of it (webhooks unanswered); this takes a fraction of a second.
   * A SKU given twice keeps its last mapping (one statement may not write a row twice on PostgreSQL).
   */
  async upsertSkus(storeHash: string, rows: ReadonlyArray<{ bcSku: string; backendSku: string }>, now: number): Promise<{ created: number; updated: number }> {
    const unique = [...new Map(rows.map(normaliseSku).map((m) => [m.bcSku, m] as const)).values()];
    return this.db.transaction(async (trx) => {
      let updated = 0;
      for (let i = 0; i < unique.length; i += UPSERT_CHUNK) {
        const chunk = unique.slice(i, i + UPSERT_CHUNK);
        const existing = await trx('sku_mappings')
          .where({ store_hash: storeHash })
          .whereIn(
            'bc_sku',
            chunk.map((m) => m.bcSku),
          )
          .count({ n: '*' });
        updated += Number((existing[0] as { n: number | string }).n);
        await trx('sku_mappings')
          .insert(chunk.map((m) => ({ store_hash: storeHash, bc_sku: m.bcSku, backend_sku: m.backendSku, updated_at: now })))
          .onConflict(['store_hash', 'bc_sku'])
          .merge(['backend_sku', 'updated_at']);
      }
      return { created: unique.length - updated, updated };
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
    // The lists are unpacked here rather than in SQL, whose JSON functions differ by database.
    const lists = (await this.db('orders')
      .where({ store_hash: storeHash })
      .whereNotNull('shipping_methods')
      .groupBy('shipping_methods')
      .select('shipping_methods')
      .count({ n: '*' })) as Array<{ shipping_methods: string; n: number | string }>;
    const seen = new Map<string, number>();
    for (const list of lists) {
      for (const method of parseMethods(list.shipping_methods)) seen.set(method, (seen.get(method) ?? 0) + Number(list.n));
    }
    const mapped = await this.db('shipping_mappings').where({ store_hash: storeHash });
    const out = new Map<string, ShippingMethodMapping>();
    for (const [method, n] of seen) out.set(method, { method, backendCode: null, ordersSeen: n });
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

/** An order's recorded methods, each once; a value that is not a JSON list counts for nothing. */
function parseMethods(text: string): Set<string> {
  try {
    const parsed: unknown = JSON.parse(text);
    return new Set(Array.isArray(parsed) ? parsed.filter((m): m is string => typeof m === 'string') : []);
  } catch {
    return new Set();
  }
}

const normaliseSku = (m: { bcSku: string; backendSku: string }) => ({ bcSku: normaliseMappingKey(m.bcSku), backendSku: normaliseMappingKey(m.backendSku) });

const toSku = (r: Record<string, unknown>): SkuMapping => ({ id: Number(r.id), bcSku: String(r.bc_sku), backendSku: String(r.backend_sku) });

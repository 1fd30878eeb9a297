import type { Knex } from 'knex';
import type { ShippingMethodMapping, SkuMapping } from '../domain/mappings.js';
import { isUniqueViolation } from '../jobs/rows.js';
import { whereAnyContains } from './like.js';
import { normaliseMappingKey } from '../../shared/mapping-keys.js';
import { bundleLookup, reverseSkuLookup, type BundleMapping } from './reverse-sku-map.js';
import { bundlesUsing, componentsOf, recordComponentLevels, writeComponents } from './bundle-components.js';
import { componentsText, isBundle, type SkuComponent } from '../domain/sku-components.js';

export class DuplicateMappingError extends Error {}
/** The mapping was saved by someone else since the editor read it (its revision moved on). */
export class StaleMappingError extends Error {}

/** A mapping as the API and the CSV import give it: a bundle's components, or one backend SKU. */
export interface SkuInput {
  bcSku: string;
  backendSku?: string;
  components?: readonly SkuComponent[];
}

/** What a BigCommerce SKU is sent as: a plain mapping's backend SKU, or a bundle's components. */
export type SkuTarget = string | readonly SkuComponent[];

/** Rows per upsert statement: 4 bound values each stays far below SQLite's 32,766 variables. */
const UPSERT_CHUNK = 500;

/** SKU mappings (BigCommerce SKU → backend SKU) and shipping method mappings, per store. */
export class MappingsRepo {
  constructor(private readonly db: Knex) {}

  async listSku(storeHash: string, search: string | undefined, page: number, limit: number) {
    const q = this.db('sku_mappings').where({ store_hash: storeHash });
    if (search) {
      // A bundle is found by any of its components, not only the first (kept in backend_sku).
      const part = this.db('sku_mapping_components').select('mapping_id');
      whereAnyContains(this.db, part, ['backend_sku'], search);
      q.andWhere((w) => {
        whereAnyContains(this.db, w, ['bc_sku', 'backend_sku'], search);
        w.orWhereIn('id', part);
      });
    }
    const [{ n }] = (await q.clone().count({ n: '*' })) as [{ n: number }];
    const rows = await q
      .orderBy('bc_sku')
      .limit(limit)
      .offset((page - 1) * limit);
    return { items: await this.withComponents(rows), total: Number(n) };
  }

  /**
   * Every mapping of the store for the given BigCommerce SKUs: the backend SKU of a plain mapping,
   * the components of a bundle (issue 9 point 6).
   */
  async skuMap(storeHash: string, bcSkus: string[]): Promise<Map<string, SkuTarget>> {
    if (bcSkus.length === 0) return new Map();
    const rows = await this.db('sku_mappings').where({ store_hash: storeHash }).whereIn('bc_sku', bcSkus);
    const parts = await componentsOf(
      this.db,
      rows.filter((r) => Boolean(r.is_bundle)).map((r) => Number(r.id)),
    );
    return new Map(rows.map((r): [string, SkuTarget] => [String(r.bc_sku), r.is_bundle ? (parts.get(Number(r.id)) ?? []) : String(r.backend_sku)]));
  }

  /** The store's bundles that use any of these warehouse SKUs (a shipment's items, a stock level). */
  async bundlesUsing(storeHash: string, backendSkus: string[]): Promise<(backendSku: string) => BundleMapping[]> {
    return bundleLookup(backendSkus.length ? await bundlesUsing(this.db, storeHash, backendSkus) : []);
  }

  /**
   * Records warehouse levels on the components of the store's bundles and answers each bundle
   * concerned with all its components' levels (null where not reported yet), inside `trx`.
   */
  async recordComponentLevels(storeHash: string, items: ReadonlyArray<{ sku: string; available: number }>, trx: Knex = this.db): Promise<BundleMapping[]> {
    return items.length ? recordComponentLevels(trx, storeHash, items) : [];
  }

  /**
   * What the merchant should know about a bundle's components: one that is itself a BigCommerce SKU
   * mapped elsewhere is still sent as written (mappings never chain: a component is a warehouse SKU).
   */
  async chainNotes(storeHash: string, bcSku: string, components: readonly SkuComponent[]): Promise<string[]> {
    const names = components.map((c) => normaliseMappingKey(c.sku)).filter((sku) => sku !== bcSku);
    if (!isBundle(components) || names.length === 0) return [];
    const rows = await this.db('sku_mappings').where({ store_hash: storeHash }).whereIn('bc_sku', names);
    const parts = await componentsOf(
      this.db,
      rows.filter((r) => Boolean(r.is_bundle)).map((r) => Number(r.id)),
    );
    return rows
      .filter((r) => r.is_bundle || String(r.backend_sku) !== String(r.bc_sku))
      .map((r) => {
        const sku = String(r.bc_sku);
        const target = r.is_bundle ? `the bundle ${componentsText(parts.get(Number(r.id)) ?? [])}` : String(r.backend_sku);
        return `${sku} is also a BigCommerce SKU mapped to ${target}; in this bundle it is sent to the warehouse as ${sku}, unchanged.`;
      })
      .sort();
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
          .andWhere((q) => {
            q.whereIn('backend_sku', names).orWhereIn('bc_sku', names);
          })
      : [];
    return reverseSkuLookup(rows.map((r) => ({ bcSku: String(r.bc_sku), backendSku: String(r.backend_sku), bundle: Boolean(r.is_bundle) })));
  }

  /** Which of these backend SKUs another BigCommerce SKU (not the same name) is mapped to. */
  async mappedBackendSkus(storeHash: string, backendSkus: string[]): Promise<Set<string>> {
    const names = [...new Set(backendSkus)];
    if (names.length === 0) return new Set();
    const rows = await this.db('sku_mappings')
      .where({ store_hash: storeHash })
      .whereIn('backend_sku', names)
      .whereRaw('bc_sku <> backend_sku')
      .andWhere({ is_bundle: false })
      .distinct('backend_sku');
    // A bundle's components are covered too: their stock goes to the bundles (and the level of a
    // component SKU BigCommerce does not sell is not an "unknown SKU").
    const parts = await bundlesUsing(this.db, storeHash, names);
    return new Set([...rows.map((r) => String(r.backend_sku)), ...parts.flatMap((b) => b.components.map((c) => c.sku)).filter((sku) => names.includes(sku))]);
  }

  async getSku(storeHash: string, id: number): Promise<SkuMapping | undefined> {
    const r = await this.db('sku_mappings').where({ store_hash: storeHash, id }).first();
    return r ? (await this.withComponents([r]))[0] : undefined;
  }

  async createSku(storeHash: string, input: SkuInput, now: number): Promise<SkuMapping> {
    const m = normaliseSku(input);
    return this.db.transaction(async (trx) => {
      const existing = await trx('sku_mappings').where({ store_hash: storeHash, bc_sku: m.bcSku }).first();
      if (existing) throw new DuplicateMappingError(`SKU ${m.bcSku} is already mapped.`);
      // RETURNING: PostgreSQL gives an insert's id only when asked (SQLite gives the last rowid anyway).
      // On PostgreSQL a create racing this one may pass the check above too: the unique key decides.
      const [row] = (await trx('sku_mappings')
        .insert({ store_hash: storeHash, ...columnsOf(m), updated_at: now })
        .returning('id')
        .catch((err: unknown) => {
          throw isUniqueViolation(err) ? new DuplicateMappingError(`SKU ${m.bcSku} is already mapped.`) : err;
        })) as Array<{ id: number | string } | number>;
      const id = Number(typeof row === 'object' ? row.id : row);
      if (m.bundle) await writeComponents(trx, storeHash, new Map([[id, m.components]]));
      return { id, bcSku: m.bcSku, backendSku: m.components[0]!.sku, components: m.components, revision: now };
    });
  }

  /** `revision`: the one the editor read; another one saved since makes it a StaleMappingError. */
  async updateSku(storeHash: string, id: number, input: SkuInput, now: number, revision?: number): Promise<SkuMapping | undefined> {
    const m = normaliseSku(input);
    return this.db.transaction(async (trx) => {
      const current = await trx('sku_mappings').where({ store_hash: storeHash, id }).first();
      if (!current) return undefined;
      if (revision !== undefined && Number(current.updated_at) !== revision) throw new StaleMappingError('Changed by someone else since you opened it.');
      const clash = await trx('sku_mappings').where({ store_hash: storeHash, bc_sku: m.bcSku }).whereNot({ id }).first();
      if (clash) throw new DuplicateMappingError(`SKU ${m.bcSku} is already mapped.`);
      // A save in the same millisecond as the one read still moves the revision on.
      const at = Math.max(now, Number(current.updated_at) + 1);
      await trx('sku_mappings')
        .where({ store_hash: storeHash, id })
        .update({ ...columnsOf(m), updated_at: at })
        .catch((err: unknown) => {
          throw isUniqueViolation(err) ? new DuplicateMappingError(`SKU ${m.bcSku} is already mapped.`) : err;
        });
      if (m.bundle || current.is_bundle) await writeComponents(trx, storeHash, new Map([[id, m.bundle ? m.components : null]]));
      return { id, bcSku: m.bcSku, backendSku: m.components[0]!.sku, components: m.components, revision: at };
    });
  }

  /** Deletes the mapping (and a bundle's components with it): the deleted mapping, for the audit. */
  async deleteSku(storeHash: string, id: number): Promise<SkuMapping | undefined> {
    const before = await this.getSku(storeHash, id);
    if (!before) return undefined;
    await this.db.transaction(async (trx) => {
      await trx('sku_mapping_components').where({ mapping_id: id }).delete();
      await trx('sku_mappings').where({ store_hash: storeHash, id }).delete();
    });
    return before;
  }

  /** Mappings by BigCommerce SKU (the CSV import's before, for the audit). */
  async skusByBcSku(storeHash: string, bcSkus: readonly string[]): Promise<SkuMapping[]> {
    const out: SkuMapping[] = [];
    for (let i = 0; i < bcSkus.length; i += UPSERT_CHUNK) {
      out.push(
        ...(await this.withComponents(
          await this.db('sku_mappings')
            .where({ store_hash: storeHash })
            .whereIn('bc_sku', bcSkus.slice(i, i + UPSERT_CHUNK)),
        )),
      );
    }
    return out;
  }

  /** Every mapping of the store, by BigCommerce SKU, a page at a time (the CSV export). */
  async allSkus(storeHash: string, afterBcSku: string | null, limit: number): Promise<SkuMapping[]> {
    const q = this.db('sku_mappings').where({ store_hash: storeHash });
    if (afterBcSku !== null) q.andWhere('bc_sku', '>', afterBcSku);
    return this.withComponents(await q.orderBy('bc_sku').limit(limit));
  }

  /**
   * Creates or updates many mappings (CSV import, by BigCommerce SKU) in one transaction, a few
   * hundred rows per statement. Row by row took 4-9 s for a 20,000-row import, with better-sqlite3
   * blocking the event loop for all of it (webhooks unanswered); this takes a fraction of a second.
   * A SKU given twice keeps its last mapping (one statement may not write a row twice on PostgreSQL).
   */
  async upsertSkus(storeHash: string, rows: ReadonlyArray<SkuInput>, now: number): Promise<{ created: number; updated: number }> {
    const unique = [...new Map(rows.map(normaliseSku).map((m) => [m.bcSku, m] as const)).values()];
    return this.db.transaction(async (trx) => {
      let updated = 0;
      for (let i = 0; i < unique.length; i += UPSERT_CHUNK) {
        const chunk = unique.slice(i, i + UPSERT_CHUNK);
        // What exists (counted as updated), and which of it are bundles whose components must go.
        const existing: Array<{ bc_sku: string; is_bundle: unknown }> = await trx('sku_mappings')
          .where({ store_hash: storeHash })
          .whereIn(
            'bc_sku',
            chunk.map((m) => m.bcSku),
          )
          .select('bc_sku', 'is_bundle');
        updated += existing.length;
        await trx('sku_mappings')
          .insert(chunk.map((m) => ({ store_hash: storeHash, ...columnsOf(m), updated_at: now })))
          .onConflict(['store_hash', 'bc_sku'])
          .merge(['backend_sku', 'is_bundle', 'updated_at']);
        // Plain rows over plain rows (the usual import) cost nothing more than before.
        const wasBundle = new Set(existing.filter((r) => Boolean(r.is_bundle)).map((r) => String(r.bc_sku)));
        const touched = chunk.filter((m) => m.bundle || wasBundle.has(m.bcSku));
        if (touched.length === 0) continue;
        const ids: Array<{ id: number; bc_sku: string }> = await trx('sku_mappings')
          .where({ store_hash: storeHash })
          .whereIn(
            'bc_sku',
            touched.map((m) => m.bcSku),
          )
          .select('id', 'bc_sku');
        const idOf = new Map(ids.map((r) => [String(r.bc_sku), Number(r.id)] as const));
        await writeComponents(trx, storeHash, new Map(touched.map((m) => [idOf.get(m.bcSku)!, m.bundle ? m.components : null] as const)));
      }
      return { created: unique.length - updated, updated };
    });
  }

  private async withComponents(rows: Array<Record<string, unknown>>): Promise<SkuMapping[]> {
    const parts = await componentsOf(
      this.db,
      rows.filter((r) => Boolean(r.is_bundle)).map((r) => Number(r.id)),
    );
    return rows.map((r) => toSku(r, parts.get(Number(r.id))));
  }

  /** The backend code of a method ("" is the empty method: consignments without a method name). */
  async shippingCode(storeHash: string, method: string): Promise<string | undefined> {
    const r = await this.db('shipping_mappings')
      .where({ store_hash: storeHash, method: normaliseMappingKey(method) })
      .first('backend_code');
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
    const lists: Array<{ shipping_methods: string; n: number | string }> = await this.db('orders')
      .where({ store_hash: storeHash })
      .whereNotNull('shipping_methods')
      .groupBy('shipping_methods')
      .select('shipping_methods')
      .count({ n: '*' });
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

/** Keys spelled as lookups spell them; a single component of quantity 1 is a plain mapping. */
function normaliseSku(m: SkuInput): { bcSku: string; components: SkuComponent[]; bundle: boolean } {
  const given = m.components && m.components.length > 0 ? m.components : [{ sku: m.backendSku ?? '', quantity: 1 }];
  const components = given.map((c) => ({ sku: normaliseMappingKey(c.sku), quantity: c.quantity }));
  return { bcSku: normaliseMappingKey(m.bcSku), components, bundle: isBundle(components) };
}

const columnsOf = (m: ReturnType<typeof normaliseSku>) => ({ bc_sku: m.bcSku, backend_sku: m.components[0]!.sku, is_bundle: m.bundle });

const toSku = (r: Record<string, unknown>, components: SkuComponent[] | undefined): SkuMapping => ({
  id: Number(r.id),
  bcSku: String(r.bc_sku),
  backendSku: String(r.backend_sku),
  components: r.is_bundle && components ? components : [{ sku: String(r.backend_sku), quantity: 1 }],
  revision: Number(r.updated_at),
});

import type { Knex } from 'knex';
import type { OrderRule, RuleAction, RuleCondition } from '../domain/rules.js';
import type { EvaluableRule } from '../flows/rules/evaluate.js';

// Order rules per store (migration 020). The built-in "Manual Verification Required" rule is
// created the first time a store's rules are read, for stores installed before rules existed too;
// it can be turned off, never deleted.

export const MANUAL_VERIFICATION = 'manual_verification';
/** BigCommerce's "Manual Verification Required" order status. */
export const MANUAL_VERIFICATION_STATUS_ID = 12;
export const MANUAL_VERIFICATION_RULE = {
  name: 'Manual Verification Required',
  action: 'hold' as RuleAction,
  conditions: [{ field: 'status', operator: 'is_any_of', values: [String(MANUAL_VERIFICATION_STATUS_ID)] }] as RuleCondition[],
};

export interface RuleWrite {
  name: string;
  action: RuleAction;
  enabled: boolean;
  conditions: RuleCondition[];
}

/** A rule as stored, without its order count. */
export type StoredRule = Omit<OrderRule, 'ordersAffected' | 'updatedAt'> & { updatedAtMs: number };

type Raw = Record<string, unknown>;

function parseConditions(v: unknown): RuleCondition[] {
  try {
    const c = JSON.parse(String(v)) as unknown;
    return Array.isArray(c) ? (c as RuleCondition[]) : [];
  } catch {
    return []; // a damaged cell: the rule matches nothing (evaluate.ts) rather than everything
  }
}

const toRule = (r: Raw): StoredRule => ({
  id: Number(r.id),
  name: String(r.name),
  action: r.action === 'skip' ? 'skip' : 'hold',
  enabled: Boolean(r.enabled),
  conditions: parseConditions(r.conditions_json),
  position: Number(r.position),
  builtIn: r.built_in === MANUAL_VERIFICATION ? MANUAL_VERIFICATION : null,
  updatedAtMs: Number(r.updated_at),
});

export const toEvaluable = (r: Pick<StoredRule, 'id' | 'name' | 'action' | 'enabled' | 'conditions'>): EvaluableRule => ({
  id: r.id,
  name: r.name,
  action: r.action,
  enabled: r.enabled,
  conditions: r.conditions,
});

/** The built-in rule as it would be created: for a read that must not write (the dry run). */
const virtualBuiltIn: EvaluableRule = {
  id: null,
  name: MANUAL_VERIFICATION_RULE.name,
  action: MANUAL_VERIFICATION_RULE.action,
  enabled: true,
  conditions: MANUAL_VERIFICATION_RULE.conditions,
};

export class RulesRepo {
  constructor(private readonly db: Knex) {}

  /** The store's rules by position (the built-in one created if missing). */
  async list(storeHash: string, now: number): Promise<StoredRule[]> {
    await this.ensureBuiltIn(storeHash, now);
    return this.read(storeHash);
  }

  /**
   * The rules as the import evaluates them, by position. `write: false` (the dry run) never
   * creates the built-in rule: a store without it yet evaluates as if it existed, enabled and first.
   */
  async forEvaluation(storeHash: string, now: number, write = true): Promise<EvaluableRule[]> {
    if (write) return (await this.list(storeHash, now)).map(toEvaluable);
    const rules = await this.read(storeHash);
    return [...(rules.some((r) => r.builtIn === MANUAL_VERIFICATION) ? [] : [virtualBuiltIn]), ...rules.map(toEvaluable)];
  }

  async get(storeHash: string, id: number): Promise<StoredRule | undefined> {
    const r = await this.db('order_rules').where({ store_hash: storeHash, id }).first();
    return r ? toRule(r) : undefined;
  }

  /** A rule of this store with this name (case-insensitive), other than `exceptId`. */
  async named(storeHash: string, name: string, exceptId?: number): Promise<StoredRule | undefined> {
    const wanted = name.trim().toLowerCase();
    return (await this.read(storeHash)).find((r) => r.name.trim().toLowerCase() === wanted && r.id !== exceptId);
  }

  /** Appended after the last rule. */
  async create(storeHash: string, w: RuleWrite, now: number): Promise<StoredRule> {
    await this.ensureBuiltIn(storeHash, now);
    const last = await this.db('order_rules').where({ store_hash: storeHash }).max({ p: 'position' }).first();
    const position = last?.p == null ? 0 : Number(last.p) + 1;
    const [row] = await this.db('order_rules')
      .insert({ store_hash: storeHash, ...columns(w), position, built_in: null, created_at: now, updated_at: now })
      .returning('id');
    const id = typeof row === 'object' ? Number((row as { id: unknown }).id) : Number(row);
    return (await this.get(storeHash, id))!;
  }

  /**
   * Writes the rule only while it still has `baseUpdatedAtMs` (checked and written in one
   * statement): 'stale' when someone else saved it meanwhile.
   */
  async update(storeHash: string, id: number, w: RuleWrite, baseUpdatedAtMs: number, now: number): Promise<StoredRule | 'stale' | 'missing'> {
    const current = await this.get(storeHash, id);
    if (!current) return 'missing';
    // Strictly increasing, so two saves in one millisecond still differ.
    const updatedAt = Math.max(now, current.updatedAtMs + 1);
    const n = await this.db('order_rules')
      .where({ store_hash: storeHash, id, updated_at: baseUpdatedAtMs })
      .update({ ...columns(w), updated_at: updatedAt });
    if (n === 0) return 'stale';
    return (await this.get(storeHash, id))!;
  }

  async delete(storeHash: string, id: number): Promise<boolean> {
    return (await this.db('order_rules').where({ store_hash: storeHash, id }).whereNull('built_in').delete()) > 0;
  }

  /** Positions follow `ids` (every rule of the store, each once: the caller checks). */
  async reorder(storeHash: string, ids: readonly number[], now: number): Promise<void> {
    await this.db.transaction(async (trx) => {
      for (const [position, id] of ids.entries()) {
        const r = await trx('order_rules').where({ store_hash: storeHash, id }).first('position', 'updated_at');
        if (!r || Number(r.position) === position) continue;
        await trx('order_rules')
          .where({ store_hash: storeHash, id })
          .update({ position, updated_at: Math.max(now, Number(r.updated_at) + 1) });
      }
    });
  }

  /** Orders each rule holds or skipped right now. */
  async ordersAffected(storeHash: string): Promise<Map<number, number>> {
    const rows: Array<{ rule_id: unknown; n: unknown }> = await this.db('orders')
      .where({ store_hash: storeHash })
      .whereNotNull('rule_id')
      .whereIn('state', ['held', 'skipped'])
      .groupBy('rule_id')
      .select('rule_id')
      .count({ n: '*' });
    return new Map(rows.map((r) => [Number(r.rule_id), Number(r.n)]));
  }

  /** The warehouse code unmapped shipping methods use instead of holding the order; null: none. */
  async fallbackCode(storeHash: string): Promise<string | null> {
    const r = await this.db('shipping_fallback').where({ store_hash: storeHash }).first('backend_code');
    return r?.backend_code == null || r.backend_code === '' ? null : String(r.backend_code);
  }

  async setFallbackCode(storeHash: string, code: string | null, now: number): Promise<void> {
    await this.db('shipping_fallback')
      .insert({ store_hash: storeHash, backend_code: code, updated_at: now })
      .onConflict('store_hash')
      .merge({ backend_code: code, updated_at: now });
  }

  private async read(storeHash: string): Promise<StoredRule[]> {
    const rows = (await this.db('order_rules')
      .where({ store_hash: storeHash })
      .orderBy([{ column: 'position' }, { column: 'id' }])) as Raw[];
    return rows.map(toRule);
  }

  private async ensureBuiltIn(storeHash: string, now: number): Promise<void> {
    const has = await this.db('order_rules').where({ store_hash: storeHash, built_in: MANUAL_VERIFICATION }).first('id');
    if (has) return;
    const first = await this.db('order_rules').where({ store_hash: storeHash }).min({ p: 'position' }).first();
    const position = first?.p == null ? 0 : Number(first.p) - 1;
    await this.db('order_rules')
      .insert({
        store_hash: storeHash,
        ...columns({ ...MANUAL_VERIFICATION_RULE, enabled: true }),
        position,
        built_in: MANUAL_VERIFICATION,
        created_at: now,
        updated_at: now,
      })
      .onConflict(['store_hash', 'built_in'])
      .ignore();
  }
}

function columns(w: RuleWrite) {
  return { name: w.name, action: w.action, enabled: w.enabled, conditions_json: JSON.stringify(w.conditions) };
}

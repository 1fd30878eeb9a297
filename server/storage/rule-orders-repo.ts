import type { Knex } from 'knex';

// The orders side of order rules (migration 020): which rule holds or skipped an order, the
// release by hand, and the re-check when a rule changes. Kept apart from orders-repo.ts, which
// knows nothing of rules.

export interface RuleHit {
  id: number;
  name: string;
}

const unheld = { attention_code: null, attention_subject: null, attention_reason: null, last_error: null, next_attempt_at: null };

export class RuleOrdersRepo {
  constructor(private readonly db: Knex) {}

  /** A rule holds the order (state held, remedy held_by_rule) or skips it (state skipped, never sent). */
  async apply(storeHash: string, orderId: number, action: 'hold' | 'skip', rule: RuleHit, now: number): Promise<void> {
    const held = action === 'hold';
    await this.db('orders')
      .where({ store_hash: storeHash, order_id: orderId })
      .whereNull('backend_order_id')
      .update({
        ...unheld,
        state: held ? 'held' : 'skipped',
        rule_id: rule.id,
        attention_code: held ? 'held_by_rule' : null,
        attention_subject: held ? rule.name.slice(0, 255) : null,
        attention_reason: held ? `Held by rule "${rule.name}".` : `Skipped by rule "${rule.name}": not sent.`,
        updated_at: now,
      });
  }

  /** No rule holds the order any more: one it held or skipped is on its way again (queued). */
  async clear(storeHash: string, orderId: number, now: number): Promise<void> {
    const where = { store_hash: storeHash, order_id: orderId };
    await this.db('orders')
      .where(where)
      .whereIn('state', ['held', 'skipped'])
      .whereNull('backend_order_id')
      .update({ ...unheld, state: 'queued', updated_at: now });
    await this.db('orders').where(where).whereNotNull('rule_id').update({ rule_id: null });
  }

  /**
   * Released by a person: queued, and the rule that held it does not hold it again. Only an order
   * still held (a second click, or a rule change in between, finds nothing to release).
   */
  async release(storeHash: string, orderId: number, now: number): Promise<boolean> {
    const n = await this.db('orders')
      .where({ store_hash: storeHash, order_id: orderId, state: 'held' })
      .whereNull('backend_order_id')
      .update({ ...unheld, state: 'queued', attempts: 0, released_rule_id: this.db.ref('rule_id'), rule_id: null, updated_at: now });
    return n > 0;
  }

  /**
   * Orders held or skipped by these rules (every rule: 'all') are queued to be decided again: the
   * rule changed, so what it decided may no longer hold. Returns the ids it queued.
   */
  async requeue(storeHash: string, ruleIds: readonly number[] | 'all', now: number): Promise<number[]> {
    const q = () => {
      const b = this.db('orders').where({ store_hash: storeHash }).whereIn('state', ['held', 'skipped']).whereNull('backend_order_id').whereNotNull('rule_id');
      if (ruleIds !== 'all') b.whereIn('rule_id', [...ruleIds]);
      return b;
    };
    if (ruleIds !== 'all' && ruleIds.length === 0) return [];
    const ids = (await q().select('order_id')).map((r) => Number(r.order_id));
    if (ids.length === 0) return [];
    await q().update({ ...unheld, state: 'queued', attempts: 0, rule_id: null, updated_at: now });
    return ids;
  }
}

import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';

const hash = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * Single-use codes that /load and /auth hand to the page, to be swapped for a session token.
 * Only a hash is stored, so a database leak does not leak usable codes.
 */
export class ExchangeCodesRepo {
  constructor(private readonly db: Knex) {}

  async create(storeHash: string, userId: number, now: number, ttlMs: number): Promise<string> {
    const code = randomBytes(32).toString('base64url');
    await this.db('exchange_codes').insert({
      code_hash: hash(code),
      store_hash: storeHash,
      user_id: userId,
      expires_at: now + ttlMs,
      used_at: null,
      created_at: now,
    });
    // Expired codes are useless; sweeping here keeps the table small without a scheduler.
    await this.db('exchange_codes')
      .where('expires_at', '<', now - ttlMs)
      .delete();
    return code;
  }

  /** Marks the code used and returns whom it was for; undefined if unknown, used or expired. */
  async consume(code: string, now: number): Promise<{ storeHash: string; userId: number } | undefined> {
    const h = hash(code);
    return this.db.transaction(async (trx) => {
      const updated = await trx('exchange_codes').where({ code_hash: h }).whereNull('used_at').where('expires_at', '>', now).update({ used_at: now });
      if (updated !== 1) return undefined;
      const r = await trx('exchange_codes').where({ code_hash: h }).first('store_hash', 'user_id');
      return r ? { storeHash: String(r.store_hash), userId: Number(r.user_id) } : undefined;
    });
  }

  async removeForStore(storeHash: string, trx: Knex = this.db): Promise<void> {
    await trx('exchange_codes').where({ store_hash: storeHash }).delete();
  }
}

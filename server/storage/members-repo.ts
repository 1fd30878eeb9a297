import type { Knex } from 'knex';
import type { MemberRole } from '../domain/members.js';

export interface Member {
  storeHash: string;
  userId: number;
  email: string;
  role: MemberRole;
  /** The owner always may; others when the owner allowed it (Settings › Team). */
  canManage: boolean;
}

/** A member as Settings › Team lists them. */
export interface MemberListing extends Member {
  /** ms epoch: when they first opened the app for this store. */
  addedAt: number;
}

const roleOf = (raw: unknown): MemberRole => (raw === 'owner' ? 'owner' : 'user');

/** BigCommerce users and their membership of stores (owner or plain user). */
export class MembersRepo {
  constructor(private readonly db: Knex) {}

  async upsertUser(user: { id: number; email: string; locale?: string | null }, now: number, trx: Knex = this.db) {
    const values = { email: user.email, locale: user.locale ?? null, updated_at: now };
    await trx('users')
      .insert({ id: user.id, ...values })
      .onConflict('id')
      .merge(values);
  }

  /** Adds the membership if missing; an existing membership keeps its role unless `overwrite`. */
  async addMember(storeHash: string, userId: number, role: MemberRole, now: number, trx: Knex = this.db, overwrite = false) {
    const q = trx('store_members').insert({ store_hash: storeHash, user_id: userId, role, created_at: now }).onConflict(['store_hash', 'user_id']);
    await (overwrite ? q.merge({ role }) : q.ignore());
  }

  async removeMember(storeHash: string, userId: number): Promise<boolean> {
    const n = await this.db('store_members').where({ store_hash: storeHash, user_id: userId }).delete();
    return n > 0;
  }

  async removeAll(storeHash: string, trx: Knex = this.db): Promise<void> {
    await trx('store_members').where({ store_hash: storeHash }).delete();
  }

  async find(storeHash: string, userId: number): Promise<Member | undefined> {
    const r = await this.db('store_members as m')
      .join('users as u', 'u.id', 'm.user_id')
      .where({ 'm.store_hash': storeHash, 'm.user_id': userId })
      .first('m.store_hash', 'm.user_id', 'm.role', 'm.can_manage', 'u.email');
    if (!r) return undefined;
    const role = roleOf(r.role);
    return { storeHash: r.store_hash, userId: Number(r.user_id), email: r.email, role, canManage: role === 'owner' || Boolean(r.can_manage) };
  }

  /** Every member of the store: the owner first, then in the order they were added. */
  async list(storeHash: string): Promise<MemberListing[]> {
    const rows = await this.db('store_members as m')
      .join('users as u', 'u.id', 'm.user_id')
      .where({ 'm.store_hash': storeHash })
      .select('m.user_id', 'm.role', 'm.can_manage', 'm.created_at', 'u.email');
    return rows
      .map((r): MemberListing => {
        const role = roleOf(r.role);
        return { storeHash, userId: Number(r.user_id), email: String(r.email), role, canManage: role === 'owner' || Boolean(r.can_manage), addedAt: Number(r.created_at) };
      })
      .sort((a, b) => Number(b.role === 'owner') - Number(a.role === 'owner') || a.addedAt - b.addedAt || a.userId - b.userId);
  }

  /**
   * Allows or disallows a (non-owner) member to change settings. Answers the value before the
   * change, or undefined when the member does not exist. The owner's row is never written: the
   * owner always may, whatever the column says.
   */
  async setCanManage(storeHash: string, userId: number, canManage: boolean, trx: Knex = this.db): Promise<{ before: boolean } | undefined> {
    const row = await trx('store_members').where({ store_hash: storeHash, user_id: userId }).first('role', 'can_manage');
    if (!row) return undefined;
    if (roleOf(row.role) === 'owner') return { before: true };
    await trx('store_members').where({ store_hash: storeHash, user_id: userId }).update({ can_manage: canManage });
    return { before: Boolean(row.can_manage) };
  }

  async count(storeHash: string): Promise<number> {
    const r = await this.db('store_members').where({ store_hash: storeHash }).count<{ n: number }[]>({ n: '*' });
    return Number(r[0]?.n ?? 0);
  }
}

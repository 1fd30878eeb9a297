// The 998 idle stores of the at-scale fairness benchmark, installed cheaply: what BigCommerce's
// /auth exchange and the app's /auth leave behind, written directly. A real install per store
// (OAuth exchange, webhook upkeep, store refresh) would take most of the run before it starts; the
// scheduler cannot tell the difference: they are installed stores with a valid token, visited by
// its periodic work (order reconciliation, webhook upkeep, store refresh) like any other.
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { DEFAULT_SCOPES, type SandboxState } from '../sandbox/index.js';
import { MembersRepo } from '../server/storage/members-repo.js';
import { StoresRepo } from '../server/storage/stores-repo.js';
import { TokenCipher } from '../server/storage/token-cipher.js';

export interface SeededStore {
  hash: string;
  token: string;
  owner: { id: number; email: string };
  accountUuid: string;
}

export const idleStoreHash = (i: number) => `idle${String(i + 1).padStart(4, '0')}`;

/** BigCommerce's side: the store exists, the app is installed and its token is valid. */
export function seedSandboxStores(state: SandboxState, count: number): SeededStore[] {
  const out: SeededStore[] = [];
  for (let i = 0; i < count; i++) {
    const store = state.createStore({ hash: idleStoreHash(i) });
    const token = state.issueToken(store.hash, DEFAULT_SCOPES, store.ownerId);
    Object.assign(state.installation(store.hash), { installed: true, scope: DEFAULT_SCOPES, installedBy: store.ownerId, installedAt: state.now() });
    out.push({ hash: store.hash, token: token.token, owner: { id: store.ownerId, email: store.ownerEmail }, accountUuid: store.accountUuid });
  }
  return out;
}

/**
 * The app's side, through its repositories as server/callbacks/lifecycle.ts writes it: the store
 * with its token sealed under the instances' ENCRYPTION_KEY, the owner and the membership, and its
 * details as the last store refresh left them.
 */
export async function seedAppStores(db: Knex, encryptionKeyBase64: string, stores: SeededStore[], now = Date.now()): Promise<void> {
  const repo = new StoresRepo(db, new TokenCipher(Buffer.from(encryptionKeyBase64, 'base64')));
  const members = new MembersRepo(db);
  for (let i = 0; i < stores.length; i += 100) {
    await db.transaction(async (trx) => {
      for (const s of stores.slice(i, i + 100)) {
        await repo.upsertInstalled({ hash: s.hash, accessToken: s.token, scope: DEFAULT_SCOPES, accountUuid: s.accountUuid, owner: s.owner, installer: s.owner }, now, trx);
        await members.upsertUser(s.owner, now, trx);
        await members.addMember(s.hash, s.owner.id, 'owner', now, trx, true);
      }
    });
  }
  // Refreshed just now, as a store installed for a while is: the hourly store refresh is not due
  // for any of them at the start (a restart of a deployment does not refresh every store).
  for (const s of stores) await repo.saveRefresh(s.hash, { details: { name: `Sandbox Store ${s.hash}`, plan: 'Plus', domain: null, secureUrl: null }, error: null }, now);
}

/** The ENCRYPTION_KEY given to every instance, so the seeded tokens open. */
export const newEncryptionKey = () => randomBytes(32).toString('base64');

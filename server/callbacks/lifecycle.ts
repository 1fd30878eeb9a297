import type { Knex } from 'knex';
import type { Logger } from '../logging/logger.js';
import type { ExchangeCodesRepo } from '../storage/exchange-codes-repo.js';
import type { MembersRepo } from '../storage/members-repo.js';
import type { StoresRepo } from '../storage/stores-repo.js';
import type { TokenResponse } from './oauth-exchange.js';
import type { CallbackClaims } from './signed-payload.js';

export interface LifecycleDeps {
  db: Knex;
  stores: StoresRepo;
  members: MembersRepo;
  exchangeCodes: ExchangeCodesRepo;
  logger: Logger;
}

/**
 * What each BigCommerce callback does to our state. HTTP concerns live in routes.ts;
 * everything here is awaited and transactional, so no answer goes out before the data is safe.
 */
export class Lifecycle {
  constructor(private readonly d: LifecycleDeps) {}

  /** /auth: store or overwrite the token, scopes, owner and installing user in one transaction. */
  async install(token: TokenResponse, nowMs: number): Promise<{ storeHash: string; userId: number }> {
    const storeHash = token.context.slice('stores/'.length);
    // BigCommerce documents `owner`; when absent the installer is the owner (single-user stores).
    const owner = token.owner ?? token.user;
    await this.d.db.transaction(async (trx) => {
      await this.d.stores.upsertInstalled(
        { hash: storeHash, accessToken: token.access_token, scope: token.scope, accountUuid: token.account_uuid, owner, installer: token.user },
        nowMs,
        trx,
      );
      await this.d.members.upsertUser(owner, nowMs, trx);
      await this.d.members.addMember(storeHash, owner.id, 'owner', nowMs, trx, true);
      if (token.user.id !== owner.id) {
        await this.d.members.upsertUser(token.user, nowMs, trx);
        await this.d.members.addMember(storeHash, token.user.id, 'user', nowMs, trx);
      }
    });
    this.d.logger.info({ storeHash, userId: token.user.id, scope: token.scope }, 'app installed');
    return { storeHash, userId: token.user.id };
  }

  /** /load: the store must be installed; an unknown user becomes a member. */
  async load(claims: CallbackClaims, nowMs: number): Promise<'ok' | 'not_installed'> {
    const store = await this.d.stores.get(claims.storeHash);
    if (!store || store.status !== 'installed') return 'not_installed';
    const role = claims.user.id === claims.owner.id ? 'owner' : 'user';
    await this.d.db.transaction(async (trx) => {
      await this.d.members.upsertUser({ id: claims.user.id, email: claims.user.email, locale: claims.user.locale }, nowMs, trx);
      await this.d.members.addMember(claims.storeHash, claims.user.id, role, nowMs, trx, role === 'owner');
    });
    return 'ok';
  }

  /**
   * /uninstall: idempotent. A callback issued (iat) in a second before the store's latest install
   * belongs to an earlier installation and must not wipe the reinstall. A same-second callback is
   * honoured: BigCommerce revokes the token anyway, and our API client marks the store on 401.
   */
  async uninstall(claims: CallbackClaims, nowMs: number): Promise<'uninstalled' | 'already' | 'stale' | 'unknown'> {
    const store = await this.d.stores.get(claims.storeHash);
    if (!store) return 'unknown';
    if (claims.iat < Math.floor(store.installedAt / 1000)) {
      this.d.logger.warn({ storeHash: claims.storeHash }, 'ignored an uninstall callback issued before the latest install');
      return 'stale';
    }
    if (store.status === 'uninstalled') return 'already';
    await this.d.db.transaction(async (trx) => {
      await this.d.stores.markUninstalled(claims.storeHash, nowMs, trx);
      await this.d.members.removeAll(claims.storeHash, trx);
      await this.d.exchangeCodes.removeForStore(claims.storeHash, trx);
    });
    this.d.logger.info({ storeHash: claims.storeHash }, 'app uninstalled');
    return 'uninstalled';
  }

  /** /remove_user: the user's membership goes; their session fails on its next request. */
  async removeUser(claims: CallbackClaims): Promise<boolean> {
    const removed = await this.d.members.removeMember(claims.storeHash, claims.user.id);
    this.d.logger.info({ storeHash: claims.storeHash, userId: claims.user.id, removed }, 'user removed');
    return removed;
  }
}

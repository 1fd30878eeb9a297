// Programmatic control of the sandbox: what a merchant does in the BigCommerce control panel
// (install, open, add/remove users, uninstall) plus test levers (faults, quota, request log, JWTs).
// The control-panel page's JSON endpoints (panel/routes.ts) call these same functions.
import { callApp } from './callbacks.js';
import { callbackUrl, payloadFor, signPayload, type PayloadOverrides } from './jwt.js';
import { clearFaults, setFaults } from './api/faults.js';
import { currentBucket, resetMsOf, setQuota } from './api/rate-limit.js';
import { inventoryControl, type InventoryControl } from './catalog/control.js';
import { ordersControl, type OrdersControl } from './orders/control.js';
import { shipmentsControl, type ShipmentsControl } from './shipments/control.js';
import { DEFAULT_SCOPES, type SandboxState } from './state.js';
import type { CallbackClaims, CallbackResult, CreateStoreInput, FaultPlan, QuotaInput, RecordedRequest, SignOptions, StoreRecord, StoreUser } from './types.js';
import { SandboxError } from './util.js';
import { webhooksControl, type WebhooksControl } from './webhooks/control.js';

export interface StoreSnapshot extends StoreRecord {
  installed: boolean;
  scope: string;
  installedBy: number | null;
  hasToken: boolean;
  users: StoreUser[];
  rateLimit: { quota: number; left: number; resetMs: number; windowMs: number };
}

/** Everything the control panel shows. Never contains tokens or the client secret. */
export interface SandboxSnapshot {
  appUrl: string;
  clientId: string;
  stores: StoreSnapshot[];
  faults: Array<FaultPlan & { remaining: number | null }>;
  requestCount: number;
}

/**
 * Orders (orders/control.ts), shipments (shipments/control.ts), catalog and inventory
 * (catalog/control.ts) and webhooks (webhooks/control.ts) levers are part of the control.
 */
export interface SandboxControl extends OrdersControl, ShipmentsControl, InventoryControl, WebhooksControl {
  readonly state: SandboxState;
  /** Live log of /stores/... requests (the same array instance even after resetRequests()). */
  readonly requests: RecordedRequest[];
  createStore(input?: CreateStoreInput): StoreRecord;
  getStore(storeHash: string): StoreRecord;
  users(storeHash: string): StoreUser[];
  isInstalled(storeHash: string): boolean;
  beginInstall(storeHash: string, opts?: { userId?: number; scope?: string }): { authUrl: string; code: string };
  loadUrl(storeHash: string, userId: number, opts?: { url?: string; channelId?: number | null }): string;
  payloadFor(storeHash: string, userId: number, overrides?: PayloadOverrides): CallbackClaims;
  signPayload(claims: Partial<CallbackClaims> | Record<string, unknown>, opts?: SignOptions): string;
  uninstall(storeHash: string, opts?: { userId?: number }): Promise<CallbackResult>;
  addUser(storeHash: string, input: { email: string }): StoreUser;
  removeUser(storeHash: string, userId: number): Promise<CallbackResult>;
  setFaults(f: FaultPlan | FaultPlan[]): void;
  clearFaults(): void;
  setQuota(storeHash: string, q: QuotaInput): void;
  resetRequests(): void;
  tokenFor(storeHash: string): string | undefined;
  snapshot(): SandboxSnapshot;
}

export function createControl(state: SandboxState): SandboxControl {
  const requireInstalled = (hash: string): void => {
    if (!state.installation(hash).installed) throw new SandboxError(409, `the app is not installed on store ${hash}`);
  };

  return {
    ...ordersControl(state),
    ...shipmentsControl(state),
    ...inventoryControl(state),
    ...webhooksControl(state),
    state,
    requests: state.requests,
    createStore: (input) => state.createStore(input),
    getStore: (hash) => state.store(hash),
    users: (hash) => state.usersOf(hash).map((u) => ({ ...u })),
    isInstalled: (hash) => state.installation(hash).installed,

    beginInstall(hash, opts = {}) {
      const store = state.store(hash);
      const grant = state.mintCode(hash, opts.userId ?? store.ownerId, opts.scope ?? DEFAULT_SCOPES);
      // Same parameters and encoding as the browser request in auth.mdx (spaces as "+", "/" as %2F).
      const query = new URLSearchParams({
        code: grant.code,
        scope: grant.scope,
        context: `stores/${hash}`,
        account_uuid: state.appAccountUuid,
      });
      return { authUrl: `${state.opts.appUrl}/auth?${query.toString()}`, code: grant.code };
    },

    loadUrl(hash, userId, opts = {}) {
      requireInstalled(hash);
      const overrides: PayloadOverrides = {};
      if (opts.url !== undefined) overrides.url = opts.url;
      if (opts.channelId !== undefined) overrides.channel_id = opts.channelId;
      return callbackUrl(state, 'load', signPayload(state, payloadFor(state, hash, userId, overrides)));
    },

    payloadFor: (hash, userId, overrides) => payloadFor(state, hash, userId, overrides),
    signPayload: (claims, opts) => signPayload(state, claims, opts),

    async uninstall(hash, opts = {}) {
      requireInstalled(hash);
      const store = state.store(hash);
      const jwt = signPayload(state, payloadFor(state, hash, opts.userId ?? store.ownerId));
      // BigCommerce uninstalls whatever the app answers, so state changes before the call.
      state.markUninstalled(hash);
      return callApp(callbackUrl(state, 'uninstall', jwt));
    },

    addUser: (hash, input) => state.addUser(hash, String(input?.email ?? '')),

    async removeUser(hash, userId) {
      // Claims are built first: they name the user being removed, who no longer exists afterwards.
      const jwt = signPayload(state, payloadFor(state, hash, userId));
      state.deleteUser(hash, userId);
      state.emit('user-removed', hash);
      if (!state.installation(hash).installed) return { status: 0, called: false };
      return callApp(callbackUrl(state, 'remove_user', jwt));
    },

    setFaults: (f) => void setFaults(state, f),
    clearFaults: () => clearFaults(state),
    setQuota: (hash, q) => void setQuota(state, hash, q),
    resetRequests: () => void state.requests.splice(0),
    tokenFor: (hash) => state.tokenFor(hash),

    snapshot() {
      const stores = [...state.stores.values()].map((store): StoreSnapshot => {
        const inst = state.installation(store.hash);
        const bucket = currentBucket(state, store.hash);
        return {
          ...store,
          installed: inst.installed,
          scope: inst.scope,
          installedBy: inst.installedBy ?? null,
          hasToken: state.tokens.has(store.hash),
          users: state.usersOf(store.hash).map((u) => ({ ...u })),
          rateLimit: {
            quota: bucket.quota,
            left: Math.max(0, bucket.quota - bucket.used),
            resetMs: resetMsOf(state, bucket),
            windowMs: state.opts.windowMs,
          },
        };
      });
      // JSON has no Infinity: an unlimited remaining count is reported as null.
      const faults = state.faults.map(({ remaining, ...f }) => ({ ...f, remaining: Number.isFinite(remaining) ? remaining : null }));
      return { appUrl: state.opts.appUrl, clientId: state.opts.clientId, stores, faults, requestCount: state.requests.length };
    },
  };
}

// Shared types of the BigCommerce sandbox. Types only (no runtime values), so any sandbox module
// and the app's tests can import them without pulling in Express.
import type { Mailbox } from './mail/mailbox.js';

export interface SandboxOptions {
  clientId: string;
  clientSecret: string;
  /** The app's base URL, e.g. http://127.0.0.1:3000 (callbacks at /auth /load /uninstall /remove_user). */
  appUrl: string;
  /** 0 / undefined = ephemeral port. */
  port?: number;
  /** Default 127.0.0.1: the control endpoints are unauthenticated, so never listen publicly. */
  host?: string;
  /** Requests per window per store, default 150 (BigCommerce Standard/Plus: 150 per 30 s). */
  quota?: number;
  /** Rate-limit window, default 30000 ms. */
  windowMs?: number;
  /** ms clock, default Date.now; drives JWT iat/exp, grant-code expiry and rate windows. */
  now?: () => number;
  /**
   * Multiplies BigCommerce's webhook retry delays (60 s, 180 s ... 86400 s), default 1.
   * Tests use e.g. 0.00001 to run the whole 48-hour schedule in under two seconds.
   */
  webhookRetryScale?: number;
  /** How long a webhook delivery may take before it counts as failed (undocumented), default 10000 ms. */
  webhookTimeoutMs?: number;
  /** The SMTP catcher's mailbox (sandbox/mail): shown at /mail and /mail.json. */
  mail?: { mailbox: Mailbox; smtpUrl: string };
}

/** Options after defaults are applied. */
export type ResolvedOptions = Required<Omit<SandboxOptions, 'port' | 'host' | 'mail'>> & {
  port: number;
  host: string;
};

export interface StoreRecord {
  /** Store hash, as in `stores/{hash}`. */
  hash: string;
  /** Numeric store id (the `store_id` of GET /v2/store and of webhook payloads). */
  storeId: number;
  name: string;
  domain: string;
  plan: string;
  /** UUID of the merchant account the store belongs to (GET /v2/store `account_uuid`). */
  accountUuid: string;
  ownerId: number;
  ownerEmail: string;
  createdAt: number;
}

export interface StoreUser {
  id: number;
  email: string;
}

export interface CreateStoreInput {
  hash?: string;
  name?: string;
  ownerEmail?: string;
  plan?: string;
}

/** The app's installation on one store. */
export interface Installation {
  installed: boolean;
  /** Scope granted by the last successful token exchange. */
  scope: string;
  installedBy?: number;
  installedAt?: number;
}

export interface GrantCode {
  code: string;
  storeHash: string;
  userId: number;
  scope: string;
  expiresAt: number;
  used: boolean;
}

export interface AccessToken {
  token: string;
  storeHash: string;
  scope: string;
  userId: number;
  issuedAt: number;
}

export type FaultKind = 'rate_limit' | 'rate_limit_no_headers' | 'server_error' | 'slow';

export interface FaultPlan {
  kind: FaultKind;
  /** How many store-API requests it affects; default Infinity. */
  count?: number;
  /** For server_error; default 500. */
  status?: number;
  /** For slow; default 1000. */
  delayMs?: number;
  /** For rate_limit: the X-Rate-Limit-Time-Reset-Ms sent; default 1500. */
  resetMs?: number;
  /** Extension: only requests with this HTTP method (case-insensitive) are affected. */
  method?: string;
  /** Extension: only requests whose path contains this string are affected (e.g. "/v2/orders"). */
  path?: string;
}

export interface RecordedRequest {
  method: string;
  /** Full path without query string, e.g. /stores/sbx1234/v2/store */
  path: string;
  /** Raw query string without "?" ('' when none). */
  query: string;
  storeHash: string;
  /** 0 until the response head is written. */
  status: number;
  at: number;
  /** The X-Auth-Token sent. Kept only for assertions: never log it. */
  authToken?: string;
}

export interface CallbackClaims {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
  sub: string;
  user: { id: number; email: string; locale: string };
  owner: { id: number; email: string };
  url: string;
  channel_id: number | null;
}

export type JwtAlgorithm = 'HS256' | 'HS384' | 'HS512' | 'none';

export interface SignOptions {
  /** Default: the client secret. */
  secret?: string;
  /** Default HS256. 'none' produces an unsigned token (for negative tests). */
  algorithm?: JwtAlgorithm;
  /** Overrides exp as (nbf ?? iat ?? now) + expiresInSec. */
  expiresInSec?: number;
  /** Extra JOSE header fields. */
  header?: Record<string, unknown>;
}

export interface QuotaInput {
  quota?: number;
  left?: number;
  resetMs?: number;
}

/** Result of a server-to-server callback to the app (uninstall / remove_user). */
export interface CallbackResult {
  /** The app's HTTP status; 0 when the app could not be reached or was not called. */
  status: number;
  called: boolean;
  error?: string;
}

// signed_payload_jwt for the load / uninstall / remove_user callbacks.
// BigCommerce signs it with HS256 keyed by the app's client secret, aud = client id (see the notes,
// §1.3: node-bigcommerce, bigcommerce-api-node and the Python client all verify it that way).
// Signing is done by hand (not with jsonwebtoken) so tests can forge any claim set, including
// missing or wrong registered claims and alg "none", and so the app's verifier is checked against an
// independent implementation.
import { createHmac } from 'node:crypto';
import type { SandboxState } from './state.js';
import type { CallbackClaims, JwtAlgorithm, SignOptions } from './types.js';
import { randomUUID } from './util.js';

/** The docs' example has nbf 5 s before iat. */
const NBF_SKEW_SEC = 5;
/** "exp: Currently, 24 hours after nbf." */
const LIFETIME_SEC = 24 * 60 * 60;

export interface PayloadOverrides extends Partial<Omit<CallbackClaims, 'user' | 'owner'>> {
  user?: Partial<CallbackClaims['user']>;
  owner?: Partial<CallbackClaims['owner']>;
}

/** Claims exactly as BigCommerce would send them for this store and (acting) user. */
export function payloadFor(state: SandboxState, storeHash: string, userId: number, overrides: PayloadOverrides = {}): CallbackClaims {
  const store = state.store(storeHash);
  const user = state.user(storeHash, userId);
  const iat = Math.floor(state.now() / 1000);
  const nbf = iat - NBF_SKEW_SEC;
  const { user: userOverride, owner: ownerOverride, ...rest } = overrides;
  return {
    aud: state.opts.clientId,
    iss: 'bc',
    iat,
    nbf,
    exp: nbf + LIFETIME_SEC,
    jti: randomUUID(),
    sub: `stores/${store.hash}`,
    user: { id: user.id, email: user.email, locale: 'en-US', ...userOverride },
    owner: { id: store.ownerId, email: store.ownerEmail, ...ownerOverride },
    url: '/',
    channel_id: null,
    ...rest,
  };
}

const HMAC: Record<Exclude<JwtAlgorithm, 'none'>, string> = {
  HS256: 'sha256',
  HS384: 'sha384',
  HS512: 'sha512',
};

function b64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/** Signs exactly the claims given (nothing is added except exp when expiresInSec is set). */
export function signPayload(state: SandboxState, claims: Partial<CallbackClaims> | Record<string, unknown>, opts: SignOptions = {}): string {
  const algorithm = opts.algorithm ?? 'HS256';
  const body: Record<string, unknown> = { ...claims };
  if (opts.expiresInSec !== undefined) {
    const base = numberOr(body.nbf) ?? numberOr(body.iat) ?? Math.floor(state.now() / 1000);
    body.exp = base + opts.expiresInSec;
  }
  const header = { alg: algorithm, typ: 'JWT', ...opts.header };
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(body))}`;
  if (algorithm === 'none') return `${signingInput}.`;
  const hash = HMAC[algorithm];
  if (!hash) throw new Error(`unsupported algorithm ${String(algorithm)}`);
  const signature = createHmac(hash, opts.secret ?? state.opts.clientSecret)
    .update(signingInput)
    .digest();
  return `${signingInput}.${b64url(signature)}`;
}

function numberOr(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/** URL of a callback carrying a signed_payload_jwt (load, uninstall, remove_user). */
export function callbackUrl(state: SandboxState, callback: 'load' | 'uninstall' | 'remove_user', jwt: string): string {
  return `${state.opts.appUrl}/${callback}?signed_payload_jwt=${encodeURIComponent(jwt)}`;
}

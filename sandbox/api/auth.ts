// X-Auth-Token check and OAuth scope enforcement for the store API.
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { SandboxState } from '../state.js';
import type { AccessToken } from '../types.js';
import { sendApiError } from './errors.js';

export function requireStore(state: SandboxState): RequestHandler {
  return (req, res, next) => {
    if (!state.stores.has(String(req.params.hash))) return sendApiError(req, res, 404, 'Store not found');
    next();
  };
}

/** Only the store's current token is accepted; earlier tokens died when a newer one was issued. */
export function requireToken(state: SandboxState): RequestHandler {
  return (req, res, next) => {
    const sent = req.get('x-auth-token');
    const current = state.tokens.get(String(req.params.hash));
    const ok = !!sent && !!current && Buffer.byteLength(sent) === Buffer.byteLength(current.token) && timingSafeEqual(Buffer.from(sent), Buffer.from(current.token));
    if (!ok || !current) {
      return sendApiError(req, res, 401, 'You are not authorized to access this resource: X-Auth-Token is missing or invalid');
    }
    res.locals.token = current;
    next();
  };
}

/** Accepted scopes for reading a resource: the read-only scope or the modify scope. */
export function readScope(base: string): string[] {
  return [base, `${base}_read_only`];
}

/** Passes when the token holds any of the accepted scopes; 403 as BigCommerce answers otherwise. */
export function requireScope(accepted: string[]): RequestHandler {
  return (req, res, next) => {
    const token = res.locals.token as AccessToken | undefined;
    const held = new Set((token?.scope ?? '').split(/\s+/).filter(Boolean));
    if (accepted.some((s) => held.has(s))) return next();
    sendApiError(req, res, 403, "You don't have a required scope to access the endpoint");
  };
}

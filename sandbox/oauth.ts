// The login service: POST /oauth2/token (auth.mdx, "Requesting the access_token").
// Error bodies follow RFC 6749 §5.2 ({error, error_description}) because BigCommerce does not document
// its own; 401 for bad client credentials, 400 for everything else.
import { timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { SandboxState } from './state.js';
import type { GrantCode } from './types.js';

type OAuthError = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type';

function fail(res: Response, status: number, error: OAuthError, description: string): void {
  res.status(status).json({ error, error_description: description });
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function oauthRouter(state: SandboxState): Router {
  const router = express.Router();
  // The current guide posts JSON (as node-bigcommerce does); the pre-2022 guide used a form body.
  router.use('/oauth2/token', express.json({ limit: '16kb' }), express.urlencoded({ extended: false, limit: '16kb' }));

  router.post('/oauth2/token', (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const clientId = str(body.client_id);
    const clientSecret = str(body.client_secret);
    const code = str(body.code);
    const context = str(body.context);
    const grantType = str(body.grant_type);
    const redirectUri = str(body.redirect_uri);

    if (!clientId || !clientSecret) return fail(res, 401, 'invalid_client', 'client_id and client_secret are required');
    if (!safeEqual(clientId, state.opts.clientId) || !safeEqual(clientSecret, state.opts.clientSecret)) {
      return fail(res, 401, 'invalid_client', 'Invalid client id or secret');
    }
    if (grantType !== 'authorization_code') {
      return fail(res, 400, 'unsupported_grant_type', 'grant_type must be authorization_code');
    }
    if (!code || !context || !redirectUri) {
      return fail(res, 400, 'invalid_request', 'code, context and redirect_uri are required');
    }
    if (redirectUri !== `${state.opts.appUrl}/auth`) {
      return fail(res, 400, 'invalid_grant', 'redirect_uri does not match the registered auth callback URL');
    }

    const grant = state.codes.get(code);
    const problem = grantProblem(state, grant, context);
    if (problem || !grant) return fail(res, 400, 'invalid_grant', problem ?? 'invalid code');

    // Single use: mark before issuing, so a concurrent second exchange cannot also succeed.
    grant.used = true;
    const owner = state.owner(grant.storeHash);
    const user = state.user(grant.storeHash, grant.userId);
    const token = state.issueToken(grant.storeHash, grant.scope, grant.userId);
    const inst = state.installation(grant.storeHash);
    Object.assign(inst, { installed: true, scope: grant.scope, installedBy: user.id, installedAt: state.now() });
    state.emit('installed', grant.storeHash);

    res.status(200).json({
      access_token: token.token,
      scope: grant.scope,
      user: { id: user.id, username: user.email, email: user.email },
      owner: { id: owner.id, username: owner.email, email: owner.email },
      context: `stores/${grant.storeHash}`,
      account_uuid: state.appAccountUuid,
    });
  });

  return router;
}

/** Why a grant code cannot be redeemed, or undefined when it can. The scope sent is not checked:
 *  BigCommerce does not document that it is, and the granted scope is what the response reports. */
function grantProblem(state: SandboxState, grant: GrantCode | undefined, context: string): string | undefined {
  if (!grant) return 'The authorization code is invalid';
  if (grant.used) return 'The authorization code has already been used';
  if (grant.expiresAt <= state.now()) return 'The authorization code has expired';
  if (context !== `stores/${grant.storeHash}`) return 'The context does not match the authorization code';
  if (!state.stores.has(grant.storeHash)) return 'The store no longer exists';
  if (!state.usersOf(grant.storeHash).some((u) => u.id === grant.userId)) {
    return 'The installing user no longer has access to the store';
  }
  return undefined;
}

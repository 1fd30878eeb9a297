import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { InvalidCallbackError } from '../errors.js';

// Claims of BigCommerce's signed_payload_jwt (docs: integrations/apps/guide/callbacks.mdx).
const claimsSchema = z.object({
  aud: z.string(),
  iss: z.literal('bc'),
  iat: z.number().int(),
  nbf: z.number().int().optional(),
  exp: z.number().int(),
  jti: z.string().optional(),
  sub: z.string().regex(/^stores\/[a-z0-9]+$/i, 'sub must be stores/{store_hash}'),
  user: z.object({ id: z.number().int().positive(), email: z.string(), locale: z.string().optional() }),
  owner: z.object({ id: z.number().int().positive(), email: z.string() }),
  url: z.string().optional(),
  channel_id: z.number().int().nullable().optional(),
});

export type CallbackClaims = z.infer<typeof claimsSchema> & { storeHash: string };

/** BigCommerce's clock and ours disagree by a few seconds (its own example has nbf = iat - 5). */
export const CLOCK_TOLERANCE_SEC = 30;

export function verifySignedPayload(token: unknown, opts: { clientId: string; clientSecret: string; nowMs: number }): CallbackClaims {
  if (typeof token !== 'string' || token.length === 0 || token.length > 8192) {
    throw new InvalidCallbackError('The request is missing a valid signed_payload_jwt.');
  }
  let decoded: unknown;
  try {
    decoded = jwt.verify(token, opts.clientSecret, {
      algorithms: ['HS256'],
      audience: opts.clientId,
      issuer: 'bc',
      clockTolerance: CLOCK_TOLERANCE_SEC,
      clockTimestamp: Math.floor(opts.nowMs / 1000),
    });
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'TokenExpiredError') throw new InvalidCallbackError('This link from BigCommerce has expired.');
    if (name === 'NotBeforeError') throw new InvalidCallbackError('This link from BigCommerce is not valid yet.');
    throw new InvalidCallbackError('The signed payload from BigCommerce could not be verified.');
  }
  const parsed = claimsSchema.safeParse(decoded);
  if (!parsed.success) throw new InvalidCallbackError('The signed payload from BigCommerce is missing required claims.');
  return { ...parsed.data, storeHash: parsed.data.sub.slice('stores/'.length) };
}

/** The deep-link `url` claim, reduced to a safe in-app path (never another origin). */
export function safeDeepLink(url: string | undefined): string {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.includes('\\')) return '/';
  try {
    const u = new URL(url, 'http://app.invalid');
    return u.origin === 'http://app.invalid' ? `${u.pathname}${u.search}` : '/';
  } catch {
    return '/';
  }
}

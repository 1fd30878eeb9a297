import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { SessionExpiredError, UnauthenticatedError } from '../errors.js';

/** Lifetime of the app token held in the page's memory. Reopening the app issues a new one. */
export const SESSION_TTL_SEC = 60 * 60;
const AUDIENCE = 'fulfillment-bridge:session';

const claimsSchema = z.object({ store: z.string().min(1), uid: z.number().int().positive(), exp: z.number() });

export interface SessionIdentity {
  storeHash: string;
  userId: number;
}

/** Signs and verifies the app's own short-lived session tokens (HS256, SESSION_SECRET). */
export class SessionTokens {
  constructor(
    private readonly secret: string,
    private readonly issuer: string,
  ) {}

  issue(id: SessionIdentity, nowMs: number): { token: string; expiresAt: Date } {
    const iat = Math.floor(nowMs / 1000);
    const exp = iat + SESSION_TTL_SEC;
    const token = jwt.sign({ store: id.storeHash, uid: id.userId, iat, exp }, this.secret, {
      algorithm: 'HS256',
      audience: AUDIENCE,
      issuer: this.issuer,
    });
    return { token, expiresAt: new Date(exp * 1000) };
  }

  verify(token: string, nowMs: number): SessionIdentity {
    let decoded: unknown;
    try {
      decoded = jwt.verify(token, this.secret, {
        algorithms: ['HS256'],
        audience: AUDIENCE,
        issuer: this.issuer,
        clockTimestamp: Math.floor(nowMs / 1000),
      });
    } catch (err) {
      if (err instanceof Error && err.name === 'TokenExpiredError') throw new SessionExpiredError();
      throw new UnauthenticatedError();
    }
    const parsed = claimsSchema.safeParse(decoded);
    if (!parsed.success) throw new UnauthenticatedError();
    return { storeHash: parsed.data.store, userId: parsed.data.uid };
  }
}

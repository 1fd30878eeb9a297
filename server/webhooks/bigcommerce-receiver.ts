import { timingSafeEqual } from 'node:crypto';
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import { AppError, BadRequestError, UnauthenticatedError } from '../errors.js';
import type { Collaborators } from '../collaborators.js';
import { describeDatabaseProblem, isDatabaseWide } from '../storage/db-errors.js';
import { verifyStandardWebhook } from './standard-webhooks.js';
import { bigcommerceSyncOrderId, orderSyncJob } from './event-jobs.js';
import { SECRET_HEADER } from './topics.js';
import type { GroupCommitter } from './group-commit.js';
import type { StoreGate } from './store-gate.js';

/** BigCommerce payloads are tiny ({scope, data:{type,id}, ...}); anything big is not from it. */
export const MAX_WEBHOOK_BYTES = 64 * 1024;

const payloadSchema = z.object({
  scope: z.string().min(1).max(128),
  store_id: z.union([z.string(), z.number()]).optional(),
  producer: z.string().regex(/^stores\/[a-z0-9]+$/i),
  hash: z.string().min(1).max(255),
  created_at: z.number().optional(),
  data: z.looseObject({ type: z.string().optional(), id: z.union([z.number(), z.string()]).optional() }).optional(),
});

class WebhookRejected extends AppError {
  constructor(status: number, message: string) {
    super(status, 'webhook_rejected', message);
  }
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  // Secrets have a fixed length, so a length mismatch reveals nothing worth hiding.
  return a.length === b.length && timingSafeEqual(a, b);
}

function checkSignature(req: Request, raw: Buffer, s: Pick<Collaborators, 'clock' | 'config'>) {
  const id = req.get('webhook-id');
  const timestamp = req.get('webhook-timestamp');
  const signature = req.get('webhook-signature');
  if (!id && !timestamp && !signature) return; // not signed: the per-store secret header is the check
  if (!id || !timestamp || !signature) throw new WebhookRejected(401, 'Incomplete Standard Webhooks headers.');
  const check = verifyStandardWebhook({ id, timestamp, signature }, raw, s.config.clientSecret, Math.floor(s.clock.now() / 1000));
  if (!check.ok) throw new WebhookRejected(401, check.reason === 'stale_timestamp' ? 'Webhook timestamp is too old or in the future.' : 'Webhook signature does not match.');
}

/**
 * The store lookup reads the database too: when the database itself is unavailable (locked by
 * another process, unreadable), answer 503 so BigCommerce retries, not a 500.
 */
async function unavailableOnDatabaseError<T>(read: () => Promise<T>, s: Pick<Collaborators, 'logger'>, storeHash: string): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (!isDatabaseWide(err)) throw err;
    s.logger.error({ err, storeHash }, 'could not read the store for a webhook');
    throw new AppError(503, 'unavailable', `The webhook could not be checked (${describeDatabaseProblem(err)}); please retry.`);
  }
}

/** The receiver's hot path (webhooks/store-gate.ts, webhooks/group-commit.ts), declared by this edge rather than in collaborators.ts. */
export type BigCommerceWebhookRoutesDeps = Pick<Collaborators, 'clock' | 'config' | 'logger'> & {
  webhookIntake: { gate: Pick<StoreGate, 'cached' | 'secretFor'>; committer: Pick<GroupCommitter, 'submit'> };
};

/**
 * POST /webhooks/bigcommerce. Verifies, stores the event and its job in one transaction, answers
 * 200 with an empty body. No BigCommerce or backend call happens here; only a database that
 * cannot store (or look up) the event answers 503, so BigCommerce retries. A lock held by another
 * process gets that 503 within about a second (storage/busy-retry.ts), never a frozen server.
 */
export function bigcommerceWebhookRoutes(s: BigCommerceWebhookRoutesDeps): Router {
  const r = Router();
  r.post('/webhooks/bigcommerce', express.raw({ type: () => true, limit: MAX_WEBHOOK_BYTES }), async (req, res, next) => {
    try {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (raw.length === 0) throw new BadRequestError('Empty webhook body.');
      checkSignature(req, raw, s);
      const text = raw.toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new BadRequestError('Webhook body is not valid JSON.');
      }
      const parsed = payloadSchema.safeParse(json);
      if (!parsed.success) throw new BadRequestError('Webhook body is not a BigCommerce webhook payload.');
      const p = parsed.data;
      const storeHash = p.producer.slice('stores/'.length);
      const gate = s.webhookIntake.gate;
      const cached = gate.cached(storeHash);
      const secret = cached !== undefined ? cached : await unavailableOnDatabaseError(() => gate.secretFor(storeHash), s, storeHash);
      if (secret === null) throw new WebhookRejected(401, 'Unknown or uninstalled store.');
      if (!sameSecret(req.get(SECRET_HEADER), secret)) throw new UnauthenticatedError('Webhook secret header missing or wrong.');

      const orderId = bigcommerceSyncOrderId(p.scope, p.data?.id);
      const isOrderSync = orderId !== null;
      const event = {
        storeHash,
        source: 'bigcommerce' as const,
        eventId: p.hash,
        topic: p.scope,
        resourceId: isOrderSync ? String(orderId) : p.data?.id != null ? String(p.data.id) : null,
        payload: text,
      };
      try {
        await s.webhookIntake.committer.submit(isOrderSync ? { event, job: orderSyncJob(storeHash, orderId, s.clock.now()) } : { event, statusWithoutJob: 'ignored' });
      } catch (err) {
        s.logger.error({ err, storeHash }, 'could not persist a webhook');
        throw new AppError(503, 'unavailable', `The webhook could not be stored (${describeDatabaseProblem(err)}); please retry.`);
      }
      // No wake() here: the queue wakes the worker once the batch has committed (onEnqueued).
      res.status(200).end();
    } catch (err) {
      next(err);
    }
  });
  return r;
}

import express, { Router } from 'express';
import { z } from 'zod';
import { ACCOUNT_HEADER, SIGNATURE_HEADER, verifyFulfillmentSignature } from '../fulfillment/index.js';
import { AppError, BadRequestError, UnauthenticatedError } from '../errors.js';
import type { Services } from '../services.js';
import { JOB } from './topics.js';

const MAX_EVENT_BYTES = 256 * 1024;

const envelope = z.looseObject({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(64),
  created_at: z.string().optional(),
  data: z.looseObject({ external_ref: z.looseObject({ store_hash: z.string().optional(), order_id: z.number().optional() }).optional(), order_id: z.union([z.string(), z.number()]).optional() }),
});

/**
 * POST /webhooks/fulfillment: events from the fulfillment backend. Verifies the signature with
 * the API key of a store connected to the named account, stores the event once (dedupe on its
 * id) with a job that acts on it, and acknowledges.
 */
export function fulfillmentWebhookRoutes(s: Services): Router {
  const r = Router();
  r.post('/webhooks/fulfillment', express.raw({ type: () => true, limit: MAX_EVENT_BYTES }), async (req, res, next) => {
    try {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const accountId = req.get(ACCOUNT_HEADER);
      const header = req.get(SIGNATURE_HEADER);
      if (!accountId || !header) throw new UnauthenticatedError('Missing Fulfillment-Account or Fulfillment-Signature header.');
      const nowSeconds = Math.floor(s.clock.now() / 1000);
      let storeHash: string | undefined;
      for (const candidate of await s.settings.storesForAccount(accountId)) {
        const apiKey = (await s.settings.get(candidate, s.clock.now())).backendApiKey;
        if (apiKey && verifyFulfillmentSignature({ rawBody: raw, header, apiKey, nowSeconds }).ok) {
          storeHash = candidate;
          break;
        }
      }
      if (!storeHash) throw new UnauthenticatedError('Signature does not match, is stale, or the account is unknown.');
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new BadRequestError('Event body is not valid JSON.');
      }
      const parsed = envelope.safeParse(json);
      if (!parsed.success) throw new BadRequestError('Event body is not a fulfillment event.');
      const e = parsed.data;
      const resource = e.data.external_ref?.order_id ?? e.data.order_id;
      try {
        await s.db.transaction(async (trx) => {
          const ev = await s.webhookEvents.record(
            { storeHash: storeHash!, source: 'fulfillment', eventId: e.id, topic: e.type, resourceId: resource == null ? null : String(resource), payload: raw.toString('utf8') },
            s.clock.now(),
            trx,
          );
          // Stored and queued together; acting on it (shipments, cancellations, stock) is a job.
          if (ev.duplicateOf === null) await s.jobs.queue.enqueue({ storeHash: storeHash!, kind: JOB.fulfillmentEvent, payload: { eventRowId: ev.id } }, trx);
        });
        s.jobs.wake();
      } catch (err) {
        s.logger.error({ err, storeHash }, 'could not persist a fulfillment event');
        throw new AppError(503, 'unavailable', 'The event could not be stored; please retry.');
      }
      res.status(200).json({ received: true });
    } catch (err) {
      next(err);
    }
  });
  return r;
}

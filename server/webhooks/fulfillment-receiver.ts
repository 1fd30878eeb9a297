import express, { Router } from 'express';
import { ACCOUNT_HEADER, SIGNATURE_HEADER, parseFulfillmentEvent, verifyFulfillmentSignature } from '../fulfillment/index.js';
import { AppError, BadRequestError, UnauthenticatedError } from '../errors.js';
import type { Collaborators } from '../collaborators.js';
import { AccountKeys, storesVerifiedBy } from './account-keys.js';
import { eventOrderId, routeFulfillmentEvent } from './fulfillment-routing.js';
import { fulfillmentEventJob } from './event-jobs.js';
import { recordEventsWithJobs, type EventWrite } from './intake.js';

const MAX_EVENT_BYTES = 256 * 1024;

/** The event names a store that the signing account may not speak for. */
class StoreNotConnectedError extends AppError {
  constructor(storeHash: string) {
    super(403, 'store_not_connected', `external_ref.store_hash "${storeHash}" is not a store connected to this account; the event was not stored.`);
  }
}

export type FulfillmentWebhookRoutesDeps = Pick<Collaborators, 'clock' | 'db' | 'jobs' | 'logger' | 'settings' | 'webhookEvents'>;

/**
 * POST /webhooks/fulfillment: events from the fulfillment backend. Verifies the signature with the
 * API keys of the stores connected to the named account, checks the whole event against the
 * contract (400 naming the fields otherwise, so nothing is acknowledged and then dropped), routes
 * it (fulfillment-routing.ts: an order event to the store its external_ref names, an inventory
 * event to every store of the account), stores one copy per store (dedupe on the event id) with a
 * job that acts on it, and acknowledges.
 */
export function fulfillmentWebhookRoutes(s: FulfillmentWebhookRoutesDeps): Router {
  const r = Router();
  const keys = new AccountKeys(s.settings, () => s.clock.now());
  r.post('/webhooks/fulfillment', express.raw({ type: () => true, limit: MAX_EVENT_BYTES }), async (req, res, next) => {
    try {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const accountId = req.get(ACCOUNT_HEADER);
      const header = req.get(SIGNATURE_HEADER);
      if (!accountId || !header) throw new UnauthenticatedError('Missing Fulfillment-Account or Fulfillment-Signature header.');
      const signedFor = await storesSignedFor(s, keys, accountId, raw, header);
      if (signedFor.length === 0) throw new UnauthenticatedError('Signature does not match, is stale, or the account is unknown.');
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new BadRequestError('Event body is not valid JSON.');
      }
      const parsed = parseFulfillmentEvent(json);
      if (parsed.kind === 'invalid') throw new BadRequestError(`Event does not match the contract: ${parsed.message}`, parsed.fields);
      const route = routeFulfillmentEvent(parsed, signedFor);
      if (!route.ok) throw new StoreNotConnectedError(route.storeHash);
      const e = parsed.kind === 'event' ? parsed.event : parsed.envelope;
      const orderId = eventOrderId(parsed);
      const payload = raw.toString('utf8');
      const writes = route.storeHashes.map((storeHash): EventWrite => {
        const event = { storeHash, source: 'fulfillment' as const, eventId: e.id, topic: e.type, resourceId: orderId === null ? null : String(orderId), payload };
        // Acknowledged so the backend stops sending it, and shown in the history as ignored.
        if (parsed.kind === 'unknown_type') return { event, statusWithoutJob: 'ignored', ignoredReason: `Unknown event type "${e.type}"; this app version does not act on it.` };
        // Stored and queued together; acting on it (shipments, cancellations, stock) is a job on the stored row.
        return { event, job: (eventRowId) => fulfillmentEventJob(storeHash, eventRowId) };
      });
      try {
        // Every store's copy in one transaction: all stored, or none and the backend retries.
        // The queue wakes the worker once this commits (onEnqueued).
        await s.db.transaction((trx) => recordEventsWithJobs({ events: s.webhookEvents, queue: s.jobs.queue }, trx, writes, s.clock.now()));
      } catch (err) {
        s.logger.error({ err, accountId }, 'could not persist a fulfillment event');
        throw new AppError(503, 'unavailable', 'The event could not be stored; please retry.');
      }
      res.status(200).json({ received: true });
    } catch (err) {
      next(err);
    }
  });
  return r;
}

/**
 * The stores connected to the account whose API key verifies the signature. Usually all of them
 * (one account, one key); during a key rotation a store still holding the old key verifies too,
 * since the backend signs with both keys then. A key no configured encryption key opens verifies
 * nothing (Settings asks to reconnect the warehouse).
 */
async function storesSignedFor(s: Pick<Collaborators, 'clock' | 'logger'>, keys: AccountKeys, accountId: string, rawBody: Buffer, header: string): Promise<string[]> {
  const nowSeconds = Math.floor(s.clock.now() / 1000);
  const stores = await keys.forAccount(accountId);
  // One store's unreadable key must not block the other stores of the account.
  const unreadable = stores.filter((k) => k.error !== undefined);
  for (const { storeHash, error } of unreadable) {
    s.logger.warn({ err: error, storeHash, accountId }, 'could not read the backend API key of a store to verify an event');
  }
  const verified = storesVerifiedBy(stores, (apiKey) => verifyFulfillmentSignature({ rawBody, header, apiKey, nowSeconds }).ok);
  // Nothing verified, but a key could not be read: maybe it would have; ask the backend to retry.
  if (verified.length === 0 && unreadable.length > 0) throw new AppError(503, 'unavailable', 'The event could not be verified right now; please retry.');
  return verified;
}

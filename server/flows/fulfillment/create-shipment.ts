import { randomUUID } from 'node:crypto';
import { createShipment, listShipments } from '../../bigcommerce/index.js';
import { RetryableJobError } from '../../jobs/types.js';
import type { Collaborators } from '../../collaborators.js';
import type { ShipmentClaim } from '../../storage/shipments-repo.js';
import type { OrderRow } from '../../storage/orders-repo.js';
import { orderForShipment, rereadAndRebase, withPartsShipped } from './shipment-order-view.js';
import { enqueueShippedStatusCheck } from './confirm-shipped-status.js';
import { toJobError } from '../job-errors.js';
import { recordShipped, shippedStateOf } from './fully-shipped.js';
import { allocateShipment, bundleWaitNotes } from './allocate.js';
import { shipmentSkus } from './shipment-skus.js';
import { isBigCommerceRefusal, refusalMessage } from './bigcommerce-refusal.js';
import { noStoreAccessReason } from './no-store-access.js';
import { commentsWithMarker, ownShipments, withOwnShipmentsUnshipped } from './own-shipments.js';
import { markShipmentFailed } from './shipment-failure.js';
import { shipmentRequestFields } from './shipment-request.js';

export type ShipmentOutcome = 'created' | 'already' | 'unknown_order' | 'needs_attention';

/** What applyShipment reads of a backend shipment (a shipment.created event, a feed entry or a stored row). */
export interface ShipmentToApply {
  shipment_id: string;
  external_ref: { order_id: number };
  tracking_number: string | null;
  carrier: string | null;
  service: string | null;
  tracking_url?: string | null | undefined;
  items: Array<{ sku: string; quantity: number; order_line_id?: number | undefined }>;
}

/** How long one writer holds a shipment; renewed before every BigCommerce write (ShipmentsRepo.claim). */
export const SHIPMENT_CLAIM_MS = 5 * 60_000;
/** How soon a job that found the shipment claimed by another looks again. */
const CLAIMED_RETRY_MS = 5_000;

export type ApplyShipmentDeps = Pick<Collaborators, 'bigcommerce' | 'clock' | 'jobs' | 'mappings' | 'orders' | 'shipments' | 'stores' | 'syncLog'>;

/**
 * A backend shipment becomes BigCommerce shipments, one per shipping address it touches.
 * Idempotent on the backend shipment id, and one writer at a time: the stored row is claimed first,
 * so a pushed event, a poll and a Retry of the same shipment never write it twice (a job that finds
 * it claimed tries again shortly, without spending an attempt). When an earlier attempt may have
 * reached BigCommerce (the row already existed), the order's BigCommerce shipments are read and
 * the ones this shipment created are adopted (own-shipments.ts) instead of duplicated.
 * A shipment BigCommerce refuses (4xx) is not retried blindly: it is marked failed and the order
 * "needs attention" with BigCommerce's message, retryable from the order page (retry-shipment.ts).
 */
export async function applyShipment(s: ApplyShipmentDeps, storeHash: string, data: ShipmentToApply): Promise<ShipmentOutcome> {
  const orderId = data.external_ref.order_id;
  const known = await s.orders.get(storeHash, orderId);
  if (!known) {
    await s.syncLog.append(
      { storeHash, flow: 'fulfillment', level: 'warn', message: `Shipment ${data.shipment_id} is for order #${orderId}, which the app never sent.` },
      s.clock.now(),
    );
    return 'unknown_order';
  }
  const owner = randomUUID();
  const claim = await s.shipments.claim(
    {
      storeHash,
      backendShipmentId: data.shipment_id,
      orderId,
      trackingNumber: data.tracking_number,
      carrier: data.carrier,
      service: data.service,
      trackingUrl: data.tracking_url ?? null,
      items: data.items.map((i) => ({ sku: i.sku, quantity: i.quantity, ...(i.order_line_id ? { order_line_id: i.order_line_id } : {}) })),
    },
    owner,
    s.clock.now(),
    SHIPMENT_CLAIM_MS,
  );
  if (claim.row.state === 'created') return 'already';
  if (!claim.claimed) {
    const left = (claim.claimExpiresAt ?? 0) - s.clock.now();
    throw new RetryableJobError(`Shipment ${data.shipment_id} is being written to BigCommerce by another task; checking again shortly.`, {
      delayMs: Math.max(1_000, Math.min(CLAIMED_RETRY_MS, left)),
      countsAsAttempt: false,
    });
  }
  try {
    return await writeShipment(s, storeHash, data, claim, owner, known);
  } finally {
    await s.shipments.releaseClaim(storeHash, data.shipment_id, owner);
  }
}

async function writeShipment(
  s: Pick<Collaborators, 'bigcommerce' | 'clock' | 'jobs' | 'mappings' | 'orders' | 'shipments' | 'stores' | 'syncLog'>,
  storeHash: string,
  data: ShipmentToApply,
  claim: ShipmentClaim,
  owner: string,
  known: OrderRow,
): Promise<ShipmentOutcome> {
  const { row } = claim;
  const orderId = data.external_ref.order_id;
  const now = () => s.clock.now();
  const log = (level: 'info' | 'warn' | 'error', message: string, detail?: string) => s.syncLog.append({ storeHash, orderId, flow: 'fulfillment', level, message, detail }, now());
  const where = { storeHash, orderId, backendShipmentId: data.shipment_id };

  const client = await s.bigcommerce.forStore(storeHash);
  if (!client) {
    // Uninstalled, or the token is revoked or unreadable: say so on the order; Retry works once fixed.
    await markShipmentFailed(s, where, 'Shipment could not be written to BigCommerce', await noStoreAccessReason(s, storeHash, data.shipment_id));
    return 'needs_attention';
  }
  let finished = false;
  try {
    // No BigCommerce read on a first attempt when the import kept the order's consignments
    // (shipment-order-view.ts): an order's life costs one read, the status change and the shipment.
    let view = await orderForShipment(s, client, known, data.shipment_id, claim.fresh);
    const mapping = data.carrier ? await s.shipments.carrierMapping(storeHash, data.carrier) : undefined;
    const request = shipmentRequestFields({ trackingNumber: data.tracking_number, carrier: data.carrier, service: data.service, trackingUrl: data.tracking_url ?? null }, mapping);
    // Only when an earlier attempt exists can one of its shipments be in BigCommerce (one GET, not on first sight).
    const own = claim.fresh
      ? []
      : ownShipments(await listShipments(client, orderId), data.shipment_id, Object.values(row.bcShipmentIds), {
          trackingNumber: request.fields.tracking_number,
          comments: request.fields.comments,
        });
    const written = new Set(Object.keys(row.bcShipmentIds));
    for (const x of own) {
      if (written.has(String(x.addressId))) continue;
      await s.shipments.recordPart(storeHash, data.shipment_id, x.addressId, x.id, now(), x.items);
      written.add(String(x.addressId));
      await log('info', `Shipment found in BigCommerce (#${x.id}): an earlier attempt created it but its answer was lost. Kept, not created again.`);
    }
    // Reverse SKU mappings, bundle lines and the parts earlier shipments brought (shipment-skus.ts).
    const reverse = await shipmentSkus(s, known, data.shipment_id, row.items);
    let base = withOwnShipmentsUnshipped(view.order, own);
    let { byAddress, unmatched } = allocateShipment(base, row.items, reverse);
    const unmatchedReason = () =>
      `Shipment ${data.shipment_id} has items that match no unshipped line of the order: ${unmatched.map((u) => `${u.sku} × ${u.quantity}`).join(', ')}.`;
    if (unmatched.length > 0 && written.size === 0 && view.source === 'read') {
      await markShipmentFailed(s, where, 'Shipment could not be matched to the order', unmatchedReason());
      return 'needs_attention';
    }
    const warning = request.warnings.length > 0 ? request.warnings.join(' ') : null;
    if (warning !== row.warning) {
      await s.shipments.setWarning(storeHash, data.shipment_id, warning, now());
      if (warning) await log('warn', 'Part of the shipment does not fit BigCommerce and was left out', warning);
    }
    // The marker lets a later attempt recognise these shipments if this one's answer is lost.
    const fields = { ...request.fields, comments: commentsWithMarker(data.shipment_id, request.fields.comments) };
    for (let pass = 0; ; pass++) {
      try {
        // Allocated from the snapshot yet unmatched: the snapshot may be stale (refused below the same way).
        if (unmatched.length > 0 && written.size === 0) throw new StaleSnapshot();
        for (const [addressId, items] of [...byAddress].filter(([addressId]) => !written.has(String(addressId)))) {
          // Still the one writer? (A claim outlived by a stuck call may have gone to another job.)
          if (!(await s.shipments.renewClaim(storeHash, data.shipment_id, owner, now(), SHIPMENT_CLAIM_MS))) {
            throw new RetryableJobError(`Shipment ${data.shipment_id} was taken over by another task before it was fully written.`, { countsAsAttempt: false });
          }
          // `comments` is part of orderShipment_Post although the transport's ShipmentInput does not name it.
          const created = await createShipment(client, orderId, { order_address_id: addressId, ...fields, items });
          await s.shipments.recordPart(storeHash, data.shipment_id, addressId, created.id, now(), items);
          written.add(String(addressId));
          await log('info', `Shipment created in BigCommerce (${data.carrier ?? 'no carrier'}${data.tracking_number ? ` ${data.tracking_number}` : ''}).`);
        }
        break;
      } catch (err) {
        // Refused (or unmatched) before anything was written, allocated from the snapshot: read the
        // order once and allocate again; a second refusal is BigCommerce's real answer.
        const stale = err instanceof StaleSnapshot || isBigCommerceRefusal(err);
        if (!(stale && pass === 0 && view.source === 'snapshot' && written.size === 0)) throw err;
        view = await rereadAndRebase(s, client, known, data.shipment_id);
        base = view.order;
        ({ byAddress, unmatched } = allocateShipment(base, row.items, reverse));
        if (unmatched.length > 0) {
          await markShipmentFailed(s, where, 'Shipment could not be matched to the order', unmatchedReason());
          return 'needs_attention';
        }
      }
    }
    await s.shipments.finish(storeHash, data.shipment_id, 'created', null, now());
    finished = true;

    // BigCommerce moves the status itself when shipments are created (its statusUpdated event is
    // recorded on the order); a store where it does not gets it set by confirm-shipped-status.ts.
    const after = withPartsShipped(base, byAddress);
    const { fully } = shippedStateOf(after);
    await recordShipped(s, storeHash, orderId, after);
    await enqueueShippedStatusCheck(s, storeHash, orderId, known.bcStatusId);
    if (!fully) await log('info', 'Partially shipped; waiting for the rest.');
    for (const note of bundleWaitNotes(allocateShipment(base, row.items, reverse))) await log('info', note);
    if (unmatched.length > 0) {
      await log('warn', 'Some shipped items matched no unshipped line', unmatched.map((u) => `${u.sku} × ${u.quantity}`).join(', '));
    }
    return 'created';
  } catch (err) {
    if (isBigCommerceRefusal(err)) {
      if (!finished) {
        const reason = `BigCommerce refused shipment ${data.shipment_id}: ${refusalMessage(err)}`;
        await markShipmentFailed(s, where, 'BigCommerce refused the shipment', reason);
        return 'needs_attention';
      }
      await log('error', 'BigCommerce refused a follow-up after the shipment', refusalMessage(err));
      return 'created';
    }
    throw toJobError(err);
  }
}

/** Items allocated from the snapshot matched no unshipped line: the snapshot may be out of date. */
class StaleSnapshot extends Error {}

import { randomUUID } from 'node:crypto';
import { createShipment, getOrderWithConsignments, listShipments, setOrderStatus } from '../../bigcommerce/index.js';
import { RetryableJobError } from '../../jobs/types.js';
import type { Services } from '../../services.js';
import type { ShipmentClaim } from '../../storage/shipments-repo.js';
import { toJobError } from '../job-errors.js';
import { recordShipped, shippedStateOf } from './fully-shipped.js';
import { statusLabel } from '../status-label.js';
import { allocateShipment } from './allocate.js';
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
export async function applyShipment(s: Services, storeHash: string, data: ShipmentToApply): Promise<ShipmentOutcome> {
  const orderId = data.external_ref.order_id;
  const known = await s.orders.get(storeHash, orderId);
  if (!known) {
    await s.syncLog.append({ storeHash, flow: 'fulfillment', level: 'warn', message: `Shipment ${data.shipment_id} is for order #${orderId}, which the app never sent.` }, s.clock.now());
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
    return await writeShipment(s, storeHash, data, claim, owner);
  } finally {
    await s.shipments.releaseClaim(storeHash, data.shipment_id, owner);
  }
}

async function writeShipment(s: Services, storeHash: string, data: ShipmentToApply, claim: ShipmentClaim, owner: string): Promise<ShipmentOutcome> {
  const { row } = claim;
  const orderId = data.external_ref.order_id;
  const now = () => s.clock.now();
  const log = (level: 'info' | 'warn' | 'error', message: string, detail?: string) =>
    s.syncLog.append({ storeHash, orderId, flow: 'fulfillment', level, message, detail }, now());
  const where = { storeHash, orderId, backendShipmentId: data.shipment_id };

  const client = await s.bigcommerce.forStore(storeHash);
  if (!client) {
    // Uninstalled, or the token is revoked or unreadable: say so on the order; Retry works once fixed.
    await markShipmentFailed(s, where, 'Shipment could not be written to BigCommerce', await noStoreAccessReason(s, storeHash, data.shipment_id));
    return 'needs_attention';
  }
  let finished = false;
  try {
    const order = await getOrderWithConsignments(client, orderId);
    const mapping = data.carrier ? await s.shipments.carrierMapping(storeHash, data.carrier) : undefined;
    const request = shipmentRequestFields(
      { trackingNumber: data.tracking_number, carrier: data.carrier, service: data.service, trackingUrl: data.tracking_url ?? null },
      mapping,
    );
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
      await s.shipments.recordPart(storeHash, data.shipment_id, x.addressId, x.id, now());
      written.add(String(x.addressId));
      await log('info', `Shipment found in BigCommerce (#${x.id}): an earlier attempt created it but its answer was lost. Kept, not created again.`);
    }
    const reverse = await s.mappings.reverseSkuMap(storeHash, row.items.map((i) => i.sku));
    const { byAddress, unmatched } = allocateShipment(withOwnShipmentsUnshipped(order, own), row.items, reverse);
    const pendingParts = [...byAddress].filter(([addressId]) => !written.has(String(addressId)));
    if (unmatched.length > 0 && written.size === 0) {
      const reason = `Shipment ${data.shipment_id} has items that match no unshipped line of the order: ${unmatched.map((u) => `${u.sku} × ${u.quantity}`).join(', ')}.`;
      await markShipmentFailed(s, where, 'Shipment could not be matched to the order', reason);
      return 'needs_attention';
    }
    const warning = request.warnings.length > 0 ? request.warnings.join(' ') : null;
    if (warning !== row.warning) {
      await s.shipments.setWarning(storeHash, data.shipment_id, warning, now());
      if (warning) await log('warn', 'Part of the shipment does not fit BigCommerce and was left out', warning);
    }
    // The marker lets a later attempt recognise these shipments if this one's answer is lost.
    const fields = { ...request.fields, comments: commentsWithMarker(data.shipment_id, request.fields.comments) };
    for (const [addressId, items] of pendingParts) {
      // Still the one writer? (A claim outlived by a stuck call may have gone to another job.)
      if (!(await s.shipments.renewClaim(storeHash, data.shipment_id, owner, now(), SHIPMENT_CLAIM_MS))) {
        throw new RetryableJobError(`Shipment ${data.shipment_id} was taken over by another task before it was fully written.`, { countsAsAttempt: false });
      }
      // `comments` is part of orderShipment_Post although the transport's ShipmentInput does not name it.
      const created = await createShipment(client, orderId, { order_address_id: addressId, ...fields, items });
      await s.shipments.recordPart(storeHash, data.shipment_id, addressId, created.id, now());
      await log('info', `Shipment created in BigCommerce (${data.carrier ?? 'no carrier'}${data.tracking_number ? ` ${data.tracking_number}` : ''}).`);
    }
    await s.shipments.finish(storeHash, data.shipment_id, 'created', null, now());
    finished = true;

    // BigCommerce normally moves the status itself; make sure it did.
    const after = await getOrderWithConsignments(client, orderId);
    const { fully, statusId: wanted } = shippedStateOf(after);
    if (after.status_id !== wanted) {
      await setOrderStatus(client, orderId, wanted);
      await log('info', `Status set to "${await statusLabel(s, storeHash, wanted)}".`);
    }
    // shipped or partially_shipped, with the status and shipped quantities kept for the order page.
    await recordShipped(s, storeHash, orderId, after, wanted);
    if (!fully) await log('info', 'Partially shipped; waiting for the rest.');
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
      // The shipment is in BigCommerce; only the status follow-up was refused. Say so, do not fail the shipment.
      await log('error', 'BigCommerce refused the order status change after the shipment', refusalMessage(err));
      return 'created';
    }
    throw toJobError(err);
  }
}

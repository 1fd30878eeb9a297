import { createShipment, getOrderWithConsignments, listShipments, setOrderStatus, type BcShipment } from '../../bigcommerce/index.js';
import type { Services } from '../../services.js';
import { toJobError } from '../job-errors.js';
import { allocateShipment } from './allocate.js';
import { isBigCommerceRefusal, refusalMessage } from './bigcommerce-refusal.js';
import { clearShipmentAttention, markShipmentFailed } from './shipment-failure.js';
import { shipmentRequestFields, type ShipmentRequestFields } from './shipment-request.js';

const SHIPPED = 2;
const PARTIALLY_SHIPPED = 3;

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

/** An existing BigCommerce shipment is ours when it carries the same tracking number (or, for a number too long to send, the same comment). */
function sameTracking(x: BcShipment, fields: ShipmentRequestFields): boolean {
  if (fields.tracking_number) return x.tracking_number === fields.tracking_number;
  return fields.comments !== undefined && (x as { comments?: unknown }).comments === fields.comments;
}

/**
 * A backend shipment becomes BigCommerce shipments, one per shipping address it touches.
 * Idempotent on the backend shipment id: parts already written are remembered, and on a retry an
 * existing BigCommerce shipment with the same tracking number is adopted instead of duplicated.
 * A shipment BigCommerce refuses (4xx) is not retried blindly: it is marked failed and the order
 * "needs attention" with BigCommerce's message, retryable from the order page (retry-shipment.ts).
 */
export async function applyShipment(s: Services, storeHash: string, data: ShipmentToApply, retry: boolean): Promise<ShipmentOutcome> {
  const orderId = data.external_ref.order_id;
  const now = () => s.clock.now();
  const log = (level: 'info' | 'warn' | 'error', message: string, detail?: string) =>
    s.syncLog.append({ storeHash, orderId, flow: 'fulfillment', level, message, detail }, now());
  const known = await s.orders.get(storeHash, orderId);
  if (!known) {
    await s.syncLog.append({ storeHash, flow: 'fulfillment', level: 'warn', message: `Shipment ${data.shipment_id} is for order #${orderId}, which the app never sent.` }, now());
    return 'unknown_order';
  }
  const row = await s.shipments.begin(
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
    now(),
  );
  if (row.state === 'created') return 'already';

  const client = await s.bigcommerce.forStore(storeHash);
  if (!client) return 'unknown_order';
  const where = { storeHash, orderId, backendShipmentId: data.shipment_id };
  let written = false;
  try {
    const order = await getOrderWithConsignments(client, orderId);
    const reverse = await s.mappings.reverseSkuMap(storeHash, row.items.map((i) => i.sku));
    const { byAddress, unmatched } = allocateShipment(order, row.items, reverse);
    const pendingParts = [...byAddress].filter(([addressId]) => row.bcShipmentIds[String(addressId)] === undefined);
    if (unmatched.length > 0 && Object.keys(row.bcShipmentIds).length === 0) {
      const reason = `Shipment ${data.shipment_id} has items that match no unshipped line of the order: ${unmatched.map((u) => `${u.sku} × ${u.quantity}`).join(', ')}.`;
      await markShipmentFailed(s, where, 'Shipment could not be matched to the order', reason);
      return 'needs_attention';
    }
    const mapping = data.carrier ? await s.shipments.carrierMapping(storeHash, data.carrier) : undefined;
    const request = shipmentRequestFields(
      { trackingNumber: data.tracking_number, carrier: data.carrier, service: data.service, trackingUrl: data.tracking_url ?? null },
      mapping,
    );
    const warning = request.warnings.length > 0 ? request.warnings.join(' ') : null;
    if (warning !== row.warning) {
      await s.shipments.setWarning(storeHash, data.shipment_id, warning, now());
      if (warning) await log('warn', 'Part of the shipment does not fit BigCommerce and was left out', warning);
    }
    const existing = retry ? await listShipments(client, orderId) : [];
    for (const [addressId, items] of pendingParts) {
      const adopted = existing.find((x) => x.order_address_id === addressId && sameTracking(x, request.fields));
      // `comments` is part of orderShipment_Post although the transport's ShipmentInput does not name it.
      const created = adopted ?? (await createShipment(client, orderId, { order_address_id: addressId, ...request.fields, items }));
      await s.shipments.recordPart(storeHash, data.shipment_id, addressId, created.id, now());
      await log('info', `Shipment created in BigCommerce (${data.carrier ?? 'no carrier'}${data.tracking_number ? ` ${data.tracking_number}` : ''}).`);
    }
    await s.shipments.finish(storeHash, data.shipment_id, 'created', null, now());
    written = true;

    // BigCommerce normally moves the status itself; make sure it did.
    const after = await getOrderWithConsignments(client, orderId);
    const fully = (after.items_shipped ?? 0) >= (after.items_total ?? Infinity);
    const wanted = fully ? SHIPPED : PARTIALLY_SHIPPED;
    if (after.status_id !== wanted) {
      await setOrderStatus(client, orderId, wanted);
      await log('info', `Status set to ${fully ? 'Shipped' : 'Partially Shipped'}.`);
    }
    if (fully) await s.orders.setState(storeHash, orderId, { state: 'shipped', attentionReason: null, lastError: null }, now());
    else {
      await clearShipmentAttention(s, storeHash, orderId);
      await log('info', 'Partially shipped; waiting for the rest.');
    }
    if (unmatched.length > 0) {
      await log('warn', 'Some shipped items matched no unshipped line', unmatched.map((u) => `${u.sku} × ${u.quantity}`).join(', '));
    }
    return 'created';
  } catch (err) {
    if (isBigCommerceRefusal(err)) {
      if (!written) {
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

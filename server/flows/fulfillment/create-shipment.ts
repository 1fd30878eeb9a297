import { createShipment, getOrderWithConsignments, listShipments, setOrderStatus } from '../../bigcommerce/index.js';
import type { ShipmentCreatedData } from '../../fulfillment/index.js';
import type { Services } from '../../services.js';
import { toJobError } from '../job-errors.js';
import { allocateShipment } from './allocate.js';
import { carrierFields } from './carriers.js';

const SHIPPED = 2;
const PARTIALLY_SHIPPED = 3;

export type ShipmentOutcome = 'created' | 'already' | 'unknown_order' | 'needs_attention';

/**
 * A backend shipment becomes BigCommerce shipments, one per shipping address it touches.
 * Idempotent on the backend shipment id: parts already written are remembered, and on a retry an
 * existing BigCommerce shipment with the same tracking number is adopted instead of duplicated.
 */
export async function applyShipment(s: Services, storeHash: string, data: ShipmentCreatedData, retry: boolean): Promise<ShipmentOutcome> {
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
  try {
    const order = await getOrderWithConsignments(client, orderId);
    const reverse = await s.mappings.reverseSkuMap(storeHash, row.items.map((i) => i.sku));
    const { byAddress, unmatched } = allocateShipment(order, row.items, reverse);
    const pendingParts = [...byAddress].filter(([addressId]) => row.bcShipmentIds[String(addressId)] === undefined);
    if (unmatched.length > 0 && Object.keys(row.bcShipmentIds).length === 0) {
      const reason = `Shipment ${data.shipment_id} has items that match no unshipped line of the order: ${unmatched.map((u) => `${u.sku} × ${u.quantity}`).join(', ')}.`;
      await s.shipments.finish(storeHash, data.shipment_id, 'failed', reason, now());
      await s.orders.setState(storeHash, orderId, { state: 'needs_attention', attentionReason: reason, lastError: reason }, now());
      await log('error', 'Shipment could not be matched to the order', reason);
      return 'needs_attention';
    }
    const carrier = carrierFields(data.carrier, await s.shipments.carrierMapping(storeHash, data.carrier), data.tracking_url ?? null);
    const existing = retry ? await listShipments(client, orderId) : [];
    for (const [addressId, items] of pendingParts) {
      const adopted = existing.find((x) => x.order_address_id === addressId && data.tracking_number && x.tracking_number === data.tracking_number);
      const created =
        adopted ??
        (await createShipment(client, orderId, {
          order_address_id: addressId,
          tracking_number: data.tracking_number ?? '',
          shipping_method: data.service ?? '',
          ...carrier,
          items,
        }));
      await s.shipments.recordPart(storeHash, data.shipment_id, addressId, created.id, now());
      await log('info', `Shipment created in BigCommerce (${data.carrier}${data.tracking_number ? ` ${data.tracking_number}` : ''}).`);
    }
    await s.shipments.finish(storeHash, data.shipment_id, 'created', null, now());

    // BigCommerce normally moves the status itself; make sure it did.
    const after = await getOrderWithConsignments(client, orderId);
    const fully = (after.items_shipped ?? 0) >= (after.items_total ?? Infinity);
    const wanted = fully ? SHIPPED : PARTIALLY_SHIPPED;
    if (after.status_id !== wanted) {
      await setOrderStatus(client, orderId, wanted);
      await log('info', `Status set to ${fully ? 'Shipped' : 'Partially Shipped'}.`);
    }
    if (fully) await s.orders.setState(storeHash, orderId, { state: 'shipped', attentionReason: null, lastError: null }, now());
    else await log('info', 'Partially shipped; waiting for the rest.');
    if (unmatched.length > 0) {
      await log('warn', 'Some shipped items matched no unshipped line', unmatched.map((u) => `${u.sku} × ${u.quantity}`).join(', '));
    }
    return 'created';
  } catch (err) {
    throw toJobError(err);
  }
}

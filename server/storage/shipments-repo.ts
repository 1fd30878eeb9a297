import type { Knex } from 'knex';
import type { CarrierMapping, ShipmentView } from '../api/contract.js';

export interface ShipmentItem {
  sku: string;
  quantity: number;
  order_line_id?: number;
}

export interface ShipmentRow {
  storeHash: string;
  backendShipmentId: string;
  orderId: number;
  /** order_address_id → BigCommerce shipment id, for the parts already written. */
  bcShipmentIds: Record<string, number>;
  trackingNumber: string | null;
  carrier: string | null;
  service: string | null;
  trackingUrl: string | null;
  items: ShipmentItem[];
  state: 'pending' | 'created' | 'failed';
  /** Why BigCommerce refused it (state "failed"). */
  error: string | null;
  /** What did not fit BigCommerce's limits and was left out of the shipment sent. */
  warning: string | null;
  createdAt: number;
}

type Raw = Record<string, unknown>;
const s = (v: unknown) => (v == null ? null : String(v));
const toRow = (r: Raw): ShipmentRow => ({
  storeHash: String(r.store_hash),
  backendShipmentId: String(r.backend_shipment_id),
  orderId: Number(r.order_id),
  bcShipmentIds: JSON.parse(String(r.bc_shipment_ids ?? '{}')) as Record<string, number>,
  trackingNumber: s(r.tracking_number),
  carrier: s(r.carrier),
  service: s(r.service),
  trackingUrl: s(r.tracking_url),
  items: JSON.parse(String(r.items)) as ShipmentItem[],
  state: r.state as ShipmentRow['state'],
  error: s(r.error),
  warning: s(r.warning),
  createdAt: Number(r.created_at),
});

export const toShipmentView = (r: ShipmentRow): ShipmentView => ({
  backendShipmentId: r.backendShipmentId,
  bcShipmentId: Object.values(r.bcShipmentIds)[0] ?? null,
  trackingNumber: r.trackingNumber,
  carrier: r.carrier,
  service: r.service,
  trackingUrl: r.trackingUrl,
  items: r.items.map((i) => ({ sku: i.sku, quantity: i.quantity })),
  state: r.state,
  error: r.error,
  warning: r.warning,
  createdAt: new Date(r.createdAt).toISOString(),
});

/** Backend shipments and their BigCommerce counterparts; idempotent on the backend shipment id. */
export class ShipmentsRepo {
  constructor(private readonly db: Knex) {}

  async get(storeHash: string, backendShipmentId: string): Promise<ShipmentRow | undefined> {
    const r = await this.db('shipments').where({ store_hash: storeHash, backend_shipment_id: backendShipmentId }).first();
    return r ? toRow(r) : undefined;
  }

  async forOrder(storeHash: string, orderId: number): Promise<ShipmentRow[]> {
    return (await this.db('shipments').where({ store_hash: storeHash, order_id: orderId }).orderBy('created_at')).map(toRow);
  }

  /** Records the shipment on first sight; later calls return the stored row unchanged. */
  async begin(
    row: Omit<ShipmentRow, 'bcShipmentIds' | 'state' | 'error' | 'warning' | 'createdAt'>,
    now: number,
  ): Promise<ShipmentRow> {
    await this.db('shipments')
      .insert({
        store_hash: row.storeHash,
        backend_shipment_id: row.backendShipmentId,
        order_id: row.orderId,
        bc_shipment_ids: '{}',
        tracking_number: row.trackingNumber,
        carrier: row.carrier,
        service: row.service,
        tracking_url: row.trackingUrl,
        items: JSON.stringify(row.items),
        state: 'pending',
        created_at: now,
        updated_at: now,
      })
      .onConflict(['store_hash', 'backend_shipment_id'])
      .ignore();
    return (await this.get(row.storeHash, row.backendShipmentId))!;
  }

  async recordPart(storeHash: string, backendShipmentId: string, addressId: number, bcShipmentId: number, now: number): Promise<void> {
    const current = await this.get(storeHash, backendShipmentId);
    if (!current) return;
    const ids = { ...current.bcShipmentIds, [String(addressId)]: bcShipmentId };
    await this.db('shipments').where({ store_hash: storeHash, backend_shipment_id: backendShipmentId }).update({ bc_shipment_ids: JSON.stringify(ids), updated_at: now });
  }

  async finish(storeHash: string, backendShipmentId: string, state: 'created' | 'failed', error: string | null, now: number): Promise<void> {
    await this.db('shipments').where({ store_hash: storeHash, backend_shipment_id: backendShipmentId }).update({ state, error, updated_at: now });
  }

  async setWarning(storeHash: string, backendShipmentId: string, warning: string | null, now: number): Promise<void> {
    await this.db('shipments').where({ store_hash: storeHash, backend_shipment_id: backendShipmentId }).update({ warning, updated_at: now });
  }

  /** Shipments of these orders that BigCommerce refused (or that failed for good), to retry. */
  async failedForOrders(storeHash: string, orderIds: readonly number[]): Promise<ShipmentRow[]> {
    if (orderIds.length === 0) return [];
    return (await this.db('shipments').where({ store_hash: storeHash, state: 'failed' }).whereIn('order_id', orderIds).orderBy('created_at')).map(toRow);
  }

  async carrierMapping(storeHash: string, carrier: string): Promise<{ shippingProvider: string | null; trackingCarrier: string | null } | undefined> {
    const r = await this.db('carrier_mappings').where({ store_hash: storeHash, backend_carrier: carrier }).first();
    return r ? { shippingProvider: s(r.shipping_provider), trackingCarrier: s(r.tracking_carrier) } : undefined;
  }

  async listCarriers(storeHash: string): Promise<CarrierMapping[]> {
    const seen = (await this.db('shipments').where({ store_hash: storeHash }).whereNotNull('carrier').groupBy('carrier').select('carrier').count({ n: '*' })) as Array<{ carrier: string; n: number }>;
    const mapped = await this.db('carrier_mappings').where({ store_hash: storeHash });
    const out = new Map<string, CarrierMapping>();
    for (const x of seen) out.set(x.carrier, { backendCarrier: x.carrier, shippingProvider: null, trackingCarrier: null, seen: Number(x.n) });
    for (const m of mapped) {
      const c = String(m.backend_carrier);
      out.set(c, { backendCarrier: c, shippingProvider: s(m.shipping_provider), trackingCarrier: s(m.tracking_carrier), seen: out.get(c)?.seen ?? 0 });
    }
    return [...out.values()].sort((a, b) => a.backendCarrier.localeCompare(b.backendCarrier));
  }

  async setCarrier(storeHash: string, m: { backendCarrier: string; shippingProvider: string | null; trackingCarrier: string | null }, now: number) {
    if (m.shippingProvider === null && m.trackingCarrier === null) {
      await this.db('carrier_mappings').where({ store_hash: storeHash, backend_carrier: m.backendCarrier }).delete();
      return;
    }
    const values = { shipping_provider: m.shippingProvider, tracking_carrier: m.trackingCarrier, updated_at: now };
    await this.db('carrier_mappings').insert({ store_hash: storeHash, backend_carrier: m.backendCarrier, ...values }).onConflict(['store_hash', 'backend_carrier']).merge(values);
  }
}

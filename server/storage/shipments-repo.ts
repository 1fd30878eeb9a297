import type { Knex } from 'knex';
import type { Shipment } from '../domain/fulfillment.js';
import type { CarrierMapping } from '../domain/mappings.js';

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

export type NewShipment = Omit<ShipmentRow, 'bcShipmentIds' | 'state' | 'error' | 'warning' | 'createdAt'>;

export interface ShipmentClaim {
  row: ShipmentRow;
  /** The row was created by this call: no earlier attempt of this shipment exists. */
  fresh: boolean;
  /** This caller is the shipment's one writer until it finishes, releases or the claim expires. */
  claimed: boolean;
  /** When the current claim (this caller's or another's) runs out, ms epoch. */
  claimExpiresAt: number | null;
}

type Raw = Record<string, unknown>;
type BcItems = Record<string, Array<{ order_product_id: number; quantity: number }>>;

function parseBcItems(v: unknown): BcItems {
  if (v == null) return {};
  try {
    const parsed = JSON.parse(String(v)) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as BcItems) : {};
  } catch {
    return {};
  }
}
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

export const toShipmentView = (r: ShipmentRow): Shipment => ({
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
    // Ties broken by id: without it each database returns equal times in its own row order.
    return (await this.db('shipments').where({ store_hash: storeHash, order_id: orderId }).orderBy(['created_at', 'backend_shipment_id'])).map(toRow);
  }

  /**
   * Records the shipment on first sight and claims it for one writer (`owner`) until `now + leaseMs`.
   * Two jobs applying one shipment at once (a pushed event and a poll, two event ids for one
   * shipment, a Retry) would otherwise both write it to BigCommerce. A claim another owner holds
   * and has not let expire is not taken (`claimed: false`); an expired one is (its process died).
   * `fresh` says the row did not exist before: no earlier attempt can have reached BigCommerce.
   * A shipment already created is never claimed.
   */
  async claim(row: NewShipment, owner: string, now: number, leaseMs: number): Promise<ShipmentClaim> {
    const key = { store_hash: row.storeHash, backend_shipment_id: row.backendShipmentId };
    const lease = { claim_owner: owner, claim_expires_at: now + leaseMs };
    const inserted = await this.db('shipments')
      .insert({ ...this.newRow(row, now), ...lease })
      .onConflict(['store_hash', 'backend_shipment_id'])
      .ignore()
      .returning('backend_shipment_id');
    const fresh = inserted.length > 0;
    let claimed = fresh;
    if (!fresh) {
      // One statement: of two racing claims only one matches "free or expired".
      const n = await this.db('shipments')
        .where(key)
        .whereNot({ state: 'created' })
        .andWhere((q) => {
          q.whereNull('claim_owner').orWhere('claim_expires_at', '<', now).orWhere({ claim_owner: owner });
        })
        .update({ ...lease, updated_at: now });
      claimed = n > 0;
    }
    const r = await this.db('shipments').where(key).first();
    return { row: toRow(r), fresh, claimed, claimExpiresAt: r.claim_expires_at == null ? null : Number(r.claim_expires_at) };
  }

  /** Pushes the claim out before each write; false when it was lost (expired and taken by another). */
  async renewClaim(storeHash: string, backendShipmentId: string, owner: string, now: number, leaseMs: number): Promise<boolean> {
    const n = await this.db('shipments')
      .where({ store_hash: storeHash, backend_shipment_id: backendShipmentId, claim_owner: owner })
      .update({ claim_expires_at: now + leaseMs });
    return n > 0;
  }

  /** Gives the claim up (only if still ours), so the next writer need not wait for it to expire. */
  async releaseClaim(storeHash: string, backendShipmentId: string, owner: string): Promise<void> {
    await this.db('shipments').where({ store_hash: storeHash, backend_shipment_id: backendShipmentId, claim_owner: owner }).update({ claim_owner: null, claim_expires_at: null });
  }

  private newRow(row: NewShipment, now: number) {
    return {
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
    };
  }

  /**
   * One part (one shipping address) written to BigCommerce. `items` are the order lines and
   * quantities it shipped, when known (a part adopted from BigCommerce after a lost answer says
   * them too): the shipment flow counts them instead of re-reading the order (shippedByApp).
   */
  async recordPart(
    storeHash: string,
    backendShipmentId: string,
    addressId: number,
    bcShipmentId: number,
    now: number,
    items?: ReadonlyArray<{ order_product_id: number; quantity: number }>,
  ): Promise<void> {
    const row: Raw | undefined = await this.db('shipments').where({ store_hash: storeHash, backend_shipment_id: backendShipmentId }).first('bc_shipment_ids', 'bc_items');
    if (!row) return;
    const ids = { ...(JSON.parse(String(row.bc_shipment_ids ?? '{}')) as Record<string, number>), [String(addressId)]: bcShipmentId };
    const lines = parseBcItems(row.bc_items);
    if (items) lines[String(addressId)] = items.map((i) => ({ order_product_id: i.order_product_id, quantity: i.quantity }));
    await this.db('shipments')
      .where({ store_hash: storeHash, backend_shipment_id: backendShipmentId })
      .update({ bc_shipment_ids: JSON.stringify(ids), bc_items: JSON.stringify(lines), updated_at: now });
  }

  /**
   * Order line id → quantity the app's own BigCommerce shipments of this order shipped (every part
   * written, whatever the shipment's state), optionally leaving one shipment out.
   */
  async shippedByApp(storeHash: string, orderId: number, except?: string): Promise<Map<number, number>> {
    const q = this.db('shipments').where({ store_hash: storeHash, order_id: orderId }).whereNotNull('bc_items');
    if (except !== undefined) q.whereNot({ backend_shipment_id: except });
    const out = new Map<number, number>();
    const rows: Raw[] = await q.select('bc_items');
    for (const r of rows) {
      for (const part of Object.values(parseBcItems(r.bc_items))) {
        for (const i of part) out.set(i.order_product_id, (out.get(i.order_product_id) ?? 0) + i.quantity);
      }
    }
    return out;
  }

  /**
   * Sets the outcome. A shipment already created in BigCommerce never goes back to failed (a dead
   * job's late verdict must not undo another job's success): false when nothing changed.
   */
  async finish(storeHash: string, backendShipmentId: string, state: 'created' | 'failed', error: string | null, now: number): Promise<boolean> {
    const q = this.db('shipments').where({ store_hash: storeHash, backend_shipment_id: backendShipmentId });
    if (state === 'failed') q.whereNot({ state: 'created' });
    return (await q.update({ state, error, updated_at: now })) > 0;
  }

  async setWarning(storeHash: string, backendShipmentId: string, warning: string | null, now: number): Promise<void> {
    await this.db('shipments').where({ store_hash: storeHash, backend_shipment_id: backendShipmentId }).update({ warning, updated_at: now });
  }

  /** Shipments of these orders that BigCommerce refused (or that failed for good), to retry. */
  async failedForOrders(storeHash: string, orderIds: readonly number[]): Promise<ShipmentRow[]> {
    if (orderIds.length === 0) return [];
    return (await this.db('shipments').where({ store_hash: storeHash, state: 'failed' }).whereIn('order_id', orderIds).orderBy(['created_at', 'backend_shipment_id'])).map(toRow);
  }

  async carrierMapping(storeHash: string, carrier: string): Promise<{ shippingProvider: string | null; trackingCarrier: string | null } | undefined> {
    const r = await this.db('carrier_mappings').where({ store_hash: storeHash, backend_carrier: carrier }).first();
    return r ? { shippingProvider: s(r.shipping_provider), trackingCarrier: s(r.tracking_carrier) } : undefined;
  }

  async listCarriers(storeHash: string): Promise<CarrierMapping[]> {
    const seen: Array<{
      carrier: string;
      n: number;
    }> = await this.db('shipments').where({ store_hash: storeHash }).whereNotNull('carrier').groupBy('carrier').select('carrier').count({ n: '*' });
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
    await this.db('carrier_mappings')
      .insert({ store_hash: storeHash, backend_carrier: m.backendCarrier, ...values })
      .onConflict(['store_hash', 'backend_carrier'])
      .merge(values);
  }
}

import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../services.js';
import { sessionOf } from '../sessions/require-session.js';
import type { InventoryItemView } from './contract.js';
import { BC_SHIPPING_PROVIDERS } from '../flows/fulfillment/carriers.js';
import { likeContains } from '../storage/like.js';
import { paging, parseInput } from './paging.js';

const carrierInput = z.object({
  backendCarrier: z.string().trim().min(1, 'Required').max(128),
  shippingProvider: z.enum(BC_SHIPPING_PROVIDERS).nullable(),
  trackingCarrier: z.string().trim().max(128).nullable().transform((v) => (v ? v : null)),
});

const inventoryFilter = z.object({
  search: z.string().trim().max(255).optional(),
  status: z.enum(['synced', 'skipped', 'pending']).optional(),
});

/** Carrier mappings and the inventory view. */
export function loopRoutes(s: Services): Router {
  const r = Router();

  r.get('/carrier-mappings', async (_req, res) => {
    res.json({ items: await s.shipments.listCarriers(sessionOf(res).storeHash) });
  });

  r.put('/carrier-mappings', async (req, res) => {
    const { storeHash } = sessionOf(res);
    await s.shipments.setCarrier(storeHash, parseInput(carrierInput, req.body, 'carrier mapping'), s.clock.now());
    res.json({ items: await s.shipments.listCarriers(storeHash) });
  });

  r.get('/inventory', async (req, res) => {
    const { page, limit } = paging(req.query);
    const f = parseInput(inventoryFilter, { search: req.query.search || undefined, status: req.query.status || undefined }, 'filter');
    const q = s.db('inventory_items').where({ store_hash: sessionOf(res).storeHash });
    if (f.status) q.andWhere({ status: f.status });
    if (f.search) {
      const like = likeContains(f.search);
      q.andWhere((w) => w.whereRaw("sku LIKE ? ESCAPE '\\'", [like]).orWhereRaw("backend_sku LIKE ? ESCAPE '\\'", [like]));
    }
    const [{ n }] = (await q.clone().count({ n: '*' })) as [{ n: number }];
    const rows = await q.orderBy([{ column: 'updated_at', order: 'desc' }, { column: 'sku' }]).limit(limit).offset((page - 1) * limit);
    const items: InventoryItemView[] = rows.map((x) => ({
      sku: String(x.sku),
      backendSku: String(x.backend_sku),
      available: Number(x.available),
      locationId: Number(x.location_id),
      status: x.status as InventoryItemView['status'],
      reason: x.reason == null ? null : String(x.reason),
      lastSyncedAt: x.last_synced_at == null ? null : new Date(Number(x.last_synced_at)).toISOString(),
    }));
    res.json({ items, total: Number(n), page, limit });
  });

  return r;
}

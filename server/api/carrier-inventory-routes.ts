import { Router } from 'express';
import { z } from 'zod';
import type { Collaborators } from '../collaborators.js';
import { sessionOf } from '../sessions/require-session.js';
import { requireManager } from '../sessions/require-manager.js';
import { auditSettings, changedFields } from './settings-audit.js';
import { paging, parseInput } from './paging.js';
import { carrierInput } from './inputs/mappings.js';
import { enqueueShipmentRetries } from '../flows/fulfillment/retry-shipment.js';

const inventoryFilter = z.object({
  search: z.string().trim().max(255).optional(),
  status: z.enum(['synced', 'skipped', 'pending']).optional(),
});

export type CarrierAndInventoryRoutesDeps = Pick<Collaborators, 'audit' | 'clock' | 'inventory' | 'jobs' | 'orders' | 'shipments'>;

/** Carrier mappings and the inventory view. */
export function carrierAndInventoryRoutes(s: CarrierAndInventoryRoutesDeps): Router {
  const r = Router();

  r.get('/carrier-mappings', async (_req, res) => {
    res.json({ items: await s.shipments.listCarriers(sessionOf(res).storeHash) });
  });

  r.put('/carrier-mappings', requireManager, async (req, res) => {
    const { storeHash } = sessionOf(res);
    const input = parseInput(carrierInput, req.body, 'carrier mapping');
    const before = (await s.shipments.listCarriers(storeHash)).find((c) => c.backendCarrier === input.backendCarrier);
    await s.shipments.setCarrier(storeHash, input, s.clock.now());
    const change = changedFields(
      { shippingProvider: before?.shippingProvider ?? null, trackingCarrier: before?.trackingCarrier ?? null },
      { shippingProvider: input.shippingProvider, trackingCarrier: input.trackingCarrier },
    );
    await auditSettings(s, res, { action: 'mapping.carrier.save', subject: `Carrier "${input.backendCarrier}"`, ...change });
    // Shipments BigCommerce refused may go through with the new mapping: retry them now. Only the
    // shipments: a carrier mapping cannot fix an order held for anything else, so re-syncing those
    // orders would only cost a BigCommerce call each.
    const held = await s.orders.needingAttention(storeHash);
    await enqueueShipmentRetries(s, storeHash, await s.shipments.failedForOrders(storeHash, held));
    res.json({ items: await s.shipments.listCarriers(storeHash) });
  });

  r.get('/inventory', async (req, res) => {
    const { page, limit } = paging(req.query);
    const f = parseInput(inventoryFilter, { search: req.query.search || undefined, status: req.query.status || undefined }, 'filter');
    const { items, total } = await s.inventory.list(sessionOf(res).storeHash, f, page, limit);
    res.json({ items, total, page, limit });
  });

  return r;
}

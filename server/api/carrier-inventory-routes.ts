import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../services.js';
import { sessionOf } from '../sessions/require-session.js';
import { requireManager } from '../sessions/require-manager.js';
import { auditSettings, changedFields } from './settings-audit.js';
import { BC_SHIPPING_PROVIDERS } from '../flows/fulfillment/carriers.js';
import { AFTERSHIP_SLUG, AFTERSHIP_SLUG_MAX } from '../flows/fulfillment/shipment-request.js';
import { paging, parseInput } from './paging.js';
import { enqueueShipmentRetries } from '../flows/fulfillment/retry-shipment.js';

const SLUG_MESSAGE = 'Use the AfterShip slug: lowercase letters, digits and hyphens, like dhl or royal-mail.';
const PROVIDER_MESSAGE = `Use one of BigCommerce's shipping providers: ${BC_SHIPPING_PROVIDERS.filter(Boolean).join(', ')}, or "" for a custom one.`;

// Checked here as shipment-request.ts checks it when writing a shipment, so a mapping that would be
// left out of every shipment is refused when it is saved, not discovered on the next order.
const carrierInput = z.object({
  backendCarrier: z.string().trim().min(1, 'Required').max(128),
  shippingProvider: z.enum(BC_SHIPPING_PROVIDERS, { error: PROVIDER_MESSAGE }).nullable(),
  trackingCarrier: z
    .string()
    .trim()
    .max(AFTERSHIP_SLUG_MAX, `${SLUG_MESSAGE} At most ${AFTERSHIP_SLUG_MAX} characters.`)
    .refine((v) => v === '' || AFTERSHIP_SLUG.test(v), SLUG_MESSAGE)
    .nullable()
    .transform((v) => (v ? v : null)),
});

const inventoryFilter = z.object({
  search: z.string().trim().max(255).optional(),
  status: z.enum(['synced', 'skipped', 'pending']).optional(),
});

/** Carrier mappings and the inventory view. */
export function carrierAndInventoryRoutes(s: Services): Router {
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

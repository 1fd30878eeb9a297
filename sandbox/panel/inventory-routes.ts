// JSON endpoints behind the control panel's Inventory section (/sandbox/...). They call the same
// SandboxControl the tests use; the router they are mounted on (panel/routes.ts) already requires
// Content-Type: application/json on mutating requests and turns errors into JSON.
import type { Router } from 'express';
import { z } from 'zod';
import type { SandboxControl } from '../control.js';
import type { ProductRecord } from '../catalog/types.js';

const MAX_LOG = 20;

const trackingMode = z.enum(['none', 'product', 'variant']);
const trackingInput = z.object({ mode: trackingMode });
const levelInput = z.object({ sku: z.string().min(1), quantity: z.number().int().min(0), locationId: z.number().int().min(1).optional() });
const locationInput = z.object({ label: z.string().max(100).optional(), enabled: z.boolean().optional() });
const productInput = z.object({
  sku: z.string().min(1).max(255),
  name: z.string().max(250).optional(),
  inventoryTracking: trackingMode.optional(),
  variants: z.array(z.string().min(1).max(255)).max(50).optional(),
  inventoryLevel: z.number().int().min(0).optional(),
});
const delayInput = z.object({ ms: z.number().int().min(0).max(60_000) });

/** One table row per SKU-bearing record: the product's own SKU, then its option variants. */
function rowsOf(control: SandboxControl, hash: string, p: ProductRecord, locationIds: number[]): Array<Record<string, unknown>> {
  const levels = (sku: string): Record<number, number | null> => Object.fromEntries(locationIds.map((id) => [id, control.inventoryLevel(hash, sku, id) ?? null]));
  // Which records count under the tracking mode (the others keep a stale level, shown greyed).
  const own = { sku: p.sku, label: p.name, counts: p.inventoryTracking !== 'variant', levels: levels(p.sku) };
  const variants = p.variants.map((v) => ({ sku: v.sku, label: v.label, counts: p.inventoryTracking === 'variant', levels: levels(v.sku) }));
  return [{ ...own, variant: false }, ...variants.map((v) => ({ ...v, variant: true }))];
}

export function registerInventoryRoutes(r: Router, control: SandboxControl): void {
  r.get('/stores/:hash/inventory', (req, res) => {
    const hash = req.params.hash;
    const locations = control.locations(hash);
    const ids = locations.map((l) => l.id);
    res.json({
      locations: locations.map(({ id, code, label, enabled }) => ({ id, code, label, enabled })),
      products: control.products(hash).map((p) => ({
        id: p.id,
        name: p.name,
        sku: p.sku,
        tracking: p.inventoryTracking,
        hasVariants: p.variants.length > 0,
        rows: rowsOf(control, hash, p, ids),
      })),
      adjustments: control.adjustments
        .filter((a) => a.storeHash === hash)
        .slice(-MAX_LOG)
        .reverse(),
    });
  });

  r.put('/stores/:hash/products/:id/tracking', (req, res) => {
    const { mode } = trackingInput.parse(req.body ?? {});
    const id = req.params.id;
    const product = control.setInventoryTracking(req.params.hash, /^\d+$/.test(id) ? Number(id) : id, mode);
    res.json({ id: product.id, tracking: product.inventoryTracking });
  });

  r.put('/stores/:hash/inventory', (req, res) => {
    const { sku, quantity, locationId } = levelInput.parse(req.body ?? {});
    control.setInventoryLevel(req.params.hash, sku, quantity, locationId ?? 1);
    res.json({ sku, locationId: locationId ?? 1, level: control.inventoryLevel(req.params.hash, sku, locationId ?? 1) });
  });

  r.post('/stores/:hash/locations', (req, res) => {
    const input = locationInput.parse(req.body ?? {});
    res.status(201).json(control.addLocation(req.params.hash, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined))));
  });

  r.post('/stores/:hash/products', (req, res) => {
    const { variants, ...rest } = productInput.parse(req.body ?? {});
    const input = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as { sku: string };
    res.status(201).json(control.addProduct(req.params.hash, { ...input, ...(variants ? { variants: variants.map((sku) => ({ sku })) } : {}) }));
  });

  r.put('/inventory/write-delay', (req, res) => {
    const { ms } = delayInput.parse(req.body ?? {});
    control.setInventoryWriteDelay(ms);
    res.json({ ms });
  });
}

// JSON endpoints behind the warehouse control page (and usable from scripts): /sandbox/...
// They call the same WarehouseControl the tests use. As on the BigCommerce sandbox panel, mutating
// requests must carry Content-Type: application/json, which a cross-site form cannot send without a
// CORS preflight (never answered here), so another page open in the browser cannot drive them.
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import { SandboxError } from '../util.js';
import type { WarehouseControl } from './control.js';
import type { WarehouseFaultPlan } from './types.js';

const accountInput = z.object({
  id: z.string().optional(),
  name: z.string().max(200).optional(),
  apiKey: z.string().optional(),
});
const shipInput = z.object({
  items: z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().min(1), order_line_id: z.number().int().optional() })).optional(),
  firstItemOnly: z.boolean().optional(),
  trackingNumber: z.string().max(255).nullable().optional(),
  carrier: z.string().min(1).max(100).optional(),
  service: z.string().max(100).nullable().optional(),
  trackingUrl: z.string().max(2000).nullable().optional(),
});
const reasonInput = z.object({ reason: z.string().max(2000).optional() });
const eventInput = z.object({ accountId: z.string(), type: z.string().min(1), data: z.unknown() });
const MAX_STOCK_ITEMS = 500;
const inventoryInput = z.object({
  items: z
    .array(
      z.object({
        sku: z.string({ error: 'is required' }).trim().min(1, 'is required').max(255, 'must be at most 255 characters'),
        // Negative = backordered (the app writes 0 to BigCommerce and says so).
        available: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(-1_000_000).max(2_147_483_647),
        location: z.string().max(100).nullable().optional(),
      }),
      { error: 'must be a list of { sku, available }' },
    )
    .min(1, 'needs at least one SKU')
    .max(MAX_STOCK_ITEMS, `may list at most ${MAX_STOCK_ITEMS} SKUs`),
  push: z.boolean().optional(),
});
const faultInput = z.object({
  kind: z.enum(['server_error', 'timeout', 'slow', 'reject', 'disconnect']),
  count: z.number().int().min(1).optional(),
  status: z.number().int().min(400).max(599).optional(),
  delayMs: z.number().int().min(0).max(300_000).optional(),
  message: z.string().max(2000).optional(),
  path: z.string().optional(),
  method: z.string().optional(),
});
const webhookInput = z.object({ url: z.string().nullable() });
const productsInput = z.object({
  items: z.array(z.object({ sku: z.string().trim().min(1, 'is required').max(255), name: z.string().max(500).optional() })).max(MAX_STOCK_ITEMS),
  replace: z.boolean().optional(),
});
const skuLookupInput = z.object({ enabled: z.boolean() });

const requireJson: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  if (!(req.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    res.status(415).json({ error: 'Content-Type: application/json is required' });
    return;
  }
  next();
};

/** Drops keys whose value is undefined, so option objects only carry what was sent. */
function strip<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}

export function warehouseControlRouter(control: WarehouseControl): Router {
  const r = express.Router();
  r.use(requireJson, express.json({ limit: '256kb' }));
  const body = (req: express.Request): unknown => req.body ?? {};

  r.get('/state', (_req, res) => void res.json(control.snapshot()));

  r.post('/accounts', (req, res) => void res.status(201).json(control.createAccount(strip(accountInput.parse(body(req))))));

  r.get('/orders', (req, res) => {
    const accountId = typeof req.query.accountId === 'string' ? req.query.accountId : undefined;
    res.json(control.orders(accountId));
  });

  r.post('/orders/:id/ship', async (req, res) => void res.json(await control.ship(req.params.id, strip(shipInput.parse(body(req))))));

  r.post('/orders/:id/cancel', async (req, res) => {
    res.json(await control.cancel(req.params.id, reasonInput.parse(body(req)).reason));
  });

  r.post('/orders/:id/reject', async (req, res) => {
    res.json(await control.reject(req.params.id, reasonInput.parse(body(req)).reason ?? ''));
  });

  r.post('/events', async (req, res) => {
    const e = eventInput.parse(body(req));
    res.json(await control.pushEvent(e.accountId, e.type, e.data));
  });

  r.post('/events/:id/redeliver', async (req, res) => void res.json(await control.redeliver(req.params.id)));

  r.put('/accounts/:id/inventory', async (req, res) => {
    const input = inventoryInput.parse(body(req));
    const delivery = await control.setInventory(req.params.id, input.items, strip({ push: input.push }));
    res.json({ delivery });
  });

  r.put('/accounts/:id/products', (req, res) => {
    const input = productsInput.parse(body(req));
    const items = input.items.map((i) => ({ sku: i.sku, name: i.name ?? i.sku }));
    res.json({ products: control.setProducts(req.params.id, items, strip({ replace: input.replace })) });
  });

  r.put('/sku-lookup', (req, res) => {
    control.setSkuLookup(skuLookupInput.parse(body(req)).enabled);
    res.json({ skuLookup: control.state.skuLookup });
  });

  r.post('/faults', (req, res) => {
    const input = body(req);
    const plans = (Array.isArray(input) ? input : [input]).map((f): WarehouseFaultPlan => strip(faultInput.parse(f)));
    control.setFaults(plans);
    res.json({ faults: control.snapshot().faults });
  });

  r.delete('/faults', (_req, res) => {
    control.clearFaults();
    res.json({ faults: [] });
  });

  r.put('/app-webhook-url', (req, res) => {
    const { url } = webhookInput.parse(body(req));
    control.setAppWebhookUrl(url === '' ? null : url);
    res.json({ appWebhookUrl: control.state.appWebhookUrl });
  });

  r.get('/requests', (_req, res) => void res.json(control.requests));

  r.delete('/requests', (_req, res) => {
    control.resetRequests();
    res.status(204).end();
  });

  r.use((_req, res) => void res.status(404).json({ error: 'not found' }));
  r.use(onControlError);
  return r;
}

const onControlError: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  if (err instanceof SandboxError) return void res.status(err.status).json({ error: err.message });
  if (err instanceof z.ZodError) {
    return void res.status(400).json({ error: err.issues.map((i) => `${fieldLabel(i.path)}: ${i.message}`).join('; ') });
  }
  const status = (err as { status?: number }).status;
  if (status && status < 500) return void res.status(status).json({ error: (err as Error).message });
  res.status(500).json({ error: 'internal sandbox warehouse error' });
};

/** "items.1.available" → "item 2 available": the words the page uses. */
function fieldLabel(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return 'body';
  const words: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const next = path[i + 1];
    if (path[i] === 'items' && typeof next === 'number') {
      words.push(`item ${next + 1}`);
      i++;
    } else words.push(String(path[i]));
  }
  return words.join(' ');
}

// JSON endpoints behind the control-panel page (and usable from scripts): /sandbox/...
// They call the same SandboxControl the tests use. Mutating requests must carry
// Content-Type: application/json, which a cross-site form cannot send without a CORS preflight
// (never answered here), so another web page open in the browser cannot drive the sandbox.
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import type { SandboxControl } from '../control.js';
import type { FaultPlan } from '../types.js';
import { SandboxError } from '../util.js';
import { registerCommerceRoutes } from './commerce-routes.js';
import { registerInventoryRoutes } from './inventory-routes.js';

const storeInput = z.object({
  hash: z.string().optional(),
  name: z.string().min(1).max(200).optional(),
  ownerEmail: z.string().optional(),
  plan: z.string().min(1).max(50).optional(),
});
const installInput = z.object({ userId: z.coerce.number().int().optional(), scope: z.string().min(1).optional() });
const loadQuery = z.object({
  userId: z.coerce.number().int(),
  url: z.string().optional(),
  channelId: z.union([z.literal('null'), z.coerce.number().int()]).optional(),
});
const userInput = z.object({ email: z.string() });
const uninstallInput = z.object({ userId: z.coerce.number().int().optional() });
const quotaInput = z.object({
  quota: z.number().int().min(0).optional(),
  left: z.number().int().min(0).optional(),
  resetMs: z.number().min(0).optional(),
});
const faultInput = z.object({
  kind: z.enum(['rate_limit', 'rate_limit_no_headers', 'server_error', 'slow']),
  count: z.number().int().min(1).optional(),
  status: z.number().int().min(400).max(599).optional(),
  delayMs: z.number().int().min(0).max(120_000).optional(),
  resetMs: z.number().int().min(0).optional(),
  method: z.string().optional(),
  path: z.string().optional(),
});

const requireJson: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  if (!(req.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    res.status(415).json({ error: 'Content-Type: application/json is required' });
    return;
  }
  next();
};

export function panelRouter(control: SandboxControl): Router {
  const r = express.Router();
  r.use(requireJson, express.json({ limit: '64kb' }));
  const body = (req: express.Request): unknown => req.body ?? {};

  r.get('/state', (_req, res) => void res.json(control.snapshot()));

  r.post('/stores', (req, res) => {
    res.status(201).json(control.createStore(strip(storeInput.parse(body(req)))));
  });

  r.post('/stores/:hash/install', (req, res) => {
    res.json(control.beginInstall(req.params.hash, strip(installInput.parse(body(req)))));
  });

  r.get('/stores/:hash/load-url', (req, res) => {
    const q = loadQuery.parse(req.query);
    const opts: { url?: string; channelId?: number | null } = {};
    if (q.url !== undefined) opts.url = q.url;
    if (q.channelId !== undefined) opts.channelId = q.channelId === 'null' ? null : q.channelId;
    res.json({ url: control.loadUrl(req.params.hash, q.userId, opts) });
  });

  r.post('/stores/:hash/users', (req, res) => {
    res.status(201).json(control.addUser(req.params.hash, userInput.parse(body(req))));
  });

  r.delete('/stores/:hash/users/:id', async (req, res) => {
    res.json(await control.removeUser(req.params.hash, Number(req.params.id)));
  });

  r.post('/stores/:hash/uninstall', async (req, res) => {
    res.json(await control.uninstall(req.params.hash, strip(uninstallInput.parse(body(req)))));
  });

  r.put('/stores/:hash/quota', (req, res) => {
    control.setQuota(req.params.hash, strip(quotaInput.parse(body(req))));
    res.json(control.snapshot().stores.find((s) => s.hash === req.params.hash)?.rateLimit);
  });

  r.post('/faults', (req, res) => {
    const input = body(req);
    const plans = (Array.isArray(input) ? input : [input]).map((f): FaultPlan => strip(faultInput.parse(f)));
    control.setFaults(plans);
    res.json({ faults: control.snapshot().faults });
  });

  r.delete('/faults', (_req, res) => {
    control.clearFaults();
    res.json({ faults: [] });
  });

  // Tokens are left out: this endpoint is for looking, not for borrowing credentials.
  r.get('/requests', (_req, res) => void res.json(control.requests.map(({ authToken: _t, ...rest }) => rest)));

  r.delete('/requests', (_req, res) => {
    control.resetRequests();
    res.status(204).end();
  });

  registerCommerceRoutes(r, control);
  registerInventoryRoutes(r, control);
  r.use(onPanelError);
  return r;
}

/** Drops keys whose value is undefined (exactOptionalPropertyTypes-friendly option objects). */
function strip<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}

const onPanelError: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  if (err instanceof SandboxError) return void res.status(err.status).json({ error: err.message });
  if (err instanceof z.ZodError) {
    return void res.status(400).json({ error: err.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
  }
  if (err instanceof TypeError) return void res.status(400).json({ error: err.message });
  const status = (err as { status?: number }).status;
  if (status && status < 500) return void res.status(status).json({ error: (err as Error).message });
  res.status(500).json({ error: 'internal sandbox error' });
};

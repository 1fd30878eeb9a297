// Assembles the sandbox warehouse's Express app: the fulfillment API under /v1, the control page at
// / and its JSON endpoints under /sandbox, all on one origin. Nothing here logs requests: they
// carry API keys in the Authorization header.
import express, { type ErrorRequestHandler } from 'express';
import { warehouseApiRouter } from './api.js';
import { createWarehouseControl, type WarehouseControl } from './control.js';
import { warehousePage } from './page.js';
import { warehouseControlRouter } from './routes.js';
import { WarehouseState } from './state.js';

const onError: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  if (res.headersSent) return;
  const status = (err as { status?: number }).status ?? 500;
  res.status(status < 500 ? status : 500).json({ error: { code: status < 500 ? 'bad_request' : 'server_error', message: 'Request failed.' } });
};

export function createWarehouseApp(state: WarehouseState = new WarehouseState(), control: WarehouseControl = createWarehouseControl(state)): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.locals.warehouseControl = control;

  app.use('/v1', warehouseApiRouter(state));
  app.use('/sandbox', warehouseControlRouter(control));
  app.get('/', warehousePage(control));
  // Browsers ask for it; an empty answer keeps the console free of 404 noise in browser tests.
  app.get('/favicon.ico', (_req, res) => void res.status(204).end());
  app.use((_req, res) => void res.status(404).json({ error: { code: 'not_found', message: 'Not found.' } }));
  app.use(onError);
  return app;
}

import express, { Router } from 'express';
import { NotFoundError } from '../errors.js';
import type { Services } from '../services.js';
import { requireSession } from '../sessions/require-session.js';
import { sessionRoutes } from '../sessions/routes.js';
import { historyRoutes } from './events-routes.js';
import { loopRoutes } from './loop-routes.js';
import { mappingRoutes } from './mapping-routes.js';
import { ordersRoutes } from './orders-routes.js';
import { overviewRoutes } from './overview-routes.js';
import { settingsRoutes } from './settings-routes.js';

/** Everything under /api: JSON in and out, session required except for the code exchange. */
export function apiRouter(s: Services): Router {
  const r = Router();
  r.use(express.json({ limit: '256kb' }));
  r.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  r.use(sessionRoutes(s));
  r.use(requireSession(s));
  r.use(overviewRoutes(s));
  r.use(settingsRoutes(s));
  r.use(mappingRoutes(s));
  r.use(ordersRoutes(s));
  r.use(historyRoutes(s));
  r.use(loopRoutes(s));
  r.use((_req, _res, next) => next(new NotFoundError('No such API endpoint.')));
  return r;
}

import express, { Router, type ErrorRequestHandler } from 'express';
import { NotFoundError } from '../errors.js';
import type { Collaborators } from '../collaborators.js';
import { requireSession } from '../sessions/require-session.js';
import { sessionRoutes } from './session-routes.js';
import { historyRoutes } from './events-routes.js';
import { carrierAndInventoryRoutes } from './carrier-inventory-routes.js';
import { mappingRoutes } from './mapping-routes.js';
import { notificationRoutes } from './notification-routes.js';
import { ordersRoutes } from './orders-routes.js';
import { orderRuleActionRoutes } from './order-rule-actions.js';
import { rulesRoutes } from './rules-routes.js';
import { alertsRoutes } from './alerts-routes.js';
import { auditRoutes } from './audit-routes.js';
import { backfillRoutes } from './backfill-routes.js';
import { overviewRoutes } from './overview-routes.js';
import { readinessRoutes } from './readiness-routes.js';
import { settingsRoutes } from './settings-routes.js';
import { teamRoutes } from './team-routes.js';
import { CSV_IMPORT_BODY_LIMIT, CsvTooLargeError } from './sku-csv.js';

/** A body over even the import's limit: say so in terms of the file the merchant chose. */
const csvBodyTooLarge: ErrorRequestHandler = (err, _req, _res, next) => {
  if ((err as { type?: unknown })?.type === 'entity.too.large') {
    return next(new CsvTooLargeError('The file is larger than 1 MB; at most 1 MB can be imported at once. Split it into smaller files.'));
  }
  next(err);
};

/** Everything under /api: JSON in and out, session required except for the code exchange. */
export function apiRouter(s: Collaborators): Router {
  const r = Router();
  // The SKU CSV import carries a file of up to 1 MB; its larger limit applies to that route only.
  r.post('/sku-mappings/import', express.json({ limit: CSV_IMPORT_BODY_LIMIT }), csvBodyTooLarge);
  r.use(express.json({ limit: '256kb' }));
  r.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  r.use(sessionRoutes(s));
  r.use(requireSession(s));
  r.use(overviewRoutes(s));
  r.use(alertsRoutes(s));
  r.use(settingsRoutes(s));
  r.use(notificationRoutes(s));
  r.use(mappingRoutes(s));
  r.use(ordersRoutes(s));
  r.use(orderRuleActionRoutes(s));
  r.use(rulesRoutes(s));
  r.use(backfillRoutes(s));
  r.use(historyRoutes(s));
  r.use(carrierAndInventoryRoutes(s));
  r.use(teamRoutes(s));
  r.use(auditRoutes(s));
  r.use(readinessRoutes(s));
  r.use((_req, _res, next) => next(new NotFoundError('No such API endpoint.')));
  return r;
}

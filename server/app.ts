import express, { type Express } from 'express';
import { apiRouter } from './api/router.js';
import { callbackRoutes } from './callbacks/routes.js';
import { bigcommerceWebhookRoutes } from './webhooks/bigcommerce-receiver.js';
import { fulfillmentWebhookRoutes } from './webhooks/fulfillment-receiver.js';
import { errorHandler } from './http/error-handler.js';
import { healthRoutes } from './http/health-routes.js';
import { readinessProbe } from './storage/database-probe.js';
import { isPagePath } from './http/spa.js';
import { NotFoundError } from './errors.js';
import { requestLogger } from './http/request-logger.js';
import { securityHeaders } from './http/security-headers.js';
import { compressResponses, staticAssets } from './http/static-assets.js';
import { buildServices, type AppDeps, type Services } from './services.js';

export type { AppDeps };

/**
 * Builds the Express app without listening, so tests inject the database, clock, clients and
 * logger. The database must already be migrated (see main.ts / test helpers).
 */
export function createApp(deps: AppDeps): Express & { services: Services } {
  const s = buildServices(deps);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 1);
  // Webhook routes come first: they answer machines, not browsers (no HTML security headers), read
  // the raw body themselves (signatures), and are recorded in the webhook history rather than in
  // a log line per delivery; rejections are logged by the error handler.
  app.use(bigcommerceWebhookRoutes(s));
  app.use(fulfillmentWebhookRoutes(s));
  app.use(requestLogger(s.logger, () => s.clock.now()));
  app.use(securityHeaders(s.config.bcLoginUrl));
  app.use(compressResponses());

  app.use(healthRoutes({ probe: readinessProbe(s.db, () => s.clock.now()) }));
  app.use(callbackRoutes(s));
  app.use('/api', apiRouter(s));
  app.use(staticAssets(deps.clientDir));
  // Any other page (a bookmark, a reload) renders the UI without a session: it asks to reopen the app.
  app.get(/^\/(?!api\/).*/, (req, res, next) => {
    if (!isPagePath(req.path)) return next(new NotFoundError('No such file.'));
    res
      .status(200)
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(s.spa.render({ path: '/' }));
  });
  app.use(errorHandler(s.logger));
  return Object.assign(app, { services: s });
}

// Assembles the sandbox's Express app: login service, store API, control-panel page and its JSON
// endpoints, all on one origin (so the sandbox URL is both BC_LOGIN_URL and BC_API_URL).
// Nothing here logs requests: URLs and headers carry grant codes, tokens and signed payloads.
import express, { type ErrorRequestHandler } from 'express';
import { storeApiRouter } from './api/router.js';
import { createControl } from './control.js';
import { mailRouter } from './mail/routes.js';
import { oauthRouter } from './oauth.js';
import { panelPage } from './panel/page.js';
import { panelRouter } from './panel/routes.js';
import { SandboxState } from './state.js';
import type { SandboxOptions } from './types.js';

const onError: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  const status = (err as { status?: number }).status ?? 500;
  if (res.headersSent) return;
  // Malformed bodies on /oauth2/token answer like any other OAuth request error.
  res
    .status(status)
    .json(status < 500 ? { error: 'invalid_request', error_description: (err as Error).message } : { error: 'server_error', error_description: 'internal sandbox error' });
};

export function createSandboxApp(opts: SandboxOptions, state: SandboxState = new SandboxState(opts)): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const control = createControl(state);
  app.locals.sandboxState = state;
  app.locals.sandboxControl = control;

  app.use(oauthRouter(state));
  app.use('/stores/:hash', storeApiRouter(state));
  app.use('/sandbox', panelRouter(control));
  app.get(['/', '/manage/app'], panelPage(state));
  if (opts.mail) app.use(mailRouter(opts.mail.mailbox, opts.mail.smtpUrl));
  // Browsers ask for it; an empty answer keeps the console free of 404 noise in browser tests.
  app.get('/favicon.ico', (_req, res) => void res.status(204).end());
  app.use((_req, res) => void res.status(404).json({ error: 'not_found' }));
  app.use(onError);
  return app;
}

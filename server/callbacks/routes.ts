import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { Collaborators } from '../collaborators.js';
import type { StoreGate } from '../webhooks/store-gate.js';
import type { Lifecycle } from './lifecycle.js';
import type { OAuthExchanger } from './oauth-exchange.js';
import { renderErrorPage } from '../http/error-page.js';
import { safeDeepLink, verifySignedPayload } from './signed-payload.js';
import { JOBS_KEPT_AT_UNINSTALL } from './uninstall-jobs.js';
import { requestStoreRefresh } from '../flows/store-refresh.js';

/** Lifetime of the code handed to the page by /auth and /load. */
export const EXCHANGE_CODE_TTL_MS = 2 * 60 * 1000;

const authQuery = z.object({
  code: z.string().min(1).max(512),
  scope: z.string().max(4096),
  context: z.string().regex(/^stores\/[a-z0-9]+$/i),
  account_uuid: z.string().min(1).max(128),
});

function sendPage(res: Response, status: number, title: string, message: string, hint?: string) {
  res.status(status).type('html').send(renderErrorPage({ title, message, hint }));
}

const REOPEN_HINT = 'Open Fulfillment Bridge again from the Apps menu of your BigCommerce control panel.';

/**
 * What the callbacks use: the shared collaborators, and the ones built from callbacks/' own
 * classes (token exchange, install bookkeeping) plus the webhook gate they invalidate, declared
 * here rather than in collaborators.ts, which must not import the modules that take it.
 */
export type CallbackRoutesDeps = Pick<Collaborators, 'clock' | 'config' | 'exchangeCodes' | 'hooks' | 'jobs' | 'logger' | 'spa'> & {
  oauth: OAuthExchanger;
  lifecycle: Pick<Lifecycle, 'install' | 'load' | 'uninstall' | 'removeUser'>;
  webhookIntake: { gate: Pick<StoreGate, 'invalidate'> };
};

/** The four callbacks BigCommerce calls: /auth and /load from the browser, the rest server to server. */
export function callbackRoutes(s: CallbackRoutesDeps): Router {
  const r = Router();
  const verify = (req: Request) => verifySignedPayload(req.query.signed_payload_jwt, { clientId: s.config.clientId, clientSecret: s.config.clientSecret, nowMs: s.clock.now() });

  async function openApp(res: Response, storeHash: string, userId: number, path: string) {
    const code = await s.exchangeCodes.create(storeHash, userId, s.clock.now(), EXCHANGE_CODE_TTL_MS);
    res
      .status(200)
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(s.spa.render({ exchangeCode: code, path }));
  }

  r.get('/auth', async (req, res) => {
    const q = authQuery.safeParse(req.query);
    if (!q.success) {
      return sendPage(
        res,
        400,
        'Installation could not start',
        'The installation request from BigCommerce is incomplete.',
        'Start the installation again from your control panel.',
      );
    }
    try {
      const token = await s.oauth.exchange({ code: q.data.code, scope: q.data.scope, context: q.data.context });
      if (token.context !== q.data.context) throw new AppError(400, 'install_failed', 'BigCommerce returned a token for a different store.');
      const { storeHash, userId } = await s.lifecycle.install(token, s.clock.now());
      s.webhookIntake.gate.invalidate(storeHash);
      s.hooks.afterInstall?.(storeHash);
      // The store's details, statuses and locations are read in the background, never by a page.
      await requestStoreRefresh(s, storeHash, { force: true }).catch((err: unknown) => s.logger.error({ err, storeHash }, 'could not queue the store refresh'));
      await openApp(res, storeHash, userId, '/');
    } catch (err) {
      const e = err instanceof AppError ? err : undefined;
      if (!e) s.logger.error({ err }, 'install failed');
      // Not `code`: the logger redacts that key everywhere (it is the OAuth code's name).
      else s.logger.warn({ errorCode: e.code }, 'install failed');
      sendPage(res, e?.status ?? 503, 'Installation failed', e?.message ?? 'Something went wrong while installing. Please try again.', 'Nothing was saved; you can safely retry.');
    }
  });

  r.get('/load', async (req, res) => {
    try {
      const claims = verify(req);
      const outcome = await s.lifecycle.load(claims, s.clock.now());
      if (outcome === 'not_installed') {
        return sendPage(res, 401, 'App not installed', 'Fulfillment Bridge is not installed on this store.', 'Install it from the Apps marketplace in your control panel.');
      }
      s.hooks.afterLoad?.(claims.storeHash);
      await openApp(res, claims.storeHash, claims.user.id, safeDeepLink(claims.url));
    } catch (err) {
      if (err instanceof AppError) return sendPage(res, err.status, 'Could not open Fulfillment Bridge', err.message, REOPEN_HINT);
      s.logger.error({ err }, 'load failed');
      sendPage(res, 503, 'Could not open Fulfillment Bridge', 'The app could not be opened right now.', REOPEN_HINT);
    }
  });

  // Server-to-server callbacks: BigCommerce ignores the body, a JSON status helps debugging.
  r.get('/uninstall', async (req, res, next) => {
    try {
      const claims = verify(req);
      const outcome = await s.lifecycle.uninstall(claims, s.clock.now());
      if (outcome === 'uninstalled') await s.jobs.queue.cancelPending(claims.storeHash, { keepKinds: JOBS_KEPT_AT_UNINSTALL });
      s.webhookIntake.gate.invalidate(claims.storeHash);
      res.json({ ok: true, outcome });
    } catch (err) {
      next(err);
    }
  });

  r.get('/remove_user', async (req, res, next) => {
    try {
      const removed = await s.lifecycle.removeUser(verify(req));
      res.json({ ok: true, removed });
    } catch (err) {
      next(err);
    }
  });

  return r;
}

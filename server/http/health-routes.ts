import { Router } from 'express';
import type { DatabaseProbe } from '../storage/database-probe.js';

/**
 * Health checks for load balancers and orchestrators:
 * - GET /healthz, liveness: the process answers HTTP. Never touches the database, so a locked or
 *   full disk does not get a healthy process restarted.
 * - GET /readyz, readiness: the database takes a write right now. 503 with the reason otherwise,
 *   so traffic (and BigCommerce's retries) go elsewhere or wait until it recovers.
 */
export function healthRoutes(d: { probe: Pick<DatabaseProbe, 'check'> }): Router {
  const r = Router();
  r.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ ok: true });
  });
  r.get('/readyz', async (_req, res) => {
    const result = await d.probe.check();
    res.set('Cache-Control', 'no-store');
    if (result.ok) res.json({ ok: true, database: { writable: true, ms: result.ms } });
    else res.status(503).json({ ok: false, database: { writable: false, ms: result.ms, reason: result.reason } });
  });
  return r;
}

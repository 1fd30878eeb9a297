import { Router } from 'express';
import type { AlertsResponse } from './contract.js';
import { listAlerts } from '../health/alerts.js';
import type { Collaborators } from '../collaborators.js';
import { sessionOf } from '../sessions/require-session.js';

/** GET /api/alerts: what the banner on every page shows (polled every few seconds; database only). */
export function alertsRoutes(s: Pick<Collaborators, 'clock' | 'db' | 'settings'>): Router {
  const r = Router();
  r.get('/alerts', async (_req, res) => {
    const out: AlertsResponse = { alerts: await listAlerts(s, sessionOf(res).storeHash, s.clock.now()) };
    res.json(out);
  });
  return r;
}

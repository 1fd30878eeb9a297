// The readiness scan (issue 9 point 1): GET /api/readiness (the latest scan),
// POST /api/readiness/scan (starts one unless one is queued or running; 202 with its view), and
// POST /api/readiness/fix/track-inventory {productId} (the one-click fix, managers only, audited).
// Viewing and scanning are open to every member: a scan reads, it changes nothing.
import { Router } from 'express';
import { trackInventory } from '../flows/readiness/fix-tracking.js';
import { scanView, startReadinessScan } from '../flows/readiness/start.js';
import type { Collaborators } from '../collaborators.js';
import { actorOf, requireManager } from '../sessions/require-manager.js';
import { sessionOf } from '../sessions/require-session.js';
import { ReadinessRepo } from '../storage/readiness-repo.js';
import type { ReadinessFixResponse, ReadinessScanView } from './contract.js';
import { parseInput } from './paging.js';
import { fixInput } from './inputs/readiness.js';

export type ReadinessRoutesDeps = Pick<Collaborators, 'audit' | 'bigcommerce' | 'clock' | 'db' | 'jobs'>;

export function readinessRoutes(s: ReadinessRoutesDeps): Router {
  const r = Router();
  const repo = new ReadinessRepo(s.db);

  r.get('/readiness', async (_req, res) => {
    const view: ReadinessScanView = scanView(await repo.get(sessionOf(res).storeHash));
    res.json(view);
  });

  r.post('/readiness/scan', async (_req, res) => {
    const { view } = await startReadinessScan(s, sessionOf(res).storeHash);
    res.status(202).json(view);
  });

  r.post('/readiness/fix/track-inventory', requireManager, async (req, res) => {
    const { productId } = parseInput(fixInput, req.body ?? {}, 'product');
    const { storeHash } = sessionOf(res);
    const result = await trackInventory(s, storeHash, productId);
    if (result.changed) {
      await s.audit.record(
        {
          storeHash,
          actor: actorOf(res),
          action: 'readiness.track_inventory',
          subject: `Product "${result.product.name}"`,
          before: { inventoryTracking: result.before },
          after: { inventoryTracking: result.after },
        },
        s.clock.now(),
      );
    }
    const answer: ReadinessFixResponse = { ok: true, message: result.message };
    res.json(answer);
  });

  return r;
}

// Backfill ("Import waiting orders" with a date range and progress) and the share of the store's
// API quota the app may use (issue 9 point 3). Viewing is open to every member; starting,
// pausing, resuming, cancelling and the share are changes: managers only, each audited.
import { Router, type Response } from 'express';
import { AppError } from '../errors.js';
import { cancelBackfill, pauseBackfill, rangeWords, resumeBackfill, startBackfill } from '../flows/backfill/control.js';
import { countCreated } from '../flows/backfill/list-created.js';
import { backfillView } from '../flows/backfill/progress.js';
import type { Collaborators } from '../collaborators.js';
import { actorOf, requireManager } from '../sessions/require-manager.js';
import { sessionOf } from '../sessions/require-session.js';
import { BackfillRepo, type BackfillRow } from '../storage/backfill-repo.js';
import { DEFAULT_API_QUOTA_SHARE } from '../storage/settings-repo.js';
import type { BackfillResponse, QuotaShareResponse } from './contract.js';
import { parseInput } from './paging.js';
import { QUOTA_SHARE_MAX, QUOTA_SHARE_MIN, shareInput, startInput } from './inputs/backfill.js';

type BackfillAudit = 'backfill.start' | 'backfill.pause' | 'backfill.resume' | 'backfill.cancel';

export type BackfillRoutesDeps = Pick<Collaborators, 'audit' | 'bigcommerce' | 'clock' | 'db' | 'jobs' | 'orders' | 'settings' | 'syncLog'>;

export function backfillRoutes(s: BackfillRoutesDeps): Router {
  const r = Router();
  const repo = new BackfillRepo(s.db);

  const answer = async (res: Response, b: BackfillRow | undefined) => {
    const { storeHash } = sessionOf(res);
    const settings = await s.settings.get(storeHash, s.clock.now());
    const out: BackfillResponse = { backfill: b ? await backfillView({ s, repo }, b) : null, quotaShare: settings.apiQuotaShare };
    res.json(out);
  };

  const audit = (res: Response, action: BackfillAudit, b: BackfillRow, before: unknown, after: unknown) =>
    s.audit.record(
      { storeHash: b.storeHash, actor: actorOf(res), action, subject: `Import of waiting orders (${rangeWords(b.createdFrom, b.createdTo)})`, before, after },
      s.clock.now(),
    );

  r.get('/backfill', async (_req, res) => {
    await answer(res, await repo.current(sessionOf(res).storeHash));
  });

  r.post('/backfill', requireManager, async (req, res) => {
    const { from, to } = parseInput(startInput, req.body ?? {}, 'date range');
    const { storeHash, email } = sessionOf(res);
    const b = await startBackfill(s, storeHash, { from: from!, to: to! }, email);
    await audit(res, 'backfill.start', b, null, { from: new Date(from!).toISOString(), to: new Date(to!).toISOString(), state: b.state });
    await answer(res, b);
  });

  const control = (verb: 'pause' | 'resume' | 'cancel', run: typeof pauseBackfill) =>
    r.post(`/backfill/${verb}`, requireManager, async (_req, res) => {
      const { storeHash } = sessionOf(res);
      const before = await repo.unfinished(storeHash);
      const b = await run(s, storeHash);
      await audit(res, `backfill.${verb}`, b, { state: before?.state ?? null }, { state: b.state });
      await answer(res, b);
    });
  control('pause', pauseBackfill);
  control('resume', resumeBackfill);
  control('cancel', cancelBackfill);

  r.get('/settings/api-quota-share', async (_req, res) => {
    const settings = await s.settings.get(sessionOf(res).storeHash, s.clock.now());
    res.json(shareAnswer(settings.apiQuotaShare));
  });

  r.put('/settings/api-quota-share', requireManager, async (req, res) => {
    const { percent, previous } = parseInput(shareInput, req.body ?? {}, 'API quota share');
    const { storeHash } = sessionOf(res);
    const now = s.clock.now();
    const before = (await s.settings.get(storeHash, now)).apiQuotaShare;
    if (previous !== undefined && previous !== before) {
      throw new AppError(409, 'changed_elsewhere', `Changed by someone else since you opened it: the share is now ${before}%. Reload to see it.`);
    }
    if (percent !== before) {
      await s.settings.saveApiQuotaShare(storeHash, percent, now);
      await s.audit.record(
        { storeHash, actor: actorOf(res), action: 'settings.api_quota_share', subject: 'Share of the API quota', before: { percent: before }, after: { percent } },
        now,
      );
    }
    res.json(shareAnswer(percent));
  });

  return r;
}

function shareAnswer(percent: number): QuotaShareResponse {
  return { percent, min: QUOTA_SHARE_MIN, max: QUOTA_SHARE_MAX, default: DEFAULT_API_QUOTA_SHARE };
}

export type StartImportAllDeps = Pick<Collaborators, 'audit' | 'bigcommerce' | 'clock' | 'db' | 'jobs' | 'orders' | 'settings' | 'syncLog'>;

/**
 * POST /api/orders/import-waiting (kept for compatibility): a backfill of everything waiting.
 * Answers how many orders wait (one count call; the run lists and queues them in the background).
 */
export async function startImportAll(s: StartImportAllDeps, res: Response): Promise<number> {
  const { storeHash, email } = sessionOf(res);
  const b = await startBackfill(s, storeHash, { from: null, to: null }, email);
  await s.audit.record(
    {
      storeHash,
      actor: actorOf(res),
      action: 'backfill.start',
      subject: `Import of waiting orders (${rangeWords(null, null)})`,
      before: null,
      after: { from: null, to: null, state: b.state },
    },
    s.clock.now(),
  );
  const client = await s.bigcommerce.forStore(storeHash);
  const total = client ? await countCreated(client, { statusId: b.statusId, from: null, to: null }).catch(() => null) : null;
  if (total !== null) await new BackfillRepo(s.db).setTotal(b.id, total, s.clock.now());
  return total ?? 0;
}

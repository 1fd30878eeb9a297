// The readiness scan and first-run setup (issue 9 point 1). Types only.

export type { ReadinessCheckId, ReadinessFix, ReadinessFinding } from '../domain/readiness.js';
import type { ReadinessCheck } from '../domain/readiness.js';
import type { z } from 'zod';
import type { fixInput } from './inputs/readiness.js';

/** One check of a scan, as stored (server/domain/readiness.ts); at most 100 findings shown, findingsTotal counts them all. */
export type ReadinessCheckView = ReadinessCheck;

/** GET /api/readiness (latest scan) · POST /api/readiness/scan (starts one; 202 with the queued view). */
export interface ReadinessScanView {
  state: 'none' | 'queued' | 'running' | 'done' | 'failed';
  startedAt: string | null;
  finishedAt: string | null;
  /** Counted progress over the current step, e.g. { step: 'Reading products', done: 250, total: 1200 }. */
  progress: { step: string; done: number; total: number | null };
  checks: ReadinessCheckView[];
  error: string | null;
}

/** POST /api/readiness/fix/track-inventory  body: ReadinessFixInput → ReadinessFixResponse */
export type ReadinessFixInput = z.input<typeof fixInput>;

export interface ReadinessFixResponse {
  ok: true;
  message: string;
}

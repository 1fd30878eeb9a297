// The readiness scan and first-run setup (issue 9 point 1). Types only.

export type { ReadinessCheckId, ReadinessFix, ReadinessFinding } from '../domain/readiness.js';
import type { ReadinessCheck, ReadinessScan } from '../domain/readiness.js';
import type { z } from 'zod';
import type { fixInput } from './inputs/readiness.js';

/** One check of a scan, as stored (server/domain/readiness.ts); at most 100 findings shown, findingsTotal counts them all. */
export type ReadinessCheckView = ReadinessCheck;

/** GET /api/readiness (latest scan) · POST /api/readiness/scan (starts one; 202 with the queued view). */
export type ReadinessScanView = ReadinessScan;

/** POST /api/readiness/fix/track-inventory  body: ReadinessFixInput → ReadinessFixResponse */
export type ReadinessFixInput = z.input<typeof fixInput>;

export interface ReadinessFixResponse {
  ok: true;
  message: string;
}

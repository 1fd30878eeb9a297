import type { Response } from 'express';
import { z } from 'zod';
import { BadRequestError } from '../errors.js';
import { StaleSettingsError, type StoreSettings } from '../storage/settings-repo.js';
import type { FlowSettings, SettingsConflict, SettingsResponse } from './contract.js';

// Conflicting edits (issue 9 point 8): every settings PUT may name the revision its form was opened
// with. A stale one is answered 409 with the settings as saved now, so the form can offer to reload
// instead of overwriting someone else's change. A PUT without a revision (API clients, scripts,
// older tests) applies as before: last write wins.

export const STALE_SETTINGS_MESSAGE = 'Changed by someone else since you opened it. Reload to see the saved settings, then make your change again.';

const revisionSchema = z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be 1 or more');

/** Takes `revision` out of a body (validated: 400 when malformed); the rest is the change itself. */
export function splitRevision(body: unknown): { revision: number | undefined; rest: unknown } {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('revision' in body)) return { revision: undefined, rest: body };
  const { revision, ...rest } = body as Record<string, unknown>;
  if (revision === undefined || revision === null) return { revision: undefined, rest };
  const parsed = revisionSchema.safeParse(revision);
  if (!parsed.success)
    throw new BadRequestError(`The revision is not valid: ${parsed.error.issues[0]?.message ?? 'must be a whole number'}.`, { revision: 'must be a whole number' });
  return { revision: parsed.data, rest };
}

/** Fails before any work when the form was opened on an older revision (the save checks again atomically). */
export function assertFresh(current: Pick<StoreSettings, 'revision'>, revision: number | undefined): void {
  if (revision !== undefined && revision !== current.revision) throw new StaleSettingsError(revision);
}

/** The 409 answer: the message and the settings as saved now. */
export function sendConflict(res: Response, current: SettingsResponse & FlowSettings): void {
  const body: SettingsConflict = { error: { code: 'settings_changed', message: STALE_SETTINGS_MESSAGE }, current };
  res.status(409).json(body);
}

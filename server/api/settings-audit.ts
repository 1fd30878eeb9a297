import type { Response } from 'express';
import type { Collaborators } from '../collaborators.js';
import { actorOf } from '../sessions/require-manager.js';
import { sessionOf } from '../sessions/require-session.js';
import { statusLabel } from '../flows/status-label.js';
import type { StoreSettings } from '../storage/settings-repo.js';

// Audit entries for settings changes (issue 9 points 8 and 9): who, and before → after of only the
// fields that changed, statuses named as the store names them. Never the API key: only that it changed.

type Values = Record<string, unknown>;

/** The fields whose value differs, as { before, after }; empty when nothing changed. */
export function changedFields(before: Values, after: Values): { before: Values; after: Values } {
  const out = { before: {} as Values, after: {} as Values };
  for (const key of Object.keys(after)) {
    if (after[key] === undefined || same(before[key], after[key])) continue;
    out.before[key] = before[key] ?? null;
    out.after[key] = after[key];
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  return a === b;
}

export interface SettingsAuditEntry {
  action: string;
  subject: string;
  before: Values;
  after: Values;
}

/** Records the entry when something changed. */
export async function auditSettings(s: Pick<Collaborators, 'audit' | 'clock'>, res: Response, entry: SettingsAuditEntry): Promise<void> {
  if (Object.keys(entry.after).length === 0) return;
  await s.audit.record({ storeHash: sessionOf(res).storeHash, actor: actorOf(res), ...entry }, s.clock.now());
}

type Named = Pick<Collaborators, 'orderStatuses'>;

/** A status id as the merchant reads it ("Awaiting Shipment"); null stays null ("don't change"). */
export const statusName = (s: Named, storeHash: string, id: number | null) => (id === null ? Promise.resolve(null) : statusLabel(s, storeHash, id));

/** The status settings in merchant words, for before → after. */
export async function namedStatuses(s: Named, storeHash: string, v: Partial<StoreSettings>): Promise<Values> {
  const out: Values = {};
  if (v.importStatusId !== undefined) out.importStatus = await statusName(s, storeHash, v.importStatusId);
  if (v.statusAfterAcceptId !== undefined) out.statusAfterAccept = await statusName(s, storeHash, v.statusAfterAcceptId);
  if (v.cancellationStatusIds !== undefined) {
    const ids = [...new Set(v.cancellationStatusIds)].sort((a, b) => a - b);
    out.cancellationStatuses = await Promise.all(ids.map((id) => statusLabel(s, storeHash, id)));
  }
  if (v.statusOnBackendCancelId !== undefined) out.statusOnWarehouseCancel = await statusName(s, storeHash, v.statusOnBackendCancelId);
  return out;
}

/** The connection in audit words: the account, whether it is connected, and "API key changed" (never the key). */
export function connectionValues(st: Pick<StoreSettings, 'backendAccountId' | 'backendConnected'>, keyNote?: string): Values {
  return { accountId: st.backendAccountId, connected: st.backendConnected, ...(keyNote ? { apiKey: keyNote } : {}) };
}

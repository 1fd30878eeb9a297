// The backend panel's badge and note from the last real warehouse call, so Settings never shows a
// green "Connected" while the Overview says the warehouse is unreachable. Pure.
import type { BackendSettings } from '../../../../server/api/contract.js';
import type { BadgeDescriptor } from '../../lib/badges.js';

export interface BackendState {
  badge: BadgeDescriptor;
  /** Shown under the header when the calls are failing (null: nothing to say). */
  problem: { header: string; text: string } | null;
}

export function backendState(backend: Pick<BackendSettings, 'connected' | 'health'>, formatTime: (iso: string) => string): BackendState {
  if (!backend.connected) return { badge: { label: 'Not connected', variant: 'secondary' }, problem: null };
  const h = backend.health;
  const since = h.failingSince ? ` since ${formatTime(h.failingSince)}` : '';
  if (h.state === 'unreachable') {
    return {
      badge: { label: 'Unreachable', variant: 'danger' },
      problem: { header: `The warehouse has not answered${since}`, text: `${h.lastError ?? 'Its last calls failed.'} Orders wait and are sent when it answers again.` },
    };
  }
  if (h.state === 'refused') {
    return {
      badge: { label: 'Key refused', variant: 'danger' },
      problem: { header: `The warehouse refuses the API key${since}`, text: `${h.lastError ?? ''} Enter a valid API key below and save.`.trim() },
    };
  }
  return { badge: { label: 'Connected', variant: 'success' }, problem: null };
}

import type { Collaborators } from '../collaborators.js';
import { LocationsRepo } from '../storage/locations-repo.js';
import type { FlowOptionsInput, StoreSettings } from '../storage/settings-repo.js';
import { changedFields, namedStatuses, type SettingsAuditEntry } from './settings-audit.js';

// The order of cancellation statuses means nothing: compare them as sets.
const idSet = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b).join(',');

/**
 * The settings in `input` whose value differs from `current`, worded for the Activity log
 * (e.g. "sync mode poll"). Empty when the request changes nothing, so nothing is logged.
 */
export function flowOptionsChanges(current: Pick<StoreSettings, keyof FlowOptionsInput>, input: FlowOptionsInput): string[] {
  const out: string[] = [];
  const ids = input.cancellationStatusIds;
  if (ids !== undefined && idSet(ids) !== idSet(current.cancellationStatusIds)) {
    out.push(`cancellation statuses ${ids.length ? ids.map((id) => `#${id}`).join(', ') : 'none'}`);
  }
  const onCancel = input.statusOnBackendCancelId;
  if (onCancel !== undefined && onCancel !== current.statusOnBackendCancelId) {
    out.push(onCancel === null ? 'keep the BigCommerce status when the warehouse cancels' : `status when the warehouse cancels #${onCancel}`);
  }
  if (input.inventoryLocationId !== undefined && input.inventoryLocationId !== current.inventoryLocationId) {
    out.push(`inventory location #${input.inventoryLocationId}`);
  }
  if (input.syncMode !== undefined && input.syncMode !== current.syncMode) out.push(`sync mode ${input.syncMode}`);
  return out;
}

const SYNC_MODE_WORDS = { push: 'the warehouse sends updates', poll: 'Fulfillment Bridge asks every few minutes' } as const;

/**
 * Audit entries for a PUT /api/settings/flow-options: one per area it changed (settings.cancellations,
 * settings.inventory), each with before → after of only its changed fields, in merchant words.
 */
export async function flowOptionsAuditEntries(
  s: Pick<Collaborators, 'orderStatuses' | 'db'>,
  storeHash: string,
  current: Pick<StoreSettings, keyof FlowOptionsInput>,
  input: FlowOptionsInput,
): Promise<SettingsAuditEntry[]> {
  const out: SettingsAuditEntry[] = [];
  const cancelBefore = await namedStatuses(s, storeHash, { cancellationStatusIds: current.cancellationStatusIds, statusOnBackendCancelId: current.statusOnBackendCancelId });
  const cancelAfter = await namedStatuses(s, storeHash, { cancellationStatusIds: input.cancellationStatusIds, statusOnBackendCancelId: input.statusOnBackendCancelId });
  const cancellations = changedFields(cancelBefore, cancelAfter);
  if (Object.keys(cancellations.after).length > 0) out.push({ action: 'settings.cancellations', subject: 'Cancellations', ...cancellations });

  const locations = await new LocationsRepo(s.db).list(storeHash);
  const locationName = (id: number) => locations.find((l) => l.id === id)?.label || `Location ${id}`;
  const inventory = changedFields(
    { inventoryLocation: locationName(current.inventoryLocationId), syncMode: SYNC_MODE_WORDS[current.syncMode] },
    {
      inventoryLocation: input.inventoryLocationId === undefined ? undefined : locationName(input.inventoryLocationId),
      syncMode: input.syncMode === undefined ? undefined : SYNC_MODE_WORDS[input.syncMode],
    },
  );
  if (Object.keys(inventory.after).length > 0) out.push({ action: 'settings.inventory', subject: 'Inventory', ...inventory });
  return out;
}

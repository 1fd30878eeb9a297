import type { LoopInput, StoreSettings } from '../storage/settings-repo.js';

// The order of cancellation statuses means nothing: compare them as sets.
const idSet = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b).join(',');

/**
 * The settings in `input` whose value differs from `current`, worded for the Activity log
 * (e.g. "sync mode poll"). Empty when the request changes nothing, so nothing is logged.
 */
export function loopChanges(current: Pick<StoreSettings, keyof LoopInput>, input: LoopInput): string[] {
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

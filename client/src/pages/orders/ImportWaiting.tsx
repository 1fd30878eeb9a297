import type { PanelProps } from '@bigcommerce/big-design';
import { useState, type ReactNode } from 'react';
import { BackfillProgress } from '../backfill/BackfillProgress';
import { StartBackfillModal } from '../backfill/StartBackfillModal';
import { useBackfill } from '../backfill/useBackfill';
import { useCanManage } from '../settings/useCanManage';

/** An import that ended longer ago than this is no longer shown on the Orders page. */
const SHOW_ENDED_MS = 24 * 60 * 60_000;

/**
 * "Import waiting orders": imports the orders that were already in the import status before the
 * app was connected, for the days the merchant chooses, as a background import with progress
 * (pause, resume, cancel; it survives reloads and restarts). Returns the Panel action and the
 * dialog and progress UI.
 */
export function useImportWaiting(onImported: () => void): { action: PanelProps['action']; ui: ReactNode } {
  const canManage = useCanManage();
  const backfill = useBackfill();
  const [choosing, setChoosing] = useState(false);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const view = backfill.backfill;
  const unfinished = view?.state === 'running' || view?.state === 'paused';
  const endedRecently = view?.finishedAt != null && Date.now() - Date.parse(view.finishedAt) < SHOW_ENDED_MS;
  const shown = view && view.id !== dismissed && (unfinished || endedRecently) ? view : null;

  const ui = (
    <>
      {shown && <BackfillProgress view={shown} control={backfill.control} canManage={canManage} onDismiss={() => setDismissed(shown.id)} />}
      <StartBackfillModal
        isOpen={choosing}
        start={backfill.start}
        onClose={() => setChoosing(false)}
        onStarted={() => {
          setChoosing(false);
          onImported();
        }}
      />
    </>
  );

  return {
    // One import at a time: while one runs or is paused, its own controls are the way.
    action: canManage && !unfinished ? { text: 'Import waiting orders', variant: 'secondary', onClick: () => setChoosing(true) } : undefined,
    ui,
  };
}

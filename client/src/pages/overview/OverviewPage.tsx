import { Grid, Small } from '@bigcommerce/big-design';
import { useEffect, useState } from 'react';
import type { OverviewResponse } from '../../../../server/api/contract';
import { usePolledGet } from '../../api/usePolledGet';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import { navigate } from '../../router/history';
import { shouldOpenSetup } from '../setup/firstRun';
import { BigCommercePanel } from './BigCommercePanel';
import { ChecklistPanel } from './ChecklistPanel';
import { FlowsPanel } from './FlowsPanel';
import { checklistProgress } from './format';
import { OVERVIEW_POLL_MS } from './health';
import { StorePanel } from './StorePanel';
import { UserPanel } from './UserPanel';
import { WarehousePanel } from './WarehousePanel';

const TWO_COLUMNS = { mobile: '1fr', desktop: 'minmax(0, 1fr) minmax(0, 1fr)' } as const;

/**
 * Health at a glance, refreshed in the background every few seconds: the answer is swapped in
 * without a spinner, and the panels keep their places (no layout shift under the pointer).
 */
export function OverviewPage() {
  const overview = usePolledGet<OverviewResponse>('/api/overview', OVERVIEW_POLL_MS);
  const checklistNow = overview.status === 'success' ? overview.data.checklist : null;
  // Only a member who can finish the setup is taken there (others could not change a thing in it).
  const canSetUp = overview.status === 'success' && overview.data.user.canManage;
  // A store never set up opens on the guided setup, not on an Overview of empty panels.
  const [openingSetup, setOpeningSetup] = useState(false);
  useEffect(() => {
    if (checklistNow && canSetUp && shouldOpenSetup(checklistNow)) {
      setOpeningSetup(true);
      navigate('/setup', { replace: true });
    }
  }, [checklistNow, canSetUp]);

  if (overview.status === 'error') {
    // A 401 has already switched the whole app to the "session ended" state.
    if (overview.error.sessionEnded) return null;
    return <ErrorMessage header="The overview couldn't be loaded" message={overview.error.message} onRetry={overview.reload} />;
  }
  const data = overview.status === 'success' ? overview.data : overview.stale;
  if (!data || openingSetup) return <Loading label="Loading your store overview…" />;

  const { store, user, memberCount, checklist } = data;
  const setupDone = checklistProgress(checklist).done === checklist.length;
  const now = overview.refreshedAt ?? Date.now();
  return (
    <>
      {/* Until setup is done the checklist is what to do first; afterwards it moves to the end. */}
      {!setupDone && <ChecklistPanel items={checklist} />}
      <FlowsPanel flows={data.flows} backlog={data.backlog} now={now} />
      <Grid gridColumns={TWO_COLUMNS} gridGap="0 1.5rem">
        <WarehousePanel warehouse={data.warehouse} />
        <BigCommercePanel bigcommerce={data.bigcommerce} onRepaired={overview.refresh} />
      </Grid>
      <Grid gridColumns={{ mobile: '1fr', desktop: 'minmax(0, 3fr) minmax(0, 2fr)' }} gridGap="0 1.5rem">
        <StorePanel store={store} />
        <UserPanel user={user} memberCount={memberCount} />
      </Grid>
      {setupDone && <ChecklistPanel items={checklist} />}
      {overview.refreshError && (
        <Small color="secondary60" marginBottom="none" role="status">
          Live refresh paused: {overview.refreshError.message} The figures above are from the last answer.
        </Small>
      )}
    </>
  );
}

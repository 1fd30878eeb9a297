import { Grid } from '@bigcommerce/big-design';
import type { OverviewResponse } from '../../../../server/api/contract';
import { useApiGet } from '../../api/useApiGet';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import { ChecklistPanel } from './ChecklistPanel';
import { StorePanel } from './StorePanel';
import { UserPanel } from './UserPanel';

export function OverviewPage() {
  const overview = useApiGet<OverviewResponse>('/api/overview');

  if (overview.status === 'loading') {
    return <Loading label="Loading your store overview…" />;
  }
  if (overview.status === 'error') {
    // A 401 has already switched the whole app to the "session ended" state.
    if (overview.error.sessionEnded) return null;
    return (
      <ErrorMessage
        header="The overview couldn't be loaded"
        message={overview.error.message}
        onRetry={overview.reload}
      />
    );
  }

  const { store, user, memberCount, checklist } = overview.data;
  return (
    <>
      <Grid gridColumns={{ mobile: '1fr', desktop: 'minmax(0, 3fr) minmax(0, 2fr)' }} gridGap="0 1.5rem">
        <StorePanel store={store} />
        <UserPanel user={user} memberCount={memberCount} />
      </Grid>
      <ChecklistPanel items={checklist} />
    </>
  );
}

import type { ReactNode } from 'react';
import type { OrderStatusOption } from '../../../../server/api/contract';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import type { OrderStatusesState } from './SettingsContext';

/** The store's order statuses, once loaded (forms that pick statuses wait for them). */
export function StatusesGate({ statuses, children }: { statuses: OrderStatusesState; children(list: OrderStatusOption[]): ReactNode }) {
  if (statuses.status === 'loading') return <Loading label="Loading your order statuses…" />;
  if (statuses.status === 'error') {
    return statuses.error.sessionEnded ? null : <ErrorMessage header="Your order statuses couldn't be loaded" message={statuses.error.message} onRetry={statuses.reload} />;
  }
  return <>{children(statuses.data)}</>;
}

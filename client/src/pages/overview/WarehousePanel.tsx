import { Panel } from '@bigcommerce/big-design';
import type { WarehouseHealth } from '../../../../server/api/contract';
import { DateTime } from '../../components/DateTime';
import { DetailList, type DetailRow } from '../../components/DetailList';
import { navigate } from '../../router/history';
import { warehouseBadge, warehouseSummary } from './health';

/** The warehouse connection as the app's last real call found it (not the last test). */
export function WarehousePanel({ warehouse }: { warehouse: WarehouseHealth }) {
  const badge = warehouseBadge(warehouse.state);
  const failing = warehouse.state === 'unreachable' || warehouse.state === 'refused';
  const rows: DetailRow[] = [
    { label: 'Account', value: warehouse.accountName },
    { label: 'Last answer', value: warehouse.lastOkAt ? <DateTime iso={warehouse.lastOkAt} /> : null },
  ];
  if (failing) {
    rows.push({ label: 'Failing since', value: <DateTime iso={warehouse.failingSince} /> });
  }
  if (warehouse.lastError) rows.push({ label: 'Last error', value: warehouse.lastError });
  return (
    <Panel
      header="Warehouse"
      badge={badge}
      description={warehouseSummary(warehouse)}
      action={{ text: warehouse.state === 'ok' ? 'Settings' : 'Check in Settings', variant: 'secondary', onClick: () => navigate('/settings/connection') }}
    >
      <DetailList rows={rows} />
    </Panel>
  );
}

import { Panel, Select } from '@bigcommerce/big-design';
import type { TableColumn } from '@bigcommerce/big-design';
import type { ActivityEntry } from '../../../../server/api/contract';
import { usePagedQuery } from '../../api/usePagedQuery';
import { AppLink } from '../../components/AppLink';
import { DateTime } from '../../components/DateTime';
import { EmptyState } from '../../components/EmptyState';
import { ClearFiltersButton, DateRangeFilters, FilterBar, FilterItem, SearchField } from '../../components/Filters';
import { PagedTable } from '../../components/PagedTable';
import { LevelBadge } from '../../components/StatusBadges';
import { TruncatedText } from '../../components/TruncatedText';
import { LOG_LEVELS, levelBadge } from '../../lib/badges';
import { sanitizeOrderIdInput } from '../../lib/listQuery';
import { orderPath } from '../orders/query';
import { ACTIVITY_FILTER_SPECS, activityApiPath, type ActivityFilters } from './query';

const CONFIG = { specs: ACTIVITY_FILTER_SPECS, toApiPath: activityApiPath };
const HIDE_ON_MOBILE = { mobile: 'none', tablet: 'table-cell' } as const;
const LEVEL_OPTIONS = [
  { value: '' as const, content: 'All levels' },
  ...LOG_LEVELS.map((level) => ({ value: level, content: levelBadge(level).label })),
];

const columns: Array<TableColumn<ActivityEntry>> = [
  { hash: 'at', header: 'Time', width: '11rem', render: ({ at }) => <DateTime iso={at} /> },
  { hash: 'level', header: 'Level', width: '6rem', render: ({ level }) => <LevelBadge level={level} /> },
  {
    hash: 'order',
    header: 'Order',
    width: '6rem',
    render: ({ orderId }) => (orderId === null ? '—' : <AppLink to={orderPath(orderId)}>#{orderId}</AppLink>),
  },
  { hash: 'message', header: 'What happened', render: ({ message }) => message },
  {
    hash: 'detail',
    header: 'Error detail',
    display: HIDE_ON_MOBILE,
    render: ({ detail }) => <TruncatedText text={detail} max={120} />,
  },
];

export function ActivityPage() {
  const query = usePagedQuery<ActivityFilters, ActivityEntry>(CONFIG);
  const { filters } = query.state;

  const empty = query.filtered ? (
    <EmptyState
      title="Nothing matches these filters"
      message="Try another level, order number or date range."
      action={<ClearFiltersButton onClick={query.clear} />}
    />
  ) : (
    <EmptyState
      title="Nothing has happened yet"
      message="Each step of sending orders to your warehouse is recorded here: imports, sends, retries, shipments and errors."
    />
  );

  return (
    <Panel header="Sync log" description="What Fulfillment Bridge did, newest first. Times are in your time zone.">
      <FilterBar>
        <FilterItem width="10rem">
          <Select
            label="Level"
            filterable={false}
            options={LEVEL_OPTIONS}
            value={filters.level}
            onOptionChange={(level) => query.setFilters({ level: level ?? '' })}
          />
        </FilterItem>
        <DateRangeFilters range={filters} onChange={(range) => query.setFilters({ from: range.from, to: range.to })} />
        <FilterItem width="18rem">
          <SearchField
            label="Filter by order number"
            placeholder="Order number"
            value={filters.orderId}
            sanitize={sanitizeOrderIdInput}
            inputMode="numeric"
            onSearch={(value) => query.setFilters({ orderId: value.replace(/^#/, '') })}
          />
        </FilterItem>
        {query.filtered && <ClearFiltersButton onClick={query.clear} />}
      </FilterBar>
      <PagedTable
        query={query}
        columns={columns}
        itemName="entries"
        errorHeader="The sync log couldn't be loaded"
        loadingLabel="Loading the sync log…"
        emptyComponent={empty}
      />
    </Panel>
  );
}

import { Panel, Select } from '@bigcommerce/big-design';
import type { TableColumn } from '@bigcommerce/big-design';
import styled from 'styled-components';
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
const DESKTOP_UP = { mobile: 'none', desktop: 'table-cell' } as const;
const LEVEL_OPTIONS = [{ value: '' as const, content: 'All levels' }, ...LOG_LEVELS.map((level) => ({ value: level, content: levelBadge(level).label }))];

// Below desktop width there is no room for a fifth column (it was squeezed to one word per line):
// the error detail goes under what happened.
const DetailBelow = styled.span`
  display: block;
  margin-top: ${({ theme }) => theme.spacing.xxSmall};
  color: ${({ theme }) => theme.colors.secondary60};
  font-size: ${({ theme }) => theme.typography.fontSize.small};
  line-height: ${({ theme }) => theme.lineHeight.small};

  ${({ theme }) => theme.breakpoints.desktop} {
    display: none;
  }
`;

// A few words per line at least: a detail squeezed to one word per line makes tall rows.
const DetailText = styled.span`
  display: block;
  min-width: 12rem;
`;

const columns: Array<TableColumn<ActivityEntry>> = [
  { hash: 'at', header: 'Time', width: '11rem', render: ({ at }) => <DateTime iso={at} /> },
  { hash: 'level', header: 'Level', width: '6rem', render: ({ level }) => <LevelBadge level={level} /> },
  {
    hash: 'order',
    header: 'Order',
    width: '6rem',
    render: ({ orderId }) => (orderId === null ? '—' : <AppLink to={orderPath(orderId)}>#{orderId}</AppLink>),
  },
  {
    hash: 'message',
    header: 'What happened',
    render: ({ message, detail }) => (
      <>
        {message}
        {detail && (
          <DetailBelow>
            <TruncatedText text={detail} max={160} />
          </DetailBelow>
        )}
      </>
    ),
  },
  {
    hash: 'detail',
    header: 'Error detail',
    display: DESKTOP_UP,
    render: ({ detail }) =>
      detail ? (
        <DetailText>
          <TruncatedText text={detail} max={120} />
        </DetailText>
      ) : (
        '—'
      ),
  },
];

export function ActivityPage() {
  const query = usePagedQuery<ActivityFilters, ActivityEntry>(CONFIG);
  const { filters } = query.state;

  const empty = query.filtered ? (
    <EmptyState title="Nothing matches these filters" message="Try another level, order number or date range." action={<ClearFiltersButton onClick={query.clear} />} />
  ) : (
    <EmptyState title="Nothing has happened yet" message="Each step of sending orders to your warehouse is recorded here: imports, sends, retries, shipments and errors." />
  );

  return (
    <Panel header="Sync log" description="What Fulfillment Bridge did, newest first. Times are in your time zone.">
      <FilterBar>
        <FilterItem width="10rem">
          <Select label="Level" filterable={false} options={LEVEL_OPTIONS} value={filters.level} onOptionChange={(level) => query.setFilters({ level: level ?? '' })} />
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
      <PagedTable query={query} columns={columns} itemName="entries" errorHeader="The sync log couldn't be loaded" loadingLabel="Loading the sync log…" emptyComponent={empty} />
    </Panel>
  );
}

import { Box, Message, Panel, PillTabs } from '@bigcommerce/big-design';
import type { TableColumn } from '@bigcommerce/big-design';
import styled from 'styled-components';
import type { InventoryItemView, InventoryLocationOption, LoopSettings, Page } from '../../../../server/api/contract';
import { useApiGet } from '../../api/useApiGet';
import { usePagedQuery } from '../../api/usePagedQuery';
import { DateTime } from '../../components/DateTime';
import { EmptyState } from '../../components/EmptyState';
import { ClearFiltersButton, FilterBar, FilterItem, SearchField } from '../../components/Filters';
import { Mono } from '../../components/JsonBlock';
import { PagedTable } from '../../components/PagedTable';
import { InventoryStatusBadge } from '../../components/StatusBadges';
import { TruncatedText } from '../../components/TruncatedText';
import { inventoryStatusBadge } from '../../lib/badges';
import { listFrom } from '../../lib/text';
import { navigate } from '../../router/history';
import { loopSettingsOf } from '../settings/loop';
import {
  INVENTORY_FILTER_SPECS,
  INVENTORY_FILTER_STATUSES,
  inventoryApiPath,
  locationLabel,
  SKIPPED_COUNT_PATH,
  SKIPPED_REASONS,
  skippedHeader,
  type InventoryFilters,
} from './query';

const CONFIG = { specs: INVENTORY_FILTER_SPECS, toApiPath: inventoryApiPath };
const ALL = 'all';
const PILLS = [
  { id: ALL, title: 'All' },
  ...INVENTORY_FILTER_STATUSES.map((status) => ({ id: status, title: inventoryStatusBadge(status).label })),
];
const HIDE_ON_MOBILE = { mobile: 'none', tablet: 'table-cell' } as const;

// Phones have no Reason column: the reason goes under the badge instead.
const ReasonBelow = styled.span`
  display: block;
  margin-top: ${({ theme }) => theme.spacing.xxSmall};
  color: ${({ theme }) => theme.colors.secondary60};
  font-size: ${({ theme }) => theme.typography.fontSize.small};
  line-height: ${({ theme }) => theme.lineHeight.small};

  ${({ theme }) => theme.breakpoints.tablet} {
    display: none;
  }
`;

/** Stock levels reported by the warehouse and whether each reached BigCommerce. */
export function InventoryPage() {
  const query = usePagedQuery<InventoryFilters, InventoryItemView>(CONFIG);
  const skipped = useApiGet<Page<InventoryItemView>>(SKIPPED_COUNT_PATH);
  const locations = useApiGet<InventoryLocationOption[]>('/api/inventory-locations');
  const settings = useApiGet<Partial<LoopSettings>>('/api/settings');
  const { filters } = query.state;

  const locationList = locations.status === 'success' ? listFrom<InventoryLocationOption>(locations.data, 'locations') : [];
  const inventoryOff = settings.status === 'success' && !loopSettingsOf(settings.data).flows.inventory;
  const skippedOnPage = query.page?.items.filter((item) => item.status === 'skipped').length ?? 0;
  // The total across every page; this page's count until (or unless) that answer arrives.
  const skippedCount = skipped.status === 'success' ? Math.max(skipped.data.total, skippedOnPage) : skippedOnPage;

  const columns: Array<TableColumn<InventoryItemView>> = [
    { hash: 'sku', header: 'SKU', render: ({ sku }) => <Mono>{sku}</Mono> },
    {
      hash: 'backendSku',
      header: 'Backend SKU',
      display: HIDE_ON_MOBILE,
      render: ({ backendSku }) => (backendSku ? <Mono>{backendSku}</Mono> : '—'),
    },
    {
      hash: 'available',
      header: 'Available',
      align: 'right',
      width: '6.5rem',
      render: ({ available }) => available.toLocaleString(),
    },
    {
      hash: 'location',
      header: 'Location',
      display: HIDE_ON_MOBILE,
      render: ({ locationId }) => locationLabel(locationId, locationList),
    },
    {
      hash: 'status',
      header: 'Status',
      width: '7rem',
      render: ({ status, reason }) => (
        <>
          <InventoryStatusBadge status={status} />
          {reason && <ReasonBelow>{reason}</ReasonBelow>}
        </>
      ),
    },
    {
      hash: 'reason',
      header: 'Reason',
      display: HIDE_ON_MOBILE,
      render: ({ reason }) => <TruncatedText text={reason} max={90} />,
    },
    {
      hash: 'lastSynced',
      header: 'Last synced',
      display: HIDE_ON_MOBILE,
      render: ({ lastSyncedAt }) => <DateTime iso={lastSyncedAt} fallback="Not yet" />,
    },
  ];

  const empty = query.filtered ? (
    <EmptyState
      title="No SKUs match these filters"
      message="Try another SKU or status."
      action={<ClearFiltersButton onClick={query.clear} />}
    />
  ) : (
    <EmptyState
      title="No stock levels yet"
      message="SKUs appear here once your warehouse reports its stock levels. With polling, that happens within a few minutes."
    />
  );

  return (
    <Panel
      header="Inventory"
      description="Stock levels your warehouse reported, and whether they were written to BigCommerce. Times are in your time zone."
    >
      {inventoryOff && (
        <Message
          type="warning"
          marginBottom="medium"
          header="Inventory sync is off"
          messages={[{ text: 'Stock levels are not written to BigCommerce. Turn the Inventory flow on under Settings › Sync flows.' }]}
          actions={[{ text: 'Open Settings', onClick: () => navigate('/settings') }]}
        />
      )}
      {skippedCount > 0 && (
        <Message
          type="info"
          marginBottom="medium"
          header={skippedHeader(skippedCount)}
          messages={SKIPPED_REASONS.map((text) => ({ text }))}
          actions={
            filters.status === 'skipped'
              ? undefined
              : [{ text: 'Show skipped SKUs', onClick: () => query.setFilters({ status: 'skipped' }) }]
          }
        />
      )}
      <Box marginBottom="medium" role="group" aria-label="Filter by status">
        <PillTabs
          items={PILLS}
          activePills={[filters.status || ALL]}
          onPillClick={(id) => query.setFilters({ status: id === ALL ? '' : (id as InventoryFilters['status']) })}
        />
      </Box>
      <FilterBar>
        <FilterItem width="20rem">
          <SearchField
            label="Search by SKU"
            placeholder="SKU"
            value={filters.search}
            onSearch={(value) => query.setFilters({ search: value })}
          />
        </FilterItem>
        {query.filtered && <ClearFiltersButton onClick={query.clear} />}
      </FilterBar>
      <PagedTable
        query={query}
        columns={columns}
        // No keyField: a SKU can be listed once per location, so rows are keyed by position.
        itemName="SKUs"
        errorHeader="The stock levels couldn't be loaded"
        loadingLabel="Loading stock levels…"
        emptyComponent={empty}
      />
    </Panel>
  );
}

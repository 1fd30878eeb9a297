import { Box, Panel, PillTabs } from '@bigcommerce/big-design';
import type { TableColumn } from '@bigcommerce/big-design';
import { useEffect } from 'react';
import type { OrderSummary } from '../../../../server/api/contract';
import { usePagedQuery } from '../../api/usePagedQuery';
import { AppLink } from '../../components/AppLink';
import { DateTime } from '../../components/DateTime';
import { EmptyState } from '../../components/EmptyState';
import { ClearFiltersButton, FilterBar, FilterItem, SearchField } from '../../components/Filters';
import { Mono } from '../../components/JsonBlock';
import { PagedTable } from '../../components/PagedTable';
import { OrderStateBadge } from '../../components/StatusBadges';
import { TruncatedText } from '../../components/TruncatedText';
import { ORDER_STATES, orderStateBadge } from '../../lib/badges';
import { sanitizeOrderIdInput } from '../../lib/listQuery';
import { navigate, useSearch } from '../../router/history';
import { useImportWaiting } from './ImportWaiting';
import { ORDER_FILTER_SPECS, orderPath, ordersApiPath, rememberListSearch, type OrderFilters } from './query';

const CONFIG = { specs: ORDER_FILTER_SPECS, toApiPath: ordersApiPath };
const ALL = 'all';
const PILLS = [{ id: ALL, title: 'All' }, ...ORDER_STATES.map((state) => ({ id: state, title: orderStateBadge(state).label }))];
const HIDE_ON_MOBILE = { mobile: 'none', tablet: 'table-cell' } as const;

const columns: Array<TableColumn<OrderSummary>> = [
  {
    hash: 'order',
    header: 'Order',
    width: '7rem',
    render: ({ orderId }) => <AppLink to={orderPath(orderId)}>#{orderId}</AppLink>,
  },
  { hash: 'customer', header: 'Customer', render: ({ customer }) => customer || '—' },
  { hash: 'date', header: 'Date', display: HIDE_ON_MOBILE, render: ({ orderDate }) => <DateTime iso={orderDate} /> },
  { hash: 'state', header: 'State', render: ({ state }) => <OrderStateBadge state={state} /> },
  {
    hash: 'backend',
    header: 'Backend reference',
    display: HIDE_ON_MOBILE,
    render: ({ backendOrderId }) => (backendOrderId ? <Mono>{backendOrderId}</Mono> : '—'),
  },
  {
    hash: 'error',
    header: 'Last error',
    display: HIDE_ON_MOBILE,
    render: ({ lastError }) => <TruncatedText text={lastError} max={60} />,
  },
];

export function OrdersList() {
  const query = usePagedQuery<OrderFilters, OrderSummary>(CONFIG);
  const { filters } = query.state;
  const search = useSearch();

  const importWaiting = useImportWaiting(query.result.reload);

  useEffect(() => rememberListSearch(search), [search]);

  const empty = query.filtered ? (
    <EmptyState
      title="No orders match these filters"
      message="Try another state or order number."
      action={<ClearFiltersButton onClick={query.clear} />}
    />
  ) : (
    <EmptyState
      title="No orders yet"
      message="Orders appear here as soon as they reach the order import status chosen in Settings (Awaiting Fulfillment unless you changed it)."
    />
  );

  return (
    <Panel
      header="Orders"
      description="Every order Fulfillment Bridge has picked up, and where it is on its way to your warehouse."
      action={importWaiting.action}
    >
      {importWaiting.ui}
      <Box marginBottom="medium" role="group" aria-label="Filter by state">
        <PillTabs
          items={PILLS}
          activePills={[filters.state || ALL]}
          onPillClick={(id) => query.setFilters({ state: id === ALL ? '' : (id as OrderFilters['state']) })}
        />
      </Box>
      <FilterBar>
        <FilterItem width="20rem">
          <SearchField
            label="Search by order number"
            placeholder="Order number"
            value={filters.search}
            sanitize={sanitizeOrderIdInput}
            inputMode="numeric"
            onSearch={(value) => query.setFilters({ search: value.replace(/^#/, '') })}
          />
        </FilterItem>
        {query.filtered && <ClearFiltersButton onClick={query.clear} />}
      </FilterBar>
      <PagedTable
        query={query}
        columns={columns}
        itemName="orders"
        keyField="orderId"
        errorHeader="The orders couldn't be loaded"
        loadingLabel="Loading orders…"
        emptyComponent={empty}
        onRowClick={(order) => navigate(orderPath(order.orderId))}
      />
    </Panel>
  );
}

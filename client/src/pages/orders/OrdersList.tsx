import { Box, Message, Panel } from '@bigcommerce/big-design';
import { FilterPills } from '../../components/FilterPills';
import { useEffect, useMemo, useState } from 'react';
import type { BulkRetryResponse, OrdersListResponse, OrderSummary } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { usePagedQuery } from '../../api/usePagedQuery';
import { EmptyState } from '../../components/EmptyState';
import { ClearFiltersButton, DateRangeFilters, FilterBar, FilterItem, SearchField } from '../../components/Filters';
import { PagedTable } from '../../components/PagedTable';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { navigate, useSearch } from '../../router/history';
import { useImportWaiting } from './ImportWaiting';
import { ORDER_COLUMNS } from './orderColumns';
import { OrdersToolbar } from './OrdersToolbar';
import { bulkRetryMessage } from './orderText';
import { activePill, orderPills, stateForPill } from './pills';
import { ORDER_FILTER_SPECS, orderPath, ordersApiPath, ordersExportPath, rememberListSearch, type OrderFilters } from './query';
import { truncatedExportText } from './exportCsv';
import { idsOf, keepSelection, retryableIds, selectedRows } from './selection';
import { useCsvExport } from './useCsvExport';

/** Live refresh: often enough to watch a burst go out, light enough for the server (one indexed page). */
export const ORDERS_REFRESH_MS = 5_000;
const CONFIG = { specs: ORDER_FILTER_SPECS, toApiPath: ordersApiPath, refreshMs: ORDERS_REFRESH_MS };
const NO_SELECTION: ReadonlySet<number> = new Set();

export function OrdersList() {
  const query = usePagedQuery<OrderFilters, OrderSummary>(CONFIG);
  const { filters } = query.state;
  const search = useSearch();
  const importWaiting = useImportWaiting(query.result.reload);
  const [selection, setSelection] = useState<ReadonlySet<number>>(NO_SELECTION);
  const [retryResult, setRetryResult] = useState<ReturnType<typeof bulkRetryMessage> | null>(null);
  const bulkRetry = useAction((orderIds: number[]) => api.post<BulkRetryResponse>('/api/orders/retry', { orderIds }));
  const csv = useCsvExport();
  const [exportNote, setExportNote] = useState<string | null>(null);

  useEffect(() => rememberListSearch(search), [search]);

  const items = useMemo(() => query.page?.items ?? [], [query.page]);
  // Selection is by order id and limited to the rows on screen: a refresh keeps it, a row that
  // left the page (another page, another filter, moved by new orders) drops out of it.
  const selected = keepSelection(selection, items);
  useEffect(() => setSelection((current) => keepSelection(current, items)), [items]);
  const retryable = retryableIds(items, selected);
  // Stable between renders: BigDesign's Table re-syncs its selection whenever this object changes.
  const selectable = useMemo(() => ({ selectedItems: selectedRows(items, selected), onSelectionChange: (rows: OrderSummary[]) => setSelection(idsOf(rows)) }), [items, selected]);
  // Read defensively: a server without counts still gets working pills (labels only).
  const counts = (query.page as Partial<OrdersListResponse> | undefined)?.counts;

  const onRetry = async () => {
    setRetryResult(null);
    const result = await bulkRetry.run(retryable);
    if (!result) return;
    setRetryResult(bulkRetryMessage(result));
    setSelection(NO_SELECTION);
    query.result.refresh();
  };

  const onExport = async () => {
    setExportNote(null);
    const download = await csv.run(ordersExportPath(filters));
    if (download) setExportNote(truncatedExportText(download));
  };

  const empty = query.filtered ? (
    <EmptyState title="No orders match these filters" message="Try another state, search or date range." action={<ClearFiltersButton onClick={query.clear} />} />
  ) : (
    <EmptyState title="No orders yet" message="Orders appear here as soon as they reach the order import status chosen in Settings (Awaiting Fulfillment unless you changed it)." />
  );

  return (
    <Panel header="Orders" description="Every order Fulfillment Bridge has picked up, and where it is on its way to your warehouse." action={importWaiting.action}>
      {importWaiting.ui}
      <Box marginBottom="medium" role="group" aria-label="Filter by state">
        <FilterPills items={orderPills(counts)} activePills={[activePill(filters.state)]} onPillClick={(id) => query.setFilters({ state: stateForPill(id) })} />
      </Box>
      <FilterBar>
        <FilterItem width="22rem" grow={1}>
          <SearchField
            label="Search orders by order number, customer name, e-mail or SKU"
            placeholder="Order, customer, e-mail or SKU"
            value={filters.search}
            onSearch={(value) => query.setFilters({ search: value })}
          />
        </FilterItem>
        <DateRangeFilters range={filters} onChange={(range) => query.setFilters(range)} />
        {query.filtered && <ClearFiltersButton onClick={query.clear} />}
      </FilterBar>
      {retryResult && <Message type={retryResult.type} marginBottom="medium" header="Retry" messages={[{ text: retryResult.text }]} onClose={() => setRetryResult(null)} />}
      {bulkRetry.error && <ErrorMessage marginBottom="medium" header="The orders couldn't be retried" message={bulkRetry.error.message} />}
      {exportNote && <Message type="warning" marginBottom="medium" header="Export cut short" messages={[{ text: exportNote }]} onClose={() => setExportNote(null)} />}
      {csv.error && <ErrorMessage marginBottom="medium" header="The CSV couldn't be exported" message={csv.error.message} />}
      <OrdersToolbar
        selectedCount={selected.size}
        retryableCount={retryable.length}
        retrying={bulkRetry.busy}
        onRetry={() => void onRetry()}
        exporting={csv.busy}
        onExport={() => void onExport()}
        refreshedAt={query.result.refreshedAt}
        refreshFailed={query.result.refreshError !== null}
      />
      <PagedTable
        query={query}
        columns={ORDER_COLUMNS}
        itemName="orders"
        itemNameOne="order"
        keyField="orderId"
        selectable={selectable}
        errorHeader="The orders couldn't be loaded"
        loadingLabel="Loading orders…"
        emptyComponent={empty}
        onRowClick={(order) => navigate(orderPath(order.orderId))}
      />
    </Panel>
  );
}

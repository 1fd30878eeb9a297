import { Box, Message, Panel } from '@bigcommerce/big-design';
import type { InventoryItemView, InventoryLocationOption, FlowSettings, Page } from '../../../../server/api/contract';
import { useApiGet } from '../../api/useApiGet';
import { usePagedQuery } from '../../api/usePagedQuery';
import { EmptyState } from '../../components/EmptyState';
import { ClearFiltersButton, FilterBar, FilterItem, SearchField } from '../../components/Filters';
import { FilterPills } from '../../components/FilterPills';
import { PagedTable } from '../../components/PagedTable';
import { inventoryStatusBadge } from '../../lib/badges';
import { listFrom } from '../../lib/text';
import { navigate } from '../../router/history';
import { flowSettingsOf } from '../settings/flow-settings';
import { inventoryColumns } from './inventoryColumns';
import { INVENTORY_FILTER_SPECS, INVENTORY_FILTER_STATUSES, inventoryApiPath, SKIPPED_COUNT_PATH, SKIPPED_REASONS, skippedHeader, type InventoryFilters } from './query';

const CONFIG = { specs: INVENTORY_FILTER_SPECS, toApiPath: inventoryApiPath };
const ALL = 'all';
const PILLS = [{ id: ALL, title: 'All' }, ...INVENTORY_FILTER_STATUSES.map((status) => ({ id: status, title: inventoryStatusBadge(status).label }))];

/** Stock levels reported by the warehouse and whether each reached BigCommerce. */
export function InventoryPage() {
  const query = usePagedQuery<InventoryFilters, InventoryItemView>(CONFIG);
  const skipped = useApiGet<Page<InventoryItemView>>(SKIPPED_COUNT_PATH);
  const locations = useApiGet<InventoryLocationOption[]>('/api/inventory-locations');
  const settings = useApiGet<Partial<FlowSettings>>('/api/settings');
  const { filters } = query.state;

  const locationList = locations.status === 'success' ? listFrom<InventoryLocationOption>(locations.data, 'locations') : [];
  const inventoryOff = settings.status === 'success' && !flowSettingsOf(settings.data).flows.inventory;
  const skippedOnPage = query.page?.items.filter((item) => item.status === 'skipped').length ?? 0;
  // The total across every page; this page's count until (or unless) that answer arrives.
  const skippedCount = skipped.status === 'success' ? Math.max(skipped.data.total, skippedOnPage) : skippedOnPage;

  const columns = inventoryColumns(locationList);

  const empty = query.filtered ? (
    <EmptyState title="No SKUs match these filters" message="Try another SKU or status." action={<ClearFiltersButton onClick={query.clear} />} />
  ) : (
    <EmptyState title="No stock levels yet" message="SKUs appear here once your warehouse reports its stock levels. With polling, that happens within a few minutes." />
  );

  return (
    <Panel header="Inventory" description="Stock levels your warehouse reported, and whether they were written to BigCommerce. Times are in your time zone.">
      {inventoryOff && (
        <Message
          type="warning"
          marginBottom="medium"
          header="Inventory sync is off"
          messages={[{ text: 'Stock levels are not written to BigCommerce. Turn the Inventory flow on under Settings › Inventory.' }]}
          actions={[{ text: 'Open Settings', onClick: () => navigate('/settings/inventory') }]}
        />
      )}
      {skippedCount > 0 && (
        <Message
          type="info"
          marginBottom="medium"
          header={skippedHeader(skippedCount)}
          messages={SKIPPED_REASONS.map((text) => ({ text }))}
          actions={filters.status === 'skipped' ? undefined : [{ text: 'Show skipped SKUs', onClick: () => query.setFilters({ status: 'skipped' }) }]}
        />
      )}
      <Box marginBottom="medium" role="group" aria-label="Filter by status">
        <FilterPills items={PILLS} activePills={[filters.status || ALL]} onPillClick={(id) => query.setFilters({ status: id === ALL ? '' : (id as InventoryFilters['status']) })} />
      </Box>
      <FilterBar>
        <FilterItem width="20rem">
          <SearchField label="Search by SKU" placeholder="SKU" value={filters.search} onSearch={(value) => query.setFilters({ search: value })} />
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

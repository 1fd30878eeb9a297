import { Button, Panel, Select } from '@bigcommerce/big-design';
import type { TableColumn } from '@bigcommerce/big-design';
import { useMemo, useState } from 'react';
import styled from 'styled-components';
import type { TopicsResponse, WebhookEventSummary } from '../../../../server/api/contract';
import { useApiGet } from '../../api/useApiGet';
import { usePagedQuery } from '../../api/usePagedQuery';
import { AppLink } from '../../components/AppLink';
import { DateTime } from '../../components/DateTime';
import { EmptyState } from '../../components/EmptyState';
import { ClearFiltersButton, DateRangeFilters, FilterBar, FilterItem, SearchField } from '../../components/Filters';
import { PagedTable } from '../../components/PagedTable';
import { WebhookStatusBadge } from '../../components/StatusBadges';
import { PathText, TruncatedText } from '../../components/TruncatedText';
import { WEBHOOK_STATUSES, webhookStatusBadge } from '../../lib/badges';
import { sanitizeOrderIdInput } from '../../lib/listQuery';
import { orderPath } from '../orders/query';
import { WebhookPayloadModal } from './WebhookPayloadModal';
import { sourceChange, sourceLabel, topicChoices, WEBHOOK_FILTER_SPECS, WEBHOOK_SOURCES, webhookEventsApiPath, type WebhookFilters } from './query';

const CONFIG = { specs: WEBHOOK_FILTER_SPECS, toApiPath: webhookEventsApiPath };
const HIDE_ON_MOBILE = { mobile: 'none', tablet: 'table-cell' } as const;

// "View payload" is shortened to "View" on phones (the button's aria-label says it in full).
const Wide = styled.span`
  display: none;
  ${({ theme }) => theme.breakpoints.tablet} {
    display: inline;
  }
`;
const Narrow = styled.span`
  ${({ theme }) => theme.breakpoints.tablet} {
    display: none;
  }
`;
const SOURCE_OPTIONS = [{ value: '' as const, content: 'All sources' }, ...WEBHOOK_SOURCES.map((source) => ({ value: source, content: sourceLabel(source) }))];
const STATUS_OPTIONS = [{ value: '' as const, content: 'All statuses' }, ...WEBHOOK_STATUSES.map((status) => ({ value: status, content: webhookStatusBadge(status).label }))];

export function WebhooksPage() {
  const query = usePagedQuery<WebhookFilters, WebhookEventSummary>(CONFIG);
  const topics = useApiGet<TopicsResponse>('/api/webhook-events/topics');
  const [openId, setOpenId] = useState<number | null>(null);
  const { filters } = query.state;

  const topicList = topics.status === 'success' ? topics.data.topics : [];
  // The chosen source's topics; a topic from the URL stays selectable before (or without) the list.
  const topicNames = topicChoices(topicList, filters.source, filters.topic);
  const topicOptions = [{ value: '', content: 'All topics' }, ...topicNames.map((topic) => ({ value: topic, content: topic }))];

  // Built once: BigDesign's Table uses each render function as a component type, so new functions
  // on every render re-create every cell (a click on a link mid-refresh is then lost).
  const columns = useMemo<Array<TableColumn<WebhookEventSummary>>>(
    () => [
      { hash: 'id', header: 'ID', width: '10rem', display: HIDE_ON_MOBILE, render: ({ eventId }) => <TruncatedText text={eventId} max={14} mode="middle" mono /> },
      { hash: 'source', header: 'Source', width: '8rem', display: HIDE_ON_MOBILE, render: ({ source }) => sourceLabel(source) },
      { hash: 'topic', header: 'Topic', render: ({ topic }) => <PathText text={topic} /> },
      { hash: 'status', header: 'Status', render: ({ status }) => <WebhookStatusBadge status={status} /> },
      {
        hash: 'order',
        header: 'Order',
        width: '6rem',
        render: ({ orderId }) =>
          orderId === null ? (
            '—'
          ) : (
            <AppLink to={orderPath(orderId)} onClick={(event) => event.stopPropagation()}>
              #{orderId}
            </AppLink>
          ),
      },
      { hash: 'received', header: 'Received', display: HIDE_ON_MOBILE, render: ({ receivedAt }) => <DateTime iso={receivedAt} zone /> },
      {
        hash: 'actions',
        header: 'Actions',
        hideHeader: true,
        align: 'right',
        render: (event) => (
          <Button variant="subtle" mobileWidth="auto" onClick={() => setOpenId(event.id)} aria-label={`View payload of event ${event.eventId}`}>
            <Wide>View payload</Wide>
            <Narrow>View</Narrow>
          </Button>
        ),
      },
    ],
    [],
  );

  const empty = query.filtered ? (
    <EmptyState
      title="No webhook events match these filters"
      message="Try another source, order, topic, status or date range."
      action={<ClearFiltersButton onClick={query.clear} />}
    />
  ) : (
    <EmptyState
      title="No webhook events yet"
      message="BigCommerce notifies Fulfillment Bridge when orders are created or change status; your warehouse does when it ships, cancels or reports stock. Those notifications appear here as they arrive."
    />
  );

  return (
    <Panel
      header="Webhook history"
      description="Every notification BigCommerce and your warehouse sent to Fulfillment Bridge, and what was done with it. Times are in your time zone."
    >
      <FilterBar>
        <FilterItem width="11rem">
          <Select
            label="Source"
            filterable={false}
            options={SOURCE_OPTIONS}
            value={filters.source}
            onOptionChange={(source) => query.setFilters(sourceChange(filters, source ?? ''))}
          />
        </FilterItem>
        <FilterItem width="16rem">
          <Select label="Topic" options={topicOptions} value={filters.topic} onOptionChange={(topic) => query.setFilters({ topic: topic ?? '' })} />
        </FilterItem>
        <FilterItem width="11rem">
          <Select label="Status" filterable={false} options={STATUS_OPTIONS} value={filters.status} onOptionChange={(status) => query.setFilters({ status: status ?? '' })} />
        </FilterItem>
        <DateRangeFilters range={filters} onChange={(range) => query.setFilters({ from: range.from, to: range.to })} />
        <FilterItem width="14rem">
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
        itemName="events"
        errorHeader="The webhook history couldn't be loaded"
        loadingLabel="Loading webhook history…"
        emptyComponent={empty}
        onRowClick={(event) => setOpenId(event.id)}
      />
      {openId !== null && <WebhookPayloadModal eventId={openId} onClose={() => setOpenId(null)} onReplayed={query.result.reload} />}
    </Panel>
  );
}

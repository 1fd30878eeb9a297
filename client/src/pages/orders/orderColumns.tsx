import type { TableColumn } from '@bigcommerce/big-design';
import styled from 'styled-components';
import type { OrderSummary } from '../../../../server/api/contract';
import { AppLink } from '../../components/AppLink';
import { DateTime } from '../../components/DateTime';
import { Mono } from '../../components/JsonBlock';
import { OrderStateBadge } from '../../components/StatusBadges';
import { listDetailText } from './orderText';
import { orderPath } from './query';

const HIDE_ON_MOBILE = { mobile: 'none', tablet: 'table-cell' } as const;
const DESKTOP_ONLY = { mobile: 'none', desktop: 'table-cell' } as const;

// Every row is one line high whatever a live refresh puts in it, so rows below never move under
// the pointer. The full text stays in the DOM (screen readers read it) and in the tooltip.
const OneLine = styled.span<{ $max: string }>`
  display: block;
  max-width: ${({ $max }) => $max};
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
`;

function Line({ text, max }: { text: string; max: string }) {
  if (!text) return <>—</>;
  return (
    <OneLine $max={max} title={text}>
      {text}
    </OneLine>
  );
}

// The last column takes the width that is left: its text is laid out out of flow, so it adds no
// minimum width to the table (a long error would otherwise widen the table past the panel).
const Fluid = styled.span`
  display: block;
  position: relative;
  min-width: 8rem;
  height: ${({ theme }) => theme.lineHeight.medium};
`;

const FluidText = styled.span`
  position: absolute;
  inset: 0;
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
  color: ${({ theme }) => theme.colors.secondary60};
`;

/** Always the same box, text or not, so a row keeps its height when its state changes. */
function FluidLine({ text }: { text: string }) {
  return (
    <Fluid>
      <FluidText title={text || undefined}>{text || '—'}</FluidText>
    </Fluid>
  );
}

/**
 * The Orders table's columns. A module constant on purpose: BigDesign's Table renders each
 * column's `render` as a component type, so columns rebuilt on every render would remount every
 * cell (and replace every order link) on each live refresh, and a click in flight would be lost.
 */
export const ORDER_COLUMNS: Array<TableColumn<OrderSummary>> = [
  {
    hash: 'order',
    header: 'Order',
    width: '6.5rem',
    render: ({ orderId }) => (
      <AppLink to={orderPath(orderId)} aria-label={`Order #${orderId}`}>
        #{orderId}
      </AppLink>
    ),
  },
  { hash: 'customer', header: 'Customer', render: ({ customer, email }) => <Line text={customer || email || ''} max="10rem" /> },
  { hash: 'date', header: 'Date', display: DESKTOP_ONLY, render: ({ orderDate }) => <DateTime iso={orderDate} /> },
  { hash: 'state', header: 'State', render: ({ state }) => <OrderStateBadge state={state} /> },
  {
    hash: 'backend',
    header: 'Warehouse reference',
    display: DESKTOP_ONLY,
    render: ({ backendOrderId }) =>
      backendOrderId ? (
        <OneLine $max="10rem" title={backendOrderId}>
          <Mono>{backendOrderId}</Mono>
        </OneLine>
      ) : (
        '—'
      ),
  },
  {
    hash: 'details',
    header: 'Details',
    // The share of the width the other columns leave (its text adds no minimum width, see Fluid).
    width: '32%',
    display: HIDE_ON_MOBILE,
    render: (order) => <FluidLine text={listDetailText(order, new Date())} />,
  },
];

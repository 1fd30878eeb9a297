import { InlineMessage, Link, Panel, Table, Text } from '@bigcommerce/big-design';
import type { TableColumn } from '@bigcommerce/big-design';
import styled from 'styled-components';
import type { ShipmentView } from '../../../../server/api/contract';
import { DateTime } from '../../components/DateTime';
import { EmptyState } from '../../components/EmptyState';
import { Mono } from '../../components/JsonBlock';
import { ShipmentStateBadge } from '../../components/StatusBadges';
import { TableBox } from '../../components/TableBox';
import { carrierServiceText, safeExternalUrl, shipmentItemLines, shipmentsSummary } from './loop';

const HIDE_ON_MOBILE = { mobile: 'none', tablet: 'table-cell' } as const;

const Items = styled.ul`
  list-style: none;
  margin: 0;
  padding: 0;
`;

const ErrorText = styled.p`
  margin: ${({ theme }) => theme.spacing.xxSmall} 0 0;
  color: ${({ theme }) => theme.colors.danger50};
  font-size: ${({ theme }) => theme.typography.fontSize.small};
  line-height: ${({ theme }) => theme.lineHeight.small};
  overflow-wrap: anywhere;
`;

const Muted = styled.span`
  display: block;
  color: ${({ theme }) => theme.colors.secondary60};
  font-size: ${({ theme }) => theme.typography.fontSize.small};
`;

// Tracking numbers are long digit strings: let them break rather than widen the table.
const Breakable = styled.span`
  overflow-wrap: anywhere;
`;

function TrackingCell({ shipment }: { shipment: ShipmentView }) {
  const number = shipment.trackingNumber?.trim();
  const url = safeExternalUrl(shipment.trackingUrl);
  if (!number) {
    return url ? (
      <Link href={url} target="_blank" rel="noopener noreferrer" external>
        Track shipment
      </Link>
    ) : (
      <Text as="span" color="secondary60">
        No tracking number
      </Text>
    );
  }
  return url ? (
    <Link href={url} target="_blank" rel="noopener noreferrer" external aria-label={`Track ${number} (opens in a new tab)`}>
      <Breakable>
        <Mono>{number}</Mono>
      </Breakable>
    </Link>
  ) : (
    <Breakable>
      <Mono>{number}</Mono>
    </Breakable>
  );
}

const columns: Array<TableColumn<ShipmentView>> = [
  { hash: 'tracking', header: 'Tracking', render: (shipment) => <TrackingCell shipment={shipment} /> },
  {
    hash: 'carrier',
    header: 'Carrier',
    render: ({ carrier, service }) => carrierServiceText(carrier, service) ?? '—',
  },
  {
    hash: 'items',
    header: 'Items',
    render: ({ items }) =>
      items.length === 0 ? (
        '—'
      ) : (
        <Items>
          {shipmentItemLines(items).map((line, index) => (
            <li key={index}>
              <Mono>{line}</Mono>
            </li>
          ))}
        </Items>
      ),
  },
  {
    hash: 'state',
    header: 'In BigCommerce',
    render: ({ state, error, bcShipmentId }) => (
      <>
        <ShipmentStateBadge state={state} />
        {state === 'created' && bcShipmentId !== null && <Muted>Shipment #{bcShipmentId}</Muted>}
        {error && <ErrorText>{error}</ErrorText>}
      </>
    ),
  },
  { hash: 'created', header: 'Reported', display: HIDE_ON_MOBILE, render: ({ createdAt }) => <DateTime iso={createdAt} /> },
];

/** Parcels the warehouse shipped for this order, and whether each is in BigCommerce yet. */
export function ShipmentsPanel({ shipments }: { shipments: readonly ShipmentView[] }) {
  const summary = shipmentsSummary(shipments);
  return (
    <Panel
      header="Shipments"
      description="Parcels your warehouse shipped for this order. Each one is written to BigCommerce with its tracking number, so your customer can follow it."
    >
      {summary && <InlineMessage type="error" marginBottom="medium" messages={[{ text: summary }]} />}
      <TableBox>
        <Table
          columns={columns}
          items={[...shipments]}
          keyField="backendShipmentId"
          itemName="shipments"
          emptyComponent={
            <EmptyState title="No shipments yet" message="Shipments appear here as soon as your warehouse ships this order." />
          }
        />
      </TableBox>
    </Panel>
  );
}

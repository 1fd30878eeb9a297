import { InlineMessage, Link, Panel, Table } from '@bigcommerce/big-design';
import type { TableColumn } from '@bigcommerce/big-design';
import styled from 'styled-components';
import type { ShipmentView } from '../../../../server/api/contract';
import { DateTime } from '../../components/DateTime';
import { EmptyState } from '../../components/EmptyState';
import { Mono } from '../../components/JsonBlock';
import { ShipmentStateBadge } from '../../components/StatusBadges';
import { TableBox } from '../../components/TableBox';
import { formatDateTime } from '../../lib/dates';
import { carrierServiceText, safeExternalUrl, shipmentItemLines, shipmentsSummary, shipmentWarningsSummary } from './fulfillment-detail';

const WIDE_ONLY = { mobile: 'none', tablet: 'table-cell' } as const;
const NARROW_ONLY = { mobile: 'table-cell', tablet: 'none' } as const;

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

const WarningText = styled.p`
  margin: ${({ theme }) => theme.spacing.xxSmall} 0 0;
  color: ${({ theme }) => theme.colors.warning70};
  font-size: ${({ theme }) => theme.typography.fontSize.small};
  line-height: ${({ theme }) => theme.lineHeight.small};
  overflow-wrap: anywhere;
`;

const Muted = styled.span`
  display: block;
  color: ${({ theme }) => theme.colors.secondary60};
  font-size: ${({ theme }) => theme.typography.fontSize.small};
`;

const NoTracking = styled.span`
  color: ${({ theme }) => theme.colors.secondary60};
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
      <NoTracking>No tracking number yet</NoTracking>
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

function ItemsList({ items }: { items: ShipmentView['items'] }) {
  if (items.length === 0) return <>—</>;
  return (
    <Items>
      {shipmentItemLines(items).map((line, index) => (
        <li key={index}>
          <Mono>{line}</Mono>
        </li>
      ))}
    </Items>
  );
}

function StateCell({ shipment: { state, error, warning, bcShipmentId } }: { shipment: ShipmentView }) {
  return (
    <>
      <ShipmentStateBadge state={state} />
      {state === 'created' && bcShipmentId !== null && <Muted>Shipment #{bcShipmentId}</Muted>}
      {error && <ErrorText>{error}</ErrorText>}
      {warning && <WarningText>{warning}</WarningText>}
    </>
  );
}

// Phones get one stacked cell per shipment instead of five columns that would scroll sideways.
const Stack = styled.div`
  display: grid;
  gap: ${({ theme }) => theme.spacing.xSmall};
  padding: ${({ theme }) => theme.spacing.xSmall} 0;
`;

const columns: Array<TableColumn<ShipmentView>> = [
  { hash: 'tracking', header: 'Tracking', display: WIDE_ONLY, render: (shipment) => <TrackingCell shipment={shipment} /> },
  {
    hash: 'carrier',
    header: 'Carrier',
    display: WIDE_ONLY,
    render: ({ carrier, service }) => carrierServiceText(carrier, service) ?? '—',
  },
  { hash: 'items', header: 'Items', display: WIDE_ONLY, render: ({ items }) => <ItemsList items={items} /> },
  { hash: 'state', header: 'In BigCommerce', display: WIDE_ONLY, render: (shipment) => <StateCell shipment={shipment} /> },
  { hash: 'created', header: 'Reported', display: WIDE_ONLY, render: ({ createdAt }) => <DateTime iso={createdAt} /> },
  {
    hash: 'shipment',
    header: 'Shipment',
    display: NARROW_ONLY,
    render: (shipment) => (
      <Stack>
        <TrackingCell shipment={shipment} />
        <Muted>{[carrierServiceText(shipment.carrier, shipment.service), formatDateTime(shipment.createdAt)].filter(Boolean).join(' · ')}</Muted>
        {shipment.items.length > 0 && <ItemsList items={shipment.items} />}
        <div>
          <StateCell shipment={shipment} />
        </div>
      </Stack>
    ),
  },
];

/** Parcels the warehouse shipped for this order, and whether each is in BigCommerce yet. */
export function ShipmentsPanel({ shipments }: { shipments: readonly ShipmentView[] }) {
  const summary = shipmentsSummary(shipments);
  const warnings = shipmentWarningsSummary(shipments);
  return (
    <Panel
      header="Shipments"
      description="Parcels your warehouse shipped for this order. Each one is written to BigCommerce with its tracking number, so your customer can follow it."
    >
      {summary && <InlineMessage type="error" marginBottom="medium" messages={[{ text: `${summary} Use Retry once the cause is fixed.` }]} />}
      {warnings && <InlineMessage type="warning" marginBottom="medium" messages={[{ text: warnings }]} />}
      <TableBox>
        <Table
          columns={columns}
          items={[...shipments]}
          keyField="backendShipmentId"
          itemName={shipments.length === 1 ? 'shipment' : 'shipments'}
          emptyComponent={<EmptyState title="No shipments yet" message="Shipments appear here as soon as your warehouse ships this order." />}
        />
      </TableBox>
    </Panel>
  );
}

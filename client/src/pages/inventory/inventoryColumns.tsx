import type { TableColumn } from '@bigcommerce/big-design';
import styled from 'styled-components';
import type { InventoryItemView, InventoryLocationOption } from '../../../../server/api/contract';
import { CodeText } from '../../components/CodeText';
import { DateTime } from '../../components/DateTime';
import { InventoryStatusBadge } from '../../components/StatusBadges';
import { TruncatedText } from '../../components/TruncatedText';
import { locationLabel } from './query';

// Seven columns did not fit at 1366 px (the control panel's menu takes its share) and SKUs were
// broken mid-word. Now the backend SKU sits under the store's SKU (only when it differs), and below
// desktop width the location and the sync time move under the number and the badge.
const TABLET_UP = { mobile: 'none', tablet: 'table-cell' } as const;
const DESKTOP_UP = { mobile: 'none', desktop: 'table-cell' } as const;

const Note = styled.span`
  display: block;
  margin-top: ${({ theme }) => theme.spacing.xxSmall};
  color: ${({ theme }) => theme.colors.secondary60};
  font-size: ${({ theme }) => theme.typography.fontSize.small};
  line-height: ${({ theme }) => theme.lineHeight.small};
`;

const BelowDesktop = styled(Note)`
  text-align: inherit;

  time {
    white-space: normal;
  }

  ${({ theme }) => theme.breakpoints.desktop} {
    display: none;
  }
`;

// Phones have no Reason column: the reason goes under the badge instead.
const PhoneOnly = styled(Note)`
  ${({ theme }) => theme.breakpoints.tablet} {
    display: none;
  }
`;

// Wide enough for a few words per line: a reason squeezed to one word per line makes tall rows.
const ReasonText = styled.span`
  display: block;
  min-width: 10rem;
`;

export function inventoryColumns(locations: InventoryLocationOption[]): Array<TableColumn<InventoryItemView>> {
  return [
    {
      hash: 'sku',
      header: 'SKU',
      render: ({ sku, backendSku }) => (
        <>
          <CodeText text={sku} />
          {backendSku && backendSku !== sku && (
            <Note>
              Backend SKU <CodeText text={backendSku} />
            </Note>
          )}
        </>
      ),
    },
    {
      hash: 'available',
      header: 'Available',
      align: 'right',
      width: '6.5rem',
      render: ({ available, locationId }) => (
        <>
          {available.toLocaleString()}
          <BelowDesktop>{locationLabel(locationId, locations)}</BelowDesktop>
        </>
      ),
    },
    {
      hash: 'location',
      header: 'Location',
      display: DESKTOP_UP,
      render: ({ locationId }) => locationLabel(locationId, locations),
    },
    {
      hash: 'status',
      header: 'Status',
      width: '7rem',
      render: ({ status, reason, lastSyncedAt }) => (
        <>
          <InventoryStatusBadge status={status} />
          {reason && <PhoneOnly>{reason}</PhoneOnly>}
          <BelowDesktop>
            {lastSyncedAt ? 'Synced ' : ''}
            <DateTime iso={lastSyncedAt} fallback="Not synced yet" />
          </BelowDesktop>
        </>
      ),
    },
    {
      hash: 'reason',
      header: 'Reason',
      display: TABLET_UP,
      render: ({ reason }) =>
        reason ? (
          <ReasonText>
            <TruncatedText text={reason} max={90} />
          </ReasonText>
        ) : (
          '—'
        ),
    },
    {
      hash: 'lastSynced',
      header: 'Last synced',
      display: DESKTOP_UP,
      render: ({ lastSyncedAt }) => <DateTime iso={lastSyncedAt} fallback="Not yet" />,
    },
  ];
}

import { Badge } from '@bigcommerce/big-design';
import type { MarginProps } from '@bigcommerce/big-design';
import styled from 'styled-components';
import { inventoryStatusBadge, levelBadge, orderStateBadge, shipmentStateBadge, webhookStatusBadge, type BadgeDescriptor } from '../lib/badges';

// Two-word labels ("Needs attention") stay on one line in narrow table columns. Badge drops
// className, so the wrapper carries the style.
const NoWrap = styled.span`
  white-space: nowrap;
`;

function StatusBadge({ descriptor, ...margins }: MarginProps & { descriptor: BadgeDescriptor }) {
  return (
    <NoWrap>
      <Badge {...margins} label={descriptor.label} variant={descriptor.variant} />
    </NoWrap>
  );
}

export function OrderStateBadge({ state, ...margins }: MarginProps & { state: string }) {
  return <StatusBadge {...margins} descriptor={orderStateBadge(state)} />;
}

export function WebhookStatusBadge({ status, ...margins }: MarginProps & { status: string }) {
  return <StatusBadge {...margins} descriptor={webhookStatusBadge(status)} />;
}

export function LevelBadge({ level, ...margins }: MarginProps & { level: string }) {
  return <StatusBadge {...margins} descriptor={levelBadge(level)} />;
}

export function ShipmentStateBadge({ state, ...margins }: MarginProps & { state: string }) {
  return <StatusBadge {...margins} descriptor={shipmentStateBadge(state)} />;
}

export function InventoryStatusBadge({ status, ...margins }: MarginProps & { status: string }) {
  return <StatusBadge {...margins} descriptor={inventoryStatusBadge(status)} />;
}

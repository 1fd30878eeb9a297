import { describe, expect, it } from 'vitest';
import { CANCELLATION_OUTCOMES, cancellationOutcomeBadge, INVENTORY_STATUSES, inventoryStatusBadge, shipmentStateBadge } from '../../client/src/lib/badges.js';

describe('shipmentStateBadge', () => {
  it('maps every shipment state', () => {
    expect(['created', 'pending', 'failed'].map(shipmentStateBadge)).toEqual([
      { label: 'Created', variant: 'success' },
      { label: 'Pending', variant: 'secondary' },
      { label: 'Failed', variant: 'danger' },
    ]);
  });
});

describe('cancellationOutcomeBadge', () => {
  it('colours outcomes by what the merchant must do', () => {
    expect(CANCELLATION_OUTCOMES.map((outcome) => [outcome, cancellationOutcomeBadge(outcome)])).toEqual([
      ['pending', { label: 'Pending', variant: 'secondary' }],
      ['cancelled', { label: 'Cancelled', variant: 'success' }],
      ['too_late', { label: 'Too late', variant: 'danger' }],
      ['rejected', { label: 'Rejected', variant: 'warning' }],
      ['failed', { label: 'Failed', variant: 'danger' }],
    ]);
  });
});

describe('inventoryStatusBadge', () => {
  it('maps every stock status, and unknown ones readably', () => {
    expect(INVENTORY_STATUSES.map((status) => [status, inventoryStatusBadge(status)])).toEqual([
      ['synced', { label: 'Synced', variant: 'success' }],
      ['skipped', { label: 'Skipped', variant: 'warning' }],
      ['pending', { label: 'Pending', variant: 'secondary' }],
    ]);
    expect(inventoryStatusBadge('out_of_range')).toEqual({ label: 'Out of range', variant: 'secondary' });
  });
});

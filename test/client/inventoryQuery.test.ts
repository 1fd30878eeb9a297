import { describe, expect, it } from 'vitest';
import { INVENTORY_FILTER_SPECS, inventoryApiPath, locationLabel, SKIPPED_COUNT_PATH, SKIPPED_REASONS, skippedHeader } from '../../client/src/pages/inventory/query.js';
import { formatListState, parseListState, withFilters } from '../../client/src/lib/listQuery.js';

describe('inventory list state', () => {
  it('reads search and status from the URL, ignoring unknown statuses', () => {
    expect(parseListState('?search=%20SKU-1%20&status=skipped&page=3', INVENTORY_FILTER_SPECS)).toEqual({
      page: 3,
      limit: 25,
      filters: { search: 'SKU-1', status: 'skipped' },
    });
    expect(parseListState('?status=broken', INVENTORY_FILTER_SPECS).filters.status).toBe('');
    expect(parseListState('?status=synced', INVENTORY_FILTER_SPECS).filters.status).toBe('synced');
  });

  it('writes filters back and starts again on page 1', () => {
    const state = parseListState('?page=4', INVENTORY_FILTER_SPECS);
    expect(formatListState(withFilters(state, { status: 'skipped', search: 'ABC' }), INVENTORY_FILTER_SPECS)).toBe('?search=ABC&status=skipped');
  });

  it('builds the API path, leaving out empty filters', () => {
    expect(inventoryApiPath({ page: 2, limit: 50, filters: { search: 'SKU 1', status: 'synced' } })).toBe('/api/inventory?page=2&limit=50&search=SKU+1&status=synced');
    expect(inventoryApiPath({ page: 1, limit: 25, filters: { search: '', status: '' } })).toBe('/api/inventory?page=1&limit=25');
  });

  it('counts skipped SKUs with one small request', () => {
    expect(SKIPPED_COUNT_PATH).toBe('/api/inventory?page=1&limit=1&status=skipped');
  });
});

describe('inventory labels', () => {
  it('names locations, falling back to the id', () => {
    const locations = [
      { id: 1, label: 'Default location' },
      { id: 2, label: '' },
    ];
    expect(locationLabel(1, locations)).toBe('Default location');
    expect(locationLabel(2, locations)).toBe('Location 2');
    expect(locationLabel(9, locations)).toBe('Location 9');
  });

  it('counts skipped SKUs in words', () => {
    expect(skippedHeader(1)).toBe('1 SKU isn’t synced to BigCommerce');
    expect(skippedHeader(12)).toBe('12 SKUs aren’t synced to BigCommerce');
    expect(skippedHeader(1500)).toBe('1,500 SKUs aren’t synced to BigCommerce');
  });

  it('explains the usual reasons with what to do', () => {
    expect(SKIPPED_REASONS).toHaveLength(3);
    expect(SKIPPED_REASONS[0]).toMatch(/doesn’t track inventory.*turn on inventory tracking/);
    expect(SKIPPED_REASONS[1]).toMatch(/has no product with this SKU/);
    expect(SKIPPED_REASONS[2]).toMatch(/refused the level.*other SKUs were written/);
  });
});

import { describe, expect, it } from 'vitest';
import type { OrderSyncState } from '../../server/api/contract.js';
import { idsOf, keepSelection, retryableIds, retryButtonLabel, selectedRows, selectionSummary } from '../../client/src/pages/orders/selection.js';

const row = (orderId: number, state: OrderSyncState = 'failed') => ({ orderId, state });

describe('selection across a live refresh', () => {
  it('keeps the selected orders still on the page, as the fresh row objects', () => {
    const before = [row(1), row(2), row(3)];
    const selected = idsOf([before[0]!, before[2]!]);
    // The refresh answers new objects; order 3 moved off the page, order 4 arrived.
    const after = [row(4, 'queued'), row(1), row(2)];
    const kept = keepSelection(selected, after);
    expect([...kept]).toEqual([1]);
    const rows = selectedRows(after, kept);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toBe(after[1]);
  });

  it('returns the same set when nothing changed (no needless re-render)', () => {
    const selected = new Set([1, 2]);
    expect(keepSelection(selected, [row(2), row(1), row(9)])).toBe(selected);
  });
});

describe('bulk Retry', () => {
  it('sends only the selected orders Retry may help', () => {
    const items = [row(1, 'failed'), row(2, 'sent'), row(3, 'rejected'), row(4, 'needs_attention'), row(5, 'retrying')];
    expect(retryableIds(items, new Set([1, 2, 3, 5]))).toEqual([1, 3]);
    expect(retryableIds(items, new Set())).toEqual([]);
  });

  it('says what is selected with the right plural', () => {
    expect(selectionSummary(0, 0)).toMatch(/^Select orders/);
    expect(selectionSummary(1, 1)).toBe('1 order selected.');
    expect(selectionSummary(3, 2)).toBe('3 orders selected; 1 of them is not waiting for a fix and can’t be retried.');
    expect(selectionSummary(4, 1)).toMatch(/; 3 of them are not/);
    expect(retryButtonLabel(0)).toBe('Retry');
    expect(retryButtonLabel(1)).toBe('Retry 1 order');
    expect(retryButtonLabel(2)).toBe('Retry 2 orders');
  });
});

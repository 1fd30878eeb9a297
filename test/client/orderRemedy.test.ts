import { describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../server/api/contract.js';
import { inAppPath, remedyView } from '../../client/src/pages/orders/remedy.js';

type Fields = Pick<OrderDetail, 'state' | 'remedy' | 'attentionReason' | 'lastError' | 'canRetry'>;
const held = (changes: Partial<Fields> = {}): Fields => ({
  state: 'needs_attention',
  attentionReason: 'Shipping method “Flat Rate” is not mapped.',
  lastError: null,
  canRetry: false,
  remedy: {
    code: 'unmapped_shipping_method',
    message: 'Shipping method “Flat Rate” has no warehouse code.',
    subject: 'Flat Rate',
    action: { label: 'Map “Flat Rate”', path: '/settings?mapMethod=Flat%20Rate#shipping-mappings' },
    canRetry: false,
  },
  ...changes,
});

describe('remedyView', () => {
  it('leads an unmapped method to its mapping, without a Retry that cannot help', () => {
    expect(remedyView(held())).toEqual({
      tone: 'warning',
      header: 'Shipping method not mapped',
      message: 'Shipping method “Flat Rate” has no warehouse code.',
      subject: 'Flat Rate',
      action: { label: 'Map “Flat Rate”', path: '/settings?mapMethod=Flat%20Rate#shipping-mappings' },
      retry: false,
      afterFix: null,
    });
  });

  it("shows the warehouse's own message on a rejected order and offers Retry when the server says it helps", () => {
    const view = remedyView(
      held({
        state: 'rejected',
        canRetry: true,
        remedy: { code: 'warehouse_rejected', message: 'Address line 1 is required.', subject: null, action: null, canRetry: true },
      }),
    );
    expect(view).toMatchObject({ tone: 'warning', header: 'Rejected by your warehouse', message: 'Address line 1 is required.', retry: true, action: null });
  });

  it('is red once out of retries, and falls back to the reason when there is no remedy', () => {
    const view = remedyView(held({ state: 'failed', remedy: null, attentionReason: null, lastError: 'Your warehouse answered 500 seven times.', canRetry: true }));
    expect(view).toMatchObject({ tone: 'error', header: 'Sending failed', message: 'Your warehouse answered 500 seven times.', retry: true });
    expect(view?.afterFix).toBe('Once this is fixed, use Retry to send the order again.');
  });

  it('shows nothing for orders on their way', () => {
    for (const state of ['waiting', 'queued', 'retrying', 'sent', 'shipped', 'cancelled'] as const) {
      expect(remedyView(held({ state }))).toBeNull();
    }
  });

  it('never turns a remedy into a link out of the app', () => {
    const outside = held({
      remedy: { code: 'other', message: 'x', subject: null, action: { label: 'Go', path: 'https://evil.example/' }, canRetry: false },
    });
    expect(remedyView(outside)?.action).toBeNull();
    expect(inAppPath('//evil.example/x')).toBeNull();
    expect(inAppPath('/\\evil.example')).toBeNull();
    expect(inAppPath('javascript:alert(1)')).toBeNull();
    expect(inAppPath(' /settings#backend ')).toBe('/settings#backend');
  });
});

// Issue 8 point 4: each reason an order is held carries its remedy (what is wrong, what it names,
// where the fix is) and says whether Retry can help.
import { describe, expect, it } from 'vitest';
import type { AttentionCode, OrderSyncState } from '../../server/api/contract.js';
import { remedyOf, retryHelps } from '../../server/flows/order-import/remedy.js';

const held = (
  attentionCode: AttentionCode | null,
  over: Partial<{
    state: OrderSyncState;
    attentionSubject: string | null;
    attentionReason: string | null;
    lastError: string | null;
    attempts: number;
    backendOrderId: string | null;
  }> = {},
) => ({ state: 'needs_attention' as OrderSyncState, attentionCode, attentionSubject: null, attentionReason: null, lastError: null, attempts: 0, backendOrderId: null, ...over });

describe('remedyOf', () => {
  it('an unmapped shipping method opens its mapping with the method filled in; Retry is not offered', () => {
    const r = remedyOf(held('unmapped_shipping_method', { attentionSubject: 'Flat Rate' }));
    expect(r).toMatchObject({
      code: 'unmapped_shipping_method',
      subject: 'Flat Rate',
      action: { label: 'Map "Flat Rate"', path: '/settings/shipping?mapMethod=Flat%20Rate#shipping-mappings' },
      canRetry: false,
    });
    expect(r?.message).toMatch(/sent by itself/);
  });

  it('the empty method is named as Settings lists it', () => {
    expect(remedyOf(held('unmapped_shipping_method', { attentionSubject: '' }))?.action).toEqual({
      label: 'Map "(no method)"',
      path: '/settings/shipping?mapMethod=#shipping-mappings',
    });
  });

  it('an unknown SKU opens the SKU mapping with it filled in (Retry too: it may be stocked at the warehouse)', () => {
    const r = remedyOf(
      held('unmapped_sku', { state: 'rejected', attentionSubject: 'LAMP RED', attentionReason: 'The warehouse rejected the order: SKU LAMP RED is not stocked.' }),
    );
    expect(r).toMatchObject({
      code: 'unmapped_sku',
      subject: 'LAMP RED',
      action: { label: 'Map SKU "LAMP RED"', path: '/settings/mappings?mapSku=LAMP%20RED#sku-mappings' },
      canRetry: true,
    });
    expect(r?.message).toMatch(/^The warehouse rejected the order: SKU LAMP RED is not stocked\./);
  });

  it('a line without a SKU names the product and says to fix it in BigCommerce (no in-app path, Retry helps)', () => {
    const r = remedyOf(held('missing_sku', { attentionSubject: 'Red lamp' }));
    expect(r).toMatchObject({ code: 'missing_sku', subject: 'Red lamp', action: null, canRetry: true });
    expect(r?.message).toMatch(/"Red lamp" has no SKU.*in BigCommerce/);
  });

  it('no warehouse connected links to the connection; Retry is not offered', () => {
    expect(remedyOf(held('backend_not_connected'))).toMatchObject({ action: { path: '/settings/connection#backend' }, canRetry: false });
  });

  it('a warehouse 4xx shows the warehouse’s own message, with Retry', () => {
    const r = remedyOf(held('warehouse_rejected', { state: 'rejected', attentionReason: 'The warehouse rejected the order: Address line 1 is too long.' }));
    expect(r).toMatchObject({ code: 'warehouse_rejected', action: null, canRetry: true });
    expect(r?.message).toMatch(/^The warehouse rejected the order: Address line 1 is too long\./);
  });

  it('a rejection by event of an order the warehouse had cannot be sent again: no Retry', () => {
    const r = remedyOf(held('warehouse_rejected', { state: 'rejected', backendOrderId: 'WH-1', attentionReason: 'The warehouse rejected this order: fraud check.' }));
    expect(r).toMatchObject({ canRetry: false });
    expect(r?.message).toMatch(/fraud check.*cancel or refund the order in BigCommerce/);
  });

  it('a reused idempotency key explains the conflict and offers no Retry', () => {
    expect(remedyOf(held('warehouse_conflict'))).toMatchObject({ code: 'warehouse_conflict', canRetry: false, message: expect.stringMatching(/different contents/) });
  });

  it('refused credentials link to the connection', () => {
    expect(remedyOf(held('warehouse_refused_key', { attentionReason: 'Unknown API key.' }))).toMatchObject({
      action: { path: '/settings/connection#backend' },
      message: expect.stringMatching(/Unknown API key/),
    });
  });

  it('out of retries says how many attempts were made and offers Retry', () => {
    const r = remedyOf(held('out_of_retries', { state: 'failed', attempts: 20, attentionReason: 'The warehouse did not answer (server error 503).' }));
    expect(r).toMatchObject({ code: 'out_of_retries', canRetry: true });
    expect(r?.message).toBe('The app gave up after 20 attempts: The warehouse did not answer (server error 503). Retry once the cause is fixed.');
  });

  it('rows from before codes were stored get theirs from the reason', () => {
    const r = remedyOf(
      held(null, { attentionReason: 'Shipping method "Express" has no mapping. Add it under Settings › Shipping method mappings; the order is sent as soon as it is mapped.' }),
    );
    expect(r).toMatchObject({ code: 'unmapped_shipping_method', subject: 'Express', canRetry: false });
    expect(remedyOf(held(null, { state: 'failed', attempts: 3 }))?.code).toBe('out_of_retries');
  });

  it('orders that need nothing from the merchant have no remedy and no Retry', () => {
    for (const state of ['waiting', 'queued', 'retrying', 'sent', 'partially_shipped', 'shipped', 'cancelled'] as const) {
      expect(remedyOf(held(null, { state }))).toBeNull();
      expect(retryHelps(held(null, { state }))).toBe(false);
    }
    expect(retryHelps(held('warehouse_rejected', { state: 'rejected' }))).toBe(true);
    expect(retryHelps(held('unmapped_shipping_method', { attentionSubject: 'X' }))).toBe(false);
  });
});

// The SKU mapping form's logic (issue 9 point 6): components with quantities, dirty, checks keyed
// like the server's field errors, and the words after a save.
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../client/src/api/http.js';
import {
  addComponent,
  checkDraft,
  draftOf,
  isBundleDraft,
  isDraftDirty,
  isStaleMapping,
  MAX_COMPONENTS,
  removeComponent,
  savedMessage,
  sentAsText,
  updateComponent,
} from '../../client/src/pages/settings/skuMappingForm.js';

const GIFT = {
  id: 4,
  bcSku: 'GIFT-SET',
  backendSku: 'MUG-1',
  components: [
    { sku: 'MUG-1', quantity: 1 },
    { sku: 'TEA-3', quantity: 2 },
  ],
  revision: 99,
};

describe('SKU mapping form', () => {
  it('shows a saved bundle; a new mapping starts with one warehouse SKU (a deep link fills the BigCommerce SKU)', () => {
    expect(draftOf(GIFT)).toEqual({
      bcSku: 'GIFT-SET',
      components: [
        { sku: 'MUG-1', quantity: '1' },
        { sku: 'TEA-3', quantity: '2' },
      ],
    });
    expect(draftOf(null, 'LAMP')).toEqual({ bcSku: 'LAMP', components: [{ sku: '', quantity: '1' }] });
    // An answer from an older server without components still shows its backend SKU.
    expect(draftOf({ id: 1, bcSku: 'A', backendSku: 'WH-A' } as never).components).toEqual([{ sku: 'WH-A', quantity: '1' }]);
  });

  it('is dirty only when the values differ from the saved ones (spaces do not count)', () => {
    const saved = draftOf(GIFT);
    expect(isDraftDirty(saved, { ...saved, bcSku: ' GIFT-SET ' })).toBe(false);
    const edited = updateComponent(saved, 1, { quantity: '3' });
    expect(isDraftDirty(saved, edited)).toBe(true);
    expect(isDraftDirty(saved, updateComponent(edited, 1, { quantity: '2' }))).toBe(false);
  });

  it('adds and removes components within 1..20; a bundle is more than one SKU or a quantity other than 1', () => {
    let d = draftOf(null, 'KIT');
    expect(isBundleDraft(d)).toBe(false);
    expect(removeComponent(d, 0).components).toHaveLength(1);
    d = updateComponent(d, 0, { quantity: '2' });
    expect(isBundleDraft(d)).toBe(true);
    for (let i = 0; i < 30; i++) d = addComponent(d);
    expect(d.components).toHaveLength(MAX_COMPONENTS);
    expect(removeComponent(d, 3).components).toHaveLength(MAX_COMPONENTS - 1);
  });

  it('checks each field with the keys the server uses, and sends components with the revision read', () => {
    const bad = checkDraft({
      bcSku: ' ',
      components: [
        { sku: 'A', quantity: '0' },
        { sku: 'A', quantity: '1.5' },
        { sku: '', quantity: '1' },
      ],
    });
    expect(bad).toEqual({
      ok: false,
      fields: {
        bcSku: 'Enter the SKU used in BigCommerce.',
        'components.0.quantity': 'A whole number from 1 to 1,000',
        'components.1.sku': 'A is listed twice; give it once with the total quantity.',
        'components.1.quantity': 'A whole number from 1 to 1,000',
        'components.2.sku': 'Enter the SKU your warehouse uses.',
      },
    });
    expect(checkDraft(draftOf(GIFT), 99)).toEqual({ ok: true, input: { bcSku: 'GIFT-SET', components: GIFT.components, revision: 99 } });
  });

  it('says what was saved, and knows a 409 from someone else’s save from a duplicate SKU', () => {
    expect(savedMessage(GIFT)).toBe('GIFT-SET is now a bundle: one unit is sent as MUG-1 × 1, TEA-3 × 2.');
    expect(savedMessage({ bcSku: 'A', backendSku: 'WH-A', components: [{ sku: 'WH-A', quantity: 1 }] })).toBe('A is now sent as WH-A.');
    expect(sentAsText([{ sku: 'SOCK', quantity: 2 }])).toBe('SOCK × 2');
    expect(isStaleMapping(new ApiRequestError(409, 'mapping_changed', 'Changed by someone else since you opened it.'))).toBe(true);
    expect(isStaleMapping(new ApiRequestError(409, 'duplicate', 'SKU A is already mapped.', { bcSku: 'Already mapped' }))).toBe(false);
  });
});

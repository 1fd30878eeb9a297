import { describe, expect, it } from 'vitest';
import { codeBreakParts } from '../../client/src/components/codeBreaks.js';

describe('codeBreakParts: where a SKU may wrap', () => {
  it('splits after each separator, keeping it on the line before', () => {
    expect(codeBreakParts('SBX-TEE-BLK-M')).toEqual(['SBX-', 'TEE-', 'BLK-', 'M']);
    expect(codeBreakParts('SBX-WOOLSOCKS_3PACK_CHARCOAL_EU43-46')).toEqual(['SBX-', 'WOOLSOCKS_', '3PACK_', 'CHARCOAL_', 'EU43-', '46']);
    expect(codeBreakParts('store/order/created')).toEqual(['store/', 'order/', 'created']);
    expect(codeBreakParts('WH.10.20:A|B+C')).toEqual(['WH.', '10.', '20:', 'A|', 'B+', 'C']);
  });

  it('keeps a code without separators whole, and the parts always join back to the code', () => {
    expect(codeBreakParts('ORGANICCOTTONHOODIE')).toEqual(['ORGANICCOTTONHOODIE']);
    expect(codeBreakParts('')).toEqual(['']);
    for (const code of ['A-', '-A', '--', 'a_b_c', 'é-ü']) expect(codeBreakParts(code).join('')).toBe(code);
    expect(codeBreakParts('A-')).toEqual(['A-']);
  });
});

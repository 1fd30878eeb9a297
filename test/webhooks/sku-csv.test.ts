import { describe, expect, it } from 'vitest';
import { parseSkuCsv } from '../../server/api/sku-csv.js';

describe('SKU mapping CSV', async () => {
  it('reads rows with or without a header, with quotes and a BOM', async () => {
    const r = await parseSkuCsv('\uFEFFbigcommerce_sku,backend_sku\nA-1,WH-A1\n"B,2","WH ""B"""\n');
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { bcSku: 'A-1', backendSku: 'WH-A1' },
      { bcSku: 'B,2', backendSku: 'WH "B"' },
    ]);
    expect((await parseSkuCsv('X,Y')).rows).toEqual([{ bcSku: 'X', backendSku: 'Y' }]);
  });
  it('reports bad lines by number and keeps the good ones', async () => {
    const r = await parseSkuCsv('A,1\nonly-one\n\n,empty\nB,2');
    expect(r.rows.map((x) => x.bcSku)).toEqual(['A', 'B']);
    // Line numbers are the file's, blank lines included.
    expect(r.errors.map((e) => e.line)).toEqual([2, 4]);
  });
  it('explains broken quoting instead of throwing', async () => {
    const r = await parseSkuCsv('A,"unterminated\nB,2');
    expect(r.rows).toEqual([]);
    expect(r.errors[0]?.message).toMatch(/not valid CSV/);
  });
});

import { describe, expect, it } from 'vitest';
import { checkCsvFile, csvRecords, importSummary, MAX_CSV_BYTES, prepareSkuCsv } from '../../client/src/lib/csv.js';

describe('checkCsvFile', () => {
  it('accepts small CSV or text files', () => {
    expect(checkCsvFile({ name: 'skus.csv', size: 120, type: '' })).toBeNull();
    expect(checkCsvFile({ name: 'export', size: 120, type: 'text/csv' })).toBeNull();
    expect(checkCsvFile({ name: 'SKUS.TXT', size: 120, type: '' })).toBeNull();
  });

  it('rejects other, empty or large files with a readable reason', () => {
    expect(checkCsvFile({ name: 'skus.xlsx', size: 120, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })).toMatch(/not a CSV/);
    expect(checkCsvFile({ name: 'skus.csv', size: 0, type: 'text/csv' })).toMatch(/empty/);
    expect(checkCsvFile({ name: 'skus.csv', size: MAX_CSV_BYTES + 1, type: 'text/csv' })).toMatch(/larger than 1 MB/);
  });
});

describe('csvRecords', () => {
  it('splits records with quotes, escaped quotes, commas and CRLF', () => {
    expect(csvRecords('a,b\r\n"x, y","say ""hi"""\nlast,row')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['last', 'row'],
    ]);
  });

  it('keeps a newline inside quotes in one record', () => {
    expect(csvRecords('"multi\nline",b\n')).toEqual([['multi\nline', 'b']]);
  });
});

describe('prepareSkuCsv', () => {
  it('strips the BOM and blank lines, normalizes line endings and counts rows', () => {
    const result = prepareSkuCsv('\uFEFFbigcommerce_sku,backend_sku\r\nTEE-M,WH-1\r\n\r\nMUG,WH-2\r\n\r\n');
    expect(result).toEqual({ ok: true, csv: 'bigcommerce_sku,backend_sku\nTEE-M,WH-1\n\nMUG,WH-2\n', rows: 2 });
  });

  it('accepts a header in another case or with spaces', () => {
    expect(prepareSkuCsv(' BigCommerce_SKU , Backend_SKU \nA,B')).toMatchObject({ ok: true, rows: 1 });
  });

  it('explains what is wrong', () => {
    expect(prepareSkuCsv('   ')).toMatchObject({ ok: false, error: expect.stringMatching(/Paste the CSV/) });
    expect(prepareSkuCsv('sku,code\nA,B')).toMatchObject({ ok: false, error: expect.stringMatching(/header/) });
    expect(prepareSkuCsv('bigcommerce_sku,backend_sku\n')).toMatchObject({ ok: false, error: expect.stringMatching(/no mappings/) });
  });
});

describe('importSummary', () => {
  it('summarizes counts and skipped lines', () => {
    expect(importSummary({ created: 3, updated: 2, errors: [] })).toBe('3 mappings created, 2 updated.');
    expect(importSummary({ created: 1, updated: 0, errors: [] })).toBe('1 mapping created.');
    expect(importSummary({ created: 0, updated: 4, errors: [{ line: 3, message: 'x' }] })).toBe('4 mappings updated. 1 line was skipped.');
    expect(
      importSummary({
        created: 0,
        updated: 0,
        errors: [
          { line: 2, message: 'a' },
          { line: 5, message: 'b' },
        ],
      }),
    ).toBe('No mappings changed. 2 lines were skipped.');
  });
});

import { parse } from 'csv-parse/sync';
import type { SkuImportResult } from './contract.js';

export const MAX_CSV_ROWS = 20_000;

/**
 * Reads "bigcommerce_sku,backend_sku" rows (header optional, quotes allowed). Bad rows are
 * reported by line and skipped; good ones are returned for a single transactional upsert.
 */
export function parseSkuCsv(csv: string): { rows: Array<{ bcSku: string; backendSku: string }>; errors: SkuImportResult['errors'] } {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // `info` gives each record's line in the file, so error numbers match what the merchant sees.
    records = parse(csv, { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true, info: true }) as unknown as typeof records;
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    return { rows: [], errors: [{ line, message: 'The file is not valid CSV (check the quotes on this line).' }] };
  }
  const errors: SkuImportResult['errors'] = [];
  const rows = new Map<string, { bcSku: string; backendSku: string }>();
  records.forEach(({ record: rec, info }, i) => {
    const line = info.lines;
    const [a = '', b = ''] = rec;
    if (i === 0 && /sku/i.test(a) && /sku/i.test(b)) return; // header
    if (rec.length < 2 || !a || !b) return void errors.push({ line, message: 'Needs two values: BigCommerce SKU, backend SKU.' });
    if (a.length > 255 || b.length > 255) return void errors.push({ line, message: 'A SKU is longer than 255 characters.' });
    rows.set(a, { bcSku: a, backendSku: b });
  });
  if (rows.size > MAX_CSV_ROWS) return { rows: [], errors: [{ line: 1, message: `At most ${MAX_CSV_ROWS} rows per file.` }] };
  return { rows: [...rows.values()], errors };
}

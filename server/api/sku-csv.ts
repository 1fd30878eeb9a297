import { AppError } from '../errors.js';
import { normaliseMappingKey } from '../storage/mapping-keys.js';
import type { SkuImportResult } from './contract.js';
import { CsvSyntaxError, csvRecords, type CsvRecord } from './csv-records.js';
import { BACKEND_SKU_MAX, BC_SKU_MAX } from './mapping-limits.js';

// What the Settings import promises (client/src/lib/csv.ts): a file of up to 1 MB and 20,000 rows.
export const MAX_CSV_ROWS = 20_000;
export const MAX_CSV_BYTES = 1024 * 1024;
/**
 * The JSON body { csv } of the import route: JSON escaping can double a file full of quotes or
 * backslashes, so the route reads up to three times the file limit; the file itself is then held to
 * MAX_CSV_BYTES. Every other API route keeps the small default limit.
 */
export const CSV_IMPORT_BODY_LIMIT = 3 * MAX_CSV_BYTES;

/** The file is over what the import accepts: 413 with what to do about it. */
export class CsvTooLargeError extends AppError {
  constructor(message: string) {
    super(413, 'csv_too_large', message);
  }
}

/** Holds the file to MAX_CSV_BYTES (UTF-8), before it is parsed. */
export function checkCsvSize(csv: string): void {
  const bytes = Buffer.byteLength(csv, 'utf8');
  // The page adds a final newline to what it read, hence the one byte of slack.
  if (bytes > MAX_CSV_BYTES + 1) {
    throw new CsvTooLargeError(`The file is ${(bytes / MAX_CSV_BYTES).toFixed(1)} MB; at most 1 MB can be imported at once. Split it into smaller files.`);
  }
}

/**
 * Reads "bigcommerce_sku,backend_sku" rows (header optional, quotes allowed). Bad rows are
 * reported by line and skipped; good ones are returned for a single transactional upsert. A file
 * of more than MAX_CSV_ROWS rows is refused as a whole (CsvTooLargeError), nothing imported.
 */
export async function parseSkuCsv(csv: string): Promise<{ rows: Array<{ bcSku: string; backendSku: string }>; errors: SkuImportResult['errors'] }> {
  let records: CsvRecord[];
  try {
    // Each record keeps its line in the file, so error numbers match what the merchant sees.
    records = await csvRecords(csv);
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    return { rows: [], errors: [{ line: err.line, message: 'The file is not valid CSV (check the quotes on this line).' }] };
  }
  const header = records[0] !== undefined && /sku/i.test(records[0].fields[0] ?? '') && /sku/i.test(records[0].fields[1] ?? '');
  const dataRows = records.length - (header ? 1 : 0);
  if (dataRows > MAX_CSV_ROWS) {
    throw new CsvTooLargeError(
      `The file has ${dataRows.toLocaleString('en-US')} rows; at most ${MAX_CSV_ROWS.toLocaleString('en-US')} can be imported at once. Split it into smaller files.`,
    );
  }
  const errors: SkuImportResult['errors'] = [];
  const rows = new Map<string, { bcSku: string; backendSku: string }>();
  records.forEach(({ fields: rec, line }, i) => {
    // Quoted fields keep their spaces; the keys are saved the way the order import looks them up.
    const [a = '', b = ''] = rec.map(normaliseMappingKey);
    if (i === 0 && header) return;
    if (rec.length < 2 || !a || !b) return void errors.push({ line, message: 'Needs two values: BigCommerce SKU, backend SKU.' });
    if (a.length > BC_SKU_MAX) return void errors.push({ line, message: `The BigCommerce SKU is longer than ${BC_SKU_MAX} characters.` });
    if (b.length > BACKEND_SKU_MAX) return void errors.push({ line, message: `The backend SKU is longer than ${BACKEND_SKU_MAX} characters (the longest the fulfillment backend accepts).` });
    rows.set(a, { bcSku: a, backendSku: b });
  });
  return { rows: [...rows.values()], errors };
}

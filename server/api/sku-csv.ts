import { AppError } from '../errors.js';
import { normaliseMappingKey } from '../../shared/mapping-keys.js';
import { componentProblems, componentsNotation, isBundle, parseComponentsNotation, type SkuComponent } from '../domain/sku-components.js';
import type { SkuImportResult, SkuMapping } from './contract.js';
import { CsvSyntaxError, csvRecords, type CsvRecord } from './csv-records.js';
import { BACKEND_SKU_MAX, BC_SKU_MAX } from '../../shared/mapping-limits.js';

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

/** A row of the import: a plain mapping (backendSku), or a bundle (components; backendSku its first). */
export interface SkuCsvRow {
  bcSku: string;
  backendSku: string;
  components?: SkuComponent[];
}

/**
 * Reads "bigcommerce_sku,backend_sku" rows (header optional, quotes allowed). A bundle / kit lists
 * its warehouse SKUs with quantities in the second column: "MUG-1*1|TEA-3*2" (issue 9 point 6).
 * Bad rows are reported by line and skipped; good ones are returned for a single transactional
 * upsert. A file of more than MAX_CSV_ROWS rows is refused as a whole (CsvTooLargeError), nothing imported.
 */
export async function parseSkuCsv(csv: string): Promise<{ rows: SkuCsvRow[]; errors: SkuImportResult['errors'] }> {
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
  const rows = new Map<string, SkuCsvRow>();
  records.forEach(({ fields: rec, line }, i) => {
    // Quoted fields keep their spaces; the keys are saved the way the order import looks them up.
    const [a = '', b = ''] = rec.map(normaliseMappingKey);
    if (i === 0 && header) return;
    if (rec.length < 2 || !a || !b) return void errors.push({ line, message: 'Needs two values: BigCommerce SKU, backend SKU.' });
    if (a.length > BC_SKU_MAX) return void errors.push({ line, message: `The BigCommerce SKU is longer than ${BC_SKU_MAX} characters.` });
    const cell = bundleCell(b);
    if (typeof cell === 'string') return void errors.push({ line, message: cell });
    if (cell && isBundle(cell)) return void rows.set(a, { bcSku: a, backendSku: cell[0]!.sku, components: cell });
    // "WH-1*1" is simply WH-1: a plain mapping.
    if (cell) return void rows.set(a, { bcSku: a, backendSku: cell[0]!.sku });
    if (b.length > BACKEND_SKU_MAX)
      return void errors.push({ line, message: `The backend SKU is longer than ${BACKEND_SKU_MAX} characters (the longest the fulfillment backend accepts).` });
    rows.set(a, { bcSku: a, backendSku: b });
  });
  return { rows: [...rows.values()], errors };
}

/** A cell's components when written with "*" or "|", what is wrong with it, or null for a plain SKU. */
function bundleCell(cell: string): SkuComponent[] | string | null {
  if (!cell.includes('|') && !/\*\s*\d+$/.test(cell)) return null;
  const parsed = parseComponentsNotation(cell);
  if (!parsed.ok) return parsed.message;
  const components = parsed.components.map((c) => ({ sku: normaliseMappingKey(c.sku), quantity: c.quantity }));
  const problems = Object.entries(componentProblems(components, BACKEND_SKU_MAX));
  if (problems.length > 0) {
    const [where, message] = problems[0]!;
    const index = /^components\.(\d+)\./.exec(where);
    const text = /[.!?]$/.test(message) ? message : `${message}.`;
    return index ? `Bundle part ${Number(index[1]) + 1} (${components[Number(index[1])]!.sku || 'empty'}): ${text}` : text;
  }
  return components;
}

/** A CSV field, quoted when it must be (RFC 4180). */
const field = (v: string) => (/[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * Every mapping of the store as the import reads it (header, then one row per BigCommerce SKU, a
 * bundle as "MUG-1*1|TEA-3*2"), read a page at a time from `page(afterBcSku, limit)`.
 */
export async function skuCsvOf(page: (afterBcSku: string | null, limit: number) => Promise<SkuMapping[]>): Promise<string> {
  const out = ['bigcommerce_sku,backend_sku'];
  let after: string | null = null;
  for (;;) {
    const batch = await page(after, 1_000);
    for (const m of batch) out.push(`${field(m.bcSku)},${field(componentsNotation(m.components))}`);
    if (batch.length < 1_000) break;
    after = batch[batch.length - 1]!.bcSku;
  }
  return `${out.join('\r\n')}\r\n`;
}

// Client-side checks for the SKU mapping CSV before it is POSTed as { csv }. The server does the
// real parsing and reports per-line errors; this only catches the obvious mistakes early. Pure.
import type { SkuImportResult } from '../../../server/api/contract.js';
import { plural } from './text.js';

export const SKU_CSV_HEADER = 'bigcommerce_sku,backend_sku';
/** Largest file we read into the page (about 20,000 rows). */
export const MAX_CSV_BYTES = 1024 * 1024;

export interface FileInfo {
  name: string;
  size: number;
  type: string;
}

/** Rejects files that are clearly not a small CSV; null when the file looks fine. */
export function checkCsvFile(file: FileInfo): string | null {
  const looksCsv = /\.(csv|txt)$/i.test(file.name) || /^text\/(csv|plain)$/i.test(file.type) || file.type === 'application/vnd.ms-excel';
  if (!looksCsv) return `“${file.name}” is not a CSV file. Export your sheet as CSV (comma-separated) and try again.`;
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > MAX_CSV_BYTES) return `“${file.name}” is larger than 1 MB. Split it into smaller files.`;
  return null;
}

/** Splits CSV text into records (RFC 4180 quotes, CRLF or LF). */
export function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

export type PreparedCsv = { ok: true; csv: string; rows: number } | { ok: false; error: string };

/**
 * Cleans pasted or uploaded text (byte-order mark, blank lines) and checks the header row.
 * `rows` is the number of data rows the server will read.
 */
export function prepareSkuCsv(text: string): PreparedCsv {
  const csv = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
  if (csv.trim() === '') {
    return { ok: false, error: `Paste the CSV or choose a file. The first line must be: ${SKU_CSV_HEADER}` };
  }
  const records = csvRecords(csv).filter((record) => record.some((field) => field.trim() !== ''));
  const header = (records[0] ?? []).map((field) => field.trim().toLowerCase());
  if (header.length !== 2 || header[0] !== 'bigcommerce_sku' || header[1] !== 'backend_sku') {
    return { ok: false, error: `The first line must be the header “${SKU_CSV_HEADER}”.` };
  }
  const rows = records.length - 1;
  if (rows === 0) return { ok: false, error: 'The file has a header but no mappings.' };
  return { ok: true, csv: `${csv}\n`, rows };
}

/** "3 mappings created, 2 updated." / "No mappings changed." plus the skipped-line count. */
export function importSummary(result: SkuImportResult): string {
  const { created, updated } = result;
  let text: string;
  if (created > 0 && updated > 0) text = `${plural(created, 'mapping', 'mappings')} created, ${updated.toLocaleString('en-US')} updated.`;
  else if (created > 0) text = `${plural(created, 'mapping', 'mappings')} created.`;
  else if (updated > 0) text = `${plural(updated, 'mapping', 'mappings')} updated.`;
  else text = 'No mappings changed.';
  if (result.errors.length > 0) text += ` ${plural(result.errors.length, 'line was', 'lines were')} skipped.`;
  return text;
}

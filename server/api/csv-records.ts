// A small RFC 4180 reader for the SKU import: csv-parse took about a second of blocked event loop
// for a 1 MB file (the import's limit), stalling webhook acknowledgements meanwhile; this one
// scans the text once with indexOf and slices, a few milliseconds for the same file.

export interface CsvRecord {
  fields: string[];
  /** 1-based line of the file where the record starts (blank lines counted). */
  line: number;
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`invalid CSV on line ${line}`);
    this.name = 'CsvSyntaxError';
  }
}

const isBlank = (c: number) => c === 32 || c === 9; // space, tab
/** An unquoted field: up to the next comma, line end or (invalid) quote. A lone CR is kept. */
const UNQUOTED = /(?:[^,\r\n"]|\r(?!\n))*/y;

/**
 * Records of `text`: a leading byte-order mark is dropped, LF or CRLF ends a record, fields are
 * trimmed of spaces and tabs outside quotes, `""` inside quotes is a quote, empty
 * (or blank) lines are skipped. A quote inside an unquoted field, text after a closing quote, or a quote never closed
 * throws CsvSyntaxError with the line.
 */
export function csvRecords(text: string): CsvRecord[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const n = s.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    // An empty line (LF or CRLF) is no record.
    if (s[i] === '\n') {
      i++;
      line++;
      continue;
    }
    if (s[i] === '\r' && s[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      while (i < n && isBlank(s.charCodeAt(i))) i++;
      if (s[i] === '"') {
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = s.indexOf('"', from);
          if (q < 0) throw new CsvSyntaxError(startLine);
          value += s.slice(from, q);
          if (s[q + 1] === '"') {
            value += '"';
            from = q + 2;
            continue;
          }
          line += countNewlines(s, i, q);
          i = q + 1;
          break;
        }
        while (i < n && isBlank(s.charCodeAt(i))) i++;
        fields.push(value);
      } else {
        UNQUOTED.lastIndex = i;
        UNQUOTED.test(s);
        const end = UNQUOTED.lastIndex;
        if (s[end] === '"') throw new CsvSyntaxError(line);
        fields.push(s.slice(i, end).replace(/[ \t]+$/, ''));
        i = end;
      }
      if (i >= n) break;
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === '\n' || (s[i] === '\r' && s[i + 1] === '\n')) {
        i += s[i] === '\r' ? 2 : 1;
        line++;
        break;
      }
      throw new CsvSyntaxError(line);
    }
    // A line of spaces only is as empty as an empty one.
    if (fields.length > 1 || fields[0] !== '') records.push({ fields, line: startLine });
  }
  return records;
}

function countNewlines(s: string, from: number, to: number): number {
  let count = 0;
  for (let k = s.indexOf('\n', from); k >= 0 && k < to; k = s.indexOf('\n', k + 1)) count++;
  return count;
}

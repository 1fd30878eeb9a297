import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse, type Info } from 'csv-parse';

// csv-parse's synchronous API blocks the event loop for most of a second on a 1 MB file (the
// import's limit), stalling webhook acknowledgements meanwhile. Its streaming parser is fed in
// small slices with a turn of the event loop between them, so other requests are served while a
// large file is read.

/** Characters handed to the parser per turn of the event loop. */
const SLICE = 32 * 1024;

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

/**
 * Records of `text`: a leading byte-order mark is dropped, LF or CRLF ends a record, fields are
 * trimmed outside quotes, `""` inside quotes is a quote, empty (or blank) lines are skipped, any
 * number of columns. Broken quoting rejects with CsvSyntaxError naming the line.
 */
export async function csvRecords(text: string): Promise<CsvRecord[]> {
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, trim: true, bom: true, info: true, raw: true });
  const records: CsvRecord[] = [];
  let lastLine = 0;
  let failure: CsvSyntaxError | undefined;
  parser.on('readable', () => {
    for (let r = parser.read() as Parsed | null; r !== null; r = parser.read() as Parsed | null) {
      lastLine = r.info.lines;
      records.push({ fields: r.record, line: startLine(r) });
    }
  });
  const ended = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('error', (err: Error & { code?: string; lines?: number }) => {
      // An unclosed quote is only noticed at the end of the file: name the line it opened on.
      const line = err.code === 'CSV_QUOTE_NOT_CLOSED' ? lastLine + 1 : (err.lines ?? lastLine + 1);
      failure = new CsvSyntaxError(Math.max(1, line));
      resolve();
    });
  });
  for (let i = 0; i < text.length && !failure; i += SLICE) {
    parser.write(text.slice(i, i + SLICE));
    await nextTurn();
  }
  if (!failure) parser.end();
  await ended;
  if (failure) throw failure;
  return records;
}

interface Parsed {
  record: string[];
  info: Info & { lines: number };
  raw: string;
}

/** csv-parse reports the line a record ends on; a quoted field may span several lines. */
function startLine(r: Parsed): number {
  // `raw` also holds the skipped blank lines before the record and its own line ending.
  const own = r.raw.replace(/^(?:[ \t]*\r?\n)+/, '').replace(/\r?\n$/, '');
  let spans = 0;
  for (let k = own.indexOf('\n'); k >= 0; k = own.indexOf('\n', k + 1)) spans++;
  return r.info.lines - spans;
}

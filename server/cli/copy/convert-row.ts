// SQLite keeps what PostgreSQL types strictly: booleans as 0/1, JSON as text, varchar without its
// limit. Each value is converted by the target column's type.
import { CopyError } from './copy-error.js';
import type { TargetColumn } from './postgres-target.js';
import type { Row } from './sqlite-source.js';

const INTEGER_TYPES = new Set(['smallint', 'integer', 'bigint']);
const NUMBER_TYPES = new Set(['real', 'double precision', 'numeric']);

function toBoolean(v: unknown): boolean {
  if (v === 1 || v === '1' || v === true || v === 'true') return true;
  if (v === 0 || v === '0' || v === false || v === 'false') return false;
  throw new Error('is not a boolean (0 or 1)');
}

function toInteger(v: unknown): number | bigint {
  if (typeof v === 'bigint') return v;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n)) throw new Error('is not a whole number');
  return n;
}

/** One value for a PostgreSQL column; throws a plain Error saying what is wrong with it. */
export function convertValue(v: unknown, column: TargetColumn): unknown {
  if (v === null || v === undefined) return null;
  if (column.type === 'boolean') return toBoolean(v);
  if (INTEGER_TYPES.has(column.type)) return toInteger(v);
  if (NUMBER_TYPES.has(column.type)) {
    const n = Number(v);
    if (!Number.isFinite(n)) throw new Error('is not a number');
    return n;
  }
  if (column.type === 'json' || column.type === 'jsonb') {
    // pg would serialise a string as a JSON string; SQLite holds the JSON document's text.
    const text = typeof v === 'string' ? v : JSON.stringify(v);
    try {
      JSON.parse(text);
    } catch {
      throw new Error('is not valid JSON');
    }
    return text;
  }
  if (typeof v === 'string') {
    if (v.includes('\u0000')) throw new Error('contains a NUL character, which PostgreSQL text cannot hold');
    if (column.maxLength !== null && v.length > column.maxLength && [...v].length > column.maxLength) {
      throw new Error(`is ${[...v].length} characters long, over the column's limit of ${column.maxLength}`);
    }
  }
  return v;
}

/**
 * The row as PostgreSQL takes it. A value that does not fit is named by table, column and the
 * row's rowid (never the value itself: it may be an encrypted secret or a customer's address).
 */
export function convertRow(table: string, row: Row, columns: readonly TargetColumn[]): Row {
  const out: Row = {};
  for (const c of columns) {
    try {
      out[c.name] = convertValue(row[c.name], c);
    } catch (err) {
      throw new CopyError(
        `${table}.${c.name} of row ${String(row.__rowid)} cannot be copied: its value ${(err as Error).message} (${c.type}). Fix that row in the source and copy again.`,
      );
    }
  }
  return out;
}

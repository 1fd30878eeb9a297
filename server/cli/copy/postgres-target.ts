// The PostgreSQL side of the copy: reach it (with a readable reason when it cannot be reached),
// read its tables, columns and foreign keys after migrating, and put the sequences back in step.
import type { Knex } from 'knex';
import { openPostgres } from '../../storage/postgres.js';
import { CopyError } from './copy-error.js';
import type { Row } from './sqlite-source.js';

export interface TargetColumn {
  name: string;
  /** information_schema data_type: 'boolean', 'bigint', 'integer', 'text', 'character varying', 'jsonb', … */
  type: string;
  /** varchar(n)'s n: SQLite never enforced it, so a longer value is named before PostgreSQL refuses it. */
  maxLength: number | null;
}

export interface TargetTable {
  name: string;
  columns: TargetColumn[];
}

export function openTarget(url: string): Knex {
  // Two connections: the copy's transaction, and nothing else competing (the app must be stopped).
  const db = openPostgres(url, { poolMax: 2, busyBudgetMs: 10_000 });
  // Knex prints a failed connection with its stack before rejecting with the same error, which
  // explainPostgresError words for the operator: the stack would only bury that message.
  const logger = (db.client as { logger?: { _warn?: (message: string) => void } }).logger;
  if (logger) logger._warn = (message) => void (message.startsWith('Acquire connection error') || console.warn(message));
  return db;
}

/** Why the target could not be used, in words; `shownUrl` is the redacted URL. */
export function explainPostgresError(err: unknown, shownUrl: string): CopyError | undefined {
  const e = (err ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN'].includes(code)) {
    return new CopyError(`Cannot reach PostgreSQL at ${shownUrl} (${code}). Is it running, and are host and port right?`);
  }
  if (code === '28P01' || code === '28000') return new CopyError(`PostgreSQL refused the login at ${shownUrl} (${code}): check the user and password.`);
  if (code === '3D000') return new CopyError(`The database in ${shownUrl} does not exist. Create it first (docs/postgresql.md, "Setting up PostgreSQL").`);
  if (code === '42501')
    return new CopyError(`The PostgreSQL user of ${shownUrl} lacks a privilege the copy needs (${message}). It must own the database or schema (docs/postgresql.md).`);
  if (/^[0-9A-Z]{5}$/.test(code)) return new CopyError(`PostgreSQL refused the copy (${code}): ${message.split(' - ').pop() ?? message}`);
  return undefined;
}

/** `?schema=name` in the URL: created when missing, so a fresh schema can be the target. */
export async function ensureSchema(db: Knex, url: string): Promise<void> {
  const schema = new URL(url).searchParams.get('schema');
  if (schema) await db.raw(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
}

const isAppTable = (name: string) => !name.startsWith('knex_');

/** The app's tables in the target schema with their columns, in foreign-key order (parents first). */
export async function targetTables(db: Knex): Promise<TargetTable[]> {
  const cols = await db.raw<{ rows: Row[] }>(
    `SELECT table_name, column_name, data_type, character_maximum_length FROM information_schema.columns
      WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  const byTable = new Map<string, TargetColumn[]>();
  for (const r of cols.rows) {
    const table = String(r.table_name);
    if (!isAppTable(table)) continue;
    const list = byTable.get(table) ?? [];
    list.push({ name: String(r.column_name), type: String(r.data_type), maxLength: r.character_maximum_length == null ? null : Number(r.character_maximum_length) });
    byTable.set(table, list);
  }
  const fks = await db.raw<{ rows: Row[] }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace n ON n.oid = k.connamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema()`,
  );
  const order = parentsFirst(
    [...byTable.keys()],
    fks.rows.map((r) => ({ child: String(r.child), parent: String(r.parent) })),
  );
  return order.map((name) => ({ name, columns: byTable.get(name) ?? [] }));
}

/**
 * Tables ordered so every table comes after the tables it references (Kahn's algorithm, by name
 * among equals so the order is stable). A table referencing itself is fine: its rows are copied
 * in insertion order. A cycle between tables cannot be copied row by row and is refused.
 */
export function parentsFirst(tables: readonly string[], edges: ReadonlyArray<{ child: string; parent: string }>): string[] {
  const waitingOn = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of edges) if (child !== parent && waitingOn.has(parent)) waitingOn.get(child)?.add(parent);
  const out: string[] = [];
  while (waitingOn.size > 0) {
    const ready = [...waitingOn]
      .filter(([, parents]) => parents.size === 0)
      .map(([t]) => t)
      .sort();
    if (ready.length === 0) throw new CopyError(`The tables ${[...waitingOn.keys()].join(', ')} reference each other in a cycle; the copy cannot order them.`);
    for (const t of ready) {
      out.push(t);
      waitingOn.delete(t);
      for (const parents of waitingOn.values()) parents.delete(t);
    }
  }
  return out;
}

/** Rows per table, for the "target is empty" check and the verification. */
export async function countRows(db: Knex, table: string): Promise<number> {
  const rows: Row[] = await db(table).count({ n: '*' });
  return Number(rows[0]?.n ?? 0);
}

/**
 * Rows were inserted with their ids, which does not move the id sequences: without this the
 * app's first insert would draw id 1 again and collide.
 */
export async function resetSequences(db: Knex): Promise<number> {
  const serial = await db.raw<{ rows: Row[] }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')`,
  );
  for (const r of serial.rows) {
    const table = String(r.table_name);
    const column = String(r.column_name);
    await db.raw(`SELECT setval(pg_get_serial_sequence(format('%I.%I', current_schema(), ?::text), ?), (SELECT COALESCE(MAX("${column}"), 0) + 1 FROM "${table}"), false)`, [
      table,
      column,
    ]);
  }
  return serial.rows.length;
}

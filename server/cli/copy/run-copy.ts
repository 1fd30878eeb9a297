// SQLite → PostgreSQL, all or nothing: every row is inserted inside one PostgreSQL transaction
// that commits only once the counts match and the source was not written meanwhile. A failed copy
// leaves the target as empty as it found it (migrated), so running it again is always safe.
import type { Knex } from 'knex';
import { migrationSource } from '../../../migrations/index.js';
import { migrateToLatest } from '../../storage/db.js';
import type { CopyArgs } from './args.js';
import { redactUrl } from './args.js';
import { CopyError } from './copy-error.js';
import { convertRow } from './convert-row.js';
import { countRows, ensureSchema, explainPostgresError, openTarget, resetSequences, targetTables, type TargetTable } from './postgres-target.js';
import { checkNotRunning, checkSourceVersion, dataVersion, explainSqliteError, openSqliteSource, readBatches, sourceColumns, sourceTables } from './sqlite-source.js';

export interface CopyDeps {
  print: (line: string) => void;
  now: () => number;
  /** Called after each batch is inserted (tests write to the source here, as a running app would). */
  afterBatch?: (table: string, copied: number) => Promise<void>;
}

export interface CopySummary {
  tables: Array<{ name: string; rows: number }>;
  rows: number;
  sequences: number;
}

const PROGRESS_EVERY = 10_000;
const fmt = (n: number) => n.toLocaleString('en-US');
const rows = (n: number) => `${fmt(n)} row${n === 1 ? '' : 's'}`;

async function migrateTarget(db: Knex): Promise<void> {
  try {
    await migrateToLatest(db);
  } catch (err) {
    // Knex's words for a migration log naming files this version does not have.
    if (/migration directory is corrupt/i.test((err as Error).message ?? '')) {
      throw new CopyError('The target was migrated by a newer version of Fulfillment Bridge than this one. Use that version, or a new database.');
    }
    throw err;
  }
}

async function checkTargetEmpty(db: Knex, tables: readonly TargetTable[]): Promise<void> {
  const filled: string[] = [];
  for (const t of tables) {
    const n = await countRows(db, t.name);
    if (n > 0) filled.push(`${t.name}: ${rows(n)}`);
  }
  if (filled.length > 0) {
    throw new CopyError(
      `The target already holds data (${filled.join(', ')}). The copy only fills an empty database, so it can never mix two store bases or overwrite one. Point --to at a new database or schema, or drop and recreate this one.`,
    );
  }
}

async function checkSameTables(source: Knex, tables: readonly TargetTable[]): Promise<void> {
  const inSource = new Set(await sourceTables(source));
  const inTarget = new Set(tables.map((t) => t.name));
  const differ = [...inSource].filter((t) => !inTarget.has(t)).concat([...inTarget].filter((t) => !inSource.has(t)));
  if (differ.length > 0) throw new CopyError(`Source and target tables differ after migrating (${differ.sort().join(', ')}); nothing was copied.`);
  for (const t of tables) {
    const cols = new Set(await sourceColumns(source, t.name));
    const missing = t.columns.filter((c) => !cols.has(c.name)).map((c) => c.name);
    if (missing.length > 0) throw new CopyError(`The source's ${t.name} lacks ${missing.join(', ')}; nothing was copied.`);
  }
}

async function copyTable(source: Knex, target: Knex, t: TargetTable, args: CopyArgs, deps: CopyDeps): Promise<number> {
  const expected = await countRows(source, t.name);
  const names = t.columns.map((c) => c.name);
  let copied = 0;
  for await (const batch of readBatches(source, t.name, names, args.batchSize)) {
    await target(t.name).insert(batch.map((row) => convertRow(t.name, row, t.columns)));
    const before = copied;
    copied += batch.length;
    if (Math.floor(copied / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY)) deps.print(`  ${t.name}: ${fmt(copied)} of ${fmt(expected)} rows…`);
    await deps.afterBatch?.(t.name, copied);
  }
  const landed = await countRows(target, t.name);
  if (copied !== expected || landed !== expected) {
    throw new CopyError(`${t.name}: the source has ${fmt(expected)} rows, ${fmt(copied)} were read and ${fmt(landed)} landed; nothing was copied.`);
  }
  deps.print(`  ${t.name}: ${rows(landed)}`);
  return landed;
}

async function copyAll(source: Knex, target: Knex, args: CopyArgs, deps: CopyDeps): Promise<CopySummary> {
  const shown = redactUrl(args.targetUrl);
  await checkSourceVersion(source, await migrationSource.getMigrations([]));
  await checkNotRunning(source, deps.now());
  deps.print(`Source ${args.sourceFile}: at the latest migration, not in use.`);

  await ensureSchema(target, args.targetUrl);
  await migrateTarget(target);
  const tables = await targetTables(target);
  await checkTargetEmpty(target, tables);
  await checkSameTables(source, tables);
  deps.print(`Target ${shown}: migrated, empty. Copying ${tables.length} tables in batches of ${args.batchSize}:`);

  const before = await dataVersion(source);
  const summary = await target.transaction(async (ttx) => {
    const copied: CopySummary['tables'] = [];
    // One read transaction: every table comes from the same snapshot of the file.
    await source.transaction(async (stx) => {
      for (const t of tables) copied.push({ name: t.name, rows: await copyTable(stx, ttx, t, args, deps) });
    });
    if ((await dataVersion(source)) !== before) {
      throw new CopyError('The source changed while it was being copied: the app is still running on it. Stop every instance, then copy again (the target was left empty).');
    }
    const sequences = await resetSequences(ttx);
    return { tables: copied, rows: copied.reduce((n, t) => n + t.rows, 0), sequences };
  });
  deps.print(`Copied ${rows(summary.rows)} in ${summary.tables.length} tables; every table's row count matches; ${summary.sequences} id sequences moved past the copied ids.`);
  deps.print(`Next: start the app with DATABASE_URL=${shown} (and the same ENCRYPTION_KEY), keep ${args.sourceFile} as the fallback.`);
  return summary;
}

/** Copies args.sourceFile into args.targetUrl; throws CopyError with a readable message on any failure. */
export async function runCopy(args: CopyArgs, deps: CopyDeps): Promise<CopySummary> {
  const source = openSqliteSource(args.sourceFile);
  const target = openTarget(args.targetUrl);
  try {
    return await copyAll(source, target, args, deps);
  } catch (err) {
    if (err instanceof CopyError) throw err;
    throw explainSqliteError(err, args.sourceFile) ?? explainPostgresError(err, redactUrl(args.targetUrl)) ?? err;
  } finally {
    await Promise.allSettled([source.destroy(), target.destroy()]);
  }
}

// The arguments of `npm run copy-db` and how a database URL is shown to people. A URL can carry a
// password (postgres://user:password@host/db): it is never printed as typed, only redacted.
import { resolve } from 'node:path';
import { z } from 'zod';

export interface CopyArgs {
  /** Absolute path of the SQLite file to read (opened read-only). */
  sourceFile: string;
  /** postgres:// URL of the target, password included: hand it to the driver only, never print it. */
  targetUrl: string;
  /** Rows per INSERT (and per read from SQLite). */
  batchSize: number;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = [
  'Usage: npm run copy-db -- --from sqlite:<file> --to postgres://user:password@host:5432/database[?schema=name] [--batch-size 500]',
  'Copies every table of a stopped Fulfillment Bridge from SQLite to an empty PostgreSQL database (docs/postgresql.md).',
].join('\n');

/** `postgres://fb:secret@db/app` → `postgres://fb:***@db/app`; anything unparsable is masked the same way. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) {
      u.password = '***';
      return u.toString();
    }
    return url;
  } catch {
    // Not a URL (a typo): still hide whatever sits between "user:" and "@".
    return url.replace(/(\/\/[^/:@]*:)[^@/]*@/, '$1***@');
  }
}

const sqliteUrl = z
  .string()
  .regex(/^sqlite:/, 'must be a SQLite URL, sqlite:<file path> (the DATABASE_URL the app used)')
  .refine((v) => v !== 'sqlite::memory:' && v.length > 'sqlite:'.length, 'must name a SQLite file, not sqlite::memory: or an empty path');

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//i, 'must be a PostgreSQL URL, postgres://user:password@host:5432/database')
  .refine((v) => URL.canParse(v), 'is not a valid URL (a password with @ : / or # must be percent-encoded)')
  .refine((v) => URL.canParse(v) && new URL(v).pathname.length > 1, 'must name the database: postgres://user:password@host:5432/database')
  .refine(
    (v) => !URL.canParse(v) || /^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(new URL(v).searchParams.get('schema') ?? 'public'),
    '?schema= must be a plain identifier (letters, digits, _)',
  );

const argsSchema = z.object({
  from: sqliteUrl,
  to: postgresUrl,
  'batch-size': z.coerce.number().int('must be a whole number').min(1).max(5_000).default(500),
});

/** Parses `--from X --to Y [--batch-size N]` (or `--from=X`); throws UsageError naming each problem. */
export function parseCopyArgs(argv: readonly string[]): CopyArgs {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const m = /^--(from|to|batch-size)(?:=(.*))?$/.exec(arg);
    if (!m?.[1]) throw new UsageError(`Unknown argument ${JSON.stringify(redactUrl(arg))}.\n${USAGE}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined || (m[2] === undefined && value.startsWith('--'))) throw new UsageError(`--${m[1]} needs a value.\n${USAGE}`);
    if (raw[m[1]] !== undefined) throw new UsageError(`--${m[1]} is given twice.\n${USAGE}`);
    raw[m[1]] = value;
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? '');
      const value = raw[name];
      return value === undefined ? `--${name} is missing` : `--${name} ${redactUrl(value)}: ${i.message}`;
    });
    throw new UsageError(`${problems.join('\n')}\n${USAGE}`);
  }
  return { sourceFile: resolve(parsed.data.from.replace(/^sqlite:/, '')), targetUrl: parsed.data.to, batchSize: parsed.data['batch-size'] };
}

// `npm run copy-db -- --from sqlite:./data/app.sqlite --to postgres://user:password@host/db`:
// moves a store base from SQLite to PostgreSQL (docs/postgresql.md). Exit code 0 when copied,
// 1 when the copy failed (nothing is left half-copied), 2 on bad arguments.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCopyArgs, UsageError, USAGE } from './copy/args.js';
import { CopyError } from './copy/copy-error.js';
import { runCopy, type CopyDeps } from './copy/run-copy.js';

export async function copyDatabaseCli(argv: readonly string[], deps: CopyDeps & { error: (line: string) => void }): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    deps.print(USAGE);
    return 0;
  }
  let args;
  try {
    args = parseCopyArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    deps.error(err.message);
    return 2;
  }
  try {
    await runCopy(args, deps);
    return 0;
  } catch (err) {
    if (err instanceof CopyError) {
      deps.error(`Copy failed: ${err.message}`);
    } else {
      // Not the message: a driver error can quote SQL and the values bound to it.
      const code = (err as { code?: unknown } | null)?.code;
      deps.error(
        `Copy failed (${typeof code === 'string' ? code : err instanceof Error ? err.name : 'error'}); the target was left without copied rows. Run it again, or report this.`,
      );
    }
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  copyDatabaseCli(process.argv.slice(2), { print: (l) => console.log(l), error: (l) => console.error(l), now: Date.now }).then(
    (code) => process.exit(code),
    () => {
      console.error('Copy failed unexpectedly; the target was left without copied rows.');
      process.exit(1);
    },
  );
}

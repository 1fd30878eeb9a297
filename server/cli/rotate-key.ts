import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../config/env.js';
import { openDatabase } from '../storage/db.js';
import { DatabaseFileError, explainDatabaseBootError } from '../storage/db-file-check.js';
import { rotateSecrets, type ColumnReport } from '../storage/rotate-secrets.js';
import { TokenCipher } from '../storage/token-cipher.js';

/** Human-readable lines for the operator; store hashes only, never a value or a key. */
export function describeRotation(reports: ColumnReport[]): string[] {
  const lines = reports.map((r) => `${r.table}.${r.column}: ${r.reencrypted} re-encrypted, ${r.alreadyCurrent} already current, ${r.unreadable.length} unreadable`);
  const unreadable = reports.filter((r) => r.unreadable.length > 0);
  if (unreadable.length === 0) {
    lines.push('Every secret is encrypted with ENCRYPTION_KEY; ENCRYPTION_KEY_PREVIOUS can be removed.');
  } else {
    for (const r of unreadable) lines.push(`  unreadable ${r.table}.${r.column} for stores: ${r.unreadable.join(', ')}`);
    lines.push(
      'Some values open with none of the configured keys. If the key they were written with still exists, add it to ENCRYPTION_KEY_PREVIOUS and run this again.',
      'Otherwise those stores show "re-authorise" (access token: reinstall the app) or "reconnect the warehouse" (API key: enter it again in Settings); webhook secrets are replaced automatically.',
    );
  }
  return lines;
}

/**
 * `npm run rotate-key`: re-encrypts every stored secret with ENCRYPTION_KEY, reading values
 * written with a key listed in ENCRYPTION_KEY_PREVIOUS. Exit code 0 when every value is current,
 * 2 when some could not be read, 1 on a configuration or database error.
 */
export async function runRotateKey(env: NodeJS.ProcessEnv, print: (line: string) => void, now = Date.now()): Promise<number> {
  let config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      print(err.message);
      return 1;
    }
    throw err;
  }
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(config.databaseUrl);
  } catch (err) {
    if (!(err instanceof DatabaseFileError)) throw err;
    print(err.message);
    return 1;
  }
  try {
    if (!(await db.schema.hasTable('stores')) || !(await db.schema.hasTable('store_settings'))) {
      // A mistyped DATABASE_URL opens an empty file: say so rather than report "0 re-encrypted".
      print(`No Fulfillment Bridge database at ${config.databaseUrl} (its tables are missing). Check DATABASE_URL, or start the app once to create it.`);
      return 1;
    }
    const reports = await rotateSecrets(db, new TokenCipher(config.encryptionKey, config.previousEncryptionKeys), now);
    for (const line of describeRotation(reports)) print(line);
    return reports.some((r) => r.unreadable.length > 0) ? 2 : 0;
  } catch (err) {
    // A corrupt or unwritable file: the same explanation the server gives at boot, no stack.
    const explained = explainDatabaseBootError(err, config.databaseUrl.replace(/^sqlite:/, ''));
    if (!explained) throw err;
    print(explained.message);
    return 1;
  } finally {
    await db.destroy();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runRotateKey(process.env, (line) => console.log(line)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      // Not the message: a database error can quote the SQL with its bound (encrypted) values.
      const code = (err as { code?: unknown } | null)?.code;
      console.error(`Key rotation failed (${typeof code === 'string' ? code : err instanceof Error ? err.name : 'error'}); nothing already re-encrypted is lost, run it again.`);
      process.exit(1);
    },
  );
}

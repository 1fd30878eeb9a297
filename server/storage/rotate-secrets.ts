import type { Knex } from 'knex';
import type { TokenCipher } from './token-cipher.js';

/** Every encrypted column: the table, its key column and the secret. */
export const ENCRYPTED_COLUMNS = [
  { table: 'stores', key: 'hash', column: 'access_token_enc' },
  { table: 'store_settings', key: 'store_hash', column: 'backend_api_key_enc' },
  { table: 'store_settings', key: 'store_hash', column: 'webhook_secret_enc' },
] as const;

export interface ColumnReport {
  table: string;
  column: string;
  /** Re-encrypted with the current key (were sealed with a previous key or the old format). */
  reencrypted: number;
  alreadyCurrent: number;
  /** Store hashes whose value no configured key opens (left as they are: see README). */
  unreadable: string[];
}

const BATCH = 500;

/**
 * Re-encrypts every stored secret with the current key (`npm run rotate-key`). Values already
 * sealed with it are left alone, so running it twice is harmless; unreadable ones are reported,
 * never deleted (listing the old key in ENCRYPTION_KEY_PREVIOUS and running again recovers them).
 * Each update is conditional on the value read, so it is safe while the app is running.
 */
export async function rotateSecrets(db: Knex, cipher: TokenCipher, now: number): Promise<ColumnReport[]> {
  const reports: ColumnReport[] = [];
  for (const { table, key, column } of ENCRYPTED_COLUMNS) {
    const report: ColumnReport = { table, column, reencrypted: 0, alreadyCurrent: 0, unreadable: [] };
    let after = '';
    for (;;) {
      const rows: Array<Record<string, unknown>> = await db(table).whereNotNull(column).where(key, '>', after).orderBy(key).limit(BATCH).select(key, column);
      for (const r of rows) {
        const id = String(r[key]);
        const sealed = String(r[column]);
        const opened = cipher.tryOpen(sealed);
        if (!opened) report.unreadable.push(id);
        else if (!opened.stale) report.alreadyCurrent++;
        else {
          const changed = await db(table)
            .where({ [key]: id, [column]: sealed })
            .update({ [column]: cipher.encrypt(opened.plain), updated_at: now });
          // 0 means the app rewrote it meanwhile, with the current key.
          if (changed > 0) report.reencrypted++;
          else report.alreadyCurrent++;
        }
      }
      if (rows.length < BATCH) break;
      after = String(rows[rows.length - 1]![key]);
    }
    reports.push(report);
  }
  return reports;
}

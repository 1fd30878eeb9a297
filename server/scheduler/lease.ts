// The scheduler's leader lease (issue 10 point 1): a row naming the instance that runs the periodic
// work and until when. One statement takes it (free, expired, or already ours) and renews it, so
// two instances can never both hold it: the database decides, on SQLite and PostgreSQL alike.
import type { Knex } from 'knex';
import { rawRows } from '../jobs/rows.js';

const TAKE_SQL = `
  INSERT INTO scheduler_lease (name, owner, expires_at) VALUES (?, ?, ?)
  ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
  WHERE scheduler_lease.owner = excluded.owner OR scheduler_lease.expires_at <= ?
  RETURNING owner`;

export interface LeaseClaim {
  name: string;
  owner: string;
  now: number;
  ttlMs: number;
}

/** Takes or renews the lease until now + ttlMs; false while another owner's lease runs. */
export async function takeLease(db: Knex, c: LeaseClaim): Promise<boolean> {
  return rawRows<{ owner: string }>(await db.raw(TAKE_SQL, [c.name, c.owner, c.now + c.ttlMs, c.now])).length > 0;
}

/** Gives the lease up (graceful shutdown), so another instance takes over at its next tick, not after expiry. */
export async function releaseLease(db: Knex, name: string, owner: string): Promise<void> {
  await db('scheduler_lease').where({ name, owner }).delete();
}

import type { Knex } from 'knex';

/**
 * Runs `fn` once what `q` wrote is visible to other connections: at once outside a transaction,
 * after the commit inside one (nothing on rollback). A worker woken before the commit would find
 * nothing and sleep a full poll interval. Inside a nested transaction (a savepoint) this fires
 * when the savepoint is released, which may be before the outer commit: the worker's next poll
 * then picks the job up, as before.
 */
export function afterCommit(q: Knex | undefined, fn: () => void): void {
  const trx = q as Partial<Knex.Transaction> | undefined;
  if (!trx?.executionPromise) return fn();
  // A rollback rejects executionPromise; the caller sees that failure on its own path.
  trx.executionPromise.then(fn, () => undefined);
}

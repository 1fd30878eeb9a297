// A raw query's result is an array on better-sqlite3 but `{ rows }` on PostgreSQL (pg): repos read
// it through rawRows, so the same code serves both.
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { MappingsRepo } from '../../server/storage/mappings-repo.js';
import { WebhookEventsRepo } from '../../server/storage/webhook-events-repo.js';
import { statementsSent } from '../helpers/portable-sql.js';
import { openTestDatabase } from '../helpers/test-database.js';

/** A Knex stand-in whose raw queries answer the way the pg driver does. */
const pgShaped = (rows: unknown[]) => ({ raw: async () => ({ command: 'SELECT', rowCount: rows.length, rows }) }) as unknown as Knex;

describe('raw query results', () => {
  it('webhook topics read PostgreSQL-shaped results', async () => {
    expect(await new WebhookEventsRepo(pgShaped([{ topic: 'store/order/created' }, { topic: 'store/order/updated' }])).topics('s1')).toEqual([
      'store/order/created',
      'store/order/updated',
    ]);
  });

  it('a new SKU mapping asks for its id back (PostgreSQL returns none otherwise)', async () => {
    const { db, close } = await openTestDatabase();
    try {
      await db('stores').insert({ hash: 's1', status: 'installed', installed_at: 1, updated_at: 1 });
      let created: { id: number } | undefined;
      const sent = await statementsSent(db, async () => {
        created = await new MappingsRepo(db).createSku('s1', { bcSku: 'A', backendSku: 'WH-A' }, 1);
      });
      expect(sent.find((q) => /^insert/i.test(q.sql))?.sql).toMatch(/returning [`"]id[`"]$/i);
      expect(created).toEqual({ id: Number((await db('sku_mappings').first('id')).id), bcSku: 'A', backendSku: 'WH-A', components: [{ sku: 'WH-A', quantity: 1 }], revision: 1 });
    } finally {
      await close();
    }
  });
});

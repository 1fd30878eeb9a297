// Quick measurement, not a test: the Orders list queries with 100,000 orders in one store and
// 1,000,000 in the table (SQLite file in the temp directory, kept between runs).
//   npx tsx test/storage/orders-scale-measure.ts        (IN_STORE, TOTAL and DB override the sizes and file)
// It prints wall time and this process's CPU time (SQLite runs in it, synchronously): the CPU time
// is the steadier figure on a shared machine.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase } from '../../server/storage/db.js';
import { OrdersQuery, type OrdersFilter } from '../../server/storage/orders-query.js';

const STORE = 'big';
const IN_STORE = Number(process.env.IN_STORE ?? 100_000);
const TOTAL = Number(process.env.TOTAL ?? 1_000_000);
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

const db = openDatabase(process.env.DB ?? `sqlite:${join(tmpdir(), 'orders-scale.sqlite')}`);
await migrateToLatest(db);
if (Number((await db('orders').count({ n: '*' }))[0]!.n) !== TOTAL) {
  const started = Date.now();
  await db('orders').delete();
  // One statement: the first IN_STORE orders are the big store's, the rest spread over 300 stores.
  // Twelve states in a fixed mix, ten first and ten last names, 5,000 SKUs, dates over 330 days.
  await db.raw(
    `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
     INSERT INTO orders (store_hash, order_id, state, customer, customer_email, sku_search, order_date, created_at, updated_at)
     SELECT CASE WHEN i <= ? THEN ? ELSE 's' || (i % 300) END, i,
       CASE i % 12 WHEN 0 THEN 'sent' WHEN 1 THEN 'sent' WHEN 2 THEN 'sent' WHEN 3 THEN 'shipped' WHEN 4 THEN 'shipped'
         WHEN 5 THEN 'shipped' WHEN 6 THEN 'shipped' WHEN 7 THEN 'cancelled' WHEN 8 THEN 'needs_attention'
         WHEN 9 THEN 'failed' WHEN 10 THEN 'waiting' ELSE 'retrying' END,
       'First' || (i % 10) || ' Last' || ((i / 10) % 10) || ' ' || i,
       'first' || (i % 10) || '.last' || ((i / 10) % 10) || '.' || i || '@example.com',
       'sku-' || (i % 5000) || ' wh-' || (i % 5000) || ' lamp-' || (i % 7),
       ? + (i * ?) / ?, 1, 1
     FROM k`,
    [TOTAL, IN_STORE, STORE, T0, 330 * DAY, TOTAL],
  );
  console.log(`seeded ${TOTAL} orders (${IN_STORE} in one store) in ${Date.now() - started} ms`);
}

const q = new OrdersQuery(db);
async function time(label: string, f: OrdersFilter, page = 1): Promise<void> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let last: Awaited<ReturnType<OrdersQuery['list']>> | undefined;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const c = process.cpuUsage();
    last = await q.list(STORE, f, page, 25);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    wall.push(performance.now() - started);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(0).padStart(5)} ms`;
  console.log(
    `${label.padEnd(34)} wall median ${ms(wall[2]!)} max ${ms(wall[4]!)} | cpu median ${ms(cpu[2]!)} | total ${last!.total}${last!.totalCapped ? '+' : ''}, ${last!.items.length} shown`,
  );
}

await time('no filter', {});
await time('no filter, page 400', {}, 400);
await time('state=shipped', { state: 'shipped' });
await time('state=attention', { state: 'attention' });
await time('order number', { search: { orderId: 4242 } });
await time('date range (one week)', { from: T0 + 10 * DAY, to: T0 + 17 * DAY });
await time('date range (whole year)', { from: T0, to: T0 + 365 * DAY });
await time('text: common name "last1 "', { search: { text: 'last1 ' } });
await time('text: one e-mail ".4242@"', { search: { text: '.4242@' } });
await time('text: no match "zzz"', { search: { text: 'zzz' } });
await time('text: SKU "sku-4242" (far apart)', { search: { text: 'sku-4242' } });
await time('text + state=failed', { search: { text: 'last1 ' }, state: 'failed' });
await time('text + one week', { search: { text: 'last1 ' }, from: T0 + 10 * DAY, to: T0 + 17 * DAY });
{
  const started = performance.now();
  const { rows, truncated } = await q.forExport(STORE, {}, 10_000);
  console.log(`${'export 10,000 rows'.padEnd(34)} wall ${(performance.now() - started).toFixed(0)} ms, ${rows.length} rows, truncated ${truncated}`);
}
await db.destroy();

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enqueueJob, JOB, JOBS, jobInput, SERIAL_PER_STORE, type JobKindName } from '../../server/flows/job-catalogue.js';
import { jobHandlers } from '../../server/flows/runtime.js';
import { catalogueHandlers, JobWorker, PermanentJobError, type CatalogueHandlers, type JobRecord } from '../../server/jobs/index.js';
import type { Services } from '../../server/services.js';
import { openTestDb, type TestDb } from './helpers.js';

// Issue 10 point 5: the typed job catalogue. Kind strings and dedupe keys are stored in the jobs
// table of existing databases, so the strings below are the ones the hand-written enqueues used.

const S = 'abc123';

/** Per kind: a request, and the dedupe key the hand-written enqueue stored for it (null: none). */
const BEFORE: { [K in JobKindName]: { payload?: unknown; key: string | null; maxAttempts?: number } } = {
  'order.sync': { payload: { orderId: 42 }, key: `order:${S}:42` },
  'order.set-status': { payload: { orderId: 42, statusId: 2, ifStatusId: 11 }, key: null },
  'order.shipped-status': { payload: { orderId: 42, since: 1_000, statusBefore: 11 }, key: `shipped-status:${S}:42` },
  'orders.reconcile': { key: `reconcile:${S}` },
  'webhooks.reconcile': { key: `hooks:${S}` },
  'fulfillment.event': { payload: { eventRowId: 7 }, key: null },
  'fulfillment.poll': { key: `poll:${S}` },
  'fulfillment.shipment-retry': { payload: { backendShipmentId: 'shp_1' }, key: `shipment:${S}:shp_1` },
  'inventory.push': { key: `inventory:${S}` },
  'retention.purge': { key: 'retention', maxAttempts: 3 },
  'store.refresh': { payload: {}, key: `refresh:${S}` },
  'notifications.send': { key: `notify:${S}`, maxAttempts: 1 },
  'readiness.scan': { key: `readiness:${S}`, maxAttempts: 5 },
  'orders.backfill': { payload: { backfillId: 3 }, key: `backfill:${S}` },
};

/** A request built at run time (the table above), past the compile-time check on purpose. */
const requestOf = (kind: JobKindName) => ({ storeHash: S, payload: BEFORE[kind].payload }) as never;

describe('the job catalogue', () => {
  it('has an entry with a payload schema for every kind, and the kind strings stored in existing databases', () => {
    expect(Object.values(JOB).sort()).toEqual(Object.keys(JOBS).sort());
    expect(Object.keys(BEFORE).sort()).toEqual(Object.keys(JOBS).sort());
    for (const spec of Object.values(JOBS)) expect(typeof spec.payload.safeParse).toBe('function');
    expect(JOB).toMatchObject({ orderSync: 'order.sync', inventoryPush: 'inventory.push', webhooksReconcile: 'webhooks.reconcile', retention: 'retention.purge' });
  });

  it('gives every kind the dedupe key and attempt budget the hand-written enqueues used', () => {
    for (const kind of Object.keys(BEFORE) as JobKindName[]) {
      const input = jobInput(kind, requestOf(kind));
      expect({ kind, key: input.dedupeKey ?? null, maxAttempts: input.maxAttempts }).toEqual({ kind, key: BEFORE[kind].key, maxAttempts: BEFORE[kind].maxAttempts });
      expect(input).toMatchObject({ storeHash: S, kind });
    }
  });

  it('runs inventory pushes and webhook reconciliations one at a time per store, under their old keys', () => {
    expect(Object.keys(SERIAL_PER_STORE).sort()).toEqual([JOB.inventoryPush, JOB.webhooksReconcile].sort());
    expect(SERIAL_PER_STORE[JOB.inventoryPush]?.(S)).toBe(`inventory:${S}`);
    expect(SERIAL_PER_STORE[JOB.webhooksReconcile]?.(S)).toBe(`hooks:${S}`);
  });

  it('stores a kind without payload as JSON null, as before, and the parsed payload of the others', () => {
    expect(jobInput(JOB.inventoryPush, { storeHash: S }).payload).toBeNull();
    expect(jobInput(JOB.orderShippedStatus, { storeHash: S, payload: { orderId: 1, since: 5 } }).payload).toEqual({ orderId: 1, since: 5, statusBefore: null });
  });

  it('registers a handler for every kind in the worker', () => {
    // The handlers close over the services; none is called here.
    expect(Object.keys(jobHandlers({} as Services)).sort()).toEqual(Object.keys(JOBS).sort());
  });

  it('refuses to enqueue a payload that does not match its kind (one the compiler could not see)', async () => {
    const queue = { enqueue: vi.fn(async () => ({ id: 1, deduped: false })) };
    const bad = { storeHash: S, payload: { orderId: 'forty-two' } } as never;
    await expect(enqueueJob(queue, JOB.orderSync, bad)).rejects.toThrow(/order\.sync job does not match its schema.*orderId/);
    expect(queue.enqueue).not.toHaveBeenCalled();
  });
});

// Never called: `npm run typecheck` fails if one of these lines stops being an error.
export function compileTimeChecks(queue: Parameters<typeof enqueueJob>[0]) {
  // @ts-expect-error orderId must be a number
  void enqueueJob(queue, JOB.orderSync, { storeHash: S, payload: { orderId: '42' } });
  // @ts-expect-error an order sync needs its order
  void enqueueJob(queue, JOB.orderSync, { storeHash: S });
  // @ts-expect-error the key comes from the catalogue, not from the producer
  void enqueueJob(queue, JOB.inventoryPush, { storeHash: S, dedupeKey: 'mine' });
  // @ts-expect-error not a kind of the catalogue
  void enqueueJob(queue, 'order.synk', { storeHash: S });
  void enqueueJob(queue, JOB.inventoryPush, { storeHash: S });
}

describe('a handler gets its payload parsed', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb({ maxAttempts: 5 });
  });
  afterEach(() => t.close());

  function workerWith(seen: unknown[], onDead: (job: JobRecord, err: Error) => void) {
    const record = async (job: { payload: unknown }) => void seen.push(job.payload);
    const handlers = Object.fromEntries(Object.keys(JOBS).map((kind) => [kind, record])) as unknown as CatalogueHandlers<typeof JOBS>;
    return new JobWorker({ db: t.db, queue: t.queue, handlers: catalogueHandlers(JOBS, handlers), events: { onDead }, logger: t.logs.logger, clock: t.clock });
  }

  it('typed as its schema says', async () => {
    const seen: unknown[] = [];
    await enqueueJob(t.queue, JOB.orderShippedStatus, { storeHash: S, payload: { orderId: 9, since: 1 } });
    expect(await workerWith(seen, () => undefined).runUntilIdle()).toMatchObject({ claimed: 1, dead: 0 });
    expect(seen).toEqual([{ orderId: 9, since: 1, statusBefore: null }]);
  });

  it('one that does not parse fails the job for good at its first attempt, saying what is wrong, without calling the handler', async () => {
    const seen: unknown[] = [];
    const dead: Error[] = [];
    // As a row written by an older version, or by hand: the queue itself takes any payload.
    const { id } = await t.queue.enqueue({ storeHash: S, kind: JOB.orderSync, payload: { orderId: 'forty-two' } });
    expect(await workerWith(seen, (_job, err) => void dead.push(err)).runUntilIdle()).toMatchObject({ claimed: 1, dead: 1, retried: 0 });
    expect(seen).toEqual([]);
    const job = await t.queue.get(id);
    expect(job).toMatchObject({ state: 'dead', attempts: 1 });
    expect(job!.lastError).toMatch(/^PermanentJobError: Job \d+ \(order\.sync\) has a payload its handler cannot read: .*expected number, received string.*orderId/);
    expect(dead).toHaveLength(1);
    expect(dead[0]).toBeInstanceOf(PermanentJobError);
  });

  it('the app’s own handlers refuse a bad payload before they touch a service', async () => {
    const handler = jobHandlers({} as Services)[JOB.ordersBackfill]!;
    const job: JobRecord = {
      id: 5,
      storeHash: S,
      kind: JOB.ordersBackfill,
      payload: null,
      dedupeKey: null,
      state: 'running',
      attempts: 1,
      maxAttempts: 20,
      runAt: 0,
      lastError: null,
      createdAt: 0,
      updatedAt: 0,
    };
    await expect(handler(job, { signal: new AbortController().signal })).rejects.toThrow(
      /Job 5 \(orders\.backfill\) has a payload its handler cannot read: .*expected object, received null/,
    );
  });
});

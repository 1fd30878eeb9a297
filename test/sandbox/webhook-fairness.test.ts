import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, install, startEnv, type Env } from './helpers.js';
import { startReceiver, type Receiver } from './receiver.js';

// BigCommerce's webhook service is not one queue for all stores: one store's burst must not hold
// back another store's next event (the fairness benchmark depends on it, issue 7 point 4).

describe('sandbox webhook delivery across stores', () => {
  let env: Env;
  let rx: Receiver;
  beforeEach(async () => {
    env = await startEnv();
    rx = await startReceiver();
    env.sandbox.control.createStore({ hash: 'storeb' });
    for (const hash of ['sbx1234', 'storeb']) {
      const token = await install(env, hash);
      const res = await api(env, `/stores/${hash}/v3/hooks`, token, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ scope: 'store/order/created', destination: `${rx.url}/webhooks` }),
      });
      expect(res.status).toBe(200);
    }
  });
  afterEach(async () => {
    await env.close();
    await rx.close();
  });

  it("a store's next event is delivered before another store's backlog, one store at a time in turn", async () => {
    env.sandbox.control.webhooks.setConcurrency(1);
    env.sandbox.control.createOrders('sbx1234', 5, { statusId: 11 });
    env.sandbox.control.createOrders('storeb', 2, { statusId: 11 });
    const got = await rx.waitFor(7);
    const producers = got.map((r) => (r.json as { producer: string }).producer.replace('stores/', ''));
    expect(producers).toEqual(['sbx1234', 'storeb', 'sbx1234', 'storeb', 'sbx1234', 'sbx1234', 'sbx1234']);
  });
});

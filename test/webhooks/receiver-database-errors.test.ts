import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECRET_HEADER } from '../../server/webhooks/topics.js';
import { bareApp, STORE } from '../helpers/bare-app.js';

let t: Awaited<ReturnType<typeof bareApp>>;
beforeEach(async () => {
  t = await bareApp();
  await t.install();
});
afterEach(() => t.close());

const post = () =>
  t.http
    .post('/webhooks/bigcommerce')
    .set('content-type', 'application/json')
    .set(SECRET_HEADER, 'whatever')
    .send(JSON.stringify({ scope: 'store/order/created', store_id: '1', producer: `stores/${STORE}`, hash: randomUUID(), created_at: 1, data: { type: 'order', id: 1 } }));

describe('POST /webhooks/bigcommerce when the database cannot be read', () => {
  it('answers 503 with the reason (BigCommerce retries), not a 500', async () => {
    const gate = t.app.services.webhookIntake.gate;
    gate.invalidate(STORE);
    gate.secretFor = async () => {
      throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_READ' });
    };
    const res = await post();
    expect(res.status).toBe(503);
    expect(res.body.error.message).toBe('The webhook could not be checked (disk I/O error on the database file); please retry.');
  });
});

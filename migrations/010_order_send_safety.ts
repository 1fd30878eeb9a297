import type { Knex } from 'knex';

// Order import: a create that may have reached the warehouse is remembered (review findings A, B).
// - send_started_at: set just before the first POST /v1/orders that could reach the backend. While
//   it is set and backend_order_id is not, the order may exist at the warehouse (a timeout, a 5xx,
//   a lost answer), so it is never reported as "not sent".
// - send_body: the exact body of that POST (JSON), resent unchanged on every retry, because the
//   backend answers a different body under the same Idempotency-Key with 422 idempotency_key_reused.
// Both are cleared when the backend refused the create before creating anything (a 4xx other than
// 401/403 and idempotency_key_reused): the key is then unused and the body may be rebuilt.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    t.bigInteger('send_started_at');
    t.text('send_body');
  });
  // Orders waiting or failed on an uncertain create before this migration: the body they were sent
  // with is unknown, but they may be at the warehouse. Their last error is the client's own
  // "Fulfillment backend POST /v1/orders …" message (timeouts, 5xx, lost answers).
  await knex('orders')
    .whereNull('backend_order_id')
    .whereIn('state', ['waiting', 'failed'])
    .andWhere('last_error', 'like', '%Fulfillment backend POST /v1/orders%')
    .update({ send_started_at: knex.ref('updated_at') });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    t.dropColumn('send_started_at');
    t.dropColumn('send_body');
  });
}

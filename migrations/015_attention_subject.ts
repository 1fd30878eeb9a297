import type { Knex } from 'knex';

// The method, SKU or product a held order is held for (OrderRemedy.subject): the remedy names it
// and links to its mapping ("Map "Flat Rate""). Set and cleared with orders.attention_code.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    t.string('attention_subject', 255);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    t.dropColumn('attention_subject');
  });
}

import type { Knex } from 'knex';

// One writer per warehouse shipment (issue 7, shipment review point B). A pushed event, a poll and a
// Retry can apply the same shipment at the same time; the row is claimed (owner + expiry) before
// anything is sent to BigCommerce, so only one of them writes it. The expiry frees the claim of a
// process that died mid-write. See ShipmentsRepo.claim.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('shipments', (t) => {
    t.string('claim_owner', 64);
    t.bigInteger('claim_expires_at');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('shipments', (t) => {
    t.dropColumn('claim_owner');
    t.dropColumn('claim_expires_at');
  });
}

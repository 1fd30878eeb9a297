import type { Knex } from 'knex';

/** Start of the Activity line written when the merchant saves the order import status. */
export const IMPORT_STATUS_SAVED = 'Order import status set to';

/**
 * Whether the merchant has saved the order import status in Settings at least once (the
 * Overview's "Choose the order import status" step). The settings row always holds a status
 * (Awaiting Fulfillment by default), so the saved choice is read from the Activity line it wrote.
 */
export async function importStatusChosen(db: Knex, storeHash: string): Promise<boolean> {
  const row = await db('sync_log')
    .where({ store_hash: storeHash, flow: 'settings' })
    .andWhere('message', 'like', `${IMPORT_STATUS_SAVED}%`)
    .first('id');
  return row !== undefined;
}

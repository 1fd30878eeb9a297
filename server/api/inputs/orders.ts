// Request body of POST /api/orders/retry (orders-routes.ts).
import { z } from 'zod';

/** Orders one bulk Retry may name (a page of the list at most). */
export const BULK_RETRY_MAX = 100;

export const bulkRetryInput = z.object({
  orderIds: z
    .array(z.number({ error: 'must be order numbers' }).int('must be whole numbers').positive('must be positive'), { error: 'must be a list of order numbers' })
    .min(1, 'name at least one order')
    .max(BULK_RETRY_MAX, `at most ${BULK_RETRY_MAX} orders at once`),
});

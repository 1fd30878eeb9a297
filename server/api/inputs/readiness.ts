// Request body of POST /api/readiness/fix/track-inventory (readiness-routes.ts).
import { z } from 'zod';

export const fixInput = z.object({
  productId: z.number({ error: 'Give the product’s id (a whole number)' }).int('Give the product’s id (a whole number)').positive('Give the product’s id (a whole number)'),
});

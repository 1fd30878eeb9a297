// Request bodies of the settings PUTs (settings-routes.ts), validated with messages the form shows.
// The wire types are derived from these schemas (contract-settings.ts), so what the browser may send
// and what the server accepts are one definition. Imports only zod, shared/ and the domain: the
// browser type-checks this file through the contract.
import { z } from 'zod';
import { isHeaderSafeToken } from '../../../shared/header-token.js';

// Both travel in HTTP headers (Fulfillment-Account, Authorization): accepted only when the client
// can send them (isHeaderSafeToken), with a message that says which limit was missed.
const headerToken = (what: string, max: number) =>
  z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(max, `The ${what} is too long (${max} characters at most)`)
    .refine(isHeaderSafeToken, `The ${what} may contain only letters, digits and punctuation (no spaces or accented characters)`);

/** PUT /api/settings/backend and POST /api/settings/backend/test (apiKey omitted: the stored one). */
export const backendInput = z.object({
  accountId: headerToken('account id', 128),
  apiKey: headerToken('API key', 255).optional(),
});

/** PUT /api/settings/flows: the switches to change. */
export const flowsInput = z
  .object({ orders: z.boolean(), fulfillment: z.boolean(), inventory: z.boolean(), cancellations: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Name at least one flow');

const statusId = z.number().int().min(0).max(1000);

/** PUT /api/settings/flow-options: cancellations, inventory location, push or poll. */
export const flowOptionsInput = z
  .object({
    cancellationStatusIds: z.array(statusId).max(20),
    statusOnBackendCancelId: statusId.nullable(),
    inventoryLocationId: z.number().int().positive(),
    syncMode: z.enum(['push', 'poll']),
  })
  .partial();

/** PUT /api/settings/import */
export const importInput = z.object({
  importStatusId: z.number().int().min(0).max(1000),
  statusAfterAcceptId: z.number().int().min(0).max(1000).nullable(),
});

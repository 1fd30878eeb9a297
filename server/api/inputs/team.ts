// Request body of PUT /api/team/:userId (team-routes.ts); TeamPermissionInput is derived from it.
import { z } from 'zod';

export const permissionInput = z.object({ canManage: z.boolean({ error: 'canManage must be true or false.' }) }).strict();

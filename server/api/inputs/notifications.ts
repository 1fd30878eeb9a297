// Request bodies of Settings › Notifications (notification-routes.ts).
import { z } from 'zod';
import { ALERT_KINDS, isAlertKind } from '../../domain/alerts.js';

export const MAX_RECIPIENTS = 10;

const recipient = z
  .string({ error: 'Each recipient must be an e-mail address.' })
  .trim()
  .max(254, 'An e-mail address is at most 254 characters.')
  .pipe(z.email({ error: (issue) => `“${String(issue.input)}” is not a valid e-mail address.` }));

const recipients = z
  .array(recipient, { error: 'recipients must be a list of e-mail addresses.' })
  .max(MAX_RECIPIENTS, `At most ${MAX_RECIPIENTS} recipients: use a shared mailbox or a mailing list for more.`)
  // The same person twice would get every mail twice.
  .transform((list) => list.filter((e, i) => list.findIndex((x) => x.toLowerCase() === e.toLowerCase()) === i));

/** PUT /api/settings/notifications */
export const settingsInput = z
  .object({
    enabled: z.boolean({ error: 'enabled must be true or false.' }),
    recipients,
    kinds: z.array(
      z.string().refine(isAlertKind, { error: (issue) => `“${String(issue.input)}” is not a problem e-mails can be sent about (one of ${ALERT_KINDS.join(', ')}).` }),
      { error: 'kinds must be a list of problem types.' },
    ),
  })
  .superRefine((v, ctx) => {
    if (!v.enabled) return;
    if (v.recipients.length === 0) ctx.addIssue({ code: 'custom', path: ['recipients'], message: 'Add at least one recipient to turn e-mail notifications on.' });
    if (v.kinds.length === 0) ctx.addIssue({ code: 'custom', path: ['kinds'], message: 'Choose at least one problem to be e-mailed about.' });
  });

/** POST /api/settings/notifications/test: recipients from the form (the saved ones when omitted). */
export const testInput = z.object({ recipients: recipients.optional() });

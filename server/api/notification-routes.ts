import { Router } from 'express';
import type { z } from 'zod';
import { AppError, BadRequestError } from '../errors.js';
import { appLinkFor } from '../notifications/app-link.js';
import { testMail } from '../notifications/compose.js';
import { storeNameOf } from '../notifications/job.js';
import { smtpErrorInWords, smtpMailer } from '../notifications/mailer.js';
import type { Collaborators } from '../collaborators.js';
import { changedFields, nothingChanged } from '../audit/changes.js';
import { actorOf, requireManager } from '../sessions/require-manager.js';
import { sessionOf } from '../sessions/require-session.js';
import { NotificationSettingsRepo } from '../storage/notification-settings-repo.js';
import { NotificationsSentRepo } from '../storage/notifications-sent-repo.js';
import type { NotificationSettings, NotificationTestResponse } from './contract.js';
import type { NotificationPreferences } from '../domain/alerts.js';
import { settingsInput, testInput } from './inputs/notifications.js';

/** A 400 that names each wrong field in words (fields keyed by the top-level name the form shows). */
function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) fields[String(issue.path[0] ?? 'body')] ??= issue.message;
  throw new BadRequestError(Object.values(fields).join(' '), fields);
}

const SMTP_MISSING = 'E-mail cannot be sent yet: whoever runs Fulfillment Bridge for you must set SMTP_URL (the mail server) first.';

export type NotificationRoutesDeps = Pick<Collaborators, 'audit' | 'clock' | 'config' | 'db' | 'logger' | 'settings' | 'stores' | 'syncLog'>;

/** Settings › Notifications: who is e-mailed about which problems, and a test e-mail. */
export function notificationRoutes(s: NotificationRoutesDeps): Router {
  const r = Router();
  const repo = new NotificationSettingsRepo(s.db);
  const sent = new NotificationsSentRepo(s.db);

  const view = async (storeHash: string): Promise<NotificationSettings> => {
    const [stored, failure] = await Promise.all([repo.get(storeHash), sent.lastFailure(storeHash)]);
    return {
      ...stored,
      smtpConfigured: s.config.smtp !== null,
      lastFailure: failure ? { at: new Date(failure.at).toISOString(), message: failure.error } : null,
    };
  };

  r.get('/settings/notifications', async (_req, res) => {
    res.json(await view(sessionOf(res).storeHash));
  });

  // Changing who is e-mailed and the test e-mail (it goes to addresses typed in this form, from the
  // store's mail server) are for the members allowed to change settings; both are audited.
  r.put('/settings/notifications', requireManager, async (req, res) => {
    const { storeHash } = sessionOf(res);
    const input: NotificationPreferences = parse(settingsInput, req.body);
    const now = s.clock.now();
    await s.settings.get(storeHash, now); // creates the settings row on first use
    const before = await repo.get(storeHash);
    await repo.save(storeHash, input, now);
    const change = changedFields(before, await repo.get(storeHash));
    if (!nothingChanged(change)) await s.audit.record({ storeHash, actor: actorOf(res), action: 'settings.notifications', subject: 'E-mail notifications', ...change }, now);
    const who = `${input.recipients.length} ${input.recipients.length === 1 ? 'recipient' : 'recipients'}`;
    await s.syncLog.append({ storeHash, flow: 'settings', message: input.enabled ? `E-mail notifications on (${who}).` : 'E-mail notifications off.' }, now);
    res.json(await view(storeHash));
  });

  r.post('/settings/notifications/test', requireManager, async (req, res) => {
    const { storeHash } = sessionOf(res);
    const input = parse(testInput, req.body);
    const to = input.recipients ?? (await repo.get(storeHash)).recipients;
    if (to.length === 0) throw new BadRequestError('Add at least one recipient to send a test e-mail to.', { recipients: 'Add at least one recipient.' });
    if (!s.config.smtp) throw new AppError(409, 'smtp_not_configured', SMTP_MISSING);
    try {
      await smtpMailer(s.config.smtp).send(testMail({ storeName: await storeNameOf(s, storeHash), appLink: appLinkFor(s.config, storeHash), recipients: to }));
    } catch (err) {
      const words = smtpErrorInWords(err, s.config.smtp?.url);
      s.logger.warn({ storeHash, reason: words }, 'test e-mail could not be sent');
      await s.audit.record(
        { storeHash, actor: actorOf(res), action: 'notifications.test', subject: 'Test e-mail', after: { recipients: to, sent: false, reason: words } },
        s.clock.now(),
      );
      throw new AppError(502, 'email_failed', `The test e-mail was not sent: ${words}`);
    }
    await s.audit.record({ storeHash, actor: actorOf(res), action: 'notifications.test', subject: 'Test e-mail', after: { recipients: to, sent: true } }, s.clock.now());
    const out: NotificationTestResponse = { ok: true, message: `Test e-mail sent to ${to.join(', ')}.` };
    res.json(out);
  });

  return r;
}

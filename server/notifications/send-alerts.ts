import type { Alert } from '../domain/alerts.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logging/logger.js';
import type { NotificationSettingsRepo } from '../storage/notification-settings-repo.js';
import type { NotificationsSentRepo } from '../storage/notifications-sent-repo.js';
import { alertMail } from './compose.js';
import { smtpErrorInWords, type Mailer } from './mailer.js';

/** What the notification job uses; the alert source is injected (health/alerts.ts in the app, a fake in tests). */
export interface NotifyDeps {
  settings: Pick<NotificationSettingsRepo, 'get'>;
  sent: Pick<NotificationsSentRepo, 'claim' | 'recordFailure'>;
  listAlerts(storeHash: string, now: number): Promise<Alert[]>;
  storeName(storeHash: string): Promise<string>;
  appLink(storeHash: string): string;
  /** null when SMTP_URL is not set: nothing can be sent. */
  mailer: Mailer | null;
  /** Only to scrub its credentials from error messages. */
  smtpUrl?: string;
  clock: Clock;
  logger: Pick<Logger, 'warn'>;
}

export interface NotifyOutcome {
  /** Problem keys mailed in this run. */
  sent: string[];
  /** Problem keys whose mail failed (the error is on their notifications_sent row). */
  failed: string[];
}

/**
 * One store's check (JOB.notify): each open problem of a kind the merchant chose is mailed at
 * most once per hour. The claim comes before the send, so two instances never both send; a crash
 * between the two loses that hour's mail rather than sending it twice.
 */
export async function sendAlertMails(d: NotifyDeps, storeHash: string): Promise<NotifyOutcome> {
  const outcome: NotifyOutcome = { sent: [], failed: [] };
  if (!d.mailer) return outcome;
  const settings = await d.settings.get(storeHash);
  if (!settings.enabled || settings.recipients.length === 0) return outcome;
  const now = d.clock.now();
  const alerts = (await d.listAlerts(storeHash, now)).filter((a) => settings.kinds.includes(a.kind));
  if (alerts.length === 0) return outcome;
  const ctx = { storeName: await d.storeName(storeHash), appLink: d.appLink(storeHash), recipients: settings.recipients };
  for (const alert of alerts) {
    if (!(await d.sent.claim(storeHash, alert.key, now))) continue;
    try {
      await d.mailer.send(alertMail(ctx, alert));
      outcome.sent.push(alert.key);
    } catch (err) {
      const words = smtpErrorInWords(err, d.smtpUrl);
      await d.sent.recordFailure(storeHash, alert.key, now, words);
      d.logger.warn({ storeHash, problemKey: alert.key, reason: words }, 'notification e-mail could not be sent');
      outcome.failed.push(alert.key);
    }
  }
  return outcome;
}

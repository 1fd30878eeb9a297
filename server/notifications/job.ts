import { listAlerts } from '../health/alerts.js';
import type { Services } from '../services.js';
import { NotificationSettingsRepo } from '../storage/notification-settings-repo.js';
import { NotificationsSentRepo } from '../storage/notifications-sent-repo.js';
import { JOB } from '../webhooks/topics.js';
import { appLinkFor } from './app-link.js';
import { smtpMailer } from './mailer.js';
import { sendAlertMails, type NotifyDeps, type NotifyOutcome } from './send-alerts.js';

type JobServices = Pick<Services, 'config' | 'db' | 'clock' | 'logger' | 'stores'>;

/** The store's name for a subject line, or its hash before the details were first read. */
export async function storeNameOf(s: Pick<Services, 'stores'>, storeHash: string): Promise<string> {
  return (await s.stores.get(storeHash))?.name?.trim() || `Store ${storeHash}`;
}

/** NotifyDeps from the app's services; `alerts` defaults to the banner's own source. */
export function notifyDeps(s: JobServices, alerts: NotifyDeps['listAlerts']): NotifyDeps {
  return {
    settings: new NotificationSettingsRepo(s.db),
    sent: new NotificationsSentRepo(s.db),
    listAlerts: alerts,
    storeName: (hash) => storeNameOf(s, hash),
    appLink: (hash) => appLinkFor(s.config, hash),
    mailer: s.config.smtp ? smtpMailer(s.config.smtp) : null,
    smtpUrl: s.config.smtp?.url,
    clock: s.clock,
    logger: s.logger,
  };
}

/** JOB.notify's handler. */
export function runNotifyJob(s: Services, storeHash: string): Promise<NotifyOutcome> {
  return sendAlertMails(notifyDeps(s, (hash, now) => listAlerts(s, hash, now)), storeHash);
}

/**
 * The scheduler's minute tick: one check per store with notifications on. Nothing is queued when
 * SMTP is not configured (Settings says so). One attempt per job: the next tick is the retry.
 */
export async function enqueueNotificationChecks(s: Pick<Services, 'config' | 'db' | 'jobs'>): Promise<number> {
  if (!s.config.smtp) return 0;
  const stores = await new NotificationSettingsRepo(s.db).enabledStores();
  for (const storeHash of stores) {
    await s.jobs.queue.enqueue({ storeHash, kind: JOB.notify, dedupeKey: `notify:${storeHash}`, maxAttempts: 1 });
  }
  if (stores.length > 0) s.jobs.wake();
  return stores.length;
}

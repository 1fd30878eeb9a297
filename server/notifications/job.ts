import { listAlerts } from '../health/alerts.js';
import type { EnqueueInput } from '../jobs/types.js';
import type { Collaborators } from '../collaborators.js';
import { NotificationSettingsRepo } from '../storage/notification-settings-repo.js';
import { NotificationsSentRepo } from '../storage/notifications-sent-repo.js';
import { enqueueJob, jobInput, JOB } from '../flows/job-catalogue.js';
import { appLinkFor } from './app-link.js';
import { smtpMailer } from './mailer.js';
import { sendAlertMails, type NotifyDeps, type NotifyOutcome } from './send-alerts.js';

type NotifyJobDeps = Pick<Collaborators, 'config' | 'db' | 'clock' | 'logger' | 'stores'>;

/** The store's name for a subject line, or its hash before the details were first read. */
export async function storeNameOf(s: Pick<Collaborators, 'stores'>, storeHash: string): Promise<string> {
  return (await s.stores.get(storeHash))?.name?.trim() || `Store ${storeHash}`;
}

/** NotifyDeps from the app's services; `alerts` defaults to the banner's own source. */
export function notifyDeps(s: NotifyJobDeps, alerts: NotifyDeps['listAlerts']): NotifyDeps {
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

export type RunNotifyJobDeps = Pick<Collaborators, 'clock' | 'config' | 'db' | 'logger' | 'settings' | 'stores'>;

/** JOB.notify's handler. */
export function runNotifyJob(s: RunNotifyJobDeps, storeHash: string): Promise<NotifyOutcome> {
  return sendAlertMails(
    notifyDeps(s, (hash, now) => listAlerts(s, hash, now)),
    storeHash,
  );
}

/**
 * One check per store with notifications on, all at once. Nothing is queued when SMTP is not
 * configured (Settings says so). The scheduler (server/scheduler) queues each store at its own
 * phase of the minute instead.
 */
export async function enqueueNotificationChecks(s: Pick<Collaborators, 'config' | 'db' | 'jobs'>): Promise<number> {
  const stores = await notificationCheckStores(s);
  for (const storeHash of stores) await enqueueJob(s.jobs.queue, JOB.notify, { storeHash });
  return stores.length;
}

/** Installed stores with e-mail notifications on; none while SMTP is not configured. */
export async function notificationCheckStores(s: Pick<Collaborators, 'config' | 'db'>): Promise<string[]> {
  if (!s.config.smtp) return [];
  return new NotificationSettingsRepo(s.db).enabledStores();
}

/** The scheduler's check of one store (one attempt: the next check is the retry; see the job catalogue). */
export const notificationCheckJob = (storeHash: string): EnqueueInput => jobInput(JOB.notify, { storeHash });

import type { Knex } from 'knex';
import { ALERT_KINDS, isAlertKind, type AlertKind, type NotificationPreferences } from '../domain/alerts.js';

/** What a store chose in Settings › Notifications (store_settings.notify_*). */
export type StoredNotificationSettings = NotificationPreferences;

const parseList = (v: unknown): unknown[] | null => {
  if (v == null) return null;
  try {
    const parsed = JSON.parse(String(v)) as unknown;
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
};

/** Reads and writes the notify_* columns; the row itself is created by SettingsRepo.get. */
export class NotificationSettingsRepo {
  constructor(private readonly db: Knex) {}

  /** Never saved: off, no recipients, and every kind ticked so that switching on covers everything. */
  async get(storeHash: string): Promise<StoredNotificationSettings> {
    const r = await this.db('store_settings').where({ store_hash: storeHash }).first('notify_enabled', 'notify_recipients', 'notify_kinds');
    const recipients = (parseList(r?.notify_recipients) ?? []).filter((x): x is string => typeof x === 'string');
    const kinds = parseList(r?.notify_kinds);
    return {
      enabled: Boolean(r?.notify_enabled),
      recipients,
      kinds: kinds === null ? [...ALERT_KINDS] : kinds.filter(isAlertKind),
    };
  }

  /** False when the store has no settings row (call SettingsRepo.get first). */
  async save(storeHash: string, input: StoredNotificationSettings, now: number): Promise<boolean> {
    const kinds: AlertKind[] = ALERT_KINDS.filter((k) => input.kinds.includes(k));
    const n = await this.db('store_settings')
      .where({ store_hash: storeHash })
      .update({ notify_enabled: input.enabled, notify_recipients: JSON.stringify(input.recipients), notify_kinds: JSON.stringify(kinds), updated_at: now });
    return n > 0;
  }

  /**
   * Installed stores with notifications on and someone to tell. A store whose token BigCommerce
   * revoked is included: no BigCommerce call is made, and "reinstall the app" is worth a mail.
   */
  async enabledStores(): Promise<string[]> {
    const rows = await this.db('store_settings as st')
      .join('stores as s', 's.hash', 'st.store_hash')
      .where({ 's.status': 'installed', 'st.notify_enabled': true })
      .whereNotNull('st.notify_recipients')
      .whereNot('st.notify_recipients', '[]')
      .select('st.store_hash');
    return rows.map((r) => String(r.store_hash));
  }
}

// Settings › Notifications logic: problem names, the recipients box, validation. Pure.
import type { AlertKind, NotificationSettingsInput } from '../../../../server/api/contract.js';
import type { FieldErrors, Validated } from './forms.js';

export const MAX_RECIPIENTS = 10;

/** Each problem in the merchant's words, in the order the checkboxes show them. */
export const KIND_LABELS: Record<AlertKind, string> = {
  warehouse_unreachable: 'The warehouse cannot be reached',
  warehouse_refused: 'The warehouse refuses the saved API key',
  orders_need_attention: 'Orders need attention',
  orders_failed: 'Orders failed after all retries',
  shipments_failed: 'Shipments could not be written to BigCommerce',
  cancellation_alerts: 'Cancellations need a check',
  webhooks_deactivated: 'BigCommerce deactivated the app’s webhooks',
  token_invalid: 'BigCommerce no longer accepts the app (reinstall needed)',
  quota_exhausted: 'The store’s BigCommerce API quota ran out',
};

export const ALL_KINDS = Object.keys(KIND_LABELS) as AlertKind[];

// Close to what the server accepts; the server has the last word (and says which address it refused).
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** "a@x.com, b@y.com" or one per line → the addresses, without blanks. */
export function parseRecipients(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter((e) => e !== '');
}

export const recipientsText = (recipients: readonly string[]): string => recipients.join('\n');

export function validateRecipients(recipients: readonly string[]): string | null {
  const bad = recipients.filter((e) => !EMAIL.test(e));
  if (bad.length === 1) return `“${bad[0]}” is not a valid e-mail address.`;
  if (bad.length > 1) return `These are not valid e-mail addresses: ${bad.map((e) => `“${e}”`).join(', ')}.`;
  if (recipients.length > MAX_RECIPIENTS) return `At most ${MAX_RECIPIENTS} recipients: use a shared mailbox or a mailing list for more.`;
  return null;
}

export function validateNotificationInput(enabled: boolean, text: string, kinds: readonly AlertKind[]): Validated<NotificationSettingsInput> {
  const recipients = parseRecipients(text);
  const fields: FieldErrors = {};
  const problem = validateRecipients(recipients);
  if (problem) fields.recipients = problem;
  else if (enabled && recipients.length === 0) fields.recipients = 'Add at least one recipient to turn e-mail notifications on.';
  if (enabled && kinds.length === 0) fields.kinds = 'Choose at least one problem to be e-mailed about.';
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  // Checkbox order, whatever order they were ticked in.
  return { ok: true, input: { enabled, recipients, kinds: ALL_KINDS.filter((k) => kinds.includes(k)) } };
}

/** The toggled kind list for one checkbox. */
export function toggleKind(kinds: readonly AlertKind[], kind: AlertKind, on: boolean): AlertKind[] {
  const rest = kinds.filter((k) => k !== kind);
  return on ? [...rest, kind] : rest;
}

import type { Alert } from '../domain/alerts.js';
import type { OutgoingMail } from './mailer.js';

export interface MailContext {
  storeName: string;
  /** appLinkFor(): the app inside the control panel. */
  appLink: string;
  recipients: string[];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// The first clause of a problem's words ("Warehouse unreachable since 10:40 — 12 orders waiting");
// a notice keeps all of them, its news is in the second ("Webhooks deactivated — repaired at 10:40").
const headline = (alert: Alert) => (alert.severity === 'info' ? alert.message : alert.message.split(' — ')[0]!.trim());

const FOOTER = 'You get this e-mail because e-mail notifications are on in Fulfillment Bridge (Settings › Notifications). At most one e-mail is sent per problem and hour.';

function render(ctx: MailContext, subject: string, paragraphs: string[], linkLabel: string): OutgoingMail {
  // "-- " on its own line: mail clients fold what follows as a signature.
  const text = `${[...paragraphs, `${linkLabel}: ${ctx.appLink}`].join('\n\n')}\n\n-- \n${FOOTER}\n`;
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; font-size: 14px; color: #313440">',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(ctx.appLink)}">${escapeHtml(linkLabel)}</a></p>`,
    `<p style="color: #5e637a; font-size: 12px">${escapeHtml(FOOTER)}</p>`,
    '</body></html>',
  ].join('\n');
  return { to: ctx.recipients, subject, text, html };
}

/** "[Store name] Warehouse unreachable since 10:40": the problem, what fixes it, and the way into the app. */
export function alertMail(ctx: MailContext, alert: Alert): OutgoingMail {
  const paragraphs = [alert.message];
  if (alert.action) paragraphs.push(`What to do: ${alert.action.label} (in Fulfillment Bridge).`);
  return render(ctx, `[${ctx.storeName}] ${headline(alert)}`, paragraphs, 'Open Fulfillment Bridge');
}

/** The Settings button's mail: proof that SMTP works and these people are reached. */
export function testMail(ctx: MailContext): OutgoingMail {
  return render(
    ctx,
    `[${ctx.storeName}] Test e-mail from Fulfillment Bridge`,
    [
      'E-mail notifications work: this is the test e-mail sent from Settings › Notifications.',
      'When a problem needs you (for example the warehouse cannot be reached, or orders need attention), an e-mail like this one says what happened and what to do.',
    ],
    'Open Fulfillment Bridge',
  );
}

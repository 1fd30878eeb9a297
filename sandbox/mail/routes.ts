// GET /mail: the caught e-mails as a page; GET /mail.json: the same for tests; DELETE /mail.json
// empties the mailbox. On the sandbox BigCommerce origin (http://127.0.0.1:3100/mail).
import { Router } from 'express';
import { escapeHtml } from '../util.js';
import type { CaughtMail, Mailbox } from './mailbox.js';

const CSS = `
body { margin: 0; font: 14px/1.5 -apple-system, "Segoe UI", Roboto, sans-serif; color: #313440; background: #f6f7fc; }
header { background: #313440; color: #fff; padding: 12px 24px; display: flex; gap: 16px; align-items: baseline; }
header h1 { font-size: 18px; margin: 0; } header a { color: #d9dce9; }
main { padding: 20px 24px; display: flex; flex-direction: column; gap: 16px; max-width: 960px; }
article { background: #fff; border-radius: 4px; box-shadow: 0 1px 2px rgba(49,52,64,.15); padding: 16px 20px; }
article h2 { font-size: 16px; margin: 0 0 8px; overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 12px; color: #5e637a; }
dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f7fc; padding: 12px; border-radius: 4px; margin: 0; }
iframe { width: 100%; height: 240px; border: 1px solid #d9dce9; border-radius: 4px; background: #fff; }
.empty { color: #5e637a; }
`;

function mailHtml(m: CaughtMail): string {
  const html = m.html
    ? `<details><summary>HTML version</summary><iframe title="HTML version of ${escapeHtml(m.subject)}" sandbox srcdoc="${escapeHtml(m.html)}"></iframe></details>`
    : '';
  return `<article data-mail-id="${m.id}">
  <h2>${escapeHtml(m.subject || '(no subject)')}</h2>
  <dl>
    <dt>From</dt><dd>${escapeHtml(m.from || m.envelope.from)}</dd>
    <dt>To</dt><dd>${escapeHtml((m.to.length ? m.to : m.envelope.to).join(', '))}</dd>
    <dt>Received</dt><dd><time datetime="${m.receivedAt}">${escapeHtml(m.receivedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))}</time></dd>
  </dl>
  <pre>${escapeHtml(m.text)}</pre>
  ${html}
</article>`;
}

export function renderMailPage(mails: CaughtMail[], smtpUrl: string): string {
  const body = mails.length
    ? mails.map(mailHtml).join('\n')
    : `<p class="empty">No e-mails yet. The app sends here (SMTP_URL=${escapeHtml(smtpUrl)}): turn notifications on in the app's Settings › Notifications and use “Send test e-mail”.</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mail (${mails.length}) · BigCommerce sandbox</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>Sandbox mail</h1><span>${mails.length === 1 ? '1 e-mail' : `${mails.length} e-mails`} caught (newest first, the last 200 kept; the page reloads when a new one arrives)</span><a href="/">Control panel</a></header>
<main>
${body}
</main>
<script>
// Reload when a newer mail arrives (a timed meta refresh would also reload while someone reads).
const latest = ${mails[0]?.id ?? 0};
setInterval(async () => {
  try {
    const { mails } = await (await fetch('/mail.json')).json();
    if ((mails[0]?.id ?? 0) !== latest) location.reload();
  } catch {}
}, 3000);
</script>
</body>
</html>`;
}

export function mailRouter(mailbox: Mailbox, smtpUrl: string): Router {
  const r = Router();
  r.get('/mail', (_req, res) => {
    res.set('Cache-Control', 'no-store').type('html').send(renderMailPage(mailbox.list(), smtpUrl));
  });
  r.get('/mail.json', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ mails: mailbox.list() });
  });
  r.delete('/mail.json', (req, res) => {
    // Like every sandbox control: another web page open in the browser cannot send this.
    if (!(req.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
      res.status(415).json({ error: 'Content-Type: application/json is required' });
      return;
    }
    mailbox.clear();
    res.status(204).end();
  });
  return r;
}

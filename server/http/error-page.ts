const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/**
 * A standalone, readable page for failures that happen before the UI can load (install and load
 * callbacks). Styled to sit quietly inside the control panel; no scripts, so CSP stays strict.
 */
export function renderErrorPage(opts: { title: string; message: string; hint?: string }): string {
  const hint = opts.hint ? `<p class="hint">${escapeHtml(opts.hint)}</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)} · Fulfillment Bridge</title>
<style>
  body { margin: 0; background: #f6f7fc; color: #313440; font: 16px/1.5 "Source Sans 3", -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
  main { max-width: 640px; margin: 48px auto; background: #fff; border-radius: 4px; box-shadow: 0 1px 6px rgba(49,52,64,.2); padding: 24px 32px; }
  h1 { font-size: 24px; font-weight: 600; margin: 0 0 8px; }
  .brand { color: #5e637a; font-size: 14px; margin: 0 0 16px; }
  .notice { border-left: 4px solid #db3643; background: #fdefef; padding: 12px 16px; border-radius: 4px; }
  .hint { color: #5e637a; font-size: 14px; }
</style>
</head>
<body>
<main role="main">
  <p class="brand">Fulfillment Bridge</p>
  <h1>${escapeHtml(opts.title)}</h1>
  <p class="notice" role="alert">${escapeHtml(opts.message)}</p>
  ${hint}
</main>
</body>
</html>`;
}

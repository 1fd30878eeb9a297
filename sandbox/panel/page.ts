// GET / and GET /manage/app: the sandbox's stand-in for the store control panel's app page.
// Plain HTML with inline CSS and script (our own page, so no CSP concerns). Stable element ids
// (#install, #open, #add-user, #remove-user, #uninstall, #user-select, #new-user-email, #status,
// #app-frame, and those of the Orders / Webhooks sections listed in commerce-section.ts and of the
// Inventory section listed in inventory-section.ts) are what
// browser tests drive.
import type { RequestHandler } from 'express';
import type { SandboxState } from '../state.js';
import { escapeHtml } from '../util.js';
import { COMMERCE_SCRIPT } from './commerce-script.js';
import { COMMERCE_CSS, commerceSection } from './commerce-section.js';
import { INVENTORY_SCRIPT } from './inventory-script.js';
import { INVENTORY_CSS, inventorySection } from './inventory-section.js';
import { PANEL_SCRIPT } from './script.js';
import { PANEL_CSS } from './style.js';

export function renderPanel(state: SandboxState, requestedHash: string | undefined): string {
  const store = (requestedHash && state.stores.get(requestedHash)) || state.stores.values().next().value;
  const hash = store?.hash ?? '';
  const name = escapeHtml(store?.name ?? 'No store');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name} · Apps · BigCommerce sandbox</title>
<style>${PANEL_CSS}${COMMERCE_CSS}${INVENTORY_CSS}</style>
</head>
<body data-store="${escapeHtml(hash)}">
<nav class="side" aria-label="Control panel">
  <div class="logo">BigCommerce <span class="muted">sandbox</span></div>
  <a href="#" aria-disabled="true">Home</a>
  <a href="#orders-title">Orders</a>
  <a href="#inventory-title">Products</a>
  <a href="#" aria-disabled="true">Customers</a>
  <div class="section">Apps</div>
  <a href="#" class="active" aria-current="page">Fulfillment Bridge</a>
  <a href="#" aria-disabled="true">Marketplace</a>
</nav>
<div class="main">
  <header class="top">
    <div>
      <h1 id="store-name">${name}</h1>
      <div class="hash" id="store-hash">stores/${escapeHtml(hash)}</div>
    </div>
    <div class="spacer"></div>
    <label for="store-select">Store</label>
    <select id="store-select"></select>
  </header>
  <div class="content">
    <div class="crumbs">Apps › My Apps › Fulfillment Bridge</div>
    <section class="card" aria-labelledby="app-title">
      <h2 id="app-title">Fulfillment Bridge <span id="install-state" class="badge off">Not installed</span></h2>
      <div class="muted" id="install-scope"></div>
      <div class="row">
        <label for="user-select">Acting user</label>
        <select id="user-select"></select>
        <button id="install" type="button">Install app</button>
        <button id="open" type="button" class="secondary" disabled>Open app</button>
        <button id="uninstall" type="button" class="danger" disabled>Uninstall</button>
      </div>
      <div class="row">
        <label for="new-user-email">New user</label>
        <input id="new-user-email" type="email" placeholder="staff@example.com" autocomplete="off">
        <button id="add-user" type="button" class="secondary">Add user</button>
        <button id="remove-user" type="button" class="danger" disabled>Remove user</button>
      </div>
      <div class="row">
        <label for="fault-kind">API fault</label>
        <select id="fault-kind">
          <option value="rate_limit">429 with rate-limit headers</option>
          <option value="rate_limit_no_headers">429 without headers</option>
          <option value="server_error">500 server error</option>
          <option value="slow">Slow responses (1 s)</option>
        </select>
        <input id="fault-count" type="number" min="0" value="1" style="width:6em" aria-label="Requests affected (0 = until cleared)">
        <button id="set-fault" type="button" class="secondary">Inject</button>
        <button id="clear-faults" type="button" class="secondary">Clear faults</button>
        <span class="muted" id="rate"></span>
      </div>
      <div class="row"><div id="status" role="status" aria-live="polite"></div></div>
    </section>
    <div class="frame-wrap">
      <iframe id="app-frame" name="app-frame" title="App" src="about:blank"></iframe>
    </div>
${commerceSection()}
${inventorySection()}
  </div>
</div>
<script>${PANEL_SCRIPT}</script>
<script>${COMMERCE_SCRIPT}</script>
<script>${INVENTORY_SCRIPT}</script>
</body>
</html>`;
}

export function panelPage(state: SandboxState): RequestHandler {
  return (req, res) => {
    const store = typeof req.query.store === 'string' ? req.query.store : undefined;
    res.type('html').set('Cache-Control', 'no-store').send(renderPanel(state, store));
  };
}

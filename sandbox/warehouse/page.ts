// GET /: the sandbox warehouse's control page. Rendered on the server from the current state (so
// it works without a build step and tests can read it); the inline script only wires the buttons
// to the /sandbox JSON endpoints and reloads. Stable ids / classes for tests and browser drivers:
// #accounts, #webhook-url, #save-webhook, #fault-kind, #fault-count, #set-fault, #clear-faults,
// #faults, #orders (rows tr[data-order-id] with button.ship / .cancel / .reject), #events, #status,
// and those of the Stock levels and Shipping services cards (stock-section.ts).
import type { RequestHandler } from 'express';
import { escapeHtml as h } from '../util.js';
import type { WarehouseControl } from './control.js';
import { WAREHOUSE_SCRIPT } from './script.js';
import { servicesSection, STOCK_CSS, stockSection } from './stock-section.js';
import { WAREHOUSE_CSS } from './style.js';
import type { WarehouseOrder } from './types.js';

interface OrderBody {
  external_ref?: { store_hash?: string; order_id?: number };
  shipments?: Array<{ shipping_method?: string; lines?: Array<{ sku?: string; quantity?: number; name?: string }> }>;
}

const time = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');

function orderRow(order: WarehouseOrder): string {
  const body = order.body as OrderBody;
  const ref = body.external_ref;
  const lines = (body.shipments ?? []).flatMap((s) => s.lines ?? []);
  const methods = [...new Set((body.shipments ?? []).map((s) => s.shipping_method ?? ''))].join(', ');
  const open = order.status === 'received';
  const dis = open ? '' : ' disabled';
  const id = h(order.id);
  return `<tr data-order-id="${id}">
  <td><code>${id}</code><div class="muted">${h(order.accountId)}</div></td>
  <td>${h(ref?.store_hash ?? '?')} #${h(String(ref?.order_id ?? '?'))}</td>
  <td>${lines.map((l) => `<div>${h(String(l.quantity ?? '?'))} × <code>${h(l.sku ?? '?')}</code> ${h(l.name ?? '')}</div>`).join('')}</td>
  <td>${h(methods)}</td>
  <td><span class="badge ${h(order.status)}">${h(order.status)}</span>${order.reason ? `<div class="muted">${h(order.reason)}</div>` : ''}</td>
  <td>${h(time(order.receivedAt))}</td>
  <td class="actions">
    <button type="button" class="ship" data-action="ship" data-id="${id}"${dis}>Ship</button>
    <button type="button" class="ship-part secondary" data-action="shipPart" data-id="${id}"${dis} title="Ship one unit of the first open line (partial shipment)">Ship 1 item</button>
    <button type="button" class="cancel secondary" data-action="cancel" data-id="${id}"${dis}>Cancel</button>
    <button type="button" class="reject danger" data-action="reject" data-id="${id}"${dis}>Reject</button>
  </td>
</tr>`;
}

export function renderWarehousePage(control: WarehouseControl, baseUrl: string): string {
  const snap = control.snapshot();
  const orders = [...snap.orders].reverse(); // newest first
  const accounts = snap.accounts.map((a) => `<tr><td><code>${h(a.id)}</code></td><td>${h(a.name)}</td><td><code class="key">${h(a.apiKey)}</code></td></tr>`).join('');
  const faults = snap.faults.length ? snap.faults.map((f) => `${h(f.kind)}${f.path ? ` on ${h(f.path)}` : ''} ×${f.remaining === null ? '∞' : f.remaining}`).join(', ') : 'none';
  const events = snap.events
    .slice(0, 20)
    .map((e) => {
      const last = e.deliveries.at(-1);
      const result = !last ? '' : last.status ? `HTTP ${last.status}` : (last.error ?? 'not sent');
      return `<tr><td><code>${h(e.id)}</code></td><td>${h(e.type)}</td><td>${h(e.accountId)}</td><td>${h(result)}</td></tr>`;
    })
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sandbox Warehouse</title>
<style>${WAREHOUSE_CSS}${STOCK_CSS}</style>
</head>
<body>
<header><h1>Sandbox Warehouse</h1><span class="muted">Fulfillment API at <code>${h(baseUrl)}/v1</code></span>
  <span class="spacer"></span><button id="refresh" type="button" class="secondary">Refresh</button></header>
<main>
  <div id="status" role="status" aria-live="polite"></div>
  <section class="card"><h2>Accounts</h2>
    <p class="muted">Connect the app with an account id and API key (FULFILLMENT_API_URL = <code>${h(baseUrl)}</code>).</p>
    <table id="accounts"><thead><tr><th>Account id</th><th>Name</th><th>API key</th></tr></thead><tbody>${accounts}</tbody></table>
  </section>
  <section class="card"><h2>App</h2>
    <div class="row"><label for="webhook-url">Events go to</label>
      <input id="webhook-url" type="url" size="60" placeholder="http://127.0.0.1:3000/webhooks/fulfillment" value="${h(snap.appWebhookUrl ?? '')}">
      <button id="save-webhook" type="button" class="secondary">Save</button></div>
  </section>
  ${servicesSection()}
  <section class="card"><h2>Faults</h2>
    <div class="row"><label for="fault-kind">Inject</label>
      <select id="fault-kind">
        <option value="server_error">500 server errors</option>
        <option value="timeout">Timeouts (hold 30 s, then drop)</option>
        <option value="slow">Slow answers (2 s, then handled)</option>
        <option value="reject">422 rejections</option>
        <option value="disconnect">Dropped connections</option>
      </select>
      <input id="fault-count" type="number" min="0" value="1" aria-label="Requests affected (0 = until cleared)">
      <button id="set-fault" type="button" class="secondary">Inject</button>
      <button id="clear-faults" type="button" class="secondary">Clear faults</button>
      <span class="muted">Active: <span id="faults">${faults}</span> · ${snap.requestCount} API requests logged</span></div>
  </section>
  <section class="card"><h2>Received orders (${orders.length})</h2>
    <table id="orders"><thead><tr><th>Order</th><th>BigCommerce order</th><th>Lines</th><th>Method</th><th>Status</th><th>Received</th><th></th></tr></thead>
    <tbody>${orders.length ? orders.map(orderRow).join('') : '<tr><td colspan="7" class="muted">No orders yet.</td></tr>'}</tbody></table>
  </section>
  ${stockSection(snap)}
  <section class="card"><h2>Recent events</h2>
    <table id="events"><thead><tr><th>Event</th><th>Type</th><th>Account</th><th>App answered</th></tr></thead>
    <tbody>${events || '<tr><td colspan="4" class="muted">No events sent yet.</td></tr>'}</tbody></table>
  </section>
</main>
<script>${WAREHOUSE_SCRIPT}</script>
</body>
</html>`;
}

export function warehousePage(control: WarehouseControl): RequestHandler {
  return (req, res) => {
    const baseUrl = `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
    res.type('html').set('Cache-Control', 'no-store').send(renderWarehousePage(control, baseUrl));
  };
}

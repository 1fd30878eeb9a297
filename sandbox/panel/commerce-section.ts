// HTML of the control panel's Orders and Webhooks sections. Stable ids for browser tests:
// #new-order-status, #new-order-sku-1, #new-order-sku-2, #new-order-storm, #create-order,
// #orders-table (rows carry #order-status-<id> selects and #order-shipments-<id> cells), #hooks-table, #deliveries-table,
// #webhooks-pause, #webhooks-resume, #webhooks-flush, #webhooks-drop, #webhooks-duplicate,
// #webhooks-state and #orders-status. Rows are filled in by commerce-script.ts.
import { ORDER_STATUSES } from '../orders/statuses.js';
import { escapeHtml } from '../util.js';

function statusOptions(selected: number): string {
  return ORDER_STATUSES.map(
    (s) => `<option value="${s.id}"${s.id === selected ? ' selected' : ''}>${s.id} · ${escapeHtml(s.name)}</option>`,
  ).join('');
}

export function commerceSection(): string {
  return `
    <section class="card" aria-labelledby="orders-title">
      <h2 id="orders-title">Orders <span class="muted" id="orders-count"></span></h2>
      <div class="row">
        <label for="new-order-status">Status</label>
        <select id="new-order-status">${statusOptions(11)}</select>
        <label for="new-order-sku-1">SKU 1</label>
        <input id="new-order-sku-1" value="SBX-TEE-BLK-M" autocomplete="off" style="width:11em">
        <label for="new-order-sku-2">SKU 2</label>
        <input id="new-order-sku-2" value="SBX-MUG-01" autocomplete="off" style="width:11em" placeholder="(none)">
        <label><input id="new-order-storm" type="checkbox"> Checkout storm</label>
        <button id="create-order" type="button">Create order</button>
      </div>
      <div class="row"><div id="orders-status" role="status" aria-live="polite" class="muted"></div></div>
      <table id="orders-table" class="grid">
        <thead><tr><th>Order</th><th>Customer</th><th>SKUs</th><th>Items</th><th>Total</th><th>Modified (UTC)</th><th>Shipments</th><th>Status</th></tr></thead>
        <tbody></tbody>
      </table>
    </section>
    <section class="card" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks</h2>
      <div class="row">
        <button id="webhooks-pause" type="button" class="secondary">Pause deliveries</button>
        <button id="webhooks-resume" type="button" class="secondary">Resume</button>
        <button id="webhooks-flush" type="button" class="secondary">Flush queue</button>
        <button id="webhooks-drop" type="button" class="secondary">Drop next event</button>
        <button id="webhooks-duplicate" type="button" class="secondary">Duplicate next event</button>
        <span class="muted" id="webhooks-state"></span>
      </div>
      <table id="hooks-table" class="grid">
        <caption>Hooks registered by the app</caption>
        <thead><tr><th>Id</th><th>Scope</th><th>Destination</th><th>Active</th><th>Custom headers</th></tr></thead>
        <tbody></tbody>
      </table>
      <table id="deliveries-table" class="grid">
        <caption>Recent delivery attempts (newest first)</caption>
        <thead><tr><th>Time (UTC)</th><th>Hook</th><th>Scope</th><th>Hash</th><th>Attempt</th><th>Result</th></tr></thead>
        <tbody></tbody>
      </table>
    </section>`;
}

export const COMMERCE_CSS = `
table.grid { width: 100%; border-collapse: collapse; margin-top: 12px; font-size: 13px; }
table.grid caption { text-align: left; font-weight: 600; padding: 4px 0; }
table.grid th, table.grid td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eceef5; }
table.grid th { color: #5e637a; font-weight: 600; }
td.fail { color: #db3643; }
td.ok { color: #208831; }
`;

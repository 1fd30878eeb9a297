// HTML of the control panel's Orders and Webhooks sections. Stable ids for browser tests:
// the new-order form #new-order-status, #new-order-customer (a guest or a registered customer in a
// group; picking one fills in their address), #new-order-payment, #new-order-channel, #new-order-name, #new-order-email, #new-order-street,
// #new-order-city, #new-order-zip, #new-order-country, #new-order-method (+ #new-order-method-other
// for a typed name), #new-order-lines (rows carry #new-order-sku-<n> and #new-order-qty-<n>),
// #add-order-line, #new-order-count, #new-order-storm, #create-order, #mapping-hint;
// #orders-table (rows carry #order-status-<id> selects and #order-shipments-<id> cells), #hooks-table, #deliveries-table,
// #webhooks-pause, #webhooks-resume, #webhooks-flush, #webhooks-drop, #webhooks-duplicate,
// #webhooks-state and #orders-status. Rows are filled in by commerce-script.ts.
import { DEFAULT_ADDRESS, DEFAULT_SHIPPING_METHOD } from '../orders/defaults.js';
import { MAX_ORDERS_PER_REQUEST } from '../orders/create-request.js';
import { groupName, SANDBOX_CUSTOMERS, SANDBOX_PAYMENT_METHODS } from '../orders/customers.js';
import { SANDBOX_SHIPPING_METHODS } from '../orders/shipping-methods.js';
import { ORDER_STATUSES } from '../orders/statuses.js';
import { escapeHtml } from '../util.js';
import { SANDBOX_WAREHOUSE_SERVICES } from '../warehouse/services.js';

function statusOptions(selected: number): string {
  return ORDER_STATUSES.map((s) => `<option value="${s.id}"${s.id === selected ? ' selected' : ''}>${s.id} · ${escapeHtml(s.name)}</option>`).join('');
}

function methodOptions(): string {
  const known = SANDBOX_SHIPPING_METHODS.map((m) => `<option value="${escapeHtml(m)}"${m === DEFAULT_SHIPPING_METHOD ? ' selected' : ''}>${escapeHtml(m)}</option>`);
  return [...known, '<option value="">Other…</option>'].join('');
}

/** Guest, then each registered customer with their group; the option carries the address the script fills in. */
function customerOptions(): string {
  const registered = SANDBOX_CUSTOMERS.map((c) => {
    const a = c.address;
    const data = { name: `${a.firstName} ${a.lastName}`, email: a.email, street: a.street1, city: a.city, zip: a.zip, country: a.countryIso2 };
    const attrs = Object.entries(data)
      .map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`)
      .join('');
    const label = `#${c.id} ${a.firstName} ${a.lastName} · ${groupName(c.customerGroupId)} (group ${c.customerGroupId}) · ${a.countryIso2}`;
    return `<option value="${c.id}"${attrs}>${escapeHtml(label)}</option>`;
  });
  return ['<option value="0" selected>Guest (no customer group)</option>', ...registered].join('');
}

function paymentOptions(): string {
  return SANDBOX_PAYMENT_METHODS.map((m, i) => `<option value="${escapeHtml(m)}"${i === 0 ? ' selected' : ''}>${escapeHtml(m)}</option>`).join('');
}

/** Country codes to pick from (any two letters may be typed): orders abroad try the app's country rules. */
const COUNTRY_CODES: ReadonlyArray<[string, string]> = [
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['MX', 'Mexico'],
  ['GB', 'United Kingdom'],
  ['DE', 'Germany'],
  ['FR', 'France'],
  ['AU', 'Australia'],
];

/** "Flat Rate → GROUND, Free Shipping → ECONOMY, …": the mappings to make in the app. */
function mappingHint(): string {
  const pairs = SANDBOX_WAREHOUSE_SERVICES.map((s) => `<b>${escapeHtml(s.forMethod)}</b> → <code>${escapeHtml(s.code)}</code>`).join(', ');
  return `The app sends an order to the warehouse once its shipping method is mapped to a warehouse service code
    (in the app: Settings › Shipping method mappings). The sandbox warehouse's codes: ${pairs}.`;
}

const DEFAULT_LINES = [
  { sku: 'SBX-TEE-BLK-M', quantity: 1 },
  { sku: 'SBX-MUG-01', quantity: 1 },
];

/** One line of the new-order form; the script adds more with the same shape. */
export function lineRow(n: number, sku: string, quantity: number): string {
  return `<tr data-line="${n}">
          <td><input id="new-order-sku-${n}" class="line-sku" list="catalog-skus" value="${escapeHtml(sku)}" autocomplete="off" aria-label="SKU of line ${n}" style="width:13em"></td>
          <td><input id="new-order-qty-${n}" class="line-qty" type="number" min="1" max="10000" value="${quantity}" aria-label="Quantity of line ${n}" style="width:5em"></td>
          <td><button type="button" class="secondary remove-line" aria-label="Remove line ${n}">Remove</button></td>
        </tr>`;
}

export function commerceSection(): string {
  return `
    <section class="card" aria-labelledby="orders-title">
      <h2 id="orders-title">Orders <span class="muted" id="orders-count"></span></h2>
      <fieldset id="new-order" class="new-order">
        <legend>New order</legend>
        <div class="row">
          <label for="new-order-status">Status</label>
          <select id="new-order-status">${statusOptions(11)}</select>
          <label for="new-order-customer">Customer account</label>
          <select id="new-order-customer">${customerOptions()}</select>
        </div>
        <div class="row">
          <label for="new-order-name">Name</label>
          <input id="new-order-name" value="${escapeHtml(`${DEFAULT_ADDRESS.firstName} ${DEFAULT_ADDRESS.lastName}`)}" autocomplete="off" style="width:11em">
          <label for="new-order-email">E-mail</label>
          <input id="new-order-email" type="email" value="${escapeHtml(DEFAULT_ADDRESS.email)}" autocomplete="off" style="width:14em">
        </div>
        <div class="row">
          <label for="new-order-street">Street</label>
          <input id="new-order-street" value="${escapeHtml(DEFAULT_ADDRESS.street1)}" autocomplete="off" style="width:12em">
          <label for="new-order-city">City</label>
          <input id="new-order-city" value="${escapeHtml(DEFAULT_ADDRESS.city)}" autocomplete="off" style="width:8em">
          <label for="new-order-zip">ZIP</label>
          <input id="new-order-zip" value="${escapeHtml(DEFAULT_ADDRESS.zip)}" autocomplete="off" style="width:6em">
          <label for="new-order-country">Country code</label>
          <input id="new-order-country" value="${escapeHtml(DEFAULT_ADDRESS.countryIso2)}" maxlength="2" list="country-codes" autocomplete="off" style="width:3em">
          <datalist id="country-codes">${COUNTRY_CODES.map(([code, name]) => `<option value="${code}">${escapeHtml(name)}</option>`).join('')}</datalist>
        </div>
        <div class="row">
          <label for="new-order-payment">Payment method</label>
          <select id="new-order-payment">${paymentOptions()}</select>
          <label for="new-order-channel">Sales channel id</label>
          <input id="new-order-channel" type="number" min="1" value="1" style="width:5em">
        </div>
        <div class="row">
          <label for="new-order-method">Shipping method</label>
          <select id="new-order-method">${methodOptions()}</select>
          <input id="new-order-method-other" placeholder="Method name" aria-label="Other shipping method" autocomplete="off" hidden style="width:12em">
        </div>
        <p id="mapping-hint" class="muted hint">${mappingHint()}</p>
        <table id="new-order-lines" class="grid lines">
          <caption>Lines</caption>
          <thead><tr><th>SKU</th><th>Quantity</th><th><span class="visually-hidden">Remove</span></th></tr></thead>
          <tbody>
        ${DEFAULT_LINES.map((l, i) => lineRow(i + 1, l.sku, l.quantity)).join('\n        ')}
          </tbody>
        </table>
        <datalist id="catalog-skus"></datalist>
        <div class="row">
          <button id="add-order-line" type="button" class="secondary">Add line</button>
          <label for="new-order-count">Number of orders</label>
          <input id="new-order-count" type="number" min="1" max="${MAX_ORDERS_PER_REQUEST}" value="1" style="width:5em">
          <label><input id="new-order-storm" type="checkbox"> Checkout storm</label>
          <button id="create-order" type="button">Create order</button>
        </div>
      </fieldset>
      <div class="row"><div id="orders-status" role="status" aria-live="polite" class="muted"></div></div>
      <table id="orders-table" class="grid">
        <thead><tr><th>Order</th><th>Customer</th><th>Shipping</th><th>SKUs</th><th>Items</th><th>Total</th><th>Modified (UTC)</th><th>Shipments</th><th>Status</th></tr></thead>
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
fieldset.new-order { border: 1px solid #d9dce9; border-radius: 4px; padding: 8px 12px; margin: 0 0 8px; }
fieldset.new-order legend { font-weight: 600; padding: 0 4px; }
table.lines { width: auto; margin-top: 4px; }
p.hint { margin: 4px 0 8px; max-width: 60em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

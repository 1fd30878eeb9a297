// The warehouse page's Stock levels and Shipping services cards. Stable ids for tests and browser
// drivers: #stock-account, #stock-lines (rows carry #stock-sku-<n> and #stock-qty-<n>),
// #add-stock-line, #push-stock, #stock-skus, #stock-levels, #services. The script (script.ts)
// sends the lines to PUT /sandbox/accounts/{id}/inventory, which pushes inventory.updated to the app.
import { DEFAULT_PRODUCTS, SANDBOX_BUNDLE } from '../catalog/defaults.js';
import { escapeHtml as h } from '../util.js';
import type { WarehouseSnapshot } from './control.js';
import { SANDBOX_WAREHOUSE_SERVICES } from './services.js';

const time = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');

/** SKUs worth suggesting: the BigCommerce sandbox's catalog, what orders named, what has stock. */
function knownSkus(snap: WarehouseSnapshot): string[] {
  const catalog = [...DEFAULT_PRODUCTS.flatMap((p) => [p.sku, ...(p.variants ?? []).map((v) => v.sku)]), ...SANDBOX_BUNDLE.components.map((c) => c.sku)];
  const ordered = snap.orders.flatMap((o) => {
    const shipments = (o.body as { shipments?: Array<{ lines?: Array<{ sku?: string }> }> }).shipments ?? [];
    return shipments.flatMap((s) => (s.lines ?? []).map((l) => l.sku ?? ''));
  });
  return [...new Set([...catalog, ...ordered, ...snap.inventory.map((l) => l.sku)])].filter(Boolean);
}

export function stockLineRow(n: number, sku: string, available: number): string {
  return `<tr>
      <td><input id="stock-sku-${n}" class="stock-sku" list="stock-skus" value="${h(sku)}" autocomplete="off" aria-label="SKU ${n}" size="18"></td>
      <td><input id="stock-qty-${n}" class="stock-qty" type="number" value="${available}" aria-label="Available quantity of SKU ${n}" size="6"></td>
      <td><button type="button" class="secondary remove-stock-line" aria-label="Remove SKU ${n}">Remove</button></td>
    </tr>`;
}

export function stockSection(snap: WarehouseSnapshot): string {
  const accounts = snap.accounts.map((a) => `<option value="${h(a.id)}">${h(a.id)} · ${h(a.name)}</option>`).join('');
  const levels = snap.inventory
    .slice()
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .slice(0, 50)
    .map((l) => `<tr><td>${h(l.accountId)}</td><td><code>${h(l.sku)}</code></td><td>${l.available}</td><td>${h(l.location ?? '')}</td><td>${h(time(l.updatedAt))}</td></tr>`)
    .join('');
  return `<section class="card"><h2>Stock levels</h2>
    <p class="muted">A stock count: sends the levels to the app as an <code>inventory.updated</code> event, which updates the inventory of the stores connected to the account. A negative level is a backorder (the app writes 0).</p>
    <div class="row"><label for="stock-account">Account</label><select id="stock-account">${accounts}</select></div>
    <table id="stock-lines"><thead><tr><th>SKU</th><th>Available</th><th><span class="visually-hidden">Remove</span></th></tr></thead>
    <tbody>${stockLineRow(1, 'SBX-TEE-BLK-M', 20)}${stockLineRow(2, 'SBX-MUG-01', 35)}${stockLineRow(3, 'SBX-TEA-TIN', 30)}</tbody></table>
    <datalist id="stock-skus">${knownSkus(snap)
      .map((s) => `<option value="${h(s)}"></option>`)
      .join('')}</datalist>
    <div class="row"><button id="add-stock-line" type="button" class="secondary">Add SKU</button>
      <button id="push-stock" type="button">Push stock levels</button></div>
    <table id="stock-levels"><caption class="muted">Levels the warehouse holds (newest first)</caption>
      <thead><tr><th>Account</th><th>SKU</th><th>Available</th><th>Location</th><th>Updated</th></tr></thead>
      <tbody>${levels || '<tr><td colspan="5" class="muted">No stock levels set yet.</td></tr>'}</tbody></table>
  </section>`;
}

export function servicesSection(): string {
  const rows = SANDBOX_WAREHOUSE_SERVICES.map((s) => `<tr><td><code>${h(s.code)}</code></td><td>${h(s.description)}</td><td>${h(s.forMethod)}</td></tr>`).join('');
  return `<section class="card"><h2>Shipping services</h2>
    <p class="muted">The codes to map BigCommerce shipping methods to in the app (Settings › Shipping method mappings). An order whose method is not mapped stays in the app until it is; this sandbox accepts any code.</p>
    <table id="services"><thead><tr><th>Code</th><th>Service</th><th>Suits the sandbox store's</th></tr></thead><tbody>${rows}</tbody></table>
  </section>`;
}

export const STOCK_CSS = `
#stock-lines { width: auto; margin: 8px 0; }
#stock-levels { margin-top: 12px; }
#stock-levels caption { text-align: left; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

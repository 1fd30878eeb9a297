// HTML of the control panel's Inventory section. Stable ids for browser tests: #inventory-table
// (rows #inventory-row-<sku>, tracking selects #tracking-<product id>, level inputs
// #level-<sku>-<location id>), #new-location-label, #add-location, #new-product-sku,
// #new-product-tracking, #add-product, #adjustments-table and #inventory-status.
// Rows are filled in by inventory-script.ts.

export function inventorySection(): string {
  return `
    <section class="card" aria-labelledby="inventory-title">
      <h2 id="inventory-title">Inventory</h2>
      <div class="row">
        <label for="new-product-sku">New product SKU</label>
        <input id="new-product-sku" autocomplete="off" placeholder="SBX-NEW-01" style="width:11em">
        <label for="new-product-tracking">Tracking</label>
        <select id="new-product-tracking">
          <option value="product">product</option>
          <option value="none">none</option>
        </select>
        <button id="add-product" type="button" class="secondary">Add product</button>
        <label for="new-location-label">New location</label>
        <input id="new-location-label" autocomplete="off" placeholder="Warehouse East" style="width:11em">
        <button id="add-location" type="button" class="secondary">Add location</button>
      </div>
      <div class="row"><div id="inventory-status" role="status" aria-live="polite" class="muted"></div></div>
      <table id="inventory-table" class="grid">
        <caption>On hand per location (greyed rows do not count under the product's tracking mode)</caption>
        <thead><tr><th>Product</th><th>SKU</th><th>Tracking</th></tr></thead>
        <tbody></tbody>
      </table>
      <table id="adjustments-table" class="grid">
        <caption>Recent PUT /v3/inventory/adjustments/absolute (newest first)</caption>
        <thead><tr><th>Time (UTC)</th><th>Items</th><th>Reason</th><th>Result</th></tr></thead>
        <tbody></tbody>
      </table>
    </section>`;
}

export const INVENTORY_CSS = `
tr.stale td { color: #b5b9cc; }
#inventory-table input { width: 6em; padding: 2px 6px; }
`;

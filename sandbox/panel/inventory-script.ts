// Browser script of the Inventory section (plain ES2020, inlined after the other panel scripts).
// The table is polled every two seconds, since the app writes inventory in the background; it is
// not re-rendered while the user is editing a cell. Text goes in through textContent only (SKUs are
// user input). Written without backticks or "${" so it can live inside this TypeScript string.
export const INVENTORY_SCRIPT = `
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var MODES = ['none', 'product', 'variant'];

  function store() { return $('store-select').value || document.body.getAttribute('data-store'); }

  function note(text, kind) {
    var el = $('inventory-status');
    el.textContent = text;
    el.setAttribute('data-kind', kind || 'info');
  }

  async function api(method, path, body) {
    var res = await fetch('/sandbox' + path, {
      method: method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    var data = res.status === 204 ? null : await res.json().catch(function () { return null; });
    if (!res.ok) throw new Error((data && data.error) || ('HTTP ' + res.status));
    return data;
  }

  function cell(tr, text, tag) {
    var td = document.createElement(tag || 'td');
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  function trackingSelect(p) {
    var sel = document.createElement('select');
    sel.id = 'tracking-' + p.id;
    sel.setAttribute('aria-label', 'Inventory tracking of ' + p.name);
    MODES.forEach(function (m) {
      if (m === 'variant' && !p.hasVariants) return;
      var o = document.createElement('option');
      o.value = m;
      o.textContent = m;
      sel.appendChild(o);
    });
    sel.value = p.tracking;
    sel.addEventListener('change', async function () {
      try {
        await api('PUT', '/stores/' + store() + '/products/' + p.id + '/tracking', { mode: sel.value });
        note(p.name + ' now tracks inventory by ' + sel.value + '.', 'ok');
      } catch (e) { note(e.message, 'error'); }
      refresh();
    });
    return sel;
  }

  function levelInput(row, loc) {
    var input = document.createElement('input');
    input.type = 'number';
    input.min = '0';
    input.id = 'level-' + row.sku + '-' + loc.id;
    input.setAttribute('aria-label', row.sku + ' at ' + loc.label);
    input.value = row.levels[loc.id] === null ? '' : String(row.levels[loc.id]);
    input.addEventListener('change', async function () {
      try {
        await api('PUT', '/stores/' + store() + '/inventory', { sku: row.sku, quantity: Number(input.value), locationId: loc.id });
        note(row.sku + ' at ' + loc.label + ' set to ' + input.value + '.', 'ok');
      } catch (e) { note(e.message, 'error'); }
      refresh();
    });
    return input;
  }

  function render(data) {
    var table = $('inventory-table');
    // Re-rendering would drop what the user is typing.
    if (table.contains(document.activeElement)) return;
    var head = table.tHead.rows[0];
    while (head.cells.length > 3) head.deleteCell(3);
    data.locations.forEach(function (l) { cell(head, l.label + ' (#' + l.id + (l.enabled ? '' : ', disabled') + ')', 'th'); });
    var body = table.tBodies[0];
    body.textContent = '';
    data.products.forEach(function (p) {
      p.rows.forEach(function (row, i) {
        var tr = document.createElement('tr');
        tr.id = 'inventory-row-' + row.sku;
        if (!row.counts) tr.className = 'stale';
        cell(tr, i === 0 ? p.name + ' (#' + p.id + ')' : '  ' + row.label);
        cell(tr, row.sku);
        if (i === 0) cell(tr, '').appendChild(trackingSelect(p)); else cell(tr, '');
        data.locations.forEach(function (l) { cell(tr, '').appendChild(levelInput(row, l)); });
        body.appendChild(tr);
      });
    });
    var log = $('adjustments-table').tBodies[0];
    log.textContent = '';
    data.adjustments.forEach(function (a) {
      var tr = document.createElement('tr');
      cell(tr, new Date(a.at).toISOString().replace('T', ' ').replace(/\\.\\d+Z$/, ''));
      cell(tr, String(a.items));
      cell(tr, a.reason);
      cell(tr, a.status === 200 ? '200 ' + a.transactionId : 'HTTP ' + a.status).className = a.status === 200 ? 'ok' : 'fail';
      log.appendChild(tr);
    });
  }

  async function refresh() {
    var hash = store();
    if (!hash) return;
    try { render(await api('GET', '/stores/' + hash + '/inventory')); } catch (e) { note('Could not read inventory: ' + e.message, 'error'); }
  }

  $('add-location').addEventListener('click', async function () {
    try {
      var l = await api('POST', '/stores/' + store() + '/locations', { label: $('new-location-label').value.trim() || undefined });
      note('Added location #' + l.id + ' (' + l.label + ').', 'ok');
    } catch (e) { note(e.message, 'error'); }
    refresh();
  });

  $('add-product').addEventListener('click', async function () {
    try {
      var p = await api('POST', '/stores/' + store() + '/products', { sku: $('new-product-sku').value.trim(), inventoryTracking: $('new-product-tracking').value });
      note('Added product #' + p.id + ' (' + p.sku + ').', 'ok');
    } catch (e) { note(e.message, 'error'); }
    refresh();
  });

  $('store-select').addEventListener('change', refresh);
  setInterval(function () { if (!document.hidden) refresh(); }, 2000);
  refresh();
})();
`;

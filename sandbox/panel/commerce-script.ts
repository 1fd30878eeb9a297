// Browser script of the Orders and Webhooks sections (plain ES2020, inlined after the main panel
// script). Deliveries happen in the background, so the tables are polled every two seconds. All
// text goes in through textContent, never innerHTML, because SKUs and scopes are user input.
// Written without backticks or "${" so it can live inside this TypeScript template string.
export const COMMERCE_SCRIPT = `
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var statuses = [];

  function store() { return $('store-select').value || document.body.getAttribute('data-store'); }

  function note(text, kind) {
    var el = $('orders-status');
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

  function cell(tr, text, cls) {
    var td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    tr.appendChild(td);
    return td;
  }

  function statusSelect(order) {
    var sel = document.createElement('select');
    sel.id = 'order-status-' + order.id;
    sel.setAttribute('aria-label', 'Status of order ' + order.id);
    statuses.forEach(function (s) {
      var o = document.createElement('option');
      o.value = String(s.id);
      o.textContent = s.id + ' \\u00b7 ' + s.customLabel;
      sel.appendChild(o);
    });
    sel.value = String(order.statusId);
    sel.addEventListener('change', async function () {
      try {
        var r = await api('PUT', '/stores/' + store() + '/orders/' + order.id + '/status', { statusId: Number(sel.value) });
        note('Order #' + r.id + ' is now ' + r.status + '.', 'ok');
      } catch (e) { note(e.message, 'error'); }
      refresh();
    });
    return sel;
  }

  // "2 · 1Z999, 1Z998 (3/3 items)", or a dash when nothing has shipped.
  function shipmentsText(o) {
    if (!o.shipments.length) return '\u2014';
    var tracking = o.shipments.map(function (s) { return s.trackingNumber || '(no tracking)'; }).join(', ');
    return o.shipments.length + ' \u00b7 ' + tracking + ' (' + o.itemsShipped + '/' + o.items + ' items)';
  }

  function renderOrders(data) {
    statuses = data.statuses;
    $('orders-count').textContent = '(' + data.total + ')';
    var body = $('orders-table').tBodies[0];
    // Re-rendering would close a status select the user has open.
    if (body.contains(document.activeElement)) return;
    body.textContent = '';
    data.orders.forEach(function (o) {
      var tr = document.createElement('tr');
      tr.id = 'order-row-' + o.id;
      cell(tr, '#' + o.id + (o.isDeleted ? ' (archived)' : ''));
      cell(tr, o.customer);
      cell(tr, o.skus.map(function (s) { return s || '(no SKU)'; }).join(', '));
      cell(tr, String(o.items));
      cell(tr, '$' + Number(o.total).toFixed(2));
      cell(tr, o.modifiedAt.replace('T', ' ').replace(/\\.\\d+Z$/, ''));
      cell(tr, shipmentsText(o)).id = 'order-shipments-' + o.id;
      cell(tr, '').appendChild(statusSelect(o));
      body.appendChild(tr);
    });
  }

  function renderHooks(hooks) {
    var body = $('hooks-table').tBodies[0];
    body.textContent = '';
    hooks.forEach(function (h) {
      var tr = document.createElement('tr');
      cell(tr, String(h.id));
      cell(tr, h.scope);
      cell(tr, h.destination);
      cell(tr, h.isActive ? 'yes' : 'no', h.isActive ? 'ok' : 'fail');
      cell(tr, h.headerNames.join(', '));
      body.appendChild(tr);
    });
  }

  function renderDeliveries(data) {
    var p = data.pending;
    $('webhooks-state').textContent = (data.paused ? 'Paused. ' : '') + 'Queued ' + p.queued + ', held ' + p.held +
      ', in flight ' + p.inFlight + ', retries waiting ' + p.retries + '.';
    var body = $('deliveries-table').tBodies[0];
    body.textContent = '';
    data.deliveries.slice(0, 30).forEach(function (d) {
      var tr = document.createElement('tr');
      cell(tr, new Date(d.at).toISOString().replace('T', ' ').replace(/\\.\\d+Z$/, ''));
      cell(tr, String(d.hookId));
      cell(tr, d.scope);
      cell(tr, d.hash.slice(0, 10));
      cell(tr, d.attempt + (d.copy === 2 ? ' (duplicate)' : ''));
      cell(tr, d.ok ? 'HTTP ' + d.status : (d.status ? 'HTTP ' + d.status : (d.error || 'failed')) +
        (d.deactivated ? ', hook deactivated' : ''), d.ok ? 'ok' : 'fail');
      body.appendChild(tr);
    });
  }

  async function refresh() {
    var hash = store();
    if (!hash) return;
    try {
      renderOrders(await api('GET', '/stores/' + hash + '/orders'));
      renderHooks(await api('GET', '/stores/' + hash + '/hooks'));
      renderDeliveries(await api('GET', '/webhooks?store=' + encodeURIComponent(hash)));
    } catch (e) { note('Could not read orders or webhooks: ' + e.message, 'error'); }
  }

  function lever(id, path, body, text) {
    $(id).addEventListener('click', async function () {
      try { await api('POST', path, body); note(text, 'ok'); } catch (e) { note(e.message, 'error'); }
      refresh();
    });
  }

  $('create-order').addEventListener('click', async function () {
    var lines = [$('new-order-sku-1').value, $('new-order-sku-2').value]
      .map(function (s) { return s.trim(); })
      .filter(function (s, i) { return i === 0 || s; })
      .map(function (s) { return { sku: s || null, quantity: 1, price: '20.00' }; });
    try {
      var r = await api('POST', '/stores/' + store() + '/orders', {
        statusId: Number($('new-order-status').value),
        lines: lines,
        storm: $('new-order-storm').checked
      });
      note('Created order #' + r.order.id + ' (' + r.order.status + ').', 'ok');
    } catch (e) { note(e.message, 'error'); }
    refresh();
  });

  lever('webhooks-pause', '/webhooks/pause', {}, 'Webhook deliveries paused.');
  lever('webhooks-resume', '/webhooks/resume', {}, 'Webhook deliveries resumed.');
  lever('webhooks-flush', '/webhooks/flush', {}, 'Queued webhook deliveries sent.');
  lever('webhooks-drop', '/webhooks/drop', { n: 1 }, 'The next webhook event will be dropped.');
  lever('webhooks-duplicate', '/webhooks/duplicate', { n: 1 }, 'The next webhook event will be delivered twice.');

  $('store-select').addEventListener('change', refresh);
  setInterval(function () { if (!document.hidden) refresh(); }, 2000);
  refresh();
})();
`;

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
      cell(tr, o.customer + (o.email ? ' <' + o.email + '>' : '') +
        (o.customerId ? ' \u00b7 customer #' + o.customerId + ', group ' + o.customerGroupId : ' \u00b7 guest'));
      cell(tr, o.shippingMethods.join(', ') + ' \u2192 ' + o.countries.join(', '));
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

  // The new-order form: several lines, a shipping method from the list or typed, a count.
  var nextLine = document.querySelectorAll('#new-order-lines tbody tr').length + 1;

  $('add-order-line').addEventListener('click', function () {
    var n = nextLine++;
    var tr = document.createElement('tr');
    tr.setAttribute('data-line', String(n));
    var sku = document.createElement('input');
    sku.id = 'new-order-sku-' + n;
    sku.className = 'line-sku';
    sku.setAttribute('list', 'catalog-skus');
    sku.setAttribute('autocomplete', 'off');
    sku.setAttribute('aria-label', 'SKU of line ' + n);
    sku.style.width = '13em';
    var qty = document.createElement('input');
    qty.id = 'new-order-qty-' + n;
    qty.className = 'line-qty';
    qty.type = 'number';
    qty.min = '1';
    qty.max = '10000';
    qty.value = '1';
    qty.setAttribute('aria-label', 'Quantity of line ' + n);
    qty.style.width = '5em';
    var remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'secondary remove-line';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', 'Remove line ' + n);
    [sku, qty, remove].forEach(function (el) { var td = document.createElement('td'); td.appendChild(el); tr.appendChild(td); });
    $('new-order-lines').tBodies[0].appendChild(tr);
    sku.focus();
  });

  $('new-order-lines').addEventListener('click', function (ev) {
    var button = ev.target && ev.target.closest ? ev.target.closest('button.remove-line') : null;
    if (button) button.closest('tr').remove();
  });

  $('new-order-method').addEventListener('change', function () {
    var other = $('new-order-method').value === '';
    $('new-order-method-other').hidden = !other;
    if (other) $('new-order-method-other').focus();
  });

  function formLines() {
    var rows = Array.prototype.slice.call(document.querySelectorAll('#new-order-lines tbody tr'));
    return rows.map(function (tr) {
      var sku = tr.querySelector('.line-sku').value.trim();
      var qty = tr.querySelector('.line-qty').value.trim();
      // Sent as typed: the sandbox answers a readable 400 for a bad quantity.
      return { sku: sku || null, quantity: qty === '' ? 1 : Number(qty) };
    });
  }

  // Picking a registered customer fills in their saved address (still editable); a guest keeps it.
  $('new-order-customer').addEventListener('change', function () {
    var o = $('new-order-customer').selectedOptions[0];
    if (!o || o.value === '0') return;
    $('new-order-name').value = o.getAttribute('data-name') || '';
    $('new-order-email').value = o.getAttribute('data-email') || '';
    $('new-order-street').value = o.getAttribute('data-street') || '';
    $('new-order-city').value = o.getAttribute('data-city') || '';
    $('new-order-zip').value = o.getAttribute('data-zip') || '';
    $('new-order-country').value = o.getAttribute('data-country') || '';
  });

  function formBody() {
    var method = $('new-order-method').value || $('new-order-method-other').value.trim();
    var channel = $('new-order-channel').value.trim();
    var body = {
      statusId: Number($('new-order-status').value),
      paymentMethod: $('new-order-payment').value,
      channelId: channel === '' ? 1 : Number(channel),
      customer: {
        id: Number($('new-order-customer').value),
        name: $('new-order-name').value.trim(),
        email: $('new-order-email').value.trim(),
        street1: $('new-order-street').value.trim(),
        city: $('new-order-city').value.trim(),
        zip: $('new-order-zip').value.trim(),
        countryIso2: $('new-order-country').value.trim()
      },
      shippingMethod: method,
      lines: formLines(),
      count: Number($('new-order-count').value || '1'),
      storm: $('new-order-storm').checked
    };
    Object.keys(body.customer).forEach(function (k) { if (!body.customer[k] && k !== 'id') delete body.customer[k]; });
    return body;
  }

  async function refreshSkus(hash) {
    try {
      var inv = await api('GET', '/stores/' + hash + '/inventory');
      var list = $('catalog-skus');
      list.textContent = '';
      inv.products.forEach(function (p) {
        p.rows.forEach(function (r) {
          var o = document.createElement('option');
          o.value = r.sku;
          o.textContent = r.label;
          list.appendChild(o);
        });
      });
    } catch (e) { /* suggestions only */ }
  }

  $('create-order').addEventListener('click', async function () {
    var body = formBody();
    try {
      var r = await api('POST', '/stores/' + store() + '/orders', body);
      var what = r.created === 1 ? 'order #' + r.order.id : r.created + ' orders (#' + r.ids[0] + '\u2013#' + r.ids[r.ids.length - 1] + ')';
      note('Created ' + what + ' (' + r.order.status + ', ' + body.shippingMethod + '). The app sends ' +
        (r.created === 1 ? 'it' : 'them') + ' to the warehouse once "' + body.shippingMethod + '" is mapped (app › Settings › Shipping method mappings).', 'ok');
    } catch (e) { note(e.message, 'error'); }
    refresh();
  });

  lever('webhooks-pause', '/webhooks/pause', {}, 'Webhook deliveries paused.');
  lever('webhooks-resume', '/webhooks/resume', {}, 'Webhook deliveries resumed.');
  lever('webhooks-flush', '/webhooks/flush', {}, 'Queued webhook deliveries sent.');
  lever('webhooks-drop', '/webhooks/drop', { n: 1 }, 'The next webhook event will be dropped.');
  lever('webhooks-duplicate', '/webhooks/duplicate', { n: 1 }, 'The next webhook event will be delivered twice.');

  $('store-select').addEventListener('change', function () { refresh(); refreshSkus(store()); });
  setInterval(function () { if (!document.hidden) refresh(); }, 2000);
  refresh();
  if (store()) refreshSkus(store());
})();
`;

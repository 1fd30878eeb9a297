// Browser script of the warehouse control page (plain ES2020, inlined). Buttons call the /sandbox
// JSON endpoints, then the page reloads to show the new state (it is rendered on the server); the
// outcome message survives the reload through sessionStorage.
// Written without backticks or "${" so it can live inside this TypeScript template string.
export const WAREHOUSE_SCRIPT = `
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var KEY = 'warehouse-status';

  function say(text, kind) {
    var el = $('status');
    el.textContent = text;
    el.setAttribute('data-kind', kind || 'info');
  }

  function reloadWith(text, kind) {
    sessionStorage.setItem(KEY, JSON.stringify({ text: text, kind: kind }));
    location.reload();
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

  function deliveryText(d) {
    if (!d) return '';
    if (d.status) return ' The app answered HTTP ' + d.status + ' to ' + d.type + '.';
    return ' The event ' + d.type + ' was not delivered: ' + (d.error || 'unknown error') + '.';
  }

  function run(fn) {
    return async function () {
      try {
        var r = await fn();
        if (r) reloadWith(r.text, r.kind);
      } catch (e) { say(e.message, 'error'); }
    };
  }

  var actions = {
    shipPart: async function (id) {
      var r = await api('POST', '/orders/' + encodeURIComponent(id) + '/ship', { firstItemOnly: true });
      return { text: 'Shipped 1 item of ' + id + ' (tracking ' + r.shipment.trackingNumber + ').' + deliveryText(r.delivery), kind: r.delivery.delivered ? 'ok' : 'error' };
    },
    ship: async function (id) {
      var r = await api('POST', '/orders/' + encodeURIComponent(id) + '/ship', {});
      return { text: 'Shipped ' + id + ' (tracking ' + r.shipment.trackingNumber + ').' + deliveryText(r.delivery), kind: r.delivery.delivered ? 'ok' : 'error' };
    },
    cancel: async function (id) {
      var r = await api('POST', '/orders/' + encodeURIComponent(id) + '/cancel', {});
      return { text: 'Cancelled ' + id + '.' + deliveryText(r.delivery), kind: r.delivery.delivered ? 'ok' : 'error' };
    },
    reject: async function (id) {
      var reason = prompt('Why is the warehouse rejecting ' + id + '?', 'Unknown SKU');
      if (reason === null) return null;
      var r = await api('POST', '/orders/' + encodeURIComponent(id) + '/reject', { reason: reason });
      return { text: 'Rejected ' + id + '.' + deliveryText(r.delivery), kind: r.delivery.delivered ? 'ok' : 'error' };
    }
  };

  document.addEventListener('click', function (ev) {
    var button = ev.target && ev.target.closest ? ev.target.closest('button[data-action]') : null;
    if (!button) return;
    var fn = actions[button.getAttribute('data-action')];
    if (fn) run(function () { return fn(button.getAttribute('data-id')); })();
  });

  $('refresh').addEventListener('click', function () { location.reload(); });

  $('save-webhook').addEventListener('click', run(async function () {
    var url = $('webhook-url').value.trim();
    await api('PUT', '/app-webhook-url', { url: url || null });
    return { text: url ? 'Events now go to ' + url + '.' : 'Events are no longer sent.', kind: 'ok' };
  }));

  $('set-fault').addEventListener('click', run(async function () {
    var plan = { kind: $('fault-kind').value };
    var count = Number($('fault-count').value);
    if (count > 0) plan.count = count;
    if (plan.kind === 'slow') plan.delayMs = 2000;
    await api('POST', '/faults', plan);
    return { text: 'Fault set: ' + plan.kind + (plan.count ? ' for ' + plan.count + ' request(s)' : ' until cleared') + '.', kind: 'ok' };
  }));

  $('clear-faults').addEventListener('click', run(async function () {
    await api('DELETE', '/faults');
    return { text: 'Faults cleared.', kind: 'ok' };
  }));

  // Stock levels: several SKUs at once, pushed as one inventory.updated event.
  var nextStock = document.querySelectorAll('#stock-lines tbody tr').length + 1;

  $('add-stock-line').addEventListener('click', function () {
    var n = nextStock++;
    var tr = document.createElement('tr');
    var sku = document.createElement('input');
    sku.id = 'stock-sku-' + n;
    sku.className = 'stock-sku';
    sku.setAttribute('list', 'stock-skus');
    sku.setAttribute('autocomplete', 'off');
    sku.setAttribute('aria-label', 'SKU ' + n);
    sku.size = 18;
    var qty = document.createElement('input');
    qty.id = 'stock-qty-' + n;
    qty.className = 'stock-qty';
    qty.type = 'number';
    qty.value = '0';
    qty.setAttribute('aria-label', 'Available quantity of SKU ' + n);
    qty.size = 6;
    var remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'secondary remove-stock-line';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', 'Remove SKU ' + n);
    [sku, qty, remove].forEach(function (el) { var td = document.createElement('td'); td.appendChild(el); tr.appendChild(td); });
    $('stock-lines').tBodies[0].appendChild(tr);
    sku.focus();
  });

  $('stock-lines').addEventListener('click', function (ev) {
    var button = ev.target && ev.target.closest ? ev.target.closest('button.remove-stock-line') : null;
    if (button) button.closest('tr').remove();
  });

  $('push-stock').addEventListener('click', run(async function () {
    var rows = Array.prototype.slice.call(document.querySelectorAll('#stock-lines tbody tr'));
    var items = rows.map(function (tr) {
      var qty = tr.querySelector('.stock-qty').value.trim();
      return { sku: tr.querySelector('.stock-sku').value.trim(), available: qty === '' ? NaN : Number(qty) };
    }).filter(function (i) { return i.sku || !isNaN(i.available); });
    var account = $('stock-account').value;
    var r = await api('PUT', '/accounts/' + encodeURIComponent(account) + '/inventory', { items: items });
    var d = r.delivery;
    var n = items.length + (items.length === 1 ? ' SKU' : ' SKUs');
    return { text: 'Pushed stock levels of ' + n + ' for ' + account + '.' + deliveryText(d), kind: d && d.delivered ? 'ok' : 'error' };
  }));

  var saved = sessionStorage.getItem(KEY);
  if (saved) {
    sessionStorage.removeItem(KEY);
    try { var m = JSON.parse(saved); say(m.text, m.kind); } catch (e) { /* ignore */ }
  }
})();
`;

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

  var saved = sessionStorage.getItem(KEY);
  if (saved) {
    sessionStorage.removeItem(KEY);
    try { var m = JSON.parse(saved); say(m.text, m.kind); } catch (e) { /* ignore */ }
  }
})();
`;

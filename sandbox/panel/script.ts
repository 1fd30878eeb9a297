// Browser script of the control-panel page (plain ES2020, inlined). It drives the /sandbox JSON
// endpoints and points the app iframe at the auth / load URLs, like the real control panel does.
// Written without backticks or "${" so it can live inside this TypeScript template string.
export const PANEL_SCRIPT = `
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var frame = $('app-frame');
  var storeHash = document.body.getAttribute('data-store');
  var current = null;

  function say(text, kind) {
    var el = $('status');
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

  function selectedUserId() { return Number($('user-select').value); }

  function render(state) {
    var storeSelect = $('store-select');
    storeSelect.textContent = '';
    state.stores.forEach(function (s) {
      var o = document.createElement('option');
      o.value = s.hash; o.textContent = s.name + ' (' + s.hash + ')';
      storeSelect.appendChild(o);
    });
    current = state.stores.find(function (s) { return s.hash === storeHash; }) || state.stores[0];
    if (!current) return;
    storeHash = current.hash;
    storeSelect.value = storeHash;
    $('store-name').textContent = current.name;
    $('store-hash').textContent = 'stores/' + current.hash + ' \\u00b7 ' + current.plan + ' \\u00b7 ' + current.domain;
    var badge = $('install-state');
    badge.textContent = current.installed ? 'Installed' : 'Not installed';
    badge.className = 'badge ' + (current.installed ? 'on' : 'off');
    $('install-scope').textContent = current.installed ? 'Scopes: ' + current.scope : '';
    var userSelect = $('user-select');
    var keep = userSelect.value;
    userSelect.textContent = '';
    current.users.forEach(function (u) {
      var o = document.createElement('option');
      o.value = String(u.id);
      o.textContent = u.email + ' (#' + u.id + (u.id === current.ownerId ? ', owner' : '') + ')';
      userSelect.appendChild(o);
    });
    if (current.users.some(function (u) { return String(u.id) === keep; })) userSelect.value = keep;
    $('install').textContent = current.installed ? 'Re-authorize app' : 'Install app';
    $('open').disabled = !current.installed;
    $('uninstall').disabled = !current.installed;
    $('remove-user').disabled = selectedUserId() === current.ownerId;
    var rl = current.rateLimit;
    $('rate').textContent = 'API quota: ' + rl.left + '/' + rl.quota + ' left, window resets in ' +
      Math.ceil(rl.resetMs / 1000) + ' s. Faults: ' +
      (state.faults.length ? state.faults.map(function (f) {
        return f.kind + ' x' + (f.remaining === null ? '\\u221e' : f.remaining);
      }).join(', ') : 'none');
  }

  async function refresh() {
    try { render(await api('GET', '/state')); } catch (e) { say('Could not read sandbox state: ' + e.message, 'error'); }
  }

  function action(id, fn) {
    $(id).addEventListener('click', async function () {
      try { await fn(); } catch (e) { say(e.message, 'error'); }
      await refresh();
    });
  }

  action('install', async function () {
    var r = await api('POST', '/stores/' + storeHash + '/install', { userId: selectedUserId() });
    frame.src = r.authUrl;
    say('Install started as user #' + selectedUserId() + ': the app\\'s auth callback is loading below.', 'ok');
  });

  action('open', async function () {
    var r = await api('GET', '/stores/' + storeHash + '/load-url?userId=' + selectedUserId());
    frame.src = r.url;
    say('Opened the app as user #' + selectedUserId() + '.', 'ok');
  });

  action('add-user', async function () {
    var email = $('new-user-email').value.trim();
    var u = await api('POST', '/stores/' + storeHash + '/users', { email: email });
    $('new-user-email').value = '';
    await refresh();
    $('user-select').value = String(u.id);
    say('Added user ' + u.email + ' (#' + u.id + ').', 'ok');
  });

  action('remove-user', async function () {
    var id = selectedUserId();
    var r = await api('DELETE', '/stores/' + storeHash + '/users/' + id);
    say('Removed user #' + id + '. ' + callbackText('remove_user', r), r.error ? 'error' : 'ok');
  });

  action('uninstall', async function () {
    var r = await api('POST', '/stores/' + storeHash + '/uninstall', {});
    frame.src = 'about:blank';
    say('App uninstalled. ' + callbackText('uninstall', r), r.error ? 'error' : 'ok');
  });

  action('set-fault', async function () {
    var plan = { kind: $('fault-kind').value };
    var count = Number($('fault-count').value);
    if (count > 0) plan.count = count;
    await api('POST', '/faults', plan);
    say('Fault set: ' + plan.kind + (plan.count ? ' for ' + plan.count + ' request(s)' : ' until cleared') + '.', 'ok');
  });

  action('clear-faults', async function () {
    await api('DELETE', '/faults');
    say('Faults cleared.', 'ok');
  });

  function callbackText(name, r) {
    if (!r.called) return 'The app was not called (it is not installed).';
    if (r.error) return 'Calling the app\\'s /' + name + ' failed: ' + r.error;
    return 'The app\\'s /' + name + ' callback answered HTTP ' + r.status + '.';
  }

  $('store-select').addEventListener('change', function () {
    storeHash = this.value;
    frame.src = 'about:blank';
    history.replaceState(null, '', '?store=' + encodeURIComponent(storeHash));
    refresh();
  });
  $('user-select').addEventListener('change', function () {
    $('remove-user').disabled = !current || selectedUserId() === current.ownerId;
  });
  // The token exchange happens while the auth page loads: refresh the install state afterwards.
  frame.addEventListener('load', refresh);
  refresh();
})();
`;

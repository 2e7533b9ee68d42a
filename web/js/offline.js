
  // web/js/offline.js: the network and the offline copy (service worker, updates).
  // (A part of yibao_glue.js: it shares the scope that env.js opens; see env.js.)
  // --- offline: a service worker keeps this version's files (never on file://) ---
  var network = { online: navigator.onLine !== false, offline_ready: false };
  function tell_network() {
    if (mod && yibao.started) mod._yibao_set_network(network.online ? 1 : 0, network.offline_ready ? 1 : 0);
  }
  window.addEventListener('online', function () { network.online = true; tell_network(); });
  window.addEventListener('offline', function () { network.online = false; tell_network(); });
  var update_waiting = null;  // a new version's service worker, applied at a safe moment
  var touched = false;
  window.addEventListener('pointerdown', function () { touched = true; }, { capture: true, passive: true });
  function apply_update() {
    var w = update_waiting;
    update_waiting = null;
    navigator.serviceWorker.addEventListener('controllerchange', function () { location.reload(); }, { once: true });
    w.postMessage({ type: 'skip_waiting' });
  }
  // A kiosk's idle reset (kiosk.js): the new version now, if one waits; false when none does.
  function apply_waiting_update() {
    if (!update_waiting) return false;
    apply_update();
    return true;
  }
  function update_found(w) {
    update_waiting = w;
    // The new version replaces this one at once unless a resident is in the middle of it: then
    // when the page is put away, or on a kiosk at the next idle reset. The answers are in the URL.
    if (!touched && !kiosk) apply_update();
  }
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden' && update_waiting && !kiosk) apply_update();
  });
  var sw_ok = !build.single && 'serviceWorker' in navigator && /^https?:$/.test(location.protocol) &&
              params.get('sw') !== '0';
  function register_offline_copy() {
    navigator.serviceWorker.addEventListener('message', function (e) {
      if (e.data && e.data.type === 'version') {
        network.offline_ready = e.data.version === build.version;
        yibao.cached_version = e.data.version;
        tell_network();
      }
    });
    var ask_version = function (worker) { if (worker) worker.postMessage({ type: 'version' }); };
    navigator.serviceWorker.register('sw.js').then(function (reg) {
      var watch = function (w) {
        w.addEventListener('statechange', function () {
          if (w.state === 'installed' && navigator.serviceWorker.controller) update_found(w);
          if (w.state === 'activated') ask_version(w);
        });
      };
      if (reg.installing) watch(reg.installing);
      reg.addEventListener('updatefound', function () { watch(reg.installing); });
      if (reg.waiting && navigator.serviceWorker.controller) update_found(reg.waiting);
      ask_version(reg.active);
    }).catch(function (e) { console.warn('yibao: no offline copy:', e && e.message); });
  }

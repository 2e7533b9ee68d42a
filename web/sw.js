// Offline support: the service worker of the site (a template; web/tools/stamp_site.py fills in
// the version and the precache list when it writes build/web/sw.js).
//
// One cache per version ("yibao-" + VERSION) holds every file of that version, so a page never
// mixes the files of two builds. A new version installs next to the old one and waits; the page
// decides when to switch by posting {type: 'skip_waiting'}. Activation deletes the older caches.
'use strict';

const VERSION = '@YIBAO_VERSION@';
const PRECACHE = @YIBAO_PRECACHE@;
const CACHE = 'yibao-' + VERSION;
const SCOPE = new URL('./', self.location).pathname;

self.addEventListener('install', (event) => {
  // Files named with ?v=VERSION never change, so the copy the page just loaded (HTTP cache) will
  // do; the others are checked with the server (cache: 'no-cache': a 304 when the page just loaded
  // is the same, without sending it again).
  // The page is fetched once, at the address it was opened by (./ or index.html, with its query:
  // the one the HTTP cache holds, so a 304), and kept under ./ and index.html.
  // Its query (answers) is never a key of the cache.
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all([
    cache.addAll(PRECACHE.filter((url) => url !== './' && url !== 'index.html')
      .map((url) => new Request(url, { cache: /[?&]v=/.test(url) ? 'default' : 'no-cache' }))),
    page_address().then((url) => fetch(new Request(url, { cache: 'no-cache' }))).then((page) => {
      if (!page.ok) throw new Error('sw: the page answered ' + page.status);
      return Promise.all([cache.put('./', page.clone()), cache.put('index.html', page)]);
    })])));
});

// The address the page that registered this worker was opened by (./ or index.html, with its
// query; './' when there is none).
function page_address() {
  return self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((list) => {
    for (const client of list) {
      const url = new URL(client.url);
      if (url.pathname === SCOPE || url.pathname === SCOPE + 'index.html') return url.pathname + url.search;
    }
    return './';
  }, () => './');
}

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names
      .filter((name) => name.startsWith('yibao-') && name !== CACHE)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'skip_waiting') {
    self.skipWaiting();
  } else if (data.type === 'version' && event.source) {
    event.source.postMessage({ type: 'version', version: VERSION });
  }
});

// A response the browser accepts for a navigation even if the host redirected while precaching
// (e.g. index.html → ./): same body and headers, without the "redirected" flag.
function unredirected(response) {
  if (!response || !response.redirected) return response;
  return new Response(response.body, {
    status: response.status, statusText: response.statusText, headers: response.headers });
}

function from_cache_or_network(request, cache_key, options) {
  return caches.open(CACHE)
    .then((cache) => cache.match(cache_key, options))
    .then((cached) => (cached ? unredirected(cached) : fetch(request)));
}

function network_then_cache(event) {
  const request = event.request;
  return fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request.url, copy)));
    }
    return response;
  }, () => caches.open(CACHE).then((cache) => cache.match(request.url))
    .then((cached) => cached || Response.error()));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === self.location.pathname) return;  // sw.js itself: always the network
  const is_page = url.pathname === SCOPE || url.pathname === SCOPE + 'index.html';
  if (url.pathname.startsWith(SCOPE + 'rules/')) {
    // The published rules change on the host without a new build (web/js/rules.js): the network
    // first, and what it last answered kept for offline use.
    event.respondWith(network_then_cache(event));
  } else if (request.mode === 'navigate' && is_page) {
    // The page with any query (?district=...&mode=kiosk): the cached index.html of this version.
    event.respondWith(from_cache_or_network(request, 'index.html', { ignoreSearch: true }));
  } else {
    // Everything else by its exact URL: the versioned files carry ?v=VERSION.
    event.respondWith(from_cache_or_network(request, request));
  }
});

// Fundbook's service worker: the meeting sheet opens with no connection at all. A sheet is fetched from the
// network when it can be (its page and the roster stay current) and served from the cache when the network is
// away; the service's own scripts and styles (content-hashed addresses) come from the cache first. Everything
// else — the API, logins, other pages — always goes to the network: nothing else is kept on the phone here.
const CACHE = 'fundbook-pages-v1';
const SHEET = /^\/groups\/[^/]+\/meeting$/;
const HASHED = /-[0-9a-f]{32}\.[a-z]+$/;
const NETWORK_WAIT_MS = 6000;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && SHEET.test(url.pathname)) {
    event.respondWith(networkFirst(request, url.pathname));
  } else if (url.pathname.startsWith('/webjars/') || (url.pathname.startsWith('/assets/') && HASHED.test(url.pathname))) {
    event.respondWith(cacheFirst(request));
  } else if (url.pathname.startsWith('/assets/') || url.pathname === '/manifest.webmanifest') {
    event.respondWith(networkFirst(request, url.pathname));
  }
});

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await Promise.race([fetch(request), new Promise((_, reject) =>
      setTimeout(() => reject(new Error('slow network')), NETWORK_WAIT_MS))]);
    if (response.ok && response.type === 'basic' && !response.redirected) {
      await cache.put(key, response.clone());
    }
    return response;
  } catch (e) {
    const kept = await cache.match(key);
    if (kept) return kept;
    throw e;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

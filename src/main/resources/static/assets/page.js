// Every page: install the service worker that keeps the meeting sheet usable with no connection.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => { /* pages work without it */ });
}

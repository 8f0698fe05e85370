// The service worker: after the first visit the lab loads and trains with no network. It precaches
// exactly the files of one build (the list and a version are written in by scripts/vite-service-worker.ts)
// and serves them cache-first from its own folder, whatever sub-path that is. A new build installs
// beside the old one and waits: the page offers a reload (sw-register.ts), and only then does the new
// version take over, so a page never mixes files of two builds. The previous build's files are kept
// for one more version, so a tab still showing it can load its lazy chunks until it reloads.
/// <reference lib="webworker" />
// A module for the type check (so `self` can be narrowed); the build plugin drops the export.
export {};
declare const self: ServiceWorkerGlobalScope;
declare const __PRECACHE__: { version: string; files: string[] };

const PREFIX = 'reglab-';
const { version, files } = __PRECACHE__;
const CACHE = PREFIX + version;
const scope = () => self.registration.scope;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // 'reload': straight from the server, never an older copy from the HTTP cache.
      cache.addAll(files.map((f) => new Request(new URL(f, scope()).href, { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => {
      const older = keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE);
      // caches.keys() lists in creation order: keep the newest older build, drop the rest.
      return Promise.all(older.slice(0, -1).map((k) => caches.delete(k)));
    }),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !req.url.startsWith(scope())) return;
  if (req.mode === 'navigate') {
    // Any page of the folder, with any URL settings, is this build's index.html.
    event.respondWith(
      caches
        .open(CACHE)
        .then((c) => c.match(new URL('index.html', scope()).href))
        .then((hit) => hit ?? fetch(req)),
    );
    return;
  }
  const url = new URL(req.url);
  url.search = '';
  event.respondWith(caches.match(url.href).then((hit) => hit ?? fetch(req)));
});

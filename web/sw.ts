// The web checker's service worker: the page, all its scripts and the built-in code editions (kept at install)
// and the template answers it used, so after one visit the checker opens and checks offline. Network first.

// the few service-worker types used, declared here: the project compiles against the DOM library, not webworker
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Promise<Response>): void;
}
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: "install" | "activate", fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", fn: (e: FetchEvent) => void): void;
}
const worker = self as unknown as WorkerScope;

/** set by web/build.ts: the page's files, and a cache name that changes with them */
declare const PRECACHE: string[];
declare const CACHE_NAME: string;
const CACHE = CACHE_NAME;
/** what is worth keeping: the page and its files, mammoth, and the read-only API answers the page asked for */
const KEPT = /^\/($|web\/|vendor\/|assets\/|v1\/templates|v1\/codes)/;

worker.addEventListener("install", (event) => {
  // one file that cannot be had now (an edition not published on this Worker) must not stop the rest
  event.waitUntil(
    caches
      .open(CACHE)
      .then((c) => Promise.allSettled(PRECACHE.map((url) => c.add(url))))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("juesuan-web-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== worker.location.origin || !KEPT.test(url.pathname)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const res = await fetch(event.request);
        if (res.ok) await cache.put(event.request, res.clone());
        return res;
      } catch (err) {
        const kept = await cache.match(event.request, { ignoreVary: true });
        if (!kept) throw err;
        return kept;
      }
    })(),
  );
});

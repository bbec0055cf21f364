// Quizwire's service worker: keeps the quiz pages a student has opened and the app's static
// files, so a reload while offline still shows the quiz. Answers themselves wait in
// localStorage (the page sends them).
//
// A class shares phones, so kept pages are kept per user ("quizwire-pages-<user id>") and
// served only to the user the pages say is signed in here (DEVICE_USER_PATH in
// "quizwire-device"); signing out, or another user signing in, removes the rest. The pages
// keep these names in lib/client/device-data.ts.
const STATIC_CACHE = "quizwire-static-v1";
const PAGES_CACHE_PREFIX = "quizwire-pages-";
const DEVICE_CACHE = "quizwire-device";
const DEVICE_USER_PATH = "/__quizwire/device-user";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  // Earlier versions kept everyone's pages in one cache ("quizwire-v1"): it goes.
  const current = (name) => name === STATIC_CACHE || name === DEVICE_CACHE || name.startsWith(PAGES_CACHE_PREFIX);
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => !current(k)).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** The cache of the user signed in on this browser, or null when nobody is. */
async function signedInPages() {
  const marker = await caches.match(DEVICE_USER_PATH, { cacheName: DEVICE_CACHE });
  const userId = marker ? await marker.text() : "";
  return userId ? PAGES_CACHE_PREFIX + userId : null;
}

async function keptPage(request) {
  const cacheName = await signedInPages();
  return cacheName ? caches.match(request, { cacheName }) : undefined;
}

async function keepPage(request, response) {
  const cacheName = await signedInPages();
  if (cacheName) await (await caches.open(cacheName)).put(request, response);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;

  // Static files are named by their content: cache first.
  if (url.pathname.startsWith("/_next/static/")) {
    event.respondWith(
      caches.match(request, { cacheName: STATIC_CACHE }).then(
        (hit) =>
          hit ??
          fetch(request).then((response) => {
            if (response.ok) void caches.open(STATIC_CACHE).then((cache) => cache.put(request, response.clone()));
            return response;
          }),
      ),
    );
    return;
  }

  // Quiz pages: the network when the server answers, else the copy kept last time. A server
  // error counts as no answer (a restart, a proxy with no server behind it): the kept copy
  // lets the student go on, their answers waiting on the phone as they do offline.
  const quizPage = /^\/(quiz|assignments)\//.test(url.pathname);
  if (request.mode === "navigate" && quizPage) {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) void keepPage(request, response.clone()).catch(() => undefined);
          if (response.status < 500) return response;
          return keptPage(request).then((hit) => hit ?? response);
        })
        .catch(() => keptPage(request).then((hit) => hit ?? Response.error())),
    );
  }
});

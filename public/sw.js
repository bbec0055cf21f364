// Quizwire's service worker: keeps the pages a student has opened (quiz pages hold the
// questions, never their answers) and the app's static files, so a reload while offline
// still shows the quiz. Answers themselves wait in localStorage (the page sends them).
const CACHE = "quizwire-v1";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;

  // Static files are named by their content: cache first.
  if (url.pathname.startsWith("/_next/static/")) {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ??
          fetch(request).then((response) => {
            if (response.ok) void caches.open(CACHE).then((cache) => cache.put(request, response.clone()));
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
          if (response.ok) void caches.open(CACHE).then((cache) => cache.put(request, response.clone()));
          if (response.status < 500) return response;
          return caches.match(request).then((hit) => hit ?? response);
        })
        .catch(() => caches.match(request).then((hit) => hit ?? Response.error())),
    );
  }
});

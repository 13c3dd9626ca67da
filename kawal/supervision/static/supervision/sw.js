/* Service worker for the PTPS form: keeps the form and its files so it opens offline. */
"use strict";
var CACHE = "kawal-ptps-v1";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("message", function (event) {
  if (event.data && event.data.cache) {
    var source = event.source;
    event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(event.data.cache); })
      .then(function () { if (source) { source.postMessage({ cached: true }); } }));
  }
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) { return; }
  // Network first, so a fresh form (new CSRF token, new TPS list) wins when online.
  event.respondWith(
    fetch(request).then(function (response) {
      if (response.ok && (request.mode === "navigate" || request.url.indexOf("/static/") !== -1)) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(request, { ignoreVary: true, ignoreSearch: request.mode !== "navigate" });
    })
  );
});

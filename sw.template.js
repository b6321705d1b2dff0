// The widget's service worker: keeps one version's files so that the whole
// journey works with no connection after one visit.
//
// `cargo xtask build` writes dist/sw.js from this template, filling in
// VERSION (a hash of the file list and contents) and ASSETS (every file of
// that version, relative to this script). Each version has its own cache. A
// new version downloads everything while installing, waits while any page
// still runs the old one, and deletes older caches only when it activates,
// which happens when the victim presses "Reload now" (or closes every tab).
// So a page never mixes old and new files.
"use strict";

const VERSION = "__VERSION__";
const ASSETS = ["__ASSETS__"];

const SCOPE = self.registration.scope;
// One widget per folder: each folder's caches are its own.
const CACHE_PREFIX = "stolen-phone " + SCOPE + " ";
const CACHE = CACHE_PREFIX + VERSION;
const PRECACHED = new Set(ASSETS.map((path) => new URL(path, SCOPE).href));
// The build names its files by their contents (name-0123456789abcdef.ext), so
// the copy the page has just downloaded is the right one: no second download.
const CONTENT_NAMED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => Promise.all(ASSETS.map((path) => precache(cache, path))))
  );
});

async function precache(cache, path) {
  const url = new URL(path, SCOPE).href;
  const mode = CONTENT_NAMED.test(path) ? "force-cache" : "no-cache";
  const response = await fetch(new Request(url, { cache: mode }));
  if (!response.ok) {
    // Fails the install: a version with a file missing is never used.
    throw new Error("could not download " + path + ": HTTP " + response.status);
  }
  await cache.put(url, response);
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
            .map((name) => caches.delete(name))
        )
      )
      // On the first visit this lets the open page use the cache at once.
      .then(() => self.clients.claim())
  );
});

// Sent by the page: "skip-waiting" when the victim chooses the new version;
// "forget" when nothing of the widget may stay on this device (it is someone
// else's, or the victim left). The worker finishes that itself, so it is
// done even when the page has already gone.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") {
    self.skipWaiting();
  } else if (event.data === "forget") {
    event.waitUntil(forget());
  }
});

async function forget() {
  await self.registration.unregister();
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX)).map((name) => caches.delete(name)));
}

// This version's cache, or null once it has been deleted: a worker that has
// been told to forget goes on serving its open page from the network, and
// never makes the cache again.
async function ownCache() {
  return (await caches.has(CACHE)) ? caches.open(CACHE) : null;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) {
    return;
  }
  const file = url.origin + url.pathname;
  // A folder is its index.html: the widget's own, or a pre-rendered page's
  // (cy/, cy/act-now/).
  const page = file.endsWith("/") ? file + "index.html" : file;
  if (request.mode === "navigate" && PRECACHED.has(page)) {
    // Link parameters (?lang=cy, ?embed=1, ...) are read by the page itself.
    event.respondWith(fromCache(page, request));
  } else if (PRECACHED.has(file) && url.search === "") {
    event.respondWith(fromCache(file, request));
  } else if (url.pathname.endsWith(".json")) {
    // Host configuration (config.json, or the file a link names): the
    // deployer may change it at any time, so the network comes first.
    event.respondWith(networkFirst(request));
  }
  // Anything else goes to the network as if there were no worker.
});

async function fromCache(url, request) {
  const cache = await ownCache();
  const cached = cache && (await cache.match(url));
  return cached || fetch(request);
}

async function networkFirst(request) {
  const cache = await ownCache();
  if (!cache) {
    return fetch(request);
  }
  try {
    const response = await fetch(request);
    // "No configuration" (404) is kept too, so offline behaves like online.
    if (response.ok || response.status === 404) {
      await cache.put(request, response.clone());
    }
    return response;
  } catch (offline) {
    const cached = await cache.match(request);
    if (cached) {
      return cached;
    }
    throw offline;
  }
}

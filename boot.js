// Starts the widget. A file rather than an inline script, so the strict CSP holds.
const tag = document.querySelector("script[data-js][data-wasm]");

// The widget cannot go on after a failed start or a trap in its wasm (the
// release build turns every panic into a trap), so show the page's own
// message with the phone number to call.
function stopped(error) {
  console.error("The widget stopped:", error);
  document.getElementById("crash")?.removeAttribute("hidden");
  document.getElementById("app")?.setAttribute("hidden", "");
}
const isTrap = (error) => error instanceof WebAssembly.RuntimeError;
addEventListener("error", (event) => isTrap(event.error) && stopped(event.error));
addEventListener("unhandledrejection", (event) => isTrap(event.reason) && stopped(event.reason));

// Inside embed.js's iframe, the host page is told the page's height whenever
// it changes, from the first paint (the pre-rendered page) on, so that the
// frame fits before the wasm arrives and after. Only to the origin embed.js
// names, and only the height.
const link = new URLSearchParams(location.search);
const host = link.has("embed") ? link.get("host") : null;
let hostOrigin = null;
try {
  hostOrigin = host && new URL(host).origin === host ? host : null;
} catch {
  // Not an address: no messages.
}
if (hostOrigin && window.parent !== window) {
  const sendHeight = () =>
    window.parent.postMessage(
      { type: "stolen-phone:height", height: document.documentElement.scrollHeight },
      hostOrigin
    );
  new ResizeObserver(sendHeight).observe(document.body);
}

// The page on screen is whole without the widget's code (the start page and
// Act now are pre-rendered), so the code is asked for once that page has
// been painted: the first paint waits for nothing of it. Then the wasm, the
// glue and the loader the glue imports are all asked for at once, which saves
// a round trip each on a slow phone connection.
function startWidget() {
  const loader = document.createElement("link");
  loader.rel = "modulepreload";
  loader.href = tag.dataset.loader;
  document.head.append(loader);
  const wasm = fetch(tag.dataset.wasm);
  import(tag.dataset.js)
    .then((glue) => glue.default({ module_or_path: wasm }))
    .catch(stopped);
}
// A callback before the next paint, and a task after it.
requestAnimationFrame(() => setTimeout(startWidget, 0));

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

// Ask for the wasm now, while the glue code is still on its way.
const wasm = fetch(tag.dataset.wasm);
import(tag.dataset.js)
  .then((glue) => glue.default({ module_or_path: wasm }))
  .catch(stopped);

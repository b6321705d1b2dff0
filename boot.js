// Starts the widget. A file rather than an inline script, so the strict CSP holds.
const tag = document.querySelector("script[data-js][data-wasm]");
// Ask for the wasm now, while the glue code is still on its way.
const wasm = fetch(tag.dataset.wasm);
import(tag.dataset.js)
  .then((glue) => glue.default({ module_or_path: wasm }))
  .catch((error) => {
    console.error("The widget could not start:", error);
    document.getElementById("crash")?.removeAttribute("hidden");
    document.getElementById("app")?.setAttribute("hidden", "");
  });

// Starts the widget. A file rather than an inline script, so the strict CSP holds.
const tag = document.querySelector("script[data-js][data-wasm]");
import(tag.dataset.js)
  .then((glue) => glue.default({ module_or_path: tag.dataset.wasm }))
  .catch((error) => {
    console.error("The widget could not start:", error);
    document.getElementById("crash")?.removeAttribute("hidden");
    document.getElementById("app")?.setAttribute("hidden", "");
  });

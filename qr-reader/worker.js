// The widget's QR worker. The page sends a photo's grey pixels; the worker
// sends back each QR code found, or `failed` if the reader stopped. The
// reader runs here, not in the page, so that a trap in it ends this worker
// and not the widget: the page uses a new worker for each photo.
import init, { readCodes } from "__GLUE__";

const ready = init({ module_or_path: new URL("__WASM__", import.meta.url) });

self.onmessage = async (event) => {
  const { width, height, pixels } = event.data;
  try {
    await ready;
    self.postMessage({ codes: readCodes(width, height, pixels) });
  } catch (error) {
    self.postMessage({ failed: String(error) });
  }
};

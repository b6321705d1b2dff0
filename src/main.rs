//! Mounts the widget into the page. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    stolen_phone::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: build it with `cargo xtask serve`.");
}

//! A report code drawn as a QR code: an SVG element built in `view!` from
//! the module matrix (no markup injected), and the same matrix as an SVG
//! file and as a PNG painted on a canvas, for saving.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use stolen_phone_core::report::qr::{QrMatrix, svg_path};

/// Pixels per module in the saved PNG: a version 20 code is 776 pixels
/// wide, sharp on screen and on paper.
const PNG_MODULE_PIXELS: usize = 8;

/// The QR code as an inline SVG, quiet zone included. CSS sets its size
/// for the screen and for A4.
#[component]
pub fn QrSvg(matrix: QrMatrix, label: Signal<String>) -> impl IntoView {
    let path = svg_path(&matrix);
    let size = path.size.to_string();
    let view_box = format!("0 0 {size} {size}");
    view! {
        <svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox=view_box
            role="img" aria-label=move || label.get() shape-rendering="crispEdges">
            <rect width=size.clone() height=size fill="#ffffff"/>
            <path d=path.d fill="#000000"/>
        </svg>
    }
}

/// The QR code as the text of an SVG file.
pub fn svg_file(matrix: &QrMatrix) -> String {
    let path = svg_path(matrix);
    let n = path.size;
    let pixels = n * PNG_MODULE_PIXELS;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {n} {n}\" width=\"{pixels}\" \
         height=\"{pixels}\" shape-rendering=\"crispEdges\"><rect width=\"{n}\" height=\"{n}\" \
         fill=\"#ffffff\"/><path d=\"{}\" fill=\"#000000\"/></svg>",
        path.d
    )
}

/// The QR code as a PNG `data:` URL, painted module by module on a canvas
/// that is never shown. `None` if the browser has no 2D canvas.
pub fn png_data_url(matrix: &QrMatrix) -> Option<String> {
    let canvas: web_sys::HtmlCanvasElement =
        document().create_element("canvas").ok()?.dyn_into().ok()?;
    let pixels = matrix.size() * PNG_MODULE_PIXELS;
    let side = u32::try_from(pixels).ok()?;
    canvas.set_width(side);
    canvas.set_height(side);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, pixels as f64, pixels as f64);
    context.set_fill_style_str("#000000");
    let module = PNG_MODULE_PIXELS as f64;
    for (y, row) in matrix.rows().enumerate() {
        for (x, &dark) in row.iter().enumerate() {
            if dark {
                context.fill_rect(x as f64 * module, y as f64 * module, module, module);
            }
        }
    }
    canvas.to_data_url().ok()
}

//! A photo the victim chose, as grey pixels: the browser decodes the file
//! itself (`createImageBitmap`), so the wasm carries no JPEG or PNG decoder,
//! and a canvas that is never on the page scales it down and gives its
//! pixels. Nothing is sent or kept: the bitmap is closed when the photo is
//! dropped.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A decoded photo, held by the browser until dropped.
pub struct Picture {
    bitmap: web_sys::ImageBitmap,
}

/// Grey pixels, row by row (0 black, 255 white).
pub struct Grey {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
    /// How many of the photo's own pixels one of these spans.
    pub scale: f64,
    /// Where these pixels start in the photo, in its own pixels.
    pub left: f64,
    pub top: f64,
}

/// Why a chosen file gave no pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PictureError {
    /// The browser could not open the file as a picture.
    NotAPicture,
    /// The browser would not give the pixels (out of memory, say).
    NoPixels,
}

impl Picture {
    /// Decodes `file` in the browser.
    pub async fn open(file: &web_sys::File) -> Result<Picture, PictureError> {
        let promise = web_sys::window()
            .ok_or(PictureError::NoPixels)?
            .create_image_bitmap_with_blob(file)
            .map_err(|_| PictureError::NotAPicture)?;
        let bitmap = JsFuture::from(promise)
            .await
            .map_err(|_| PictureError::NotAPicture)?
            .dyn_into::<web_sys::ImageBitmap>()
            .map_err(|_| PictureError::NotAPicture)?;
        if bitmap.width() == 0 || bitmap.height() == 0 {
            bitmap.close();
            return Err(PictureError::NotAPicture);
        }
        Ok(Picture { bitmap })
    }

    pub fn width(&self) -> f64 {
        f64::from(self.bitmap.width())
    }

    pub fn height(&self) -> f64 {
        f64::from(self.bitmap.height())
    }

    /// The part of the photo from (`left`, `top`), `width` by `height` of
    /// its own pixels, in grey, scaled down so that neither side is longer
    /// than `longest` (never scaled up). Drawing, reading the pixels back
    /// and making them grey each take a turn of their own, so that the page
    /// is never held up for all three at once.
    pub async fn grey(
        &self,
        (left, top, width, height): (f64, f64, f64, f64),
        longest: f64,
    ) -> Result<Grey, PictureError> {
        let scale = (width.max(height) / longest).max(1.0);
        let (out_width, out_height) = (
            (width / scale).round().max(1.0),
            (height / scale).round().max(1.0),
        );
        let canvas = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            .ok_or(PictureError::NoPixels)?;
        canvas.set_width(out_width as u32);
        canvas.set_height(out_height as u32);
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
            .ok_or(PictureError::NoPixels)?;
        context.set_image_smoothing_enabled(true);
        context
            .draw_image_with_image_bitmap_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
                &self.bitmap,
                left,
                top,
                width,
                height,
                0.0,
                0.0,
                out_width,
                out_height,
            )
            .map_err(|_| PictureError::NoPixels)?;
        next_turn().await;
        let data = context
            .get_image_data(0.0, 0.0, out_width, out_height)
            .map_err(|_| PictureError::NoPixels)?
            .data();
        // The canvas's own copy goes at once.
        canvas.set_width(0);
        canvas.set_height(0);
        next_turn().await;
        let pixels = data
            .chunks_exact(4)
            .map(|p| {
                let luma = 77 * u32::from(p[0]) + 150 * u32::from(p[1]) + 29 * u32::from(p[2]);
                (luma >> 8) as u8
            })
            .collect();
        Ok(Grey {
            width: out_width as usize,
            height: out_height as usize,
            pixels,
            scale,
            left,
            top,
        })
    }

    /// The whole photo, as [`Picture::grey`] gives it.
    pub fn whole(&self) -> (f64, f64, f64, f64) {
        (0.0, 0.0, self.width(), self.height())
    }
}

impl Drop for Picture {
    fn drop(&mut self) {
        self.bitmap.close();
    }
}

/// The file chosen in the file input that `ev` came from, taken out of it:
/// the input keeps nothing, and the same photo may be chosen again.
pub fn take_chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// Opens the picker of the hidden file input `id`, from a button of the
/// page's own that says what the photo is for.
pub fn open_file_picker(id: &str) {
    let input = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(input) = input {
        input.click();
    }
}

/// Lets the page handle what is waiting (a key press, a paint) before
/// going on: a long job done in turns never holds the page for long.
pub async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let waits = web_sys::window()
            .is_some_and(|window| window.set_timeout_with_callback(&resolve).is_ok());
        if !waits {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

//! Report codes in a photo or a scan: the picture is decoded within
//! limits, made grey, shrunk, and searched for QR codes with rqrr, as it is
//! and then in black and white. A printed report holds two codes side by
//! side; every code found is returned, top to bottom and then left to
//! right.

use std::cell::Cell;
use std::io::Cursor;
use std::panic::{self, AssertUnwindSafe};

use image::{GrayImage, ImageError, ImageFormat, ImageReader, Limits, error::LimitErrorKind};

use crate::output::Problem;

/// How large a picture may be before it is refused unread. A phone's
/// photo is 12 to 50 megapixels; 256 MiB holds 85 megapixels in colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PictureLimits {
    /// Pixels along either side.
    pub max_side: u32,
    /// Bytes of the decoded picture.
    pub max_decoded_bytes: u64,
}

pub const LIMITS: PictureLimits = PictureLimits {
    max_side: 16_384,
    max_decoded_bytes: 256 * 1024 * 1024,
};

/// The longest side searched first. A code that fills a tenth of a photo
/// this size still has 2 pixels a module, and the search takes a fraction
/// of what the full picture would.
const FIRST_SIDE: u32 = 1600;
/// The longest side ever searched: finer than this only costs time.
const FINEST_SIDE: u32 = 4096;

/// What one QR code in a picture held.
pub type Found = Result<String, Problem>;

/// Each QR code's text, in reading order, or why there is none.
pub fn codes(
    bytes: &[u8],
    format: ImageFormat,
    limits: &PictureLimits,
) -> Result<Vec<Found>, Problem> {
    let grey = decode(bytes, format, limits)?;
    let no_code = Problem::new(
        "no-qr-code",
        "No QR code was found in this picture. Try a sharper photo, taken straight on, with the whole code in it.",
    );
    // The smallest QR code is 21 modules wide.
    if grey.width() < 21 || grey.height() < 21 {
        return Err(no_code);
    }
    let mut best: Vec<Located> = Vec::new();
    let mut decoder_failed = false;
    let read = |found: &[Located]| found.iter().filter(|l| l.text.is_ok()).count();
    for factor in factors(grey.width().max(grey.height())) {
        let shrunk = shrink(&grey, factor);
        let image = shrunk.as_ref().unwrap_or(&grey);
        // rqrr's own local threshold misses many slightly blurred codes
        // that one threshold for the whole picture finds; the local one
        // copes better with uneven light. So both are tried.
        for black_and_white in [false, true] {
            let search = || {
                let thresholded = black_and_white.then(|| thresholded(image));
                search(thresholded.as_ref().unwrap_or(image), factor)
            };
            let Some(found) = guarded(search) else {
                decoder_failed = true;
                continue;
            };
            if !found.is_empty() && read(&found) == found.len() {
                return Ok(in_reading_order(found));
            }
            if best.is_empty() || read(&found) > read(&best) {
                best = found;
            }
        }
    }
    if !best.is_empty() {
        return Ok(in_reading_order(best));
    }
    Err(if decoder_failed {
        Problem::new(
            "qr-decoder-failed",
            "The QR code reader failed on this picture. Try another photo of the code, or type the code into a text file.",
        )
    } else {
        no_code
    })
}

fn decode(bytes: &[u8], format: ImageFormat, limits: &PictureLimits) -> Result<GrayImage, Problem> {
    let name = match format {
        ImageFormat::Png => "PNG",
        _ => "JPEG",
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut image_limits = Limits::default();
    image_limits.max_image_width = Some(limits.max_side);
    image_limits.max_image_height = Some(limits.max_side);
    image_limits.max_alloc = Some(limits.max_decoded_bytes);
    reader.limits(image_limits);
    match reader.decode() {
        Ok(image) => Ok(image.into_luma8()),
        Err(ImageError::Limits(limit)) => {
            let what = match limit.kind() {
                LimitErrorKind::DimensionError => {
                    format!("more than {} pixels along a side", limits.max_side)
                }
                _ => format!(
                    "more than {} MB once decoded",
                    limits.max_decoded_bytes / (1024 * 1024)
                ),
            };
            Err(Problem::new(
                "picture-too-large",
                format!(
                    "This {name} picture is too large to read: {what}. Crop it to the QR code, or save it smaller."
                ),
            ))
        }
        Err(error) => Err(Problem::new(
            "picture-unreadable",
            format!(
                "This {name} picture could not be read: {error}. It may be damaged or cut short."
            ),
        )),
    }
}

/// The shrink factors to search at: coarse first, then finer, down to the
/// finest side.
fn factors(longest: u32) -> Vec<u32> {
    let finest = longest.div_ceil(FINEST_SIDE).max(1);
    let mut factor = longest.div_ceil(FIRST_SIDE).max(finest);
    let mut factors = vec![factor];
    while factor > finest {
        factor = (factor / 2).max(finest);
        factors.push(factor);
    }
    factors
}

/// A QR code found: its centre and height in the picture, and its text.
struct Located {
    x: f64,
    y: f64,
    height: f64,
    text: Found,
}

/// Every QR code rqrr finds in `image`, a picture shrunk `factor` times.
fn search(image: &GrayImage, factor: u32) -> Vec<Located> {
    let (width, height) = (image.width() as usize, image.height() as usize);
    let pixels = image.as_raw();
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
        pixels.get(y * width + x).copied().unwrap_or(255)
    });
    prepared
        .detect_grids()
        .into_iter()
        .map(|grid| {
            let corners = grid.bounds.map(|p| (f64::from(p.x), f64::from(p.y)));
            let scale = f64::from(factor);
            let x = corners.iter().map(|c| c.0).sum::<f64>() / 4.0 * scale;
            let y = corners.iter().map(|c| c.1).sum::<f64>() / 4.0 * scale;
            let top = corners[0].1.min(corners[1].1);
            let bottom = corners[2].1.max(corners[3].1);
            let text = grid.decode().map(|(_, text)| text).map_err(|error| {
                let why = match error {
                    rqrr::DeQRError::EncodingError => {
                        return Problem::new(
                            "qr-code-not-text",
                            "This QR code holds something other than text, so it is not a report code.",
                        );
                    }
                    rqrr::DeQRError::DataEcc | rqrr::DeQRError::FormatEcc => {
                        "too much of it is blurred, dirty or missing"
                    }
                    _ => "it is unclear or not a standard QR code",
                };
                Problem::new(
                    "qr-code-unreadable",
                    format!("A QR code is here but could not be read: {why}. Try a sharper photo, taken straight on."),
                )
            });
            Located {
                x,
                y,
                height: (bottom - top).abs() * scale,
                text,
            }
        })
        .collect()
}

/// `grey` made `factor` times smaller, each pixel the mean of its square;
/// `None` for a factor of 1.
fn shrink(grey: &GrayImage, factor: u32) -> Option<GrayImage> {
    if factor <= 1 {
        return None;
    }
    let step = factor as usize;
    let (width, height) = (grey.width() as usize, grey.height() as usize);
    let (out_width, out_height) = ((width / step).max(1), (height / step).max(1));
    let raw = grey.as_raw();
    let mut out = Vec::with_capacity(out_width * out_height);
    let mut sums = vec![0u32; out_width];
    for out_y in 0..out_height {
        sums.fill(0);
        let rows = (out_y * step..(out_y + 1) * step).filter(|&y| y < height);
        let mut count = 0;
        for y in rows {
            let row = &raw[y * width..(y + 1) * width];
            for (sum, block) in sums.iter_mut().zip(row.chunks(step)) {
                *sum += block.iter().map(|&p| u32::from(p)).sum::<u32>();
            }
            count += 1;
        }
        let area = (count * step.min(width)) as u32;
        out.extend(sums.iter().map(|&sum| (sum / area.max(1)) as u8));
    }
    GrayImage::from_raw(out_width as u32, out_height as u32, out)
}

/// Black and white at the threshold that best splits the picture's grey
/// levels in two (Otsu's method).
fn thresholded(grey: &GrayImage) -> GrayImage {
    let mut histogram = [0u64; 256];
    for &pixel in grey.as_raw() {
        histogram[usize::from(pixel)] += 1;
    }
    let total = grey.as_raw().len() as f64;
    let sum: f64 = (0..256).map(|i| i as f64 * histogram[i] as f64).sum();
    let (mut dark_count, mut dark_sum) = (0.0, 0.0);
    let (mut best, mut threshold) = (0.0, 0);
    for (level, &count) in histogram.iter().enumerate() {
        dark_count += count as f64;
        dark_sum += level as f64 * count as f64;
        let light_count = total - dark_count;
        if dark_count == 0.0 || light_count == 0.0 {
            continue;
        }
        let gap = dark_sum / dark_count - (sum - dark_sum) / light_count;
        let between = dark_count * light_count * gap * gap;
        if between > best {
            best = between;
            threshold = level;
        }
    }
    let mut out = grey.clone();
    for pixel in out.iter_mut() {
        *pixel = if usize::from(*pixel) > threshold {
            255
        } else {
            0
        };
    }
    out
}

/// Top to bottom, and codes side by side (whose centres are within half
/// a code's height) left to right.
fn in_reading_order(mut found: Vec<Located>) -> Vec<Found> {
    found.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut rows: Vec<Vec<Located>> = Vec::new();
    for located in found {
        match rows.last_mut() {
            Some(row) if located.y - row[0].y < row[0].height / 2.0 => row.push(located),
            _ => rows.push(vec![located]),
        }
    }
    rows.into_iter()
        .flat_map(|mut row| {
            row.sort_by(|a, b| a.x.total_cmp(&b.x));
            row.into_iter().map(|located| located.text)
        })
        .collect()
}

thread_local! {
    static IN_DECODER: Cell<bool> = const { Cell::new(false) };
}

/// Runs rqrr, which can still fail an assertion in its perspective mapping
/// on some degenerate pictures, so that one bad picture is one error line
/// and not the end of the run. `None` if it panicked.
fn guarded<T>(search: impl FnOnce() -> T) -> Option<T> {
    IN_DECODER.with(|flag| flag.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(search)).ok();
    IN_DECODER.with(|flag| flag.set(false));
    result
}

/// Whether the current thread is inside rqrr, for the command's panic hook.
pub fn in_decoder() -> bool {
    IN_DECODER.with(Cell::get)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_pictures_are_searched_coarse_first() {
        assert_eq!(factors(800), [1]);
        assert_eq!(factors(1600), [1]);
        assert_eq!(factors(4000), [3, 1]);
        assert_eq!(factors(8000), [5, 2]);
        assert_eq!(factors(16_384), [11, 5, 4]);
    }

    #[test]
    fn shrinking_averages_squares() {
        let grey = GrayImage::from_raw(5, 2, vec![0, 255, 10, 20, 99, 255, 0, 30, 40, 99]).unwrap();
        let small = shrink(&grey, 2).unwrap();
        assert_eq!((small.width(), small.height()), (2, 1));
        assert_eq!(small.as_raw(), &[127, 25]);
        assert_eq!(shrink(&grey, 1), None);
    }

    #[test]
    fn the_threshold_splits_ink_from_paper() {
        let grey = GrayImage::from_raw(6, 1, vec![30, 40, 90, 160, 200, 210]).unwrap();
        assert_eq!(thresholded(&grey).as_raw(), &[0, 0, 0, 255, 255, 255]);
    }

    #[test]
    fn a_panic_in_the_decoder_is_caught() {
        let found: Option<u8> = guarded(|| panic!("a degenerate grid"));
        assert_eq!(found, None);
        assert!(!in_decoder());
        assert_eq!(guarded(|| 7), Some(7));
    }

    #[test]
    fn codes_side_by_side_read_left_to_right() {
        let at = |x: f64, y: f64, text: &str| Located {
            x,
            y,
            height: 100.0,
            text: Ok(text.to_owned()),
        };
        let order = in_reading_order(vec![
            at(500.0, 210.0, "right"),
            at(100.0, 200.0, "left"),
            at(300.0, 900.0, "below"),
        ]);
        let texts: Vec<String> = order.into_iter().map(|t| t.unwrap()).collect();
        assert_eq!(texts, ["left", "right", "below"]);
    }
}

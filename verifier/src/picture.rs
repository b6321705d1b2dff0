//! Report codes in a photo or a scan: the picture is decoded within
//! limits, made grey, shrunk, and searched for QR codes (`qr-reader`, the
//! widget's own QR reader), coarse first and then finer. A printed report
//! holds two codes side by side; every code found is returned, top to
//! bottom and then left to right.

use std::cell::Cell;
use std::io::Cursor;
use std::panic::{self, AssertUnwindSafe};

use qr_reader::{Grey, Unread, VIEWS};

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
    let mut found = qr_reader::Codes::default();
    let mut decoder_failed = false;
    for factor in factors(grey.width().max(grey.height())) {
        let shrunk = shrink(&grey, factor);
        let image = shrunk.as_ref().unwrap_or(&grey);
        let Some(image) = Grey::new(
            image.width() as usize,
            image.height() as usize,
            image.as_raw(),
        ) else {
            continue;
        };
        for view in VIEWS {
            match guarded(|| qr_reader::search(image, view)) {
                Some(codes) => found.add(codes, f64::from(factor)),
                None => decoder_failed = true,
            }
        }
        if found.all_read() {
            break;
        }
    }
    let codes: Vec<Found> = found
        .in_reading_order()
        .into_iter()
        .map(|code| code.map_err(unread))
        .collect();
    if !codes.is_empty() {
        return Ok(codes);
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

/// Why a code found did not read, in plain words.
fn unread(why: Unread) -> Problem {
    let why = match why {
        Unread::NotText => {
            return Problem::new(
                "qr-code-not-text",
                "This QR code holds something other than text, so it is not a report code.",
            );
        }
        Unread::Damaged => "too much of it is blurred, dirty or missing",
        Unread::Unclear => "it is unclear or not a standard QR code",
    };
    Problem::new(
        "qr-code-unreadable",
        format!(
            "A QR code is here but could not be read: {why}. Try a sharper photo, taken straight on."
        ),
    )
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
    fn a_panic_in_the_decoder_is_caught() {
        let found: Option<u8> = guarded(|| panic!("a degenerate grid"));
        assert_eq!(found, None);
        assert!(!in_decoder());
        assert_eq!(guarded(|| 7), Some(7));
    }
}

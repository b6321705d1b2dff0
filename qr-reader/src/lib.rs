//! The QR codes in one grey picture: rqrr searches it as it is and then in
//! black and white, what both searches found is put together, and every code
//! comes back in reading order (a printed report holds two codes side by
//! side). The report-code command calls this natively, picture by picture;
//! the widget runs it in a Web Worker of its own (`worker`), where a trap
//! in rqrr ends only the worker.

#[cfg(target_arch = "wasm32")]
mod worker;

pub use stolen_phone_core::report::photo::{Found, Unread};

/// Grey pixels, row by row (0 black, 255 white).
#[derive(Clone, Copy, Debug)]
pub struct Grey<'a> {
    width: usize,
    height: usize,
    pixels: &'a [u8],
}

impl<'a> Grey<'a> {
    /// `None` unless there are exactly `width` × `height` pixels.
    pub fn new(width: usize, height: usize, pixels: &'a [u8]) -> Option<Grey<'a>> {
        (width.checked_mul(height) == Some(pixels.len())).then_some(Grey {
            width,
            height,
            pixels,
        })
    }
}

/// Both ways of looking at a picture, as-is first: rqrr's own local
/// threshold copes with uneven light, but misses many slightly blurred
/// codes that one threshold for the whole picture finds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    AsIs,
    BlackAndWhite,
}

/// One way of searching a picture: at its own size or three quarters of
/// it, as-is or in black and white. rqrr finds a code at one size and
/// misses it at another for no reason a caller could tell, so each picture
/// is searched all four ways and what they found is put together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct View {
    pub smaller: bool,
    pub look: Look,
}

pub const VIEWS: [View; 4] = [
    View {
        smaller: false,
        look: Look::AsIs,
    },
    View {
        smaller: false,
        look: Look::BlackAndWhite,
    },
    View {
        smaller: true,
        look: Look::AsIs,
    },
    View {
        smaller: true,
        look: Look::BlackAndWhite,
    },
];

/// A QR code found: its centre, height and bounds in the picture, and its
/// text.
#[derive(Clone, Debug)]
pub struct Located {
    x: f64,
    y: f64,
    height: f64,
    /// Left, top, right, bottom.
    bounds: [f64; 4],
    text: Found,
}

impl Located {
    fn scaled(self, scale: f64) -> Located {
        Located {
            x: self.x * scale,
            y: self.y * scale,
            height: self.height * scale,
            bounds: self.bounds.map(|b| b * scale),
            text: self.text,
        }
    }

    fn overlaps(&self, other: &Located) -> bool {
        let [left, top, right, bottom] = self.bounds;
        let [other_left, other_top, other_right, other_bottom] = other.bounds;
        left < other_right && other_left < right && top < other_bottom && other_top < bottom
    }
}

/// Every QR code rqrr finds in `grey`, searched `view`'s way; where each
/// is, in `grey`'s own pixels.
pub fn search(grey: Grey, view: View) -> Vec<Located> {
    let smaller = view.smaller.then(|| three_quarters(grey));
    let (width, height, pixels) = match &smaller {
        Some((width, height, pixels)) => (*width, *height, pixels.as_slice()),
        None => (grey.width, grey.height, grey.pixels),
    };
    // The smallest QR code is 21 modules wide.
    if width < 21 || height < 21 {
        return Vec::new();
    }
    let thresholded = (view.look == Look::BlackAndWhite).then(|| thresholded(pixels));
    let pixels = thresholded.as_deref().unwrap_or(pixels);
    let scale = if view.smaller { 4.0 / 3.0 } else { 1.0 };
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
        pixels.get(y * width + x).copied().unwrap_or(255)
    });
    prepared
        .detect_grids()
        .into_iter()
        .map(|grid| {
            let corners = grid.bounds.map(|p| (f64::from(p.x), f64::from(p.y)));
            let x = corners.iter().map(|c| c.0).sum::<f64>() / 4.0;
            let y = corners.iter().map(|c| c.1).sum::<f64>() / 4.0;
            let top = corners[0].1.min(corners[1].1);
            let bottom = corners[2].1.max(corners[3].1);
            let (xs, ys) = (corners.map(|c| c.0), corners.map(|c| c.1));
            let least = |v: [f64; 4]| v.into_iter().fold(f64::INFINITY, f64::min);
            let most = |v: [f64; 4]| v.into_iter().fold(f64::NEG_INFINITY, f64::max);
            let text = grid
                .decode()
                .map(|(_, text)| text)
                .map_err(|error| match error {
                    rqrr::DeQRError::EncodingError => Unread::NotText,
                    rqrr::DeQRError::DataEcc | rqrr::DeQRError::FormatEcc => Unread::Damaged,
                    _ => Unread::Unclear,
                });
            Located {
                x,
                y,
                height: (bottom - top).abs(),
                bounds: [least(xs), least(ys), most(xs), most(ys)],
                text,
            }
            .scaled(scale)
        })
        .collect()
}

/// The codes of several searches of one picture put together: a code
/// found in the same place twice is one code, read if either search read
/// it. (One look at a slightly blurred page can find one of its two codes,
/// and the other look the other.)
#[derive(Debug, Default)]
pub struct Codes {
    found: Vec<Located>,
}

impl Codes {
    /// Adds what a search found in the picture shrunk `scale` times.
    pub fn add(&mut self, found: Vec<Located>, scale: f64) {
        for located in found {
            let located = located.scaled(scale);
            let same = self.found.iter_mut().find(|known| {
                let near = known.height.max(located.height) / 2.0;
                (known.x - located.x).abs() < near && (known.y - located.y).abs() < near
            });
            match same {
                Some(known) if known.text.is_err() && located.text.is_ok() => *known = located,
                Some(_) => {}
                None => self.found.push(located),
            }
        }
    }

    /// Whether codes were found and every one of them read.
    pub fn all_read(&self) -> bool {
        !self.found.is_empty() && self.found.iter().all(|l| l.text.is_ok())
    }

    /// Each code found, top to bottom, and codes side by side (whose
    /// centres are within half a code's height) left to right. Empty if no
    /// code was found. A code that did not read and overlaps one that did
    /// goes: rqrr makes such grids from the corner squares of two codes.
    pub fn in_reading_order(self) -> Vec<Found> {
        let read: Vec<&Located> = self.found.iter().filter(|l| l.text.is_ok()).collect();
        let ghost = |l: &Located| l.text.is_err() && read.iter().any(|r| r.overlaps(l));
        let ghosts: Vec<bool> = self.found.iter().map(ghost).collect();
        let mut found: Vec<Located> = self
            .found
            .into_iter()
            .zip(ghosts)
            .filter_map(|(l, ghost)| (!ghost).then_some(l))
            .collect();
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
}

/// Every code in `grey`, as the four views find them.
pub fn read(grey: Grey) -> Vec<Found> {
    let mut codes = Codes::default();
    for view in VIEWS {
        codes.add(search(grey, view), 1.0);
    }
    codes.in_reading_order()
}

/// `grey` at three quarters of its size (each side rounded down), each
/// pixel sampled between the four nearest.
fn three_quarters(grey: Grey) -> (usize, usize, Vec<u8>) {
    let (width, height) = (grey.width * 3 / 4, grey.height * 3 / 4);
    let mut out = Vec::with_capacity(width * height);
    let at = |x: usize, y: usize| u32::from(grey.pixels[y * grey.width + x]);
    for y in 0..height {
        // The centre of output pixel y is at 4/3 (y + 1/2) - 1/2 in the
        // source: in quarters of a pixel, 4y/3 + 1/6, kept in twelfths.
        let (top, dy) = ((16 * y + 2) / 12, (16 * y + 2) % 12);
        let bottom = (top + 1).min(grey.height - 1);
        for x in 0..width {
            let (left, dx) = ((16 * x + 2) / 12, (16 * x + 2) % 12);
            let right = (left + 1).min(grey.width - 1);
            let (dx, dy) = (dx as u32, dy as u32);
            let upper = at(left, top) * (12 - dx) + at(right, top) * dx;
            let lower = at(left, bottom) * (12 - dx) + at(right, bottom) * dx;
            out.push(((upper * (12 - dy) + lower * dy + 72) / 144) as u8);
        }
    }
    (width, height, out)
}

/// Black and white at the threshold that best splits the picture's grey
/// levels in two (Otsu's method).
fn thresholded(pixels: &[u8]) -> Vec<u8> {
    let mut histogram = [0u64; 256];
    for &pixel in pixels {
        histogram[usize::from(pixel)] += 1;
    }
    let total = pixels.len() as f64;
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
    pixels
        .iter()
        .map(|&pixel| {
            if usize::from(pixel) > threshold {
                255
            } else {
                0
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_threshold_splits_ink_from_paper() {
        assert_eq!(
            thresholded(&[30, 40, 90, 160, 200, 210]),
            [0, 0, 0, 255, 255, 255]
        );
    }

    #[test]
    fn pixels_must_fill_the_picture() {
        assert!(Grey::new(3, 2, &[0; 6]).is_some());
        assert!(Grey::new(3, 2, &[0; 5]).is_none());
        assert!(Grey::new(usize::MAX, 2, &[]).is_none());
    }

    #[test]
    fn a_tiny_picture_has_no_code() {
        let grey = Grey::new(20, 20, &[0; 400]).unwrap();
        assert_eq!(read(grey), []);
    }

    fn at(x: f64, y: f64, text: Found) -> Located {
        Located {
            x,
            y,
            height: 100.0,
            bounds: [x - 50.0, y - 50.0, x + 50.0, y + 50.0],
            text,
        }
    }

    #[test]
    fn an_unread_grid_over_a_read_code_is_not_a_code() {
        let mut codes = Codes::default();
        codes.add(
            vec![
                at(100.0, 100.0, Ok("a".into())),
                at(170.0, 100.0, Err(Unread::Unclear)),
                at(400.0, 100.0, Err(Unread::Damaged)),
            ],
            1.0,
        );
        assert_eq!(
            codes.in_reading_order(),
            [Ok("a".to_owned()), Err(Unread::Damaged)]
        );
    }

    #[test]
    fn codes_side_by_side_read_left_to_right() {
        let mut codes = Codes::default();
        codes.add(
            vec![
                at(500.0, 210.0, Ok("right".into())),
                at(100.0, 200.0, Ok("left".into())),
                at(300.0, 900.0, Ok("below".into())),
            ],
            1.0,
        );
        let texts: Vec<String> = codes.in_reading_order().into_iter().flatten().collect();
        assert_eq!(texts, ["left", "right", "below"]);
    }

    #[test]
    fn a_code_found_twice_is_one_code_read_if_either_read_it() {
        let mut codes = Codes::default();
        codes.add(vec![at(100.0, 100.0, Err(Unread::Damaged))], 1.0);
        assert!(!codes.all_read());
        // The same code in a picture half the size, read this time, and
        // another beside it.
        codes.add(
            vec![
                at(52.0, 49.0, Ok("a".into())),
                at(250.0, 50.0, Ok("b".into())),
            ],
            2.0,
        );
        codes.add(vec![at(100.0, 100.0, Err(Unread::Unclear))], 1.0);
        assert!(codes.all_read());
        assert_eq!(
            codes.in_reading_order(),
            [Ok("a".to_owned()), Ok("b".to_owned())]
        );
    }
}

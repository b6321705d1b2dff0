//! Finds the Code 128 barcodes in a grey photo of a box label: lines are
//! drawn across the photo in 18 directions, ten degrees apart, each line
//! is read as a row of pixels, and a barcode counts once it has been read
//! on two lines. The barcodes come back in the label's reading order, top
//! to bottom and then left to right, however the photo is turned.

use super::code128;

/// A grey photo, row by row, one byte a pixel (0 black, 255 white).
#[derive(Clone, Copy, Debug)]
pub struct Photo<'a> {
    width: usize,
    height: usize,
    grey: &'a [u8],
}

/// Why pixels are not a photo to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhotoError {
    /// The photo has no pixels, or is too narrow to hold a barcode.
    TooSmall,
    /// The pixels do not fill the width and height given.
    WrongSize,
}

/// The smallest side that can hold a barcode: the shortest Code 128
/// barcode is 35 modules with its quiet zones.
const SMALLEST_SIDE: usize = 24;

impl<'a> Photo<'a> {
    pub fn new(width: usize, height: usize, grey: &'a [u8]) -> Result<Photo<'a>, PhotoError> {
        if width.max(height) < SMALLEST_SIDE || width.min(height) == 0 {
            return Err(PhotoError::TooSmall);
        }
        if width.checked_mul(height) != Some(grey.len()) {
            return Err(PhotoError::WrongSize);
        }
        Ok(Photo {
            width,
            height,
            grey,
        })
    }

    /// The grey at a point between pixels, from the four around it.
    /// `x` and `y` are within the photo, so never below 0.
    fn at(&self, x: f32, y: f32) -> u8 {
        let (x0, y0) = (x as usize, y as usize);
        let (fx, fy) = (x - x0 as f32, y - y0 as f32);
        let x1 = (x0 + 1).min(self.width - 1);
        let y1 = (y0 + 1).min(self.height - 1);
        let p = |x: usize, y: usize| f32::from(self.grey[y * self.width + x]);
        let top = p(x0, y0) * (1.0 - fx) + p(x1, y0) * fx;
        let bottom = p(x0, y1) * (1.0 - fx) + p(x1, y1) * fx;
        (top * (1.0 - fy) + bottom * fy) as u8
    }
}

/// How many passes a photo is read in at most: one a direction, ten
/// degrees apart, half a turn in all (a line reads both ways).
pub const PASSES: usize = 18;

/// The passes in the order they are read: straight and upright first (the
/// way most photos are taken), then further and further off them.
pub const ORDER: [usize; PASSES] = [0, 1, 17, 9, 8, 10, 2, 16, 7, 11, 3, 15, 6, 12, 4, 14, 5, 13];

/// Pixels between the lines of a pass. A barcode at the most awkward
/// angle left (five degrees off a pass) still meets two lines if it is
/// at least this high and about eleven times as long as it is high.
const SPACING: f32 = 8.0;

/// The modules of the longest barcode a box label carries, with its quiet
/// zones: a 32-digit EID in code set C.
const LONGEST_BARCODE: f32 = 240.0;

/// What a line met: a barcode's text, or the start of one it could not
/// read; where (the middle of the barcode, or its start), in pixels, and
/// the direction the barcode reads in.
#[derive(Clone, Debug, PartialEq)]
pub struct Sighting {
    text: Option<String>,
    x: f32,
    y: f32,
    /// The reading direction, a unit vector.
    dx: f32,
    dy: f32,
    /// Pixels from the start symbol to the stop symbol; if unread, as
    /// many as the longest barcode a label carries would take.
    length: f32,
    /// Which line met it: the pass and the line's place in the pass.
    line: (usize, i32),
}

/// How many parts a pass's lines are read in, each part in a turn of its
/// own on the IMEI page: a whole pass of a 1600-pixel photo kept the page
/// waiting about 100 ms at 4x CPU slowdown.
pub const PARTS: usize = 2;

/// Every sighting along the lines of pass `pass` (0 to `PASSES - 1`); a
/// pass past the last finds nothing. The same as its parts, in order.
pub fn pass(photo: &Photo, pass: usize) -> Vec<Sighting> {
    (0..PARTS)
        .flat_map(|part| pass_part(photo, pass, part))
        .collect()
}

/// The sightings along part `part` (0 to `PARTS - 1`) of the lines of pass
/// `pass`: the parts split the lines into runs side by side. A part or a
/// pass past the last finds nothing.
pub fn pass_part(photo: &Photo, pass: usize, part: usize) -> Vec<Sighting> {
    if pass >= PASSES || part >= PARTS {
        return Vec::new();
    }
    let angle = (pass as f32 * 10.0).to_radians();
    // Exactly along the rows and the columns when straight, so that those
    // passes read the pixels themselves.
    let (dx, dy) = match pass {
        0 => (1.0, 0.0),
        9 => (0.0, 1.0),
        _ => (angle.cos(), angle.sin()),
    };
    // The lines are normal to (dx, dy), spread across the photo's centre.
    let (nx, ny) = (-dy, dx);
    let (w, h) = ((photo.width - 1) as f32, (photo.height - 1) as f32);
    // On a pixel, so that the lines of a straight pass run along the
    // pixels' centres rather than between them.
    let (cx, cy) = ((w / 2.0).floor(), (h / 2.0).floor());
    let reach = (w * w + h * h).sqrt() / 2.0;
    let lines = (reach / SPACING) as i32;
    let all = 2 * lines + 1;
    let run = |part: usize| -lines + all * part as i32 / PARTS as i32;
    let mut found = Vec::new();
    let mut row = Vec::new();
    for line in run(part)..run(part + 1) {
        let t = line as f32 * SPACING;
        let (ox, oy) = (cx + t * nx, cy + t * ny);
        let Some((from, to)) = inside(ox, oy, dx, dy, w, h) else {
            continue;
        };
        row.clear();
        let steps = (to - from) as usize;
        if matches!(pass, 0 | 9) {
            // Whole pixels: the origin and every step are.
            let (x, y) = ((ox + from * dx) as usize, (oy + from * dy) as usize);
            let start = y * photo.width + x;
            let step = if pass == 0 { 1 } else { photo.width };
            row.extend(photo.grey[start..].iter().step_by(step).take(steps + 1));
        } else {
            row.extend((0..=steps).map(|s| {
                let s = from + s as f32;
                photo.at((ox + s * dx).clamp(0.0, w), (oy + s * dy).clamp(0.0, h))
            }));
        }
        let read = code128::read_row(&evened(&row));
        let place = |at: f32| (ox + (from + at) * dx, oy + (from + at) * dy);
        for barcode in read.barcodes {
            let (x, y) = place((barcode.from + barcode.to) as f32 / 2.0);
            let sign = if barcode.backwards { -1.0 } else { 1.0 };
            found.push(Sighting {
                text: Some(barcode.text),
                x,
                y,
                dx: sign * dx,
                dy: sign * dy,
                length: (barcode.to - barcode.from) as f32,
                line: (pass, line),
            });
        }
        for unread in read.unread {
            let (x, y) = place(unread.at as f32);
            found.push(Sighting {
                text: None,
                x,
                y,
                dx,
                dy,
                length: unread.module * LONGEST_BARCODE,
                line: (pass, line),
            });
        }
    }
    found
}

/// The stretch of the line through (ox, oy) along (dx, dy) that lies in
/// the photo, as distances along it; `None` if it misses the photo.
fn inside(ox: f32, oy: f32, dx: f32, dy: f32, w: f32, h: f32) -> Option<(f32, f32)> {
    let (mut from, mut to) = (f32::NEG_INFINITY, f32::INFINITY);
    for (o, d, most) in [(ox, dx, w), (oy, dy, h)] {
        if d.abs() < 1e-6 {
            if !(0.0..=most).contains(&o) {
                return None;
            }
        } else {
            let (a, b) = ((0.0 - o) / d, (most - o) / d);
            from = from.max(a.min(b));
            to = to.min(a.max(b));
        }
    }
    let (from, to) = (from.ceil(), to.floor());
    (to - from >= SMALLEST_SIDE as f32).then_some((from, to))
}

/// The row in black and white, each pixel against the mean of those near
/// it, so that a barcode in shadow or beside glare still reads.
fn evened(row: &[u8]) -> Vec<u8> {
    let reach = (row.len() / 24).max(16);
    let mut sums = Vec::with_capacity(row.len() + 1);
    sums.push(0u32);
    for &p in row {
        sums.push(sums[sums.len() - 1] + u32::from(p));
    }
    (0..row.len())
        .map(|i| {
            let (a, b) = (i.saturating_sub(reach), (i + reach + 1).min(row.len()));
            let count = (b - a) as u32;
            // A little below the mean, so that plain paper stays white.
            let dark = u32::from(row[i]) * count + 2 * count < sums[b] - sums[a];
            if dark { 0 } else { 255 }
        })
        .collect()
}

/// A part of the photo, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Area {
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
}

/// What the passes found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scan {
    /// Each barcode read on at least two lines, in the label's reading
    /// order.
    pub texts: Vec<String>,
    /// Where barcodes began that no line could read, if any (beside those
    /// read, perhaps): the part of the photo to look at again more sharply.
    pub unread: Option<Area>,
}

/// The barcodes the sightings from `photo` agree on, in reading order.
pub fn conclude(photo: &Photo, sightings: &[Sighting]) -> Scan {
    let mut groups: Vec<Group> = Vec::new();
    for sighting in sightings {
        let Some(text) = &sighting.text else {
            continue;
        };
        match groups.iter_mut().find(|g| &g.text == text) {
            Some(group) => group.sightings.push(sighting),
            None => groups.push(Group {
                text: text.clone(),
                sightings: vec![sighting],
            }),
        }
    }
    // One line may meet a barcode only once: two lines must agree.
    groups.retain(|g| {
        let first = g.sightings[0].line;
        g.sightings.iter().any(|s| s.line != first)
    });
    let groups = without_clashes(groups);
    let Some(most_seen) = groups.iter().max_by_key(|g| g.sightings.len()) else {
        return Scan {
            texts: Vec::new(),
            unread: unread_area(photo, sightings),
        };
    };
    // The label's own axes: along its barcodes, and down the label.
    let (dx, dy) = most_seen.direction();
    let placed: Vec<Placed> = groups
        .iter()
        .map(|g| {
            let (x, y) = g.middle();
            let downs = g.sightings.iter().map(|s| s.x * -dy + s.y * dx);
            let (low, high) = downs.fold((f32::INFINITY, f32::NEG_INFINITY), |(l, h), d| {
                (l.min(d), h.max(d))
            });
            Placed {
                text: g.text.clone(),
                along: x * dx + y * dy,
                down: x * -dy + y * dx,
                height: high - low + SPACING,
            }
        })
        .collect();
    Scan {
        texts: in_reading_order(placed),
        unread: unread_area(photo, sightings),
    }
}

/// The pass to read next, given the sightings so far and the passes done;
/// `None` once the photo is read. While nothing has been read on two
/// lines, the passes go in [`ORDER`]. Then the pass that read the most
/// lines wants the passes either side of it, and after those no more: all
/// the barcodes of a label run the same way, so passes further off find
/// nothing more.
pub fn next_pass(sightings: &[Sighting], done: &[usize]) -> Option<usize> {
    let mut lines: Vec<(&str, (usize, i32))> = Vec::new();
    for s in sightings {
        if let Some(text) = s.text.as_deref()
            && !lines.contains(&(text, s.line))
        {
            lines.push((text, s.line));
        }
    }
    let confirmed = |text: &str| lines.iter().filter(|(t, _)| *t == text).count() >= 2;
    let best = (0..PASSES)
        .map(|pass| {
            let read = lines
                .iter()
                .filter(|(t, (p, _))| *p == pass && confirmed(t))
                .count();
            (read, pass)
        })
        .filter(|&(read, _)| read > 0)
        .max();
    match best {
        Some((_, pass)) => [(pass + 1) % PASSES, (pass + PASSES - 1) % PASSES]
            .into_iter()
            .find(|p| !done.contains(p)),
        None => ORDER.into_iter().find(|p| !done.contains(p)),
    }
}

/// Reads a whole photo: pass after pass until [`next_pass`] has none
/// left, then what they agree on.
pub fn read(photo: &Photo) -> Scan {
    let mut sightings = Vec::new();
    let mut done = Vec::new();
    while let Some(p) = next_pass(&sightings, &done) {
        sightings.extend(pass(photo, p));
        done.push(p);
    }
    conclude(photo, &sightings)
}

/// The sightings of one text.
struct Group<'a> {
    text: String,
    sightings: Vec<&'a Sighting>,
}

impl Group<'_> {
    fn middle(&self) -> (f32, f32) {
        let n = self.sightings.len() as f32;
        let x = self.sightings.iter().map(|s| s.x).sum::<f32>() / n;
        let y = self.sightings.iter().map(|s| s.y).sum::<f32>() / n;
        (x, y)
    }

    fn length(&self) -> f32 {
        self.sightings.iter().map(|s| s.length).fold(0.0, f32::max)
    }

    /// The direction most of its sightings read in.
    fn direction(&self) -> (f32, f32) {
        let first = self.sightings[0];
        let (same, other): (Vec<&&Sighting>, Vec<&&Sighting>) = self
            .sightings
            .iter()
            .partition(|s| s.dx * first.dx + s.dy * first.dy > 0.0);
        let pick = if same.len() >= other.len() {
            same
        } else {
            other
        };
        let (x, y) = pick
            .iter()
            .fold((0.0, 0.0), |(x, y), s| (x + s.dx, y + s.dy));
        let norm = (x * x + y * y).sqrt().max(1e-6);
        (x / norm, y / norm)
    }
}

/// The groups without any two that are the same barcode read as two
/// different texts: the one read on fewer lines goes, and both go when
/// they were read on as many.
fn without_clashes(groups: Vec<Group>) -> Vec<Group> {
    let clash = |a: &Group, b: &Group| {
        let ((ax, ay), (bx, by)) = (a.middle(), b.middle());
        let apart = ((ax - bx).powi(2) + (ay - by).powi(2)).sqrt();
        apart < a.length().min(b.length()) / 4.0
    };
    let keep: Vec<bool> = groups
        .iter()
        .enumerate()
        .map(|(i, a)| {
            groups
                .iter()
                .enumerate()
                .all(|(j, b)| i == j || !clash(a, b) || a.sightings.len() > b.sightings.len())
        })
        .collect();
    groups
        .into_iter()
        .zip(keep)
        .filter_map(|(g, keep)| keep.then_some(g))
        .collect()
}

/// A barcode placed on the label's own axes.
struct Placed {
    text: String,
    along: f32,
    down: f32,
    height: f32,
}

/// Top to bottom, and barcodes side by side (whose middles are within half
/// a barcode's height) left to right.
fn in_reading_order(mut placed: Vec<Placed>) -> Vec<String> {
    placed.sort_by(|a, b| a.down.total_cmp(&b.down));
    let mut rows: Vec<Vec<Placed>> = Vec::new();
    for p in placed {
        match rows.last_mut() {
            Some(row) if p.down - row[0].down < row[0].height.min(p.height) / 2.0 => row.push(p),
            _ => rows.push(vec![p]),
        }
    }
    rows.into_iter()
        .flat_map(|mut row| {
            row.sort_by(|a, b| a.along.total_cmp(&b.along));
            row.into_iter().map(|p| p.text)
        })
        .collect()
}

/// Around every start no line could read, with room on every side for the
/// barcode that follows it (which way it runs is not known), within the
/// photo.
fn unread_area(photo: &Photo, sightings: &[Sighting]) -> Option<Area> {
    let all: Vec<&Sighting> = sightings.iter().filter(|s| s.text.is_none()).collect();
    // A barcode's start is met by several lines; one met alone is more
    // likely print or the table under the box.
    let near = |a: &Sighting, b: &Sighting| {
        (a.x - b.x).abs().max((a.y - b.y).abs()) < a.length.max(b.length) / 8.0
    };
    let starts: Vec<&Sighting> = all
        .iter()
        .copied()
        .filter(|a| all.iter().filter(|b| near(a, b)).count() > 2)
        .collect();
    if starts.is_empty() {
        return None;
    }
    let (w, h) = (photo.width as f32, photo.height as f32);
    let area = starts.iter().fold(
        Area {
            left: w,
            top: h,
            right: 0.0,
            bottom: 0.0,
        },
        |a, s| Area {
            left: a.left.min(s.x - s.length),
            top: a.top.min(s.y - s.length),
            right: a.right.max(s.x + s.length),
            bottom: a.bottom.max(s.y + s.length),
        },
    );
    Some(Area {
        left: area.left.clamp(0.0, w),
        top: area.top.clamp(0.0, h),
        right: area.right.clamp(0.0, w),
        bottom: area.bottom.clamp(0.0, h),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn pixels_that_are_not_a_photo_say_why() {
        assert_eq!(Photo::new(0, 0, &[]).unwrap_err(), PhotoError::TooSmall);
        assert_eq!(Photo::new(30, 0, &[]).unwrap_err(), PhotoError::TooSmall);
        assert_eq!(
            Photo::new(10, 10, &[0; 100]).unwrap_err(),
            PhotoError::TooSmall
        );
        assert_eq!(
            Photo::new(30, 2, &[0; 59]).unwrap_err(),
            PhotoError::WrongSize
        );
        assert_eq!(
            Photo::new(usize::MAX, 2, &[0; 4]).unwrap_err(),
            PhotoError::WrongSize
        );
    }

    #[test]
    fn a_pass_past_the_last_finds_nothing_and_the_order_holds_every_pass() {
        let grey = vec![255; 40 * 40];
        let photo = Photo::new(40, 40, &grey).unwrap();
        assert_eq!(pass(&photo, PASSES), Vec::new());
        assert_eq!(pass_part(&photo, 0, PARTS), Vec::new());
        let mut order = ORDER.to_vec();
        order.sort_unstable();
        assert_eq!(order, (0..PASSES).collect::<Vec<_>>());
        assert_eq!(next_pass(&[], &[]), Some(0));
        assert_eq!(next_pass(&[], &ORDER), None);
    }

    proptest! {
        /// Any pixels, of any shape, read without a panic, and a photo with
        /// nothing confirmed offers nothing.
        #[test]
        fn any_pixels_read_without_a_panic(
            width in 1usize..80,
            height in 1usize..80,
            seed in any::<u64>(),
        ) {
            let mut state = seed | 1;
            let grey: Vec<u8> = (0..width * height)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    (state >> 56) as u8
                })
                .collect();
            if let Ok(photo) = Photo::new(width, height, &grey) {
                let scan = read(&photo);
                let label = crate::device::label::read(&scan.texts);
                prop_assert!(label.imeis.len() <= scan.texts.len());
            }
        }
    }
}

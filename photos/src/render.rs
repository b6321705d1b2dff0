//! Photographs a sheet (a label or a page) lying on a table: every pixel of
//! the photo maps back to the sheet through the camera's homography, the
//! sheet is sampled analytically (supersampled near edges), and then come
//! the light, the glare, the blur and the sensor noise.

use crate::{Grey, Rng, Variant};

/// The grey of printed ink.
pub(crate) const INK: f32 = 25.0;
/// The grey of the paper.
pub(crate) const PAPER: f32 = 235.0;
/// The mean grey of the table under the sheet.
const TABLE: f32 = 120.0;
/// The sensor noise, in grey levels either way.
const NOISE: u64 = 3;
/// How bright the dim side of the sheet is under uneven light.
const DIM: f32 = 0.45;
/// A Blurred photo's blur: a gaussian this many modules wide at half its height.
const BLURRED: f64 = 0.6;
/// A VeryBlurred photo's blur, in modules wide at half its height.
const VERY_BLURRED: f64 = 2.0;
/// A gaussian's width at half its height, in sigmas.
const FWHM: f64 = 2.354_820_045;
/// How much of the frame the sheet may fill at most when it has to fit.
const FIT: f64 = 0.95;

/// An axis-aligned rectangle on the sheet, `x0 <= x < x1`, `y0 <= y < y1`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    /// The rectangle from its corner and size.
    pub(crate) fn at(x: f64, y: f64, width: f64, height: f64) -> Rect {
        Rect {
            x0: x,
            y0: y,
            x1: x + width,
            y1: y + height,
        }
    }

    /// Whether the point lies inside.
    fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x < self.x1 && y >= self.y0 && y < self.y1
    }
}

/// A grid of modules printed on the sheet: a barcode (one row) or a QR code.
#[derive(Clone, Debug)]
pub(crate) struct Code {
    /// Where the grid lies on the sheet.
    pub area: Rect,
    /// Modules a row.
    pub columns: usize,
    /// Rows of modules.
    pub rows: usize,
    /// Whether each module is dark, row by row.
    pub dark: Vec<bool>,
}

impl Code {
    /// Whether the point, inside the area, falls on a dark module.
    fn dark_at(&self, x: f64, y: f64) -> bool {
        let fx = (x - self.area.x0) / (self.area.x1 - self.area.x0);
        let fy = (y - self.area.y0) / (self.area.y1 - self.area.y0);
        let column = ((fx * self.columns as f64) as usize).min(self.columns - 1);
        let row = ((fy * self.rows as f64) as usize).min(self.rows - 1);
        self.dark[row * self.columns + column]
    }
}

/// Something printed in ink on the sheet.
#[derive(Clone, Debug)]
pub(crate) enum Mark {
    /// A solid dark rectangle (a printed letter, a logo).
    Blob(Rect),
    /// A barcode or a QR code.
    Code(Code),
}

impl Mark {
    /// The rectangle the mark lies in.
    fn area(&self) -> Rect {
        match self {
            Mark::Blob(rect) => *rect,
            Mark::Code(code) => code.area,
        }
    }

    /// Whether the point is inked.
    fn dark_at(&self, x: f64, y: f64) -> bool {
        match self {
            Mark::Blob(rect) => rect.contains(x, y),
            Mark::Code(code) => code.area.contains(x, y) && code.dark_at(x, y),
        }
    }
}

/// A white sheet, `width` x `height` in its own units, with marks printed on it.
#[derive(Clone, Debug)]
pub(crate) struct Sheet {
    pub width: f64,
    pub height: f64,
    pub marks: Vec<Mark>,
}

impl Sheet {
    /// A sheet with nothing printed on it yet.
    pub(crate) fn new(width: f64, height: f64) -> Sheet {
        Sheet {
            width,
            height,
            marks: Vec::new(),
        }
    }

    /// Prints `text` as dark blobs, one a character, from (x, y), `pitch` apart and `size` high; returns where it ends.
    pub(crate) fn text(&mut self, text: &str, x: f64, y: f64, pitch: f64, size: f64) -> f64 {
        let mut at = x;
        for c in text.chars() {
            let share = match c {
                ' ' => 0.0,
                '1' | 'I' | 'i' | 'l' | 'j' | '/' | '.' | ':' | ',' | '!' | '|' => 0.35,
                'M' | 'W' | 'm' | 'w' => 0.85,
                _ => 0.68,
            };
            if share > 0.0 {
                let width = pitch * share;
                let left = at + (pitch * 0.85 - width) / 2.0;
                self.marks.push(Mark::Blob(Rect::at(left, y, width, size)));
            }
            at += pitch;
        }
        at
    }

    /// Prints `modules` as a code in `area`, trimming the light modules around it (they are paper anyway).
    pub(crate) fn code(&mut self, area: Rect, columns: usize, dark: Vec<bool>) {
        let rows = dark.len() / columns;
        if rows == 0 {
            return;
        }
        let dark_column = |c: usize| (0..rows).any(|r| dark[r * columns + c]);
        let dark_row = |r: usize| dark[r * columns..(r + 1) * columns].iter().any(|&d| d);
        let Some(first_column) = (0..columns).find(|&c| dark_column(c)) else {
            return;
        };
        let last_column = (0..columns)
            .rev()
            .find(|&c| dark_column(c))
            .unwrap_or(first_column);
        let first_row = (0..rows).find(|&r| dark_row(r)).unwrap_or(0);
        let last_row = (0..rows).rev().find(|&r| dark_row(r)).unwrap_or(first_row);
        let module_width = (area.x1 - area.x0) / columns as f64;
        let module_height = (area.y1 - area.y0) / rows as f64;
        let kept_columns = last_column - first_column + 1;
        let kept_rows = last_row - first_row + 1;
        let mut kept = Vec::with_capacity(kept_columns * kept_rows);
        for r in first_row..=last_row {
            kept.extend_from_slice(&dark[r * columns + first_column..=r * columns + last_column]);
        }
        self.marks.push(Mark::Code(Code {
            area: Rect::at(
                area.x0 + first_column as f64 * module_width,
                area.y0 + first_row as f64 * module_height,
                kept_columns as f64 * module_width,
                kept_rows as f64 * module_height,
            ),
            columns: kept_columns,
            rows: kept_rows,
            dark: kept,
        }));
    }
}

/// An ellipse on the sheet, for a reflection.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Ellipse {
    pub cx: f64,
    pub cy: f64,
    pub rx: f64,
    pub ry: f64,
}

impl Ellipse {
    /// How much of the reflection is at the point: 1 inside the ellipse, fading to 0 at a quarter beyond it.
    fn alpha(&self, x: f64, y: f64) -> f32 {
        let dx = (x - self.cx) / self.rx;
        let dy = (y - self.cy) / self.ry;
        let d = (dx * dx + dy * dy).sqrt();
        let t = ((1.25 - d) / 0.25).clamp(0.0, 1.0) as f32;
        t * t * (3.0 - 2.0 * t)
    }
}

/// How a sheet is photographed, apart from the variant itself.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Plan {
    /// Pixels a sheet unit in an ordinary photo.
    pub scale: f64,
    /// Pixels a sheet unit when the variant is Far.
    pub far_scale: f64,
    /// Sheet units a module (the unit of the blurs).
    pub module: f64,
    /// Where on the sheet (x) the photo's right edge falls when the variant is CutOff.
    pub cut_x: f64,
    /// The reflection when the variant is Glare.
    pub glare: Ellipse,
}

/// A projective map of the plane, row by row (the last entry scales).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Homography([f64; 9]);

impl Homography {
    /// Where the map takes (x, y).
    fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        let m = &self.0;
        let w = m[6] * x + m[7] * y + m[8];
        (
            (m[0] * x + m[1] * y + m[2]) / w,
            (m[3] * x + m[4] * y + m[5]) / w,
        )
    }

    /// The inverse map (adjugate over determinant).
    fn inverse(&self) -> Homography {
        let [a, b, c, d, e, f, g, h, i] = self.0;
        let adjugate = [
            e * i - f * h,
            c * h - b * i,
            b * f - c * e,
            f * g - d * i,
            a * i - c * g,
            c * d - a * f,
            d * h - e * g,
            b * g - a * h,
            a * e - b * d,
        ];
        let det = a * adjugate[0] + b * adjugate[3] + c * adjugate[6];
        Homography(adjugate.map(|v| v / det))
    }

    /// The map that takes each of four points to its partner (solved as eight linear equations).
    fn from_points(from: [(f64, f64); 4], to: [(f64, f64); 4]) -> Homography {
        let mut rows = [[0.0f64; 9]; 8];
        for (k, (&(x, y), &(u, v))) in from.iter().zip(&to).enumerate() {
            rows[2 * k] = [x, y, 1.0, 0.0, 0.0, 0.0, -x * u, -y * u, u];
            rows[2 * k + 1] = [0.0, 0.0, 0.0, x, y, 1.0, -x * v, -y * v, v];
        }
        for col in 0..8 {
            let pivot = (col..8)
                .max_by(|&p, &q| rows[p][col].abs().total_cmp(&rows[q][col].abs()))
                .unwrap_or(col);
            rows.swap(col, pivot);
            let lead = rows[col][col];
            for entry in rows[col].iter_mut() {
                *entry /= lead;
            }
            for row in 0..8 {
                if row != col {
                    let factor = rows[row][col];
                    let pivot_row = rows[col];
                    for (entry, p) in rows[row].iter_mut().zip(pivot_row) {
                        *entry -= factor * p;
                    }
                }
            }
        }
        let mut m = [1.0; 9];
        for (k, row) in rows.iter().enumerate() {
            m[k] = row[8];
        }
        Homography(m)
    }
}

/// The camera's map from the sheet to the photo for a variant, sized to fit the frame.
fn camera(sheet: &Sheet, plan: &Plan, variant: Variant, width: f64, height: f64) -> Homography {
    let corners = [
        (0.0, 0.0),
        (sheet.width, 0.0),
        (sheet.width, sheet.height),
        (0.0, sheet.height),
    ];
    let build = |scale: f64| -> Homography {
        let (cx, cy) = (sheet.width / 2.0, sheet.height / 2.0);
        match variant {
            Variant::Perspective => {
                // The near edge a little wider than an ordinary photo's, the far
                // edge 80% of it, and the sheet foreshortened.
                let bottom = 1.1 * scale * sheet.width;
                let top = 0.8 * bottom;
                let tall = 0.9 * scale * sheet.height;
                let (px, py) = (width / 2.0, height / 2.0);
                let to = [
                    (px - top / 2.0, py - tall / 2.0),
                    (px + top / 2.0, py - tall / 2.0),
                    (px + bottom / 2.0, py + tall / 2.0),
                    (px - bottom / 2.0, py + tall / 2.0),
                ];
                Homography::from_points(corners, to)
            }
            _ => {
                let turn = match variant {
                    Variant::Rotated(degrees) => f64::from(degrees).to_radians(),
                    _ => 0.0,
                };
                let px = match variant {
                    Variant::CutOff => width - scale * (plan.cut_x - cx),
                    _ => width / 2.0,
                };
                let (sin, cos) = turn.sin_cos();
                let (a, b, c, d) = (scale * cos, -scale * sin, scale * sin, scale * cos);
                Homography([
                    a,
                    b,
                    px - a * cx - b * cy,
                    c,
                    d,
                    height / 2.0 - c * cx - d * cy,
                    0.0,
                    0.0,
                    1.0,
                ])
            }
        }
    };
    let scale = match variant {
        Variant::Far => plan.far_scale,
        Variant::Distant => plan.scale / 2.0,
        _ => plan.scale,
    };
    let first = build(scale);
    let points = corners.map(|(x, y)| first.apply(x, y));
    let (mut left, mut right, mut top, mut bottom) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (x, y) in points {
        left = left.min(x);
        right = right.max(x);
        top = top.min(y);
        bottom = bottom.max(y);
    }
    let across = match variant {
        // The sheet runs off the right edge on purpose; its left edge stays in.
        Variant::CutOff => FIT * width / (width - left).max(1e-9),
        _ => FIT * width / (right - left),
    };
    let shrink = across.min(FIT * height / (bottom - top)).min(1.0);
    if shrink < 1.0 {
        build(scale * shrink)
    } else {
        first
    }
}

/// Pixels a sheet unit at the smallest place in the frame (where the sheet is farthest).
fn sheet_units_a_pixel(back: &Homography, width: f64, height: f64) -> f64 {
    let mut most: f64 = 0.0;
    for i in 0..=4 {
        for j in 0..=4 {
            let x = width * f64::from(i) / 4.0;
            let y = height * f64::from(j) / 4.0;
            let (sx, sy) = back.apply(x, y);
            for (dx, dy) in [(1.0, 0.0), (0.0, 1.0)] {
                let (tx, ty) = back.apply(x + dx, y + dy);
                most = most.max((tx - sx).hypot(ty - sy));
            }
        }
    }
    most
}

/// For each cell of a grid over the sheet, the marks that come within a margin of it.
struct Index {
    cell: f64,
    columns: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
}

impl Index {
    /// The index of the sheet's marks, each grown by `margin`, in cells `cell` wide.
    fn new(sheet: &Sheet, margin: f64, cell: f64) -> Index {
        let columns = (sheet.width / cell).ceil() as usize + 1;
        let rows = (sheet.height / cell).ceil() as usize + 1;
        let mut cells = vec![Vec::new(); columns * rows];
        for (id, mark) in sheet.marks.iter().enumerate() {
            let area = mark.area();
            let span = |low: f64, high: f64, count: usize| {
                let first = ((low - margin) / cell).floor().max(0.0) as usize;
                let last = (((high + margin) / cell).floor().max(0.0) as usize).min(count - 1);
                first..=last
            };
            for r in span(area.y0, area.y1, rows) {
                for c in span(area.x0, area.x1, columns) {
                    cells[r * columns + c].push(id as u32);
                }
            }
        }
        Index {
            cell,
            columns,
            rows,
            cells,
        }
    }

    /// The marks near a point on the sheet.
    fn near(&self, x: f64, y: f64) -> &[u32] {
        if x < 0.0 || y < 0.0 {
            return &[];
        }
        let c = (x / self.cell) as usize;
        let r = (y / self.cell) as usize;
        if c >= self.columns || r >= self.rows {
            return &[];
        }
        &self.cells[r * self.columns + c]
    }
}

/// A smooth random field: random values on a lattice, blended between.
struct Lattice {
    cell_y: f32,
    columns: usize,
    values: Vec<f32>,
    /// For each pixel column, the lattice column to its left and how far past it the pixel lies (smoothed).
    across: Vec<(usize, f32)>,
}

/// Smoothstep, for blending lattice values without creases.
fn smooth(t: f32) -> f32 {
    t * t * (3.0 - 2.0 * t)
}

impl Lattice {
    /// A field over `width` x `height` pixels with lattice cells `cell_x` x `cell_y`, values in [-1, 1].
    fn new(width: usize, height: usize, cell_x: f32, cell_y: f32, rng: &mut Rng) -> Lattice {
        let columns = (width as f32 / cell_x) as usize + 3;
        let rows = (height as f32 / cell_y) as usize + 3;
        let values = (0..columns * rows)
            .map(|_| rng.range(-1.0, 1.0) as f32)
            .collect();
        let across = (0..width)
            .map(|x| {
                let fx = x as f32 / cell_x;
                let ix = (fx as usize).min(columns - 2);
                (ix, smooth(fx - ix as f32))
            })
            .collect();
        Lattice {
            cell_y,
            columns,
            values,
            across,
        }
    }

    /// Adds `weight` times the field along pixel row `y` to `out`.
    fn add_row(&self, y: usize, weight: f32, out: &mut [f32]) {
        let fy = y as f32 / self.cell_y;
        let iy = fy as usize;
        let ty = smooth(fy - iy as f32);
        let above = &self.values[iy * self.columns..(iy + 1) * self.columns];
        let below = &self.values[(iy + 1) * self.columns..(iy + 2) * self.columns];
        let blended: Vec<f32> = above
            .iter()
            .zip(below)
            .map(|(&a, &b)| weight * (a + (b - a) * ty))
            .collect();
        for (o, &(ix, tx)) in out.iter_mut().zip(&self.across) {
            let (a, b) = (blended[ix], blended[ix + 1]);
            *o += a + (b - a) * tx;
        }
    }
}

/// The sizes of `passes` box blurs that together blur like a gaussian of `sigma` pixels.
fn box_widths(sigma: f64, passes: usize) -> Vec<usize> {
    let n = passes as f64;
    let ideal = (12.0 * sigma * sigma / n + 1.0).sqrt();
    let mut lower = ideal.floor() as i64;
    if lower % 2 == 0 {
        lower -= 1;
    }
    let lower = lower.max(1);
    let l = lower as f64;
    let wide = ((12.0 * sigma * sigma - n * l * l - 4.0 * n * l - 3.0 * n) / (-4.0 * l - 4.0))
        .round()
        .max(0.0) as usize;
    (0..passes)
        .map(|i| {
            if i < wide {
                lower as usize
            } else {
                lower as usize + 2
            }
        })
        .collect()
}

/// Below this many pixels a blur is a true gaussian; above it, three box blurs (as close, and quicker).
const BOXES_FROM: f64 = 2.5;

/// Blurs the picture in place with a gaussian of `sigma` pixels, edges repeated.
fn blur(pixels: &mut [f32], width: usize, height: usize, sigma: f64) {
    if sigma < 0.2 || width == 0 || height == 0 {
        return;
    }
    if sigma < BOXES_FROM {
        gaussian(pixels, width, height, sigma);
    } else {
        boxes(pixels, width, height, sigma);
    }
}

/// A gaussian blur of `sigma` pixels, one row and then one column at a time.
fn gaussian(pixels: &mut [f32], width: usize, height: usize, sigma: f64) {
    let r = (3.0 * sigma).ceil() as usize;
    let weights: Vec<f32> = (0..=2 * r)
        .map(|i| {
            let d = i as f64 - r as f64;
            (-d * d / (2.0 * sigma * sigma)).exp()
        })
        .map(|w| w as f32)
        .collect();
    let total: f32 = weights.iter().sum();
    let weights: Vec<f32> = weights.iter().map(|w| w / total).collect();
    let mut spare = vec![0.0f32; pixels.len()];
    let mut padded = vec![0.0f32; width + 2 * r];
    for (src, dst) in pixels
        .chunks_exact(width)
        .zip(spare.chunks_exact_mut(width))
    {
        padded[..r].fill(src[0]);
        padded[r..r + width].copy_from_slice(src);
        padded[r + width..].fill(src[width - 1]);
        dst.fill(0.0);
        for (j, &k) in weights.iter().enumerate() {
            for (out, &v) in dst.iter_mut().zip(&padded[j..j + width]) {
                *out += k * v;
            }
        }
    }
    for (y, out) in pixels.chunks_exact_mut(width).enumerate() {
        out.fill(0.0);
        for (j, &k) in weights.iter().enumerate() {
            let from = (y + j).saturating_sub(r).min(height - 1);
            for (o, &v) in out.iter_mut().zip(&spare[from * width..(from + 1) * width]) {
                *o += k * v;
            }
        }
    }
}

/// A blur like a gaussian of `sigma` pixels from three box blurs each way, each a running sum.
fn boxes(pixels: &mut [f32], width: usize, height: usize, sigma: f64) {
    let mut spare = vec![0.0f32; pixels.len()];
    for box_width in box_widths(sigma, 3) {
        let r = box_width / 2;
        if r == 0 {
            continue;
        }
        let scale = 1.0 / box_width as f32;
        // Across each row, a running sum over the box (edges repeated).
        let mut padded = vec![0.0f32; width + box_width];
        for (src, dst) in pixels
            .chunks_exact(width)
            .zip(spare.chunks_exact_mut(width))
        {
            padded[..r].fill(src[0]);
            padded[r..r + width].copy_from_slice(src);
            padded[r + width..].fill(src[width - 1]);
            let mut sum: f32 = padded[..box_width].iter().sum();
            for ((out, &add), &remove) in dst
                .iter_mut()
                .zip(&padded[box_width..])
                .zip(&padded[..width])
            {
                *out = sum * scale;
                sum += add - remove;
            }
        }
        // Down each column, running sums of whole rows.
        let row = |y: isize| {
            let y = y.clamp(0, height as isize - 1) as usize;
            &spare[y * width..(y + 1) * width]
        };
        let mut sums = vec![0.0f32; width];
        for y in -(r as isize)..=r as isize {
            for (s, &v) in sums.iter_mut().zip(row(y)) {
                *s += v;
            }
        }
        for (y, out) in pixels.chunks_exact_mut(width).enumerate() {
            for (o, &s) in out.iter_mut().zip(&sums) {
                *o = s * scale;
            }
            let y = y as isize;
            let (add, remove) = (row(y + r as isize + 1), row(y - r as isize));
            for ((s, &a), &b) in sums.iter_mut().zip(add).zip(remove) {
                *s += a - b;
            }
        }
    }
}

/// The photo of `sheet` lying on a table, `width` x `height` pixels, with the flaws of `variant`.
pub(crate) fn photograph(
    sheet: &Sheet,
    plan: &Plan,
    variant: Variant,
    width: usize,
    height: usize,
    seed: u64,
) -> Grey {
    let (w, h) = (width as f64, height as f64);
    let forward = camera(sheet, plan, variant, w, h);
    let back = forward.inverse();
    let unit = sheet_units_a_pixel(&back, w, h);
    // A subsample lies within 0.48 pixel of its pixel's centre.
    let margin = unit * 0.75;
    let index = Index::new(
        sheet,
        margin,
        (unit * 3.0).max(sheet.width.max(sheet.height) / 800.0),
    );

    // The table: a grain along it and slow patches, at the same size in any photo.
    let mut rng = Rng::new(seed);
    let size = (width.max(height) as f32 / 1600.0).max(0.05);
    let patches = Lattice::new(width, height, 150.0 * size, 150.0 * size, &mut rng);
    let grain = Lattice::new(width, height, 260.0 * size, 4.0 * size, &mut rng);

    // Uneven light falls off across the sheet as the photo shows it.
    let corners = [
        (0.0, 0.0),
        (sheet.width, 0.0),
        (sheet.width, sheet.height),
        (0.0, sheet.height),
    ]
    .map(|(x, y)| forward.apply(x, y).0);
    let left = corners.iter().copied().fold(f64::MAX, f64::min);
    let right = corners.iter().copied().fold(f64::MIN, f64::max);
    let light = |x: f64| -> f32 {
        if variant == Variant::UnevenLight {
            let t = ((x - left) / (right - left).max(1.0)).clamp(0.0, 1.0) as f32;
            1.0 - (1.0 - DIM) * t
        } else {
            1.0
        }
    };
    let glare = (variant == Variant::Glare).then_some(plan.glare);

    let shade = |x: f64, y: f64| -> Option<f32> {
        if x < 0.0 || y < 0.0 || x >= sheet.width || y >= sheet.height {
            return None;
        }
        let dark = index
            .near(x, y)
            .iter()
            .any(|&id| sheet.marks[id as usize].dark_at(x, y));
        Some(if dark { INK } else { PAPER })
    };

    const SUB: [f64; 3] = [1.0 / 6.0, 0.5, 5.0 / 6.0];
    let mut scene = vec![0.0f32; width * height];
    let mut table_row = vec![0.0f32; width];
    for (y, row) in scene.chunks_exact_mut(width.max(1)).enumerate() {
        let py = y as f64;
        table_row.fill(TABLE);
        patches.add_row(y, 10.0, &mut table_row);
        grain.add_row(y, 6.0, &mut table_row);
        for (x, out) in row.iter_mut().enumerate() {
            let px = x as f64;
            let (sx, sy) = back.apply(px + 0.5, py + 0.5);
            let inside = sx.min(sy).min(sheet.width - sx).min(sheet.height - sy);
            let table = || table_row[x];
            let mut v = if inside < -margin {
                table()
            } else if inside > margin && index.near(sx, sy).is_empty() {
                PAPER
            } else {
                let behind = if inside < margin { table() } else { PAPER };
                let mut sum = 0.0;
                for dy in SUB {
                    for dx in SUB {
                        let (ux, uy) = back.apply(px + dx, py + dy);
                        sum += shade(ux, uy).unwrap_or(behind);
                    }
                }
                sum / 9.0
            };
            v *= light(px);
            if let Some(glare) = &glare
                && inside > 0.0
            {
                v += (255.0 - v) * glare.alpha(sx, sy);
            }
            *out = v;
        }
    }

    let module_pixels = unit.recip() * plan.module;
    let sigma = match variant {
        Variant::Blurred => BLURRED / FWHM * module_pixels,
        Variant::VeryBlurred => VERY_BLURRED / FWHM * module_pixels,
        _ => 0.0,
    };
    blur(&mut scene, width, height, sigma);

    let mut noise = Rng::new(seed ^ 0x5eed_0f5e_750a_15c3);
    let pixels = scene
        .iter()
        .map(|&v| {
            let n = (noise.next() % (2 * NOISE + 1)) as f32 - NOISE as f32;
            (v + n).round().clamp(0.0, 255.0) as u8
        })
        .collect();
    Grey {
        width,
        height,
        pixels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_homography_from_four_points_takes_them_there_and_back() {
        let from = [(0.0, 0.0), (10.0, 0.0), (10.0, 5.0), (0.0, 5.0)];
        let to = [(3.0, 2.0), (11.0, 2.0), (13.0, 9.0), (1.0, 9.0)];
        let map = Homography::from_points(from, to);
        let back = map.inverse();
        for (f, t) in from.iter().zip(&to) {
            let (u, v) = map.apply(f.0, f.1);
            assert!((u - t.0).abs() < 1e-9 && (v - t.1).abs() < 1e-9);
            let (x, y) = back.apply(t.0, t.1);
            assert!((x - f.0).abs() < 1e-9 && (y - f.1).abs() < 1e-9);
        }
    }

    #[test]
    fn three_boxes_blur_like_the_gaussian_asked_for() {
        for sigma in [0.8, 1.5, 3.0, 5.0, 12.0] {
            let widths = box_widths(sigma, 3);
            let variance: f64 = widths.iter().map(|&w| ((w * w) as f64 - 1.0) / 12.0).sum();
            assert!(
                (variance.sqrt() - sigma).abs() < 0.35,
                "{sigma}: {widths:?}"
            );
        }
    }

    #[test]
    fn a_blur_keeps_the_mean_and_spreads_a_point() {
        let (w, h) = (21, 15);
        let mut pixels = vec![0.0f32; w * h];
        pixels[7 * w + 10] = 900.0;
        blur(&mut pixels, w, h, 1.5);
        let sum: f32 = pixels.iter().sum();
        assert!((sum - 900.0).abs() < 0.1, "{sum}");
        assert!(pixels[7 * w + 10] < 900.0 && pixels[7 * w + 11] > 0.0 && pixels[8 * w + 10] > 0.0);
        assert_eq!(pixels[0], 0.0);
    }

    #[test]
    fn a_blur_spreads_a_point_as_far_as_its_gaussian_does() {
        for sigma in [0.6, 1.0, 1.5, 2.4, 3.0, 6.0] {
            let w = 101;
            let mut pixels = vec![0.0f32; w];
            pixels[50] = 1.0;
            blur(&mut pixels, w, 1, sigma);
            let variance: f64 = pixels
                .iter()
                .enumerate()
                .map(|(x, &p)| (x as f64 - 50.0).powi(2) * f64::from(p))
                .sum();
            let spread = variance.sqrt();
            assert!((spread / sigma - 1.0).abs() < 0.06, "{sigma}: {spread}");
        }
    }

    #[test]
    fn a_code_trims_its_light_border() {
        let mut sheet = Sheet::new(100.0, 100.0);
        let mut dark = vec![false; 5 * 3];
        dark[5 + 1] = true;
        dark[5 + 3] = true;
        sheet.code(Rect::at(10.0, 10.0, 50.0, 30.0), 5, dark);
        let Mark::Code(code) = &sheet.marks[0] else {
            panic!("a code")
        };
        assert_eq!((code.columns, code.rows), (3, 1));
        assert_eq!(code.area, Rect::at(20.0, 20.0, 30.0, 10.0));
        assert!(code.dark_at(25.0, 25.0) && !code.dark_at(35.0, 25.0) && code.dark_at(45.0, 25.0));
    }
}

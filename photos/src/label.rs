//! The label on a phone's box: barcodes stacked top to bottom, each with a
//! title beside it and its digits printed as text.

use crate::render::{Ellipse, Plan, Rect, Sheet, photograph};
use crate::{Grey, Variant, code128, seed_of};

/// The white border around the label's print, in modules.
const MARGIN: f64 = 12.0;
/// Where the barcodes of the left column start (their quiet zone first), in modules.
const COLUMN: f64 = 48.0;
/// The narrowest label, in modules.
const LEAST_WIDTH: f64 = 384.0;
/// Printed characters' pitch, in modules.
const PITCH: f64 = 6.0;
/// A title's height, in modules.
const TITLE: f64 = 7.0;
/// The digits' height under a barcode, in modules.
const DIGITS: f64 = 6.0;
/// Between a barcode's bars and the digits under it, in modules.
const UNDER: f64 = 3.0;
/// From one barcode's bars to the next one's, in modules.
const GAP: f64 = 18.0;
/// The bars' height as a share of the barcode's length (quiet zones left out).
const TALL: f64 = 0.25;
/// The shortest bars, in modules.
const LEAST_TALL: f64 = 16.0;
/// Pixels a module when the label is far away.
const FAR_PIXELS: f64 = 1.2;
/// The share of the photo's width the label fills.
const FILL: f64 = 0.6;

/// What is printed on a label, top to bottom: each line a barcode with its caption.
#[derive(Clone, Debug)]
pub struct LabelSpec {
    /// The texts of the barcodes, top to bottom (an IMEI is 15 digits, an EID 32).
    pub lines: Vec<String>,
}

impl LabelSpec {
    /// A phone with one IMEI (352099001761481), its serial number (F2LZK0QJN72J) and its EID.
    pub fn one_imei() -> LabelSpec {
        LabelSpec {
            lines: vec![
                "352099001761481".into(),
                "F2LZK0QJN72J".into(),
                "89049032004008882600016420287437".into(),
            ],
        }
    }

    /// The label's IMEIs, top to bottom: what a reader should offer.
    pub fn imeis(&self) -> Vec<String> {
        self.lines.iter().filter(|l| is_imei(l)).cloned().collect()
    }

    /// A dual-SIM phone: IMEIs 352099001761481 and 356938035643809, its serial number and its EID.
    pub fn two_imeis() -> LabelSpec {
        LabelSpec {
            lines: vec![
                "352099001761481".into(),
                "356938035643809".into(),
                "F2LZK0QJN72J".into(),
                "89049032004008882600016420287437".into(),
            ],
        }
    }
}

/// Whether a line is an IMEI (15 digits).
fn is_imei(text: &str) -> bool {
    text.len() == 15 && text.bytes().all(|b| b.is_ascii_digit())
}

/// The title printed beside a line.
fn title(text: &str, imeis: usize, nth_imei: usize) -> String {
    let digits = text.bytes().all(|b| b.is_ascii_digit());
    if is_imei(text) {
        if imeis > 1 {
            format!("IMEI{nth_imei}")
        } else {
            "IMEI".into()
        }
    } else if digits && text.len() == 32 {
        "EID".into()
    } else if digits {
        "NO.".into()
    } else {
        "S/N".into()
    }
}

/// One line of the label as laid out.
struct Line {
    /// The barcode's modules, quiet zones included (None when Code 128 cannot carry the text).
    modules: Option<Vec<bool>>,
    /// Where the modules start.
    x: f64,
    /// The top of the bars.
    y: f64,
    /// The bars' height.
    tall: f64,
}

impl Line {
    /// Where the bars start and end, without the quiet zones.
    fn bars(&self) -> Option<(f64, f64)> {
        let modules = self.modules.as_ref()?;
        let quiet = code128::QUIET_ZONE as f64;
        Some((self.x + quiet, self.x + modules.len() as f64 - quiet))
    }
}

/// The label printed, with where a Glare and a CutOff photo must fall.
fn print(spec: &LabelSpec) -> (Sheet, f64, Ellipse) {
    let imeis = spec.lines.iter().filter(|l| is_imei(l)).count();
    // The line the photo's right edge cuts through: the last IMEI (or the
    // last barcode). It is printed at the label's right, its digits beside
    // it, so that it reaches further right than every other barcode.
    let modules: Vec<Option<Vec<bool>>> = spec.lines.iter().map(|l| code128::modules(l)).collect();
    let target = spec
        .lines
        .iter()
        .zip(&modules)
        .rposition(|(l, m)| is_imei(l) && m.is_some())
        .or_else(|| modules.iter().rposition(Option::is_some));
    let mut titles = Vec::new();
    let mut nth = 0;
    for line in &spec.lines {
        if is_imei(line) {
            nth += 1;
        }
        titles.push(title(line, imeis, nth));
    }
    let beside_end = |i: usize| MARGIN + (titles[i].len() + 1 + spec.lines[i].len()) as f64 * PITCH;
    let others_end = modules
        .iter()
        .enumerate()
        .filter(|&(i, _)| Some(i) != target)
        .map(|(i, m)| match m {
            Some(m) => COLUMN + m.len() as f64,
            None => COLUMN + spec.lines[i].len() as f64 * PITCH,
        })
        .fold(COLUMN, f64::max);
    let width = match target {
        Some(t) => {
            let length = modules[t].as_ref().map_or(0, Vec::len) as f64;
            LEAST_WIDTH
                .max(others_end + 60.0)
                .max(beside_end(t) + 10.0 + length + MARGIN)
        }
        None => LEAST_WIDTH.max(others_end + MARGIN),
    };

    let mut lines = Vec::new();
    let mut y = MARGIN;
    for (i, m) in modules.into_iter().enumerate() {
        let length = m.as_ref().map_or(0, Vec::len) as f64;
        let symbol = (length - 2.0 * code128::QUIET_ZONE as f64).max(0.0);
        let tall = (TALL * symbol).max(LEAST_TALL);
        let x = if Some(i) == target {
            width - MARGIN - length
        } else {
            COLUMN
        };
        lines.push(Line {
            modules: m,
            x,
            y,
            tall,
        });
        y += tall + GAP;
    }
    let height = (y - GAP + UNDER + DIGITS + MARGIN).max(2.0 * MARGIN);

    let mut sheet = Sheet::new(width, height);
    for (i, line) in lines.iter().enumerate() {
        let text = &spec.lines[i];
        if let Some(modules) = &line.modules {
            let length = modules.len();
            sheet.code(
                Rect::at(line.x, line.y, length as f64, line.tall),
                length,
                modules.clone(),
            );
        }
        let middle = line.y + (line.tall - TITLE) / 2.0;
        if Some(i) == target {
            // Title and digits beside the barcode, on its left.
            sheet.text(
                &format!("{} {text}", titles[i]),
                MARGIN,
                middle,
                PITCH,
                TITLE,
            );
        } else {
            sheet.text(&titles[i], MARGIN, middle, PITCH, TITLE);
            // The digits under the bars, centred.
            let (start, end) = line
                .bars()
                .unwrap_or((COLUMN, COLUMN + text.len() as f64 * PITCH));
            let run = text.chars().count() as f64 * PITCH;
            let under = if line.modules.is_some() {
                line.y + line.tall + UNDER
            } else {
                middle
            };
            sheet.text(text, (start + end - run) / 2.0, under, PITCH, DIGITS);
        }
    }

    let cut_x = match target.and_then(|t| lines[t].bars()) {
        Some((start, end)) => (others_end.max(start) + end) / 2.0,
        None => width * FILL,
    };
    // The reflection lies over the first barcode that is not an IMEI (the
    // serial number on a phone's label), its middle half from top to bottom.
    let glare = spec
        .lines
        .iter()
        .zip(&lines)
        .find_map(|(text, line)| {
            let (start, end) = line.bars().filter(|_| !is_imei(text))?;
            Some(Ellipse {
                cx: (start + end) / 2.0,
                cy: line.y + line.tall / 2.0,
                rx: 0.4 * (end - start),
                ry: 0.7 * line.tall,
            })
        })
        .unwrap_or(Ellipse {
            cx: MARGIN + 12.0,
            cy: height - MARGIN,
            rx: 12.0,
            ry: 8.0,
        });
    (sheet, cut_x, glare)
}

/// A photo of the label: `width` x `height` pixels (a phone photo is 4000 x 3000; tests use about 1600 x 1200).
///
/// The label lies on a grey textured table, white with its barcodes stacked
/// top to bottom, each with a title beside it and its digits as dark blobs
/// (under the barcode, or beside the last IMEI's, which is printed at the
/// label's right so that CutOff can cut it alone). The label fills 60% of the
/// frame's width, about 2.5 pixels a module in a 1600-pixel photo, unless the
/// variant is Far (1.2 pixels a module whatever the photo's size); it shrinks
/// to keep the whole label in the frame when turned. Bars are 25% of their
/// barcode's length high. A line that Code 128 cannot carry is printed as
/// text alone. The same arguments always give the same pixels.
pub fn label_photo(spec: &LabelSpec, variant: Variant, width: usize, height: usize) -> Grey {
    let (sheet, cut_x, glare) = print(spec);
    let scale = FILL * width as f64 / sheet.width;
    let plan = Plan {
        scale,
        far_scale: FAR_PIXELS.min(scale),
        module: 1.0,
        cut_x,
        glare,
    };
    let mut parts: Vec<&[u8]> = vec![b"label"];
    parts.extend(spec.lines.iter().map(|l| l.as_bytes()));
    let name = variant.name();
    let size = format!("{width}x{height}");
    parts.push(name.as_bytes());
    parts.push(size.as_bytes());
    let seed = seed_of(&parts);
    photograph(&sheet, &plan, variant, width, height, seed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Mark;

    /// Pixels a module in a photo 1600 pixels wide.
    const MODULE_PIXELS: f64 = 2.5;

    /// The barcodes printed on a label, left to right edges of their bars, top to bottom.
    fn barcodes(sheet: &Sheet) -> Vec<Rect> {
        sheet
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Code(code) => Some(code.area),
                Mark::Blob(_) => None,
            })
            .collect()
    }

    #[test]
    fn a_label_is_about_2_5_pixels_a_module_at_1600_wide() {
        for spec in [LabelSpec::one_imei(), LabelSpec::two_imeis()] {
            let (sheet, _, _) = print(&spec);
            assert_eq!(sheet.width, LEAST_WIDTH);
            let pixels = FILL * 1600.0 / sheet.width;
            assert!((pixels - MODULE_PIXELS).abs() < 0.05, "{pixels}");
            assert_eq!(barcodes(&sheet).len(), spec.lines.len());
        }
    }

    #[test]
    fn the_cut_falls_inside_the_last_imei_and_beyond_every_other_barcode() {
        for spec in [LabelSpec::one_imei(), LabelSpec::two_imeis()] {
            let (sheet, cut_x, _) = print(&spec);
            let codes = barcodes(&sheet);
            let last_imei = spec.lines.iter().rposition(|l| is_imei(l)).unwrap();
            for (i, code) in codes.iter().enumerate() {
                if i == last_imei {
                    assert!(code.x0 + 0.3 * (code.x1 - code.x0) < cut_x);
                    assert!(cut_x < code.x1 - 30.0);
                } else {
                    // Quiet zone included.
                    assert!(code.x1 + code128::QUIET_ZONE as f64 + 5.0 < cut_x);
                }
            }
        }
    }

    #[test]
    fn the_glare_covers_the_serial_number_and_keeps_off_the_imeis() {
        for spec in [LabelSpec::one_imei(), LabelSpec::two_imeis()] {
            let (sheet, _, glare) = print(&spec);
            let codes = barcodes(&sheet);
            let serial = spec.lines.iter().position(|l| l == "F2LZK0QJN72J").unwrap();
            let s = codes[serial];
            // The middle half of the serial number's bars, top to bottom, is
            // inside the ellipse.
            let inside = |x: f64, y: f64| {
                ((x - glare.cx) / glare.rx).powi(2) + ((y - glare.cy) / glare.ry).powi(2) <= 1.0
            };
            let quarter = (s.x1 - s.x0) / 4.0;
            for (x, y) in [
                (s.x0 + quarter, s.y0),
                (s.x1 - quarter, s.y0),
                (s.x0 + quarter, s.y1),
                (s.x1 - quarter, s.y1),
            ] {
                assert!(inside(x, y), "({x}, {y})");
            }
            // Its fading rim (a quarter beyond the ellipse) misses the IMEIs.
            for (i, code) in codes.iter().enumerate() {
                if !is_imei(&spec.lines[i]) {
                    continue;
                }
                let nearest_x = glare.cx.clamp(code.x0, code.x1);
                let nearest_y = glare.cy.clamp(code.y0, code.y1);
                let d =
                    ((nearest_x - glare.cx) / glare.rx).hypot((nearest_y - glare.cy) / glare.ry);
                assert!(d > 1.25, "line {i}: {d}");
            }
        }
    }

    #[test]
    fn the_digits_stay_clear_of_the_quiet_zones() {
        for spec in [LabelSpec::one_imei(), LabelSpec::two_imeis()] {
            let (sheet, _, _) = print(&spec);
            let codes = barcodes(&sheet);
            let quiet = code128::QUIET_ZONE as f64;
            for mark in &sheet.marks {
                let Mark::Blob(blob) = mark else { continue };
                for code in &codes {
                    let apart_x = blob.x1 <= code.x0 - quiet || blob.x0 >= code.x1 + quiet;
                    let apart_y = blob.y1 <= code.y0 || blob.y0 >= code.y1;
                    assert!(apart_x || apart_y, "{blob:?} near {code:?}");
                }
                assert!(blob.x0 >= MARGIN && blob.x1 <= sheet.width - MARGIN);
                assert!(blob.y1 <= sheet.height - MARGIN + 1e-9);
            }
        }
    }
}

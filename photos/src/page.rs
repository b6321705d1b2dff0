//! A printed A4 page: a heading, QR codes side by side, a caption under each
//! and paragraphs of text (as dark blobs).

use crate::render::{Ellipse, Plan, Rect, Sheet, photograph};
use crate::{Grey, Rng, Variant, seed_of};
use qrcode::{Color, EcLevel, QrCode};

/// The page's width in millimetres (A4).
const PAGE_WIDTH: f64 = 210.0;
/// The page's height in millimetres (A4).
const PAGE_HEIGHT: f64 = 297.0;
/// The printed area's margin, in millimetres.
const MARGIN: f64 = 15.0;
/// Between two QR codes, in millimetres.
const BETWEEN: f64 = 15.0;
/// The top of the QR codes' row, in millimetres.
const CODES_TOP: f64 = 38.0;
/// The light modules around a QR code.
const QUIET: usize = 4;
/// The share of the photo's height the page fills.
const FILL: f64 = 0.9;
/// Pixels a module of the smallest QR code when the page is far away.
const FAR_PIXELS: f64 = 1.2;

/// The modules of a QR code with its quiet zone, and how many a side; None if the text is too long.
fn qr(text: &str) -> Option<(usize, Vec<bool>)> {
    let code = QrCode::with_error_correction_level(text, EcLevel::M).ok()?;
    let inner = code.width();
    let side = inner + 2 * QUIET;
    let colors = code.to_colors();
    let mut dark = vec![false; side * side];
    for (i, color) in colors.iter().enumerate() {
        if *color == Color::Dark {
            dark[(i / inner + QUIET) * side + i % inner + QUIET] = true;
        }
    }
    Some((side, dark))
}

/// Prints a line of words (dark blobs `size` high) from `x` to about `end`.
fn words(sheet: &mut Sheet, rng: &mut Rng, x: f64, y: f64, end: f64, size: f64) {
    let mut at = x;
    loop {
        let word = rng.range(3.0, 16.0) * size / 2.6;
        if at + word > end {
            break;
        }
        sheet
            .marks
            .push(crate::render::Mark::Blob(Rect::at(at, y, word, size)));
        at += word + size * 0.9;
    }
}

/// HANDOVER.md's robbery as its two report codes, the network provider's
/// and then the insurer's, as the printed report puts them side by side:
/// from the conformance vectors (`handover/vectors.json`).
pub fn report_codes() -> [String; 2] {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../handover/vectors.json");
    let text = std::fs::read_to_string(path).expect("handover/vectors.json");
    let file: serde_json::Value = serde_json::from_str(&text).expect("the vectors are JSON");
    let code = |name: &str| {
        let vectors = file["vectors"].as_array().expect("a list of vectors");
        let vector = vectors.iter().find(|v| v["name"] == name).expect(name);
        vector["code"].as_str().expect("a code").to_owned()
    };
    [
        code("handover-robbery-for-network-provider"),
        code("handover-robbery-for-insurer"),
    ]
}

/// A photo of a printed A4 page holding the QR codes of `texts` side by side (the printed report holds two).
///
/// Each code is black on white with a quiet zone of 4 modules, error
/// correction level M. The page, upright, fills 90% of the frame's height (less when turned, to stay whole in the frame) on
/// a grey textured table, with the same flaws as a label's photo: Glare lies
/// over the middle of the last code, and CutOff's right edge runs down the
/// middle of the last code's left finder patterns, the other codes whole;
/// Far makes the smallest code's modules about 1.2 pixels; the blurs are in
/// modules of the smallest code. None if a text
/// is too long for a QR code. The same arguments always give the same pixels.
pub fn page_photo(texts: &[&str], variant: Variant, width: usize, height: usize) -> Option<Grey> {
    let codes = texts.iter().map(|t| qr(t)).collect::<Option<Vec<_>>>()?;
    let mut parts: Vec<&[u8]> = vec![b"page"];
    parts.extend(texts.iter().map(|t| t.as_bytes()));
    let name = variant.name();
    let size = format!("{width}x{height}");
    parts.push(name.as_bytes());
    parts.push(size.as_bytes());
    let seed = seed_of(&parts);
    let mut rng = Rng::new(seed_of(&parts[..parts.len() - 2]));

    let mut sheet = Sheet::new(PAGE_WIDTH, PAGE_HEIGHT);
    let line_end = PAGE_WIDTH - MARGIN;
    // The heading and a line under it.
    words(&mut sheet, &mut rng, MARGIN, MARGIN, MARGIN + 110.0, 6.0);
    words(&mut sheet, &mut rng, MARGIN, MARGIN + 11.0, line_end, 2.6);

    let count = codes.len().max(1) as f64;
    let side = (PAGE_WIDTH - 2.0 * MARGIN - BETWEEN * (count - 1.0)) / count;
    let mut smallest_module = side;
    let mut last = None;
    for (i, (modules, dark)) in codes.into_iter().enumerate() {
        let x = MARGIN + i as f64 * (side + BETWEEN);
        sheet.code(Rect::at(x, CODES_TOP, side, side), modules, dark);
        let module = side / modules as f64;
        smallest_module = smallest_module.min(module);
        // A caption of two short lines under the code.
        let under = CODES_TOP + side + 3.0;
        words(&mut sheet, &mut rng, x, under, x + side * 0.8, 2.6);
        words(&mut sheet, &mut rng, x, under + 5.0, x + side * 0.5, 2.6);
        last = Some((Rect::at(x, CODES_TOP, side, side), module));
    }

    // Paragraphs down to the bottom margin.
    let mut y = CODES_TOP + side + 20.0;
    while y + 2.6 < PAGE_HEIGHT - MARGIN {
        let end = if rng.unit() < 0.2 {
            MARGIN + rng.range(40.0, PAGE_WIDTH - 2.0 * MARGIN)
        } else {
            line_end
        };
        words(&mut sheet, &mut rng, MARGIN, y, end, 2.6);
        y += if end < line_end { 11.0 } else { 5.5 };
    }

    // CutOff's edge runs down the middle of the last code's left finder
    // patterns (its quiet zone and three and a half modules in), so that
    // nothing of it looks like a code to find; Glare covers its middle.
    let (cut_x, glare) = match last {
        Some((code, module)) => (
            code.x0 + (QUIET as f64 + 3.5) * module,
            Ellipse {
                cx: (code.x0 + code.x1) / 2.0,
                cy: (code.y0 + code.y1) / 2.0,
                rx: 0.3 * (code.x1 - code.x0),
                ry: 0.25 * (code.y1 - code.y0),
            },
        ),
        None => (
            PAGE_WIDTH * 0.6,
            Ellipse {
                cx: PAGE_WIDTH / 2.0,
                cy: PAGE_HEIGHT / 2.0,
                rx: 30.0,
                ry: 20.0,
            },
        ),
    };
    let scale = (FILL * height as f64 / PAGE_HEIGHT).min(FILL * width as f64 / PAGE_WIDTH);
    let plan = Plan {
        scale,
        far_scale: (FAR_PIXELS / smallest_module).min(scale),
        module: smallest_module,
        cut_x,
        glare,
    };
    Some(photograph(&sheet, &plan, variant, width, height, seed))
}

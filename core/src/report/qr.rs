//! A text as a QR code: a module matrix with its quiet zone, and one SVG path
//! drawn from it, so the UI can build the SVG (or paint a canvas for a PNG)
//! without injecting markup.

use qrcode::{Color, QrCode, Version};

/// Light modules around the symbol that a scanner needs to find it.
pub const QUIET_ZONE: usize = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EcLevel {
    /// Recovers about 15% damage.
    M,
    /// Recovers about 25% damage.
    Q,
}

/// Square grid of modules, quiet zone included; `true` is dark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrMatrix {
    size: usize,
    dark: Vec<bool>,
    version: u8,
    ec_level: EcLevel,
}

impl QrMatrix {
    /// Modules per side, quiet zone included.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the module at column `x`, row `y` is dark; outside is light.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && self.dark.get(y * self.size + x).copied().unwrap_or(false)
    }

    /// Rows from the top, each `size` modules from the left.
    pub fn rows(&self) -> impl Iterator<Item = &[bool]> {
        self.dark.chunks(self.size.max(1))
    }

    /// QR version 1 to 40: the symbol is `17 + 4 × version` modules wide.
    pub fn version(&self) -> u8 {
        self.version
    }

    pub fn ec_level(&self) -> EcLevel {
        self.ec_level
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QrError {
    /// More than the largest QR code holds.
    TooLong,
}

/// The smallest QR code at level M; level Q instead when it fits the same
/// version, since more error correction helps a worn printout.
pub fn render(text: &str) -> Result<QrMatrix, QrError> {
    let at_m = QrCode::with_error_correction_level(text, qrcode::EcLevel::M)
        .map_err(|_| QrError::TooLong)?;
    let (code, ec_level) = match QrCode::with_version(text, at_m.version(), qrcode::EcLevel::Q) {
        Ok(at_q) => (at_q, EcLevel::Q),
        Err(_) => (at_m, EcLevel::M),
    };
    let version = match code.version() {
        Version::Normal(v) | Version::Micro(v) => u8::try_from(v).unwrap_or(0),
    };
    let width = code.width();
    let colors = code.to_colors();
    let size = width + 2 * QUIET_ZONE;
    let mut dark = vec![false; size * size];
    for (index, color) in colors.iter().enumerate() {
        let (x, y) = (index % width + QUIET_ZONE, index / width + QUIET_ZONE);
        if let Some(module) = dark.get_mut(y * size + x) {
            *module = *color == Color::Dark;
        }
    }
    Ok(QrMatrix {
        size,
        dark,
        version,
        ec_level,
    })
}

/// One SVG path for the dark modules, in module units, to be drawn in
/// `viewBox="0 0 size size"` over a light background.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SvgPath {
    pub d: String,
    /// Width and height of the viewBox, quiet zone included.
    pub size: usize,
}

/// Each horizontal run of dark modules becomes one rectangle
/// `M x y h n v1 h-n z`.
pub fn svg_path(matrix: &QrMatrix) -> SvgPath {
    let mut d = String::new();
    for (y, row) in matrix.rows().enumerate() {
        let mut x = 0;
        while x < row.len() {
            let run = row.iter().skip(x).take_while(|&&dark| dark).count();
            if run > 0 {
                d.push_str(&format!("M{x} {y}h{run}v1h-{run}z"));
                x += run;
            } else {
                x += 1;
            }
        }
    }
    SvgPath {
        d,
        size: matrix.size,
    }
}

/// An independent QR decoder reads our matrix back, as a camera would.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod scan {
    use super::QrMatrix;

    const PIXELS_PER_MODULE: usize = 4;

    /// Rasterises at 4 px per module in greyscale and decodes with rqrr.
    pub(crate) fn scan(matrix: &QrMatrix) -> Option<String> {
        let side = matrix.size() * PIXELS_PER_MODULE;
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
            if matrix.is_dark(x / PIXELS_PER_MODULE, y / PIXELS_PER_MODULE) {
                0
            } else {
                255
            }
        });
        let grids = image.detect_grids();
        let grid = grids.first()?;
        grid.decode().ok().map(|(_, text)| text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_a_four_module_quiet_zone_and_a_finder_pattern_inside_it() {
        let matrix = render("PHONE-THEFT-REPORT/1").unwrap();
        let symbol = matrix.size() - 2 * QUIET_ZONE;
        assert_eq!(symbol, 17 + 4 * usize::from(matrix.version()));
        for i in 0..matrix.size() {
            for edge in 0..QUIET_ZONE {
                assert!(!matrix.is_dark(i, edge) && !matrix.is_dark(edge, i));
                let far = matrix.size() - 1 - edge;
                assert!(!matrix.is_dark(i, far) && !matrix.is_dark(far, i));
            }
        }
        // The top-left finder pattern's corner.
        assert!(matrix.is_dark(QUIET_ZONE, QUIET_ZONE));
        assert!(!matrix.is_dark(matrix.size(), 0));
    }

    #[test]
    fn prefers_level_q_when_it_fits_the_same_version() {
        // 20 bytes fit version 2 at both M (26) and Q (22).
        let matrix = render(&"x".repeat(20)).unwrap();
        assert_eq!((matrix.version(), matrix.ec_level()), (2, EcLevel::Q));
        // 25 bytes need version 2 at M but version 3 at Q.
        let matrix = render(&"x".repeat(25)).unwrap();
        assert_eq!((matrix.version(), matrix.ec_level()), (2, EcLevel::M));
    }

    #[test]
    fn refuses_more_than_a_qr_code_holds() {
        assert_eq!(render(&"x".repeat(3000)), Err(QrError::TooLong));
    }

    #[test]
    fn the_svg_path_covers_exactly_the_dark_modules() {
        let matrix = render("IMEI: 352099001761481").unwrap();
        let path = svg_path(&matrix);
        assert_eq!(path.size, matrix.size());
        let mut painted = vec![vec![false; matrix.size()]; matrix.size()];
        for rect in path.d.split('z').filter(|r| !r.is_empty()) {
            let numbers: Vec<usize> = rect
                .trim_start_matches('M')
                .split(['h', 'v', ' '])
                .filter_map(|n| n.parse().ok())
                .collect();
            let [x, y, run, ..] = numbers[..] else {
                panic!("malformed {rect}")
            };
            painted[y][x..x + run].fill(true);
        }
        for (y, row) in matrix.rows().enumerate() {
            assert_eq!(row, painted[y].as_slice());
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn an_independent_decoder_reads_it_back() {
        let text = "PHONE-THEFT-REPORT/1\nNAME: Zoë <script>\\n\nCRC32: 00000000";
        let matrix = render(text).unwrap();
        assert_eq!(scan::scan(&matrix).as_deref(), Some(text));
    }
}

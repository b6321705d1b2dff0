//! Reads Code 128, the barcode box labels print IMEIs in, from one row of
//! a photo's pixels: the row becomes bars and spaces, the bars and spaces
//! become symbols, and the symbols become text once the barcode's own check
//! symbol agrees. A row read in either direction gives the same text.

/// Each symbol's bar and space widths in modules (six of them, 11 modules
/// in all), by the symbol's value; 103 to 105 are the three start symbols.
/// The Code 128 symbology's table (ISO/IEC 15417).
const PATTERNS: [u32; 106] = [
    212222, 222122, 222221, 121223, 121322, 131222, 122213, 122312, 132212, 221213, 221312, 231212,
    112232, 122132, 122231, 113222, 123122, 123221, 223211, 221132, 221231, 213212, 223112, 312131,
    311222, 321122, 321221, 312212, 322112, 322211, 212123, 212321, 232121, 111323, 131123, 131321,
    112313, 132113, 132311, 211313, 231113, 231311, 112133, 112331, 132131, 113123, 113321, 133121,
    313121, 211331, 231131, 213113, 213311, 213131, 311123, 311321, 331121, 312113, 312311, 332111,
    314111, 221411, 431111, 111224, 111422, 121124, 121421, 141122, 141221, 112214, 112412, 122114,
    122411, 142112, 142211, 241211, 221114, 413111, 241112, 134111, 111242, 121142, 121241, 114212,
    124112, 124211, 411212, 421112, 421211, 212141, 214121, 412121, 111143, 111341, 131141, 114113,
    114311, 411113, 411311, 113141, 114131, 311141, 411131, 211412, 211214, 211232,
];

/// The stop symbol: seven widths, 13 modules.
const STOP: u32 = 2331112;

const START_A: u8 = 103;
const START_C: u8 = 105;

/// The widths of a pattern, from its digits.
const fn widths<const N: usize>(mut pattern: u32) -> [u32; N] {
    let mut out = [0; N];
    let mut i = N;
    while i > 0 {
        i -= 1;
        out[i] = pattern % 10;
        pattern /= 10;
    }
    out
}

/// Each symbol's widths, worked out once, at compile time.
const SYMBOLS: [[u32; 6]; 106] = {
    let mut table = [[0; 6]; 106];
    let mut value = 0;
    while value < 106 {
        table[value] = widths::<6>(PATTERNS[value]);
        value += 1;
    }
    table
};

const STOP_WIDTHS: [u32; 7] = widths::<7>(STOP);

/// How far `runs` (pixel widths) are from a pattern's module widths, in
/// modules, with the runs scaled to the pattern's total.
fn distance<const N: usize>(runs: &[u32], modules: &[u32; N]) -> f32 {
    let total: u32 = modules.iter().sum();
    let pixels: u32 = runs.iter().sum();
    if pixels == 0 || runs.len() != N {
        return f32::INFINITY;
    }
    let per_pixel = total as f32 / pixels as f32;
    runs.iter()
        .zip(modules)
        .map(|(&r, &m)| (r as f32 * per_pixel - m as f32).abs())
        .sum()
}

/// The most a symbol's widths may be off, in modules over the symbol.
const MOST_OFF: f32 = 2.0;

/// The value whose pattern the six runs are closest to, and how far off.
fn closest(runs: &[u32]) -> (usize, f32) {
    SYMBOLS
        .iter()
        .enumerate()
        .map(|(value, p)| (value, distance(runs, p)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap_or((0, f32::INFINITY))
}

/// The value whose pattern the six runs are closest to, if close enough.
fn symbol(runs: &[u32]) -> Option<u8> {
    let (value, off) = closest(runs);
    (off <= MOST_OFF)
        .then(|| u8::try_from(value).ok())
        .flatten()
}

/// A barcode read from a row: its text, the pixels it spans (from the
/// start symbol's first bar to the stop symbol's last), and whether it
/// ran right to left along the row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Barcode {
    pub text: String,
    pub from: usize,
    pub to: usize,
    pub backwards: bool,
}

/// What one row holds: the barcodes read, left to right, and where a start
/// symbol after a quiet zone began a barcode that could not be read (a
/// barcode too blurred or too small, or cut off).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    pub barcodes: Vec<Barcode>,
    pub unread: Vec<Unread>,
}

/// A barcode begun and not read: the pixel where its start symbol lies,
/// and how many pixels a module its start symbol is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unread {
    pub at: usize,
    pub module: f32,
}

/// Every Code 128 barcode across one row of grey pixels (0 black, 255
/// white), left to right, each read in whichever direction it runs.
pub fn read_row(row: &[u8]) -> Row {
    let (first, runs) = runs(row);
    let edges: Vec<usize> = std::iter::once(first)
        .chain(runs.iter().scan(first, |at, &r| {
            *at += r as usize;
            Some(*at)
        }))
        .collect();
    let mut out = Row::default();
    let forwards = from_runs(&runs, &[]);
    for found in &forwards.found {
        out.barcodes.push(Barcode {
            text: found.text.clone(),
            from: edges[found.first],
            to: edges[found.end],
            backwards: false,
        });
    }
    let mut reversed = runs;
    reversed.reverse();
    let n = reversed.len();
    // Each barcode read forwards, where it lies in the reversed runs.
    let read: Vec<(usize, usize)> = forwards
        .found
        .iter()
        .map(|f| (n - f.end, n - f.first))
        .collect();
    let backwards = from_runs(&reversed, &read);
    for found in backwards.found.iter().rev() {
        // Run `i` of the reversed row is run `n - 1 - i` of the row.
        let barcode = Barcode {
            text: found.text.clone(),
            from: edges[n - found.end],
            to: edges[n - found.first],
            backwards: true,
        };
        let overlaps = out
            .barcodes
            .iter()
            .any(|b| b.from < barcode.to && barcode.from < b.to);
        if !overlaps {
            out.barcodes.push(barcode);
        }
    }
    out.barcodes.sort_by_key(|b| b.from);
    out.unread = forwards
        .unread
        .iter()
        .map(|&(at, module)| Unread {
            at: edges[at],
            module,
        })
        .chain(backwards.unread.iter().map(|&(at, module)| Unread {
            at: edges[n - at],
            module,
        }))
        .filter(|u| !out.barcodes.iter().any(|b| (b.from..=b.to).contains(&u.at)))
        .collect();
    out.unread.sort_by_key(|u| u.at);
    out
}

/// The row as the pixel where its first dark run begins and the widths of
/// alternate dark and light runs from there, the first and last dark;
/// nothing when the row has too little contrast to hold a barcode.
fn runs(row: &[u8]) -> (usize, Vec<u32>) {
    let (Some(&low), Some(&high)) = (row.iter().min(), row.iter().max()) else {
        return (0, Vec::new());
    };
    if high - low < 40 {
        return (0, Vec::new());
    }
    let middle = (u16::from(low) + u16::from(high)) / 2;
    let first = row
        .iter()
        .position(|&p| u16::from(p) <= middle)
        .unwrap_or(0);
    let mut runs = Vec::new();
    let mut dark = true;
    let mut width = 0u32;
    for &pixel in &row[first..] {
        if (u16::from(pixel) <= middle) == dark {
            width += 1;
        } else {
            runs.push(width);
            dark = !dark;
            width = 1;
        }
    }
    if width > 0 && dark {
        runs.push(width);
    }
    // Dark at both ends, so that the row read backwards starts dark too.
    (first, runs)
}

/// A barcode found among runs: its text, its start symbol's first run and
/// the run just past its stop symbol.
struct Found {
    text: String,
    first: usize,
    end: usize,
}

/// The barcodes among some runs, and the runs where an unread one began,
/// each with its start symbol's pixels a module.
struct FromRuns {
    found: Vec<Found>,
    unread: Vec<(usize, f32)>,
}

/// The barcodes in `runs` (dark first), read left to right.
/// The runs in `read` (first to end) were read already and are skipped.
fn from_runs(runs: &[u32], read: &[(usize, usize)]) -> FromRuns {
    let mut out = FromRuns {
        found: Vec::new(),
        unread: Vec::new(),
    };
    let mut at = 0;
    while at + 6 <= runs.len() {
        if let Some(&(_, end)) = read
            .iter()
            .find(|(first, end)| (*first..*end).contains(&at))
        {
            at = end + 1;
            continue;
        }
        match barcode_at(runs, at) {
            Ok((text, end)) => {
                out.found.push(Found {
                    text,
                    first: at,
                    end,
                });
                // Past the light run after the stop, to the next dark one.
                at = end + 1;
            }
            Err(Started::Yes) => {
                let module = runs[at..at + 6].iter().sum::<u32>() as f32 / 11.0;
                out.unread.push((at, module));
                at += 2;
            }
            Err(Started::No) => at += 2,
        }
    }
    out
}

/// Whether a barcode that could not be read had begun with a start symbol
/// after a quiet zone.
enum Started {
    Yes,
    No,
}

/// The barcode whose start symbol begins at dark run `at`, with the run
/// after its stop symbol.
fn barcode_at(runs: &[u32], at: usize) -> Result<(String, usize), Started> {
    let six = runs.get(at..at + 6).ok_or(Started::No)?;
    // A quiet zone before the start: at least five modules of light.
    let unit = six.iter().sum::<u32>() as f32 / 11.0;
    if at > 0 && (runs[at - 1] as f32) < 5.0 * unit {
        return Err(Started::No);
    }
    // Most runs start nothing: near no start symbol, they are not
    // matched against every symbol.
    let near_a_start =
        (START_A..=START_C).any(|s| distance(six, &SYMBOLS[usize::from(s)]) <= MOST_OFF);
    let start = symbol(six).filter(|_| near_a_start).ok_or(Started::No)?;
    if !(START_A..=START_C).contains(&start) {
        return Err(Started::No);
    }
    let mut values = vec![start];
    let mut next = at + 6;
    loop {
        // A start and two symbols make a barcode that did not read; less
        // is as likely to be print or a pattern.
        let began = || {
            if values.len() > 2 {
                Started::Yes
            } else {
                Started::No
            }
        };
        let seven = runs.get(next..next + 7).ok_or_else(began)?;
        // The stop's first six widths are near a data symbol's: it is the
        // stop when all seven fit it better than any symbol fits six.
        let stop = distance(seven, &STOP_WIDTHS);
        let (value, off) = closest(&seven[..6]);
        if stop <= MOST_OFF && stop < off {
            next += 7;
            break;
        }
        let Some(value) = u8::try_from(value)
            .ok()
            .filter(|&v| off <= MOST_OFF && v <= 102)
        else {
            return Err(began());
        };
        values.push(value);
        next += 6;
    }
    let (&check, body) = values.split_last().ok_or(Started::Yes)?;
    if body.len() < 2 {
        return Err(Started::Yes);
    }
    let sum: u32 = body
        .iter()
        .enumerate()
        .map(|(i, &v)| u32::from(v) * (i.max(1) as u32))
        .sum();
    if sum % 103 != u32::from(check) {
        return Err(Started::Yes);
    }
    Ok((text(body), next))
}

/// The text the symbols hold, after the start symbol that names the first
/// code set. Function codes (FNC1 to FNC4) hold no text and are skipped.
fn text(symbols: &[u8]) -> String {
    #[derive(Clone, Copy, PartialEq)]
    enum Set {
        A,
        B,
        C,
    }
    let mut set = match symbols[0] {
        START_A => Set::A,
        START_C => Set::C,
        _ => Set::B,
    };
    let mut shifted = false;
    let mut out = String::new();
    for &value in &symbols[1..] {
        let here = match (shifted, set) {
            (true, Set::A) => Set::B,
            (true, Set::B) => Set::A,
            (_, set) => set,
        };
        shifted = false;
        match (here, value) {
            (Set::C, 0..=99) => {
                out.push(char::from(b'0' + value / 10));
                out.push(char::from(b'0' + value % 10));
            }
            (Set::C, 100) | (Set::A, 100) => set = Set::B,
            (Set::C, 101) | (Set::B, 101) => set = Set::A,
            (Set::A | Set::B, 99) => set = Set::C,
            (Set::A | Set::B, 98) => shifted = true,
            (Set::A, 0..=63) | (Set::B, 0..=95) => out.push(char::from(32 + value)),
            (Set::A, 64..=95) => out.push(char::from(value - 64)),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(row: &[u8]) -> Vec<String> {
        read_row(row).barcodes.into_iter().map(|b| b.text).collect()
    }

    /// A row of pixels holding `text` at `scale` pixels a module, with
    /// quiet zones, dark `ink` on light `paper`, from the test photos'
    /// own encoder.
    fn row(text: &str, scale: f32, ink: u8, paper: u8) -> Vec<u8> {
        let modules = test_photos::code128::modules(text).unwrap();
        let pixels = (modules.len() as f32 * scale) as usize;
        (0..pixels)
            .map(|x| {
                if modules[(x as f32 / scale) as usize] {
                    ink
                } else {
                    paper
                }
            })
            .collect()
    }

    #[test]
    fn an_imei_reads_at_any_scale_and_either_way_round() {
        for scale in [1.0, 1.5, 2.0, 2.7, 4.0, 9.3] {
            let pixels = row("352099001761481", scale, 20, 230);
            assert_eq!(texts(&pixels), ["352099001761481"], "{scale}");
            let mut backwards = pixels.clone();
            backwards.reverse();
            assert_eq!(texts(&backwards), ["352099001761481"], "{scale} backwards");
        }
    }

    #[test]
    fn a_blurred_dim_row_still_reads() {
        let sharp = row("356938035643809", 3.0, 70, 190);
        let blurred: Vec<u8> = (0..sharp.len())
            .map(|x| {
                let near = &sharp[x.saturating_sub(1)..(x + 2).min(sharp.len())];
                let sum: u32 = near.iter().map(|&p| u32::from(p)).sum();
                u8::try_from(sum / near.len() as u32).unwrap()
            })
            .collect();
        assert_eq!(texts(&blurred), ["356938035643809"]);
    }

    #[test]
    fn letters_and_two_barcodes_on_one_row_read_left_to_right() {
        let mut pixels = row("F2LZK0QJN72J", 3.0, 0, 255);
        pixels.extend(row("490154203237518", 3.0, 60, 200));
        assert_eq!(texts(&pixels), ["F2LZK0QJN72J", "490154203237518"]);
    }

    #[test]
    fn a_wrong_check_symbol_or_a_cut_off_barcode_reads_as_nothing() {
        let mut pixels = row("352099001761481", 3.0, 0, 255);
        let whole = pixels.clone();
        // Darken the first data symbol's first space (its second module).
        let at = whole.iter().position(|&p| p == 0).unwrap() + 12 * 3;
        for p in &mut pixels[at..at + 3] {
            *p = 0;
        }
        assert_eq!(texts(&pixels), Vec::<String>::new());
        assert_eq!(texts(&whole[..whole.len() / 2]), Vec::<String>::new());
        assert_eq!(texts(&[128; 300]), Vec::<String>::new());
        assert_eq!(texts(&[]), Vec::<String>::new());
    }

    proptest! {
        #[test]
        fn any_row_reads_without_a_panic(pixels in prop::collection::vec(any::<u8>(), 0..2000)) {
            let _ = texts(&pixels);
        }

        #[test]
        /// At two pixels a module or more.
        fn any_digits_or_text_read_back(
            text in "[0-9]{2,20}|[ -~]{1,16}",
            scale in 2.0f32..6.0,
        ) {
            prop_assert_eq!(texts(&row(&text, scale, 10, 240)), vec![text]);
        }
    }
}

//! Code 128, the barcode phone box labels print IMEIs, serial numbers and
//! EIDs in: text to modules (ISO/IEC 15417).

/// Each symbol's bar and space widths in modules (six of them, 11 modules in all), by value; 103 to 105 are the start symbols.
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

/// The stop symbol's seven widths (13 modules).
const STOP: u32 = 2331112;

/// The start symbol of code set B.
const START_B: u32 = 104;

/// The start symbol of code set C.
const START_C: u32 = 105;

/// The symbol that switches from code set C to code set B for the next symbols.
const CODE_B: u32 = 100;

/// The light modules printed before and after the barcode.
pub const QUIET_ZONE: usize = 10;

/// The symbol values of `text`, start symbol first, without the check symbol.
fn values(text: &str) -> Option<Vec<u32>> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || !bytes.iter().all(|b| (32..=126).contains(b)) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() + 3);
    if bytes.len() >= 2 && bytes.iter().all(u8::is_ascii_digit) {
        out.push(START_C);
        let pairs = bytes.chunks_exact(2);
        let rest = pairs.remainder();
        out.extend(pairs.map(|pair| u32::from(pair[0] - b'0') * 10 + u32::from(pair[1] - b'0')));
        if let [last] = rest {
            out.push(CODE_B);
            out.push(u32::from(last - 32));
        }
    } else {
        out.push(START_B);
        out.extend(bytes.iter().map(|&b| u32::from(b - 32)));
    }
    Some(out)
}

/// The check symbol: the start value plus each later value times its position, modulo 103.
fn check(values: &[u32]) -> u32 {
    let sum: u32 = values
        .iter()
        .enumerate()
        .map(|(position, &value)| value * (position.max(1) as u32))
        .sum();
    sum % 103
}

/// Appends the modules of a pattern's widths (bar first, then alternating).
fn put(pattern: u32, count: u32, modules: &mut Vec<bool>) {
    for i in (0..count).rev() {
        let width = (pattern / 10u32.pow(i)) % 10;
        let bar = (count - 1 - i).is_multiple_of(2);
        modules.extend(std::iter::repeat_n(bar, width as usize));
    }
}

/// The modules (true = bar) of `text` as a Code 128 barcode, with a quiet zone of 10 modules each side.
///
/// Code set C carries pairs of digits when the text is two digits or more and
/// nothing else (an odd last digit follows CODE B, value 100, in set B); set B
/// carries any other printable ASCII text (32 to 126). The check symbol and
/// the stop pattern 2331112 follow. None if the text is empty or has a
/// character outside printable ASCII.
pub fn modules(text: &str) -> Option<Vec<bool>> {
    let mut symbols = values(text)?;
    symbols.push(check(&symbols));
    let mut out = Vec::with_capacity(2 * QUIET_ZONE + 11 * symbols.len() + 13);
    out.extend([false; QUIET_ZONE]);
    for value in symbols {
        put(PATTERNS[value as usize], 6, &mut out);
    }
    put(STOP, 7, &mut out);
    out.extend([false; QUIET_ZONE]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The modules a pattern of widths stands for, as a string of 1s (bars) and 0s.
    fn bits(modules: &[bool]) -> String {
        modules.iter().map(|&m| if m { '1' } else { '0' }).collect()
    }

    #[test]
    fn every_pattern_is_three_bars_and_three_spaces_of_eleven_modules() {
        for (value, &pattern) in PATTERNS.iter().enumerate() {
            let mut modules = Vec::new();
            put(pattern, 6, &mut modules);
            assert_eq!(modules.len(), 11, "value {value}");
            assert!(modules[0] && !modules[10], "value {value}");
        }
        let mut stop = Vec::new();
        put(STOP, 7, &mut stop);
        assert_eq!(bits(&stop), "1100011101011");
    }

    #[test]
    fn an_imei_is_seven_pairs_in_set_c_then_its_last_digit_in_set_b() {
        let modules = modules("352099001761481").unwrap();
        // Quiet zone, start C, 7 pairs, CODE B, the last digit, the check
        // symbol, the stop pattern, quiet zone.
        assert_eq!(modules.len(), 10 + 11 + 7 * 11 + 11 + 11 + 11 + 13 + 10);
        assert_eq!(modules.len(), 154);
        assert!(modules[..10].iter().all(|&m| !m));
        assert!(modules[10]);
        assert!(modules[modules.len() - 10..].iter().all(|&m| !m));
        assert!(modules[modules.len() - 11]);
        // Start C is 211232.
        assert_eq!(bits(&modules[10..21]), "11010011100");
        // CODE B (value 100) is 114131, after the start and the 7 pairs.
        assert_eq!(bits(&modules[10 + 88..10 + 99]), "10111101110");
        // The last digit '1' in set B is value 49 - 32 = 17: 123221.
        assert_eq!(bits(&modules[10 + 99..10 + 110]), "10011100110");
        // The check symbol by hand: start 105, then the values 35, 20, 99,
        // 0, 17, 61, 48, 100 and 17 at positions 1 to 9:
        // 105 + 35 + 40 + 297 + 0 + 85 + 366 + 336 + 800 + 153 = 2217, and
        // 2217 = 21 * 103 + 54, so the check value is 54: widths 311123.
        assert_eq!(bits(&modules[10 + 110..10 + 121]), "11101011000");
        // The stop pattern 2331112 ends it.
        assert_eq!(bits(&modules[10 + 121..10 + 134]), "1100011101011");
    }

    #[test]
    fn short_texts_have_the_check_symbols_worked_out_by_hand() {
        // "12": start C (105), the pair 12; check (105 + 1 * 12) % 103 = 14.
        // Start C 211232, 12 is 112232, 14 is 122231.
        assert_eq!(
            bits(&modules("12").unwrap()[10..10 + 33]),
            "11010011100".to_owned() + "10110011100" + "10011001110"
        );
        // "A": start B (104), 'A' = 65 - 32 = 33; check (104 + 33) % 103 = 34.
        // Start B 211214, 33 is 111323, 34 is 131123.
        assert_eq!(
            bits(&modules("A").unwrap()[10..10 + 33]),
            "11010010000".to_owned() + "10100011000" + "10001011000"
        );
        // One digit alone is set B: start B, '7' = 55 - 32 = 23.
        assert_eq!(values("7"), Some(vec![START_B, 23]));
    }

    #[test]
    fn an_eid_is_sixteen_pairs_and_a_serial_number_is_set_b() {
        let eid = values("89049032004008882600016420287437").unwrap();
        assert_eq!(eid.len(), 17);
        assert_eq!(eid[..3], [START_C, 89, 4]);
        let serial = values("F2LZK0QJN72J").unwrap();
        assert_eq!(serial[..3], [START_B, 38, 18]);
        assert_eq!(modules("F2LZK0QJN72J").unwrap().len(), 20 + 11 * 14 + 13);
    }

    #[test]
    fn empty_or_unprintable_text_has_no_barcode() {
        assert_eq!(modules(""), None);
        assert_eq!(modules("é"), None);
        assert_eq!(modules("35209900176148\n"), None);
        assert_eq!(modules("\u{7f}"), None);
        assert!(modules(" ~").is_some());
    }

    proptest! {
        #[test]
        fn every_text_has_the_length_and_the_edges_of_its_symbols(text in "[0-9]{1,40}|[ -~]{1,30}") {
            let modules = modules(&text).unwrap();
            let digits = text.len() >= 2 && text.bytes().all(|b| b.is_ascii_digit());
            let data = if digits { text.len() / 2 + 2 * (text.len() % 2) } else { text.len() };
            prop_assert_eq!(modules.len(), 2 * QUIET_ZONE + 11 * (data + 2) + 13);
            prop_assert!(modules[QUIET_ZONE] && modules[modules.len() - QUIET_ZONE - 1]);
            // Every symbol starts with a bar and ends with a space.
            for symbol in modules[QUIET_ZONE..modules.len() - QUIET_ZONE - 13].chunks(11) {
                prop_assert!(symbol[0] && !symbol[10]);
            }
            // The check symbol makes the sum of the values agree.
            let values = values(&text).unwrap();
            let check_at = QUIET_ZONE + 11 * values.len();
            let expected = PATTERNS[check(&values) as usize];
            let mut want = Vec::new();
            put(expected, 6, &mut want);
            prop_assert_eq!(&modules[check_at..check_at + 11], &want[..]);
        }
    }
}

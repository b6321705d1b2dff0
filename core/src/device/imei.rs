//! IMEI parsing and the Luhn check digit (3GPP TS 23.003: TAC 8 digits,
//! serial 6 digits, then a check digit over the first 14), and `examine`,
//! which says what any pasted or typed text is, IMEI or not.

use std::fmt;

/// A 15-digit IMEI whose check digit is right. Only this module makes one.
/// A Type Allocation Code: 8 digits, so below 100 000 000.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tac(u32);

impl Tac {
    pub fn new(code: u32) -> Option<Tac> {
        (code < 100_000_000).then_some(Tac(code))
    }

    /// Exactly 8 ASCII digits.
    pub fn parse(text: &str) -> Option<Tac> {
        if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        text.parse().ok().map(Tac)
    }

    pub fn code(self) -> u32 {
        self.0
    }
}

impl fmt::Display for Tac {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:08}", self.0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Imei([u8; 15]);

impl Imei {
    /// Type Allocation Code: the first 8 digits, which name the model.
    pub fn tac(&self) -> Tac {
        Tac(self.0[..8]
            .iter()
            .fold(0, |code, &digit| code * 10 + u32::from(digit)))
    }

    /// The 6-digit serial number within the TAC.
    pub fn serial(&self) -> String {
        digits_to_string(&self.0[8..14])
    }

    pub fn check_digit(&self) -> u8 {
        self.0[14]
    }

    /// Who allocated the TAC, from its first two digits (GSMA TS.06).
    /// `None` for a code that table does not list.
    pub fn reporting_body(&self) -> Option<&'static ReportingBody> {
        reporting_body(self.0[0] * 10 + self.0[1])
    }

    /// Builds the IMEI that the first 14 digits imply.
    fn completing(body: [u8; 14]) -> Imei {
        let mut all = [0u8; 15];
        all[..14].copy_from_slice(&body);
        all[14] = luhn_check_digit(&body);
        Imei(all)
    }

    fn body(&self) -> [u8; 14] {
        let mut body = [0u8; 14];
        body.copy_from_slice(&self.0[..14]);
        body
    }
}

impl fmt::Display for Imei {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&digits_to_string(&self.0))
    }
}

/// Why some text is not an IMEI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImeiError {
    Empty,
    /// A character that is neither a digit nor a separator.
    NotADigit(char),
    TooShort {
        digits: usize,
    },
    TooLong {
        digits: usize,
    },
    /// 15 digits, but the last does not match the other 14.
    WrongCheckDigit {
        expected: u8,
    },
}

/// Reads an IMEI as people type it: spaces, hyphens, dots and slashes are
/// ignored.
pub fn parse(input: &str) -> Result<Imei, ImeiError> {
    let mut digits = Vec::with_capacity(15);
    for c in input.chars().map(normalise) {
        match c {
            '0'..='9' => digits.push(c as u8 - b'0'),
            ' ' | '-' | '.' | '/' | '\t' | '\n' | '\r' => {}
            other => return labelled(input).ok_or(ImeiError::NotADigit(other)),
        }
    }
    match <[u8; 15]>::try_from(digits.as_slice()) {
        Ok(all) => {
            let imei = Imei(all);
            let expected = luhn_check_digit(&imei.body());
            if all[14] == expected {
                Ok(imei)
            } else {
                Err(ImeiError::WrongCheckDigit { expected })
            }
        }
        Err(_) => match digits.len() {
            0 => Err(ImeiError::Empty),
            n if n < 15 => Err(ImeiError::TooShort { digits: n }),
            n => Err(ImeiError::TooLong { digits: n }),
        },
    }
}

/// A correct IMEI with a label around it ("IMEI 1: 35…"), read the way the
/// live check reads it, so that what it calls correct, Continue accepts.
fn labelled(input: &str) -> Option<Imei> {
    match examine(input, |_| false).found {
        Found::One(Reading::Imei(imei)) => Some(imei),
        _ => None,
    }
}

/// The Luhn check digit for 14 digits: double every second digit from the
/// left (the 2nd, 4th, ...), add the digits of the results, and take what
/// brings the sum to a multiple of ten.
pub fn luhn_check_digit(digits: &[u8; 14]) -> u8 {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                let doubled = d * 2;
                doubled / 10 + doubled % 10
            } else {
                d
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

fn digits_to_string(digits: &[u8]) -> String {
    digits.iter().map(|&d| char::from(b'0' + d)).collect()
}

// ---------------------------------------------------------------------------
// Reporting bodies

/// An organisation that allocates TACs, named by the first two digits.
#[derive(Debug, PartialEq, Eq)]
pub struct ReportingBody {
    /// The lowest and highest two-digit codes this row covers.
    pub codes: (u8, u8),
    pub name: &'static str,
    /// False for bodies that no longer allocate new TACs.
    pub allocating: bool,
    /// Codes kept for test IMEIs: never a phone on sale.
    pub test: bool,
}

const fn body(codes: (u8, u8), name: &'static str, allocating: bool, test: bool) -> ReportingBody {
    ReportingBody {
        codes,
        name,
        allocating,
        test,
    }
}

/// Reporting Body Identifiers, from GSMA TS.06 (IMEI Allocation and
/// Approval Process). The names are proper names, so the UI shows them as
/// they are.
const REPORTING_BODIES: [ReportingBody; 19] = [
    body((0, 0), "Test IMEI (nations with 2-digit CCs)", true, true),
    body((1, 1), "CTIA (PTCRB), United States", true, false),
    body((2, 9), "Test IMEI (nations with 3-digit CCs)", true, true),
    body((35, 35), "TÜV SÜD (BABT), United Kingdom", true, false),
    body((86, 86), "TAF, China", true, false),
    body((98, 98), "Reserved for future use", true, false),
    body(
        (99, 99),
        "Global Hexadecimal Administrator (GHA), multi-RAT 3GPP2/3GPP",
        true,
        false,
    ),
    body((10, 10), "DECT devices", false, false),
    body((30, 30), "Iridium, United States", false, false),
    body((33, 33), "DGPT, France", false, false),
    body((44, 44), "BABT, United Kingdom", false, false),
    body((45, 45), "NTA, Denmark", false, false),
    body((49, 49), "BZT / BAPT, Germany", false, false),
    body((50, 50), "BZT ETS, Germany", false, false),
    body((51, 51), "Cetecom ICT, Germany", false, false),
    body((52, 52), "Cetecom, Germany", false, false),
    body((53, 53), "TÜV, Germany", false, false),
    body((54, 54), "Phoenix Test Lab, Germany", false, false),
    body((91, 91), "MSAI, India", false, false),
];

/// The reporting body for a two-digit code (0 to 99).
pub fn reporting_body(code: u8) -> Option<&'static ReportingBody> {
    REPORTING_BODIES
        .iter()
        .find(|b| (b.codes.0..=b.codes.1).contains(&code))
}

// ---------------------------------------------------------------------------
// Examining what a person pasted

/// What some pasted or typed text turned out to hold. `input` is the text
/// exactly as given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Examination {
    pub input: String,
    pub found: Found,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// No digits: blank, or only labels such as "IMEI:".
    Nothing,
    One(Reading),
    /// Two numbers, as a dual-SIM phone shows them. Check them with
    /// `check_pair` once both are IMEIs.
    Two(Reading, Reading),
    /// More than two long numbers: ask for one or two at a time.
    TooMany {
        count: usize,
    },
}

/// One number read from the text, and what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading {
    /// A correct IMEI.
    Imei(Imei),
    /// 14 digits: the check digit is missing, and this is the full IMEI.
    MissingCheckDigit {
        entered: String,
        imei: Imei,
    },
    /// 16 digits: an IMEISV. The IMEI is its first 14 digits plus a check
    /// digit; the last two digits are the software version (0 to 99, shown
    /// with two digits).
    Imeisv {
        imei: Imei,
        software_version: u8,
    },
    /// 15 digits whose last digit does not fit the other 14. `expected` is
    /// the check digit that would; `corrections` are at most three likely
    /// fixes, the most likely first.
    WrongCheckDigit {
        entered: String,
        expected: u8,
        corrections: Vec<Correction>,
    },
    TooShort {
        digits: usize,
    },
    TooLong {
        digits: usize,
    },
    /// A character that is not a digit, inside the number. `looks_like` is
    /// the digit it is often mistaken for (O for 0, l for 1).
    NotADigit {
        found: char,
        looks_like: Option<u8>,
    },
    /// A CDMA MEID (14 hex digits), not an IMEI. `imei` is set when the
    /// MEID is all decimal, so the phone's IMEI is these 14 digits plus a
    /// check digit.
    Meid {
        meid: String,
        imei: Option<Imei>,
    },
    /// An eSIM EID (32 digits starting 89): it names the eSIM, not the phone.
    Eid {
        digits: String,
    },
    /// A SIM card number (ICCID, 18 to 22 digits starting 89).
    Iccid {
        digits: String,
    },
    /// A phone number (07..., +44..., 00...). `international` when it had
    /// a + or 00 prefix, or a country code.
    PhoneNumber {
        digits: String,
        international: bool,
    },
    /// Letters and digits together, 10 to 12 long: a serial number, like the
    /// one on an iPhone box.
    SerialNumber {
        text: String,
    },
    /// A made-up or test number that no phone on sale carries.
    Placeholder {
        digits: String,
        reason: PlaceholderReason,
    },
    /// "*#06#": the code that shows the IMEI on the phone itself.
    ShowImeiCode,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceholderReason {
    /// Starts with 00 or 02 to 09, kept for test IMEIs.
    TestReportingBody,
    /// Every digit the same, like 000000000000000.
    AllSameDigit,
    /// 123456789012345 and the like.
    CountingSequence,
}

/// A fix for a mistyped IMEI that gives a correct check digit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Correction {
    pub imei: Imei,
    pub change: Change,
    /// The corrected TAC names a model we know.
    pub known_tac: bool,
}

/// Positions count from 1, as a person counts digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// The digit at `position` was `from` and becomes `to`.
    Digit { position: usize, from: u8, to: u8 },
    /// The digits at `position` and `position + 1` swap places.
    Swap { position: usize },
}

impl Reading {
    /// The IMEI this reading gives or offers, if any. For anything but
    /// `Imei`, the person should confirm it first.
    pub fn offered_imei(&self) -> Option<Imei> {
        match self {
            Reading::Imei(imei)
            | Reading::MissingCheckDigit { imei, .. }
            | Reading::Imeisv { imei, .. } => Some(*imei),
            Reading::Meid { imei, .. } => *imei,
            _ => None,
        }
    }
}

/// Reads whatever a person pasted or typed and says what it is. Never fails:
/// every text gets an answer. `known_tac` says whether an 8-digit TAC names
/// a model we know; it ranks the suggested corrections.
pub fn examine(input: &str, known_tac: impl Fn(Tac) -> bool) -> Examination {
    Examination {
        input: input.to_owned(),
        found: find(input, &known_tac),
    }
}

fn find(input: &str, known_tac: &dyn Fn(Tac) -> bool) -> Found {
    let mut scan = scan(input);
    drop_repeated_meid(&mut scan.groups);
    if scan.show_imei_code {
        return Found::One(Reading::ShowImeiCode);
    }
    if let Some(found) = scan.odd {
        return Found::One(not_a_digit(found));
    }
    let long = |g: &&Group| g.len() >= 14;
    let long_groups = scan.groups.iter().filter(long).count();
    if long_groups >= 2 && long_groups == scan.groups.len() {
        return match scan.groups.as_slice() {
            [first, second] => Found::Two(classify(first, known_tac), classify(second, known_tac)),
            _ => Found::TooMany { count: long_groups },
        };
    }
    let whole = Group::merged(&scan.groups);
    if whole.len() == 0 {
        return match scan.first_letter {
            Some(letter) => Found::One(not_a_digit(letter)),
            None => Found::Nothing,
        };
    }
    // Two IMEIs run together with nothing between them.
    if whole.text.len() == 30 && !whole.has_letters() {
        let (first, second) = whole.text.split_at(15);
        return Found::Two(
            classify(&Group::digits(first, &whole), known_tac),
            classify(&Group::digits(second, &whole), known_tac),
        );
    }
    Found::One(classify(&whole, known_tac))
}

/// A phone's About screen lists the MEID under the IMEIs, and that MEID is
/// the first IMEI without its check digit: it adds nothing, so drop it.
fn drop_repeated_meid(groups: &mut Vec<Group>) {
    let repeats = |meid: &Group, all: &[Group]| {
        meid.meid_label
            && all
                .iter()
                .any(|g| g.text.len() == 15 && g.text.starts_with(&meid.text))
    };
    let keep: Vec<bool> = groups.iter().map(|g| !repeats(g, groups)).collect();
    let mut keep = keep.into_iter();
    groups.retain(|_| keep.next().unwrap_or(true));
}

/// A run of characters read as one number (digits, maybe with letters).
#[derive(Clone, Debug, Default)]
struct Group {
    /// ASCII digits and upper-case ASCII letters; other letters stay as
    /// they are so that `NotADigit` can name them.
    text: String,
    plus: bool,
    meid_label: bool,
}

impl Group {
    fn len(&self) -> usize {
        self.text.chars().count()
    }

    fn has_letters(&self) -> bool {
        !self.text.chars().all(|c| c.is_ascii_digit())
    }

    fn merged(groups: &[Group]) -> Group {
        Group {
            text: groups.iter().map(|g| g.text.as_str()).collect(),
            plus: groups.first().is_some_and(|g| g.plus),
            meid_label: groups.iter().any(|g| g.meid_label),
        }
    }

    fn digits(text: &str, like: &Group) -> Group {
        Group {
            text: text.to_owned(),
            ..like.clone()
        }
    }
}

#[derive(Default)]
struct Scan {
    groups: Vec<Group>,
    /// The first character that is neither part of a word nor a separator.
    odd: Option<char>,
    /// The first letter of a word we ignored, for text with no digits.
    first_letter: Option<char>,
    show_imei_code: bool,
    /// A symbol right after digits: it counts only if more digits follow.
    odd_after_digits: Option<char>,
}

/// Maps digits from other scripts and full-width forms to ASCII.
fn normalise(c: char) -> char {
    const ZEROS: [u32; 7] = [
        0x0660, // Arabic-Indic
        0x06F0, // Eastern Arabic-Indic (Persian, Urdu)
        0x0966, // Devanagari
        0x09E6, // Bengali
        0x0E50, // Thai
        0x0BE6, // Tamil
        0xFF10, // full-width
    ];
    let code = u32::from(c);
    for zero in ZEROS {
        if (zero..zero + 10).contains(&code) {
            return char::from_digit(code - zero, 10).unwrap_or(c);
        }
    }
    // Full-width ASCII (letters, colon, hyphen...) from East Asian keyboards.
    if (0xFF01..=0xFF5E).contains(&code) {
        return char::from_u32(code - 0xFF01 + 0x21).unwrap_or(c);
    }
    c
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Spaces, hyphens, dots: inside one number as people group digits.
    Soft,
    /// Line breaks, commas, slashes, labels: may end a number.
    Hard,
}

fn separator(c: char) -> Option<Gap> {
    match c {
        '\n' | '\r' | ',' | ';' | '/' | '\\' | '|' | '&' | '=' => Some(Gap::Hard),
        '-' | '.' | ':' | '(' | ')' | '[' | ']' | '_' | '\'' | '"' | '#' | '*' => Some(Gap::Soft),
        // Dashes of every width, and the marks that right-to-left pastes carry.
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{00B7}' | '\u{30FB}' => Some(Gap::Soft),
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' => {
            Some(Gap::Soft)
        }
        '\u{FEFF}' => Some(Gap::Soft),
        c if c.is_whitespace() => Some(Gap::Soft),
        _ => None,
    }
}

/// Words that label a number rather than being part of it.
fn label(word: &str) -> Option<Label> {
    let upper = word.to_ascii_uppercase();
    let (stem, index) = match upper.strip_suffix(['1', '2']) {
        Some(stem) => (stem, true),
        None => (upper.as_str(), false),
    };
    let kind = match stem {
        "IMEI" | "IMEISV" | "SLOT" | "SIM" | "ESIM" => Label::Numbered,
        "MEID" => Label::Meid,
        "SV" | "HEX" | "DEC" | "NO" | "NUMBER" | "NUM" | "NR" if !index => Label::Plain,
        _ => return None,
    };
    Some(if index { Label::Plain } else { kind })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Label {
    /// May be followed by a lone 1 or 2: "IMEI 2", "slot 1".
    Numbered,
    Meid,
    Plain,
}

/// Splits the text into numbers, dropping labels and separators.
fn scan(input: &str) -> Scan {
    let chars: Vec<char> = input.chars().map(normalise).collect();
    let squeezed: String = chars.iter().filter(|c| !c.is_whitespace()).collect();
    let mut scan = Scan {
        show_imei_code: squeezed == "*#06#",
        ..Scan::default()
    };
    let mut current = Group::default();
    let mut plus = false;
    let mut meid_label = false;
    // After "IMEI" or "slot", a lone 1 or 2 numbers the slot: not a digit.
    let mut slot_number_may_follow = false;
    let mut rest = chars.as_slice();
    while let Some((&c, after)) = rest.split_first() {
        if c.is_alphanumeric() {
            let len = after
                .iter()
                .position(|c| !c.is_alphanumeric())
                .map_or(rest.len(), |p| p + 1);
            let (word_chars, tail) = rest.split_at(len);
            rest = tail;
            let word: String = word_chars.iter().collect();
            let all_digits = word.chars().all(|c| c.is_ascii_digit());
            let all_letters = word.chars().all(char::is_alphabetic);
            if slot_number_may_follow && (word == "1" || word == "2") {
                slot_number_may_follow = false;
                continue;
            }
            slot_number_may_follow = false;
            if let Some(kind) = label(&word) {
                end_group(&mut scan, &mut current);
                slot_number_may_follow = kind == Label::Numbered || kind == Label::Meid;
                meid_label = kind == Label::Meid;
                plus = false;
                continue;
            }
            if all_letters {
                // Words like "number" or "رقم" around a number: ignore them,
                // but let them end a number as a label would.
                end_group(&mut scan, &mut current);
                scan.first_letter = scan.first_letter.or(word.chars().next());
                continue;
            }
            if current.text.is_empty() {
                current.plus = plus;
                current.meid_label = meid_label;
            }
            if let Some(odd) = scan.odd_after_digits.take() {
                scan.odd = scan.odd.or(Some(odd));
            }
            if all_digits {
                current.text.push_str(&word);
            } else {
                current
                    .text
                    .extend(word.chars().map(|c| c.to_ascii_uppercase()));
            }
            continue;
        }
        rest = after;
        match separator(c) {
            Some(Gap::Hard) => {
                end_group(&mut scan, &mut current);
                slot_number_may_follow = false;
                plus = false;
            }
            Some(Gap::Soft) => {
                if c == ':' {
                    slot_number_may_follow = false;
                }
            }
            None if c == '+' => {
                end_group(&mut scan, &mut current);
                plus = true;
            }
            None if current.text.is_empty() => {}
            None => scan.odd_after_digits = scan.odd_after_digits.or(Some(c)),
        }
    }
    end_group(&mut scan, &mut current);
    scan
}

fn end_group(scan: &mut Scan, current: &mut Group) {
    scan.odd_after_digits = None;
    let group = std::mem::take(current);
    if !group.text.is_empty() {
        scan.groups.push(group);
    }
}

fn not_a_digit(found: char) -> Reading {
    let looks_like = match found {
        'O' | 'o' | 'D' | 'Q' => Some(0),
        'I' | 'i' | 'l' | 'L' | '|' | '!' => Some(1),
        'Z' | 'z' => Some(2),
        'S' | 's' => Some(5),
        'G' | 'b' => Some(6),
        'B' => Some(8),
        'g' | 'q' => Some(9),
        _ => None,
    };
    Reading::NotADigit { found, looks_like }
}

/// Says what one number is.
fn classify(group: &Group, known_tac: &dyn Fn(Tac) -> bool) -> Reading {
    let text = group.text.as_str();
    if group.has_letters() {
        return classify_with_letters(text);
    }
    let digits: Vec<u8> = text.bytes().map(|b| b - b'0').collect();
    let n = digits.len();
    if let Some(reading) = not_an_imei(group, &digits) {
        return reading;
    }
    if let Some(reason) = placeholder(&digits) {
        return Reading::Placeholder {
            digits: text.to_owned(),
            reason,
        };
    }
    let Some(body) = digits.get(..14).and_then(|d| <[u8; 14]>::try_from(d).ok()) else {
        return Reading::TooShort { digits: n };
    };
    let imei = Imei::completing(body);
    let test_body = imei.reporting_body().is_some_and(|b| b.test);
    let reading = match &digits[14..] {
        [] if group.meid_label || text.starts_with("99") => Reading::Meid {
            meid: text.to_owned(),
            imei: Some(imei),
        },
        [] => Reading::MissingCheckDigit {
            entered: text.to_owned(),
            imei,
        },
        [check] if *check == imei.check_digit() => Reading::Imei(imei),
        [_] => Reading::WrongCheckDigit {
            entered: text.to_owned(),
            expected: imei.check_digit(),
            corrections: corrections(&digits, known_tac),
        },
        [a, b] => Reading::Imeisv {
            imei,
            software_version: a * 10 + b,
        },
        _ => Reading::TooLong { digits: n },
    };
    if test_body && reading.offered_imei().is_some() {
        return Reading::Placeholder {
            digits: text.to_owned(),
            reason: PlaceholderReason::TestReportingBody,
        };
    }
    reading
}

fn classify_with_letters(text: &str) -> Reading {
    let len = text.chars().count();
    let hex = text.chars().all(|c| c.is_ascii_hexdigit());
    // MEIDs are allocated from A0 to FF, so a real one starts with a letter;
    // a 15th character is its check digit.
    if hex && (len == 14 || len == 15) && text.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Reading::Meid {
            meid: text.chars().take(14).collect(),
            imei: None,
        };
    }
    let ascii = text.chars().all(|c| c.is_ascii_alphanumeric());
    let has_digit = text.chars().any(|c| c.is_ascii_digit());
    let has_letter = text.chars().any(|c| c.is_ascii_alphabetic());
    if ascii && has_digit && has_letter && (10..=12).contains(&len) {
        return Reading::SerialNumber {
            text: text.to_owned(),
        };
    }
    let found = text.chars().find(|c| !c.is_ascii_digit()).unwrap_or('?');
    not_a_digit(found)
}

/// Numbers that are something else: SIM and eSIM numbers, phone numbers,
/// long MEIDs.
fn not_an_imei(group: &Group, digits: &[u8]) -> Option<Reading> {
    let text = group.text.as_str();
    let n = digits.len();
    let owned = || text.to_owned();
    if text.starts_with("89") {
        if n == 32 {
            return Some(Reading::Eid { digits: owned() });
        }
        if (18..=22).contains(&n) {
            return Some(Reading::Iccid { digits: owned() });
        }
    }
    if n == 18
        && let Some(reading) = decimal_meid(text)
    {
        return Some(reading);
    }
    let phone = |international| {
        Some(Reading::PhoneNumber {
            digits: owned(),
            international,
        })
    };
    if group.plus && (7..=15).contains(&n) {
        return phone(true);
    }
    // 00 then a country code; a test IMEI also starts 00, so a 15-digit
    // one with a right check digit stays an IMEI.
    if text.starts_with("00") && (10..=15).contains(&n) && !(n == 15 && luhn_valid(digits)) {
        return phone(true);
    }
    let national = text.starts_with('0') && !text.starts_with("00");
    if national && (10..=11).contains(&n) {
        return phone(false);
    }
    if text.starts_with("447") && n == 12 {
        return phone(true);
    }
    None
}

fn luhn_valid(digits: &[u8]) -> bool {
    match <[u8; 15]>::try_from(digits) {
        Ok(all) => luhn_check_digit(&Imei(all).body()) == all[14],
        Err(_) => false,
    }
}

/// The 18-digit decimal form of an MEID: the manufacturer code (32 bits) as
/// 10 digits, then the serial (24 bits) as 8.
fn decimal_meid(text: &str) -> Option<Reading> {
    let maker: u32 = text.get(..10)?.parse().ok()?;
    let serial: u32 = text.get(10..)?.parse().ok()?;
    if serial > 0xFF_FFFF {
        return None;
    }
    let meid = format!("{maker:08X}{serial:06X}");
    let decimal_only = meid.bytes().all(|b| b.is_ascii_digit());
    if !(maker >= 0xA000_0000 || decimal_only) {
        return None;
    }
    let imei = if decimal_only {
        let body: Vec<u8> = meid.bytes().map(|b| b - b'0').collect();
        <[u8; 14]>::try_from(body.as_slice())
            .ok()
            .map(Imei::completing)
    } else {
        None
    };
    Some(Reading::Meid { meid, imei })
}

fn placeholder(digits: &[u8]) -> Option<PlaceholderReason> {
    if !(14..=16).contains(&digits.len()) {
        return None;
    }
    if digits.windows(2).all(|w| w[0] == w[1]) {
        return Some(PlaceholderReason::AllSameDigit);
    }
    let counting = digits
        .iter()
        .enumerate()
        .all(|(i, &d)| usize::from(d) == (i + 1) % 10);
    counting.then_some(PlaceholderReason::CountingSequence)
}

/// Likely fixes for 15 digits with a wrong check digit: one digit changed,
/// or two neighbours swapped. Known TACs first, then swaps (a common slip,
/// and rarer by chance), then the rest left to right; at most three.
fn corrections(digits: &[u8], known_tac: &dyn Fn(Tac) -> bool) -> Vec<Correction> {
    let Ok(typed) = <[u8; 15]>::try_from(digits) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut consider = |candidate: [u8; 15], change: Change| {
        if luhn_valid(&candidate) {
            let imei = Imei(candidate);
            found.push(Correction {
                imei,
                change,
                known_tac: known_tac(imei.tac()),
            });
        }
    };
    for i in 0..14 {
        if typed[i] != typed[i + 1] {
            let mut candidate = typed;
            candidate.swap(i, i + 1);
            consider(candidate, Change::Swap { position: i + 1 });
        }
    }
    for i in 0..15 {
        for to in 0..10 {
            if to != typed[i] {
                let mut candidate = typed;
                candidate[i] = to;
                let change = Change::Digit {
                    position: i + 1,
                    from: typed[i],
                    to,
                };
                consider(candidate, change);
            }
        }
    }
    // Known TACs first; a stable partition keeps swaps before digit changes
    // within each group.
    let (known, unknown): (Vec<Correction>, Vec<Correction>) =
        found.into_iter().partition(|c| c.known_tac);
    known.into_iter().chain(unknown).take(3).collect()
}

// ---------------------------------------------------------------------------
// Pairs

/// What two IMEIs from one phone say together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PairCheck {
    Fine,
    /// IMEI 2 is IMEI 1 again: an error, the second was probably copied
    /// from the same line.
    Same,
    /// The TACs name different makers: a warning, one may be from another
    /// phone.
    DifferentMakers {
        first: String,
        second: String,
    },
}

/// Checks the two IMEIs of a dual-SIM phone. `maker_of` looks up the maker
/// of a TAC; unknown TACs give no warning.
pub fn check_pair<M: AsRef<str>>(
    first: &Imei,
    second: &Imei,
    maker_of: impl Fn(Tac) -> Option<M>,
) -> PairCheck {
    if first == second {
        return PairCheck::Same;
    }
    match (maker_of(first.tac()), maker_of(second.tac())) {
        (Some(a), Some(b)) if !super::make::same_maker(a.as_ref(), b.as_ref()) => {
            PairCheck::DifferentMakers {
                first: a.as_ref().to_owned(),
                second: b.as_ref().to_owned(),
            }
        }
        _ => PairCheck::Fine,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_a_valid_imei_typed_with_spaces() {
        let imei = parse("35-209900 176148 1").unwrap();
        assert_eq!(imei.to_string(), "352099001761481");
        assert_eq!(imei.tac().to_string(), "35209900");
        assert_eq!(imei.serial(), "176148");
        assert_eq!(imei.check_digit(), 1);
    }

    #[test]
    fn names_the_right_check_digit_when_one_is_wrong() {
        assert_eq!(
            parse("352099001761482"),
            Err(ImeiError::WrongCheckDigit { expected: 1 })
        );
    }

    #[test]
    fn counts_the_digits_when_too_few_or_too_many() {
        assert_eq!(parse(""), Err(ImeiError::Empty));
        assert_eq!(parse("  "), Err(ImeiError::Empty));
        assert_eq!(
            parse("3520990017614"),
            Err(ImeiError::TooShort { digits: 13 })
        );
        assert_eq!(
            parse("35209900176148112"),
            Err(ImeiError::TooLong { digits: 17 })
        );
    }

    #[test]
    fn reads_other_scripts_and_labels_as_the_live_check_does() {
        let expected = parse("352099001761481");
        assert!(expected.is_ok());
        for typed in [
            "٣٥٢٠٩٩٠٠١٧٦١٤٨١",
            "IMEI: 35 209900 176148 1",
            "IMEI 1 352099001761481",
        ] {
            assert_eq!(parse(typed), expected, "{typed}");
        }
    }

    #[test]
    fn names_the_first_character_that_is_not_a_digit() {
        assert_eq!(parse("35209900176148O"), Err(ImeiError::NotADigit('O')));
    }

    const VALID: &str = "352099001761481";

    fn no_tacs(_: Tac) -> bool {
        false
    }

    fn one(input: &str) -> Reading {
        match examine(input, no_tacs).found {
            Found::One(reading) => reading,
            other => panic!("{input:?} gave {other:?}"),
        }
    }

    fn two(input: &str) -> (Reading, Reading) {
        match examine(input, no_tacs).found {
            Found::Two(a, b) => (a, b),
            other => panic!("{input:?} gave {other:?}"),
        }
    }

    fn imei(text: &str) -> Imei {
        parse(text).unwrap()
    }

    #[test]
    fn reads_an_imei_however_it_was_pasted() {
        let inputs = [
            "352099001761481",
            " 35 209900 176148 1 ",
            "35-209900-176148-1",
            "35.209900.176148.1",
            "35/209900/176148/1",
            "IMEI: 35 209900 176148 1",
            "IMEI 35209900 176148 1",
            "imei:352099001761481\n",
            "IMEI 1: 352099001761481",
            "IMEI1 352099001761481",
            "IMEI (slot 2): 35 209900 176148 1",
            "IMEI2:\r\n352099001761481",
            "IMEI number is 352099001761481",
            "Mon IMEI : 35 209900 176148 1",
            "\u{200F}352099001761481\u{200E}",
            "35\u{00A0}209900\u{00A0}176148\u{00A0}1",
            "35–209900–176148–1",
        ];
        for input in inputs {
            assert_eq!(one(input), Reading::Imei(imei(VALID)), "{input:?}");
        }
    }

    #[test]
    fn reads_digits_from_other_scripts() {
        let inputs = [
            "٣٥٢٠٩٩٠٠١٧٦١٤٨١",                // Arabic-Indic
            "۳۵۲۰۹۹۰۰۱۷۶۱۴۸۱",                // Persian
            "৩৫২০৯৯০০১৭৬১৪৮১",                // Bengali
            "३५२०९९००१७६१४८१",                // Devanagari
            "３５２０９９００１７６１４８１", // full-width
            "ＩＭＥＩ：３５２０９９００１７６１４８１",
            "رقم IMEI: ٣٥ ٢٠٩٩٠٠ ١٧٦١٤٨ ١",
        ];
        for input in inputs {
            assert_eq!(one(input), Reading::Imei(imei(VALID)), "{input:?}");
        }
    }

    #[test]
    fn gives_the_parts_and_reporting_body_of_an_imei() {
        let imei = imei(VALID);
        assert_eq!(imei.tac().to_string(), "35209900");
        assert_eq!(imei.serial(), "176148");
        assert_eq!(imei.check_digit(), 1);
        let body = imei.reporting_body().unwrap();
        assert_eq!(body.name, "TÜV SÜD (BABT), United Kingdom");
        assert!(body.allocating && !body.test);
        assert_eq!(reporting_body(4).map(|b| b.test), Some(true));
        assert_eq!(reporting_body(44).map(|b| b.allocating), Some(false));
        assert_eq!(reporting_body(12), None);
    }

    #[test]
    fn finds_nothing_in_blank_text_or_bare_labels() {
        for input in ["", "   ", "\n\t", "IMEI:", "IMEI 1 / IMEI 2"] {
            assert_eq!(examine(input, no_tacs).found, Found::Nothing, "{input:?}");
        }
    }

    #[test]
    fn keeps_the_text_as_given() {
        let text = " IMEI: 35 209900 176148 1\n";
        assert_eq!(examine(text, no_tacs).input, text);
    }

    #[test]
    fn completes_fourteen_digits_with_the_check_digit() {
        assert_eq!(
            one("35 209900 176148"),
            Reading::MissingCheckDigit {
                entered: "35209900176148".into(),
                imei: imei(VALID),
            }
        );
    }

    #[test]
    fn splits_an_imeisv_into_imei_and_software_version() {
        assert_eq!(
            one("IMEISV: 35 209900 176148 23"),
            Reading::Imeisv {
                imei: imei(VALID),
                software_version: 23,
            }
        );
        assert_eq!(
            one("3520990017614801"),
            Reading::Imeisv {
                imei: imei(VALID),
                software_version: 1,
            }
        );
    }

    #[test]
    fn offers_corrections_for_a_wrong_check_digit() {
        let Reading::WrongCheckDigit {
            entered,
            expected,
            corrections,
        } = one("352099001761482")
        else {
            panic!("not a wrong check digit");
        };
        assert_eq!(entered, "352099001761482");
        assert_eq!(expected, 1);
        assert!(!corrections.is_empty() && corrections.len() <= 3);
        for c in &corrections {
            assert!(parse(&c.imei.to_string()).is_ok());
        }
    }

    #[test]
    fn finds_a_swap_of_two_neighbours() {
        // 3520990017614 8 1 with the 9th and 10th digits swapped.
        let Reading::WrongCheckDigit { corrections, .. } = one("352099007161481") else {
            panic!("not a wrong check digit");
        };
        assert!(corrections.contains(&Correction {
            imei: imei(VALID),
            change: Change::Swap { position: 9 },
            known_tac: false,
        }));
    }

    #[test]
    fn ranks_corrections_with_a_known_tac_first() {
        // The 3rd digit mistyped inside the TAC: 35 becomes 35 3...
        let typo = "353099001761481";
        let known = |tac: Tac| tac.code() == 35_209_900;
        let Found::One(Reading::WrongCheckDigit { corrections, .. }) = examine(typo, known).found
        else {
            panic!("not a wrong check digit");
        };
        assert_eq!(
            corrections.first(),
            Some(&Correction {
                imei: imei(VALID),
                change: Change::Digit {
                    position: 3,
                    from: 3,
                    to: 2
                },
                known_tac: true,
            })
        );
    }

    #[test]
    fn counts_digits_when_too_few_or_too_many() {
        assert_eq!(one("35 2099 0017"), Reading::TooShort { digits: 10 });
        assert_eq!(one("3520990017614812345"), Reading::TooLong { digits: 19 });
    }

    #[test]
    fn names_a_letter_inside_the_number() {
        assert_eq!(
            one("35209900176148O"),
            Reading::NotADigit {
                found: 'O',
                looks_like: Some(0)
            }
        );
        assert_eq!(
            one("35 2099OO 176148 1"),
            Reading::NotADigit {
                found: 'O',
                looks_like: Some(0)
            }
        );
        assert_eq!(
            one("352099001761481l"),
            Reading::NotADigit {
                found: 'L',
                looks_like: Some(1)
            }
        );
        assert_eq!(
            one("35209900€176148"),
            Reading::NotADigit {
                found: '€',
                looks_like: None
            }
        );
        assert_eq!(
            one("not sure"),
            Reading::NotADigit {
                found: 'n',
                looks_like: None
            }
        );
    }

    #[test]
    fn splits_two_imeis_pasted_together() {
        let second = "352099001761499";
        let expected = (Reading::Imei(imei(VALID)), Reading::Imei(imei(second)));
        let inputs = [
            "IMEI1: 352099001761481 IMEI2: 352099001761499",
            "IMEI 1: 35 209900 176148 1\nIMEI 2: 35 209900 176149 9",
            "352099001761481\n352099001761499",
            "352099001761481352099001761499",
            "352099001761481 352099001761499",
            "352099001761481, 352099001761499",
            "IMEI1/IMEI2: 352099001761481/352099001761499",
            "IMEI (slot 1) 352099001761481 IMEI (slot 2) 352099001761499",
        ];
        for input in inputs {
            assert_eq!(two(input), expected, "{input:?}");
        }
    }

    #[test]
    fn reads_a_copied_about_screen_with_two_imeis_and_an_meid() {
        let about = "IMEI 35 209900 176148 1\nIMEI2 35 209900 176149 9\nMEID 35 209900 176148";
        let (first, second) = two(about);
        assert_eq!(first, Reading::Imei(imei(VALID)));
        assert_eq!(second, Reading::Imei(imei("352099001761499")));
    }

    #[test]
    fn says_when_there_are_too_many_numbers() {
        assert_eq!(
            examine("352099001761481\n352099001761499\n352099001761507", no_tacs).found,
            Found::TooMany { count: 3 }
        );
    }

    #[test]
    fn recognises_an_esim_eid() {
        let eid = "89049032000000000000000000000123";
        assert_eq!(
            one("EID: 8904 9032 0000 0000 0000 0000 0000 0123"),
            Reading::Eid { digits: eid.into() }
        );
    }

    #[test]
    fn recognises_a_sim_card_number() {
        for iccid in [
            "894400000000000000",
            "8944110068256270054",
            "89441000303139781234",
        ] {
            assert_eq!(
                one(iccid),
                Reading::Iccid {
                    digits: iccid.into()
                }
            );
        }
    }

    #[test]
    fn recognises_phone_numbers() {
        let cases = [
            ("07700 900123", "07700900123", false),
            ("07700900123", "07700900123", false),
            ("020 7946 0018", "02079460018", false),
            ("+44 7700 900123", "447700900123", true),
            ("+447700900123", "447700900123", true),
            ("0044 7700 900123", "00447700900123", true),
            ("447700900123", "447700900123", true),
            ("+1 (202) 555-0142", "12025550142", true),
        ];
        for (input, digits, international) in cases {
            assert_eq!(
                one(input),
                Reading::PhoneNumber {
                    digits: digits.into(),
                    international
                },
                "{input:?}"
            );
        }
    }

    #[test]
    fn recognises_a_serial_number() {
        for serial in ["F2LZK1ABCD12", "C02XL0GRJG5H", "HXKW4J9P7Q", "R58N12ABCDE"] {
            assert_eq!(
                one(&format!("Serial number: {serial}")),
                Reading::SerialNumber {
                    text: serial.into()
                },
                "{serial}"
            );
        }
        assert_eq!(
            one("f2lzk1abcd12"),
            Reading::SerialNumber {
                text: "F2LZK1ABCD12".into()
            }
        );
    }

    #[test]
    fn recognises_an_meid() {
        assert_eq!(
            one("MEID: A1 000012 345678"),
            Reading::Meid {
                meid: "A1000012345678".into(),
                imei: None
            }
        );
        assert_eq!(
            one("a10000123456784"),
            Reading::Meid {
                meid: "A1000012345678".into(),
                imei: None
            }
        );
        // An iPhone shows the MEID as the IMEI without its check digit.
        assert_eq!(
            one("MEID 35 209900 176148"),
            Reading::Meid {
                meid: "35209900176148".into(),
                imei: Some(imei(VALID))
            }
        );
        let gha = "99000512345678";
        let Reading::Meid { meid, imei } = one(gha) else {
            panic!("not an MEID");
        };
        assert_eq!(meid, gha);
        assert_eq!(imei.map(|i| i.tac().to_string()), Some("99000512".into()));
        // The decimal form: A1000012 and 345678 as 10 and 8 digits.
        assert_eq!(
            one("MEID DEC: 270113179403430008"),
            Reading::Meid {
                meid: "A1000012345678".into(),
                imei: None
            }
        );
    }

    #[test]
    fn recognises_test_and_made_up_numbers() {
        let cases = [
            ("000000000000000", PlaceholderReason::AllSameDigit),
            ("111111111111111", PlaceholderReason::AllSameDigit),
            ("99999999999999", PlaceholderReason::AllSameDigit),
            ("123456789012345", PlaceholderReason::CountingSequence),
            ("12345678901234", PlaceholderReason::CountingSequence),
            ("001017000000003", PlaceholderReason::TestReportingBody),
            ("04 123456 789012", PlaceholderReason::TestReportingBody),
        ];
        for (input, reason) in cases {
            let Reading::Placeholder { reason: found, .. } = one(input) else {
                panic!("{input:?} is not a placeholder: {:?}", one(input));
            };
            assert_eq!(found, reason, "{input:?}");
        }
    }

    #[test]
    fn recognises_the_code_that_shows_the_imei() {
        assert_eq!(one("*#06#"), Reading::ShowImeiCode);
        assert_eq!(one(" * # 0 6 # "), Reading::ShowImeiCode);
    }

    #[test]
    fn a_second_imei_equal_to_the_first_is_an_error() {
        let a = imei(VALID);
        assert_eq!(check_pair(&a, &a, |_| None::<&str>), PairCheck::Same);
    }

    #[test]
    fn imeis_from_different_makers_give_a_warning() {
        let a = imei(VALID);
        let b = imei("490154203237518");
        let maker = |tac: Tac| match tac.code() {
            35_209_900 => Some("Apple Inc"),
            49_015_420 => Some("Samsung"),
            _ => None,
        };
        assert_eq!(
            check_pair(&a, &b, maker),
            PairCheck::DifferentMakers {
                first: "Apple Inc".into(),
                second: "Samsung".into()
            }
        );
        let same_maker = |tac: Tac| match tac.code() {
            35_209_900 => Some("Apple Inc"),
            _ => Some("Apple"),
        };
        assert_eq!(check_pair(&a, &b, same_maker), PairCheck::Fine);
        assert_eq!(check_pair(&a, &b, |_| None::<String>), PairCheck::Fine);
    }
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn text_of(digits: &[u8]) -> String {
        digits_to_string(digits)
    }

    proptest! {
        #[test]
        fn a_computed_check_digit_always_validates(body in prop::array::uniform14(0u8..10)) {
            let check = luhn_check_digit(&body);
            let text: String = body.iter().chain([&check]).map(|&d| char::from(b'0' + d)).collect();
            prop_assert!(parse(&text).is_ok());
        }

        #[test]
        fn every_single_digit_substitution_is_caught(
            body in prop::array::uniform14(0u8..10),
            position in 0usize..15,
            shift in 1u8..10,
        ) {
            let mut all = Imei::completing(body).0;
            all[position] = (all[position] + shift) % 10;
            prop_assert!(parse(&text_of(&all)).is_err());
        }

        #[test]
        fn every_adjacent_swap_but_zero_nine_is_caught(
            body in prop::array::uniform14(0u8..10),
            position in 0usize..14,
        ) {
            let mut all = Imei::completing(body).0;
            let (a, b) = (all[position], all[position + 1]);
            prop_assume!(a != b && !matches!((a, b), (0, 9) | (9, 0)));
            all.swap(position, position + 1);
            prop_assert!(parse(&text_of(&all)).is_err());
        }

        #[test]
        fn corrections_always_validate(digits in prop::array::uniform15(0u8..10)) {
            if let Found::One(Reading::WrongCheckDigit { corrections, .. }) =
                examine(&text_of(&digits), |_| false).found
            {
                prop_assert!(corrections.len() <= 3);
                for c in corrections {
                    prop_assert!(parse(&c.imei.to_string()).is_ok());
                }
            }
        }

        #[test]
        fn any_text_gives_a_result_and_never_panics(text in any::<String>()) {
            let _ = parse(&text);
            let examined = examine(&text, |tac| tac.to_string().starts_with('3'));
            prop_assert_eq!(examined.input, text);
        }

        #[test]
        fn any_mix_of_digits_labels_and_separators_never_panics(
            text in "[0-9٠-٩０-９ IMEimeSVslot:()/\\-+.,\n#*A-F]{0,80}"
        ) {
            let _ = examine(&text, |_| true);
        }
    }
}

//! The TAC table: Type Allocation Code (the first 8 digits of an IMEI) to
//! maker and model.
//!
//! The table is imported at build time from an Osmocom TAC database export
//! (CC-BY-SA 3.0, (c) Harald Welte 2016) and shipped as a compact binary
//! that `TacTable::from_bytes` reads. It mostly covers older handsets: a TAC
//! that is not found means "model unknown", never "invalid IMEI".
//!
//! Binary format, version 1 (all integers little-endian):
//!
//! ```text
//! offset  size   field
//! 0       4      magic "TACT"
//! 4       2      version (1)
//! 6       1      index width W in bytes (2 or 4)
//! 7       1      reserved (0)
//! 8       4      N: number of TACs
//! 12      4      S: number of strings
//! 16      4      B: bytes of string data
//! 20      4      attribution: index of the string crediting the source
//! 24      4*N    TACs, strictly ascending, each below 100 000 000
//! ...     2W*N   per TAC: maker string index, model string index
//! ...     4*S    end offset of each string in the string data
//! ...     B      string data, UTF-8, strings back to back
//! ```

use std::collections::HashMap;
use std::fmt;

use super::imei::Imei;

const MAGIC: &[u8; 4] = b"TACT";
const VERSION: u16 = 1;
const HEADER_LEN: usize = 24;

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

    pub fn of(imei: &Imei) -> Tac {
        // An IMEI's TAC is always 8 digits.
        Tac::parse(&imei.tac()).unwrap_or(Tac(0))
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

/// What a TAC names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Model<'a> {
    pub maker: &'a str,
    pub model: &'a str,
}

/// One row to encode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TacRow {
    pub tac: Tac,
    pub maker: String,
    pub model: String,
}

/// A decoded table, checked once so that lookups cannot fail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TacTable {
    tacs: Vec<u32>,
    /// Per TAC: maker and model string indices.
    names: Vec<(u32, u32)>,
    strings: String,
    /// End offset of each string in `strings`.
    ends: Vec<u32>,
    attribution: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TacTableError {
    TooShort,
    NotATacTable,
    UnsupportedVersion(u16),
    BadIndexWidth(u8),
    /// The counts in the header do not match the length of the data.
    WrongLength {
        expected: u64,
        actual: u64,
    },
    TacsOutOfOrder,
    TacTooLarge,
    StringIndexOutOfRange,
    BadStringOffsets,
    NotUtf8,
}

impl fmt::Display for TacTableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a usable TAC table: ")?;
        match self {
            TacTableError::TooShort => f.write_str("the file is cut short"),
            TacTableError::NotATacTable => f.write_str("the file does not start like one"),
            TacTableError::UnsupportedVersion(v) => write!(f, "format version {v} is not known"),
            TacTableError::BadIndexWidth(w) => write!(f, "index width {w} is not 2 or 4"),
            TacTableError::WrongLength { expected, actual } => {
                write!(
                    f,
                    "the header says {expected} bytes but the file has {actual}"
                )
            }
            TacTableError::TacsOutOfOrder => f.write_str("the TACs are not in rising order"),
            TacTableError::TacTooLarge => f.write_str("a TAC has more than 8 digits"),
            TacTableError::StringIndexOutOfRange => f.write_str("a name points past the name list"),
            TacTableError::BadStringOffsets => {
                f.write_str("the name list's offsets are not in order")
            }
            TacTableError::NotUtf8 => f.write_str("a name is not UTF-8"),
        }
    }
}

impl std::error::Error for TacTableError {}

/// Reads little-endian integers from the front of a slice.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], TacTableError> {
        if self.0.len() < n {
            return Err(TacTableError::TooShort);
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Ok(head)
    }

    fn u8(&mut self) -> Result<u8, TacTableError> {
        Ok(self.take(1)?.first().copied().unwrap_or(0))
    }

    fn u16(&mut self) -> Result<u16, TacTableError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes(b.try_into().unwrap_or([0; 2])))
    }

    fn u32(&mut self) -> Result<u32, TacTableError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes(b.try_into().unwrap_or([0; 4])))
    }

    fn index(&mut self, width: u8) -> Result<u32, TacTableError> {
        match width {
            2 => self.u16().map(u32::from),
            _ => self.u32(),
        }
    }
}

impl TacTable {
    /// Decodes and checks a table. Any truncated or corrupt data gives an
    /// error, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<TacTable, TacTableError> {
        let mut r = Reader(bytes);
        if bytes.len() < HEADER_LEN {
            return Err(TacTableError::TooShort);
        }
        if r.take(4)? != MAGIC {
            return Err(TacTableError::NotATacTable);
        }
        let version = r.u16()?;
        if version != VERSION {
            return Err(TacTableError::UnsupportedVersion(version));
        }
        let width = r.u8()?;
        if width != 2 && width != 4 {
            return Err(TacTableError::BadIndexWidth(width));
        }
        let _reserved = r.u8()?;
        let tac_count = u64::from(r.u32()?);
        let string_count = u64::from(r.u32()?);
        let string_bytes = u64::from(r.u32()?);
        let attribution = r.u32()?;
        // In u64 these cannot overflow: each count is below 2^32.
        let expected = HEADER_LEN as u64
            + tac_count * (4 + 2 * u64::from(width))
            + string_count * 4
            + string_bytes;
        let actual = bytes.len() as u64;
        if expected != actual {
            return Err(TacTableError::WrongLength { expected, actual });
        }
        // The lengths match, so every count below fits in memory.
        let tac_count = tac_count as usize;
        let string_count = string_count as usize;

        let mut tacs = Vec::with_capacity(tac_count);
        for _ in 0..tac_count {
            let tac = r.u32()?;
            if tac >= 100_000_000 {
                return Err(TacTableError::TacTooLarge);
            }
            if tacs.last().is_some_and(|&last| last >= tac) {
                return Err(TacTableError::TacsOutOfOrder);
            }
            tacs.push(tac);
        }
        let in_range = |i: u32| (i as usize) < string_count;
        let mut names = Vec::with_capacity(tac_count);
        for _ in 0..tac_count {
            let maker = r.index(width)?;
            let model = r.index(width)?;
            if !in_range(maker) || !in_range(model) {
                return Err(TacTableError::StringIndexOutOfRange);
            }
            names.push((maker, model));
        }
        if !in_range(attribution) {
            return Err(TacTableError::StringIndexOutOfRange);
        }
        let mut ends = Vec::with_capacity(string_count);
        for _ in 0..string_count {
            let end = r.u32()?;
            if ends.last().is_some_and(|&last| last > end) || u64::from(end) > string_bytes {
                return Err(TacTableError::BadStringOffsets);
            }
            ends.push(end);
        }
        if ends
            .last()
            .is_some_and(|&last| u64::from(last) != string_bytes)
        {
            return Err(TacTableError::BadStringOffsets);
        }
        let strings = String::from_utf8(r.0.to_vec()).map_err(|_| TacTableError::NotUtf8)?;
        let mut start = 0;
        for &end in &ends {
            if strings.get(start..end as usize).is_none() {
                return Err(TacTableError::NotUtf8);
            }
            start = end as usize;
        }
        Ok(TacTable {
            tacs,
            names,
            strings,
            ends,
            attribution,
        })
    }

    pub fn lookup(&self, tac: Tac) -> Option<Model<'_>> {
        let i = self.tacs.binary_search(&tac.0).ok()?;
        let &(maker, model) = self.names.get(i)?;
        Some(Model {
            maker: self.string(maker),
            model: self.string(model),
        })
    }

    /// Looks up a TAC given as 8 digits; anything else finds nothing.
    pub fn lookup_str(&self, tac: &str) -> Option<Model<'_>> {
        self.lookup(Tac::parse(tac)?)
    }

    pub fn contains(&self, tac: &str) -> bool {
        self.lookup_str(tac).is_some()
    }

    pub fn len(&self) -> usize {
        self.tacs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tacs.is_empty()
    }

    /// The credit line of the source, to show in the app.
    pub fn attribution(&self) -> &str {
        self.string(self.attribution)
    }

    fn string(&self, index: u32) -> &str {
        let index = index as usize;
        let start = match index.checked_sub(1) {
            Some(before) => self.ends.get(before).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(index).copied().unwrap_or(start);
        self.strings
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }
}

/// Encodes rows into the binary format. Rows are sorted by TAC; where a TAC
/// repeats, the first row wins. `attribution` credits the source.
pub fn encode(rows: &[TacRow], attribution: &str) -> Vec<u8> {
    let mut sorted: Vec<&TacRow> = rows.iter().collect();
    sorted.sort_by_key(|row| row.tac); // stable: the first of equal TACs stays first
    sorted.dedup_by_key(|row| row.tac);

    let mut strings: Vec<&str> = Vec::new();
    let mut index_of: HashMap<&str, u32> = HashMap::new();
    let attribution_index = intern(attribution, &mut strings, &mut index_of);
    let names: Vec<(u32, u32)> = sorted
        .iter()
        .map(|row| {
            let maker = intern(&row.maker, &mut strings, &mut index_of);
            let model = intern(&row.model, &mut strings, &mut index_of);
            (maker, model)
        })
        .collect();
    let width: u8 = if strings.len() <= usize::from(u16::MAX) + 1 {
        2
    } else {
        4
    };
    let string_bytes: usize = strings.iter().map(|s| s.len()).sum();

    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.push(width);
    out.push(0);
    for count in [sorted.len(), strings.len(), string_bytes] {
        out.extend_from_slice(&(count as u32).to_le_bytes());
    }
    out.extend_from_slice(&attribution_index.to_le_bytes());
    for row in &sorted {
        out.extend_from_slice(&row.tac.0.to_le_bytes());
    }
    for (maker, model) in names {
        for index in [maker, model] {
            match width {
                2 => out.extend_from_slice(&(index as u16).to_le_bytes()),
                _ => out.extend_from_slice(&index.to_le_bytes()),
            }
        }
    }
    let mut end = 0u32;
    for s in &strings {
        end += s.len() as u32;
        out.extend_from_slice(&end.to_le_bytes());
    }
    for s in &strings {
        out.extend_from_slice(s.as_bytes());
    }
    out
}

/// The index of `s` in `strings`, adding it the first time: each string is
/// stored once.
fn intern<'a>(s: &'a str, strings: &mut Vec<&'a str>, index_of: &mut HashMap<&'a str, u32>) -> u32 {
    *index_of.entry(s).or_insert_with(|| {
        strings.push(s);
        (strings.len() - 1) as u32
    })
}

// ---------------------------------------------------------------------------
// Reading an Osmocom export

/// What reading an export found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OsmocomImport {
    /// The licence line at the top of the export, to credit the source.
    pub licence: String,
    /// One row per TAC, in file order.
    pub rows: Vec<TacRow>,
    /// Rows whose TAC is not exactly 8 digits.
    pub bad_tacs: usize,
    /// Later rows for a TAC already seen (the first is kept).
    pub duplicates: usize,
    /// Rows with neither maker nor model.
    pub unnamed: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OsmocomError {
    /// Neither of the first two lines is the `tac,name,name,...` header.
    MissingHeader,
}

impl fmt::Display for OsmocomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an Osmocom TAC export: no `tac,name,name,...` header line")
    }
}

impl std::error::Error for OsmocomError {}

/// Reads the Osmocom TAC database CSV export: a licence line, the header
/// `tac,name,name,contributor,comment,gsmarena,gsmarena,aka`, then one row
/// per TAC (the first `name` is the maker, the second the model).
pub fn read_osmocom_csv(text: &str) -> Result<OsmocomImport, OsmocomError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let records = csv_records(text);
    let is_header = |r: &Vec<String>| {
        r.first().is_some_and(|f| f.eq_ignore_ascii_case("tac"))
            && r.get(1).is_some_and(|f| f.eq_ignore_ascii_case("name"))
    };
    let mut records = records.into_iter().filter(|r| !is_blank(r));
    let first = records.next().ok_or(OsmocomError::MissingHeader)?;
    let licence = if is_header(&first) {
        String::new()
    } else {
        match records.next() {
            Some(second) if is_header(&second) => text
                .lines()
                .map(str::trim)
                .find(|line| !line.is_empty())
                .unwrap_or_default()
                .to_owned(),
            _ => return Err(OsmocomError::MissingHeader),
        }
    };
    let mut import = OsmocomImport {
        licence,
        ..OsmocomImport::default()
    };
    let mut seen = std::collections::HashSet::new();
    for record in records {
        let field = |i: usize| record.get(i).map(String::as_str).unwrap_or("");
        let Some(tac) = Tac::parse(field(0)) else {
            import.bad_tacs += 1;
            continue;
        };
        let (maker, model) = (field(1), field(2));
        if maker.is_empty() && model.is_empty() {
            import.unnamed += 1;
            continue;
        }
        if !seen.insert(tac) {
            import.duplicates += 1;
            continue;
        }
        import.rows.push(TacRow {
            tac,
            maker: maker.to_owned(),
            model: model.to_owned(),
        });
    }
    Ok(import)
}

fn is_blank(record: &[String]) -> bool {
    record.iter().all(|f| f.is_empty())
}

/// Splits CSV text into records of trimmed fields. Quoted fields may hold
/// commas, line breaks and doubled quotes; spaces around a field go.
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                other => field.push(other),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            ',' => record.push(finish(&mut field)),
            '\n' => {
                record.push(finish(&mut field));
                records.push(std::mem::take(&mut record));
            }
            '\r' => {}
            other => field.push(other),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(finish(&mut field));
        records.push(record);
    }
    records
}

fn finish(field: &mut String) -> String {
    let done = field.trim().to_owned();
    field.clear();
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = include_str!("../../../tests/fixtures/invented_tac_export.csv");

    fn fixture_table() -> TacTable {
        let import = read_osmocom_csv(FIXTURE).unwrap();
        TacTable::from_bytes(&encode(&import.rows, &import.licence)).unwrap()
    }

    #[test]
    fn reads_the_export_and_counts_what_it_skipped() {
        let import = read_osmocom_csv(FIXTURE).unwrap();
        assert_eq!(
            import.licence,
            "Example TAC list for tests: invented makers and models, not real data"
        );
        assert_eq!(import.rows.len(), 8);
        assert_eq!(import.bad_tacs, 3);
        assert_eq!(import.duplicates, 1);
        assert_eq!(import.unnamed, 1);
    }

    #[test]
    fn handles_spaces_quotes_commas_and_line_breaks() {
        let table = fixture_table();
        let model = |tac| table.lookup_str(tac).map(|m| (m.maker, m.model));
        assert_eq!(model("35876543"), Some(("Globex Mobile", "Hank 5G")));
        assert_eq!(model("49015420"), Some(("Initech", "Stapler, Red Edition")));
        assert_eq!(
            model("01234567"),
            Some(("Initech", "The \"Swingline\" Mini"))
        );
        assert_eq!(model("99000512"), Some(("Cyberdyne", "T-800\nHandset")));
        assert_eq!(model("35111111"), Some(("Ünicode Telefon", "Ça Marche")));
    }

    #[test]
    fn keeps_the_first_row_of_a_repeated_tac() {
        let table = fixture_table();
        assert_eq!(
            table.lookup_str("86123456").map(|m| m.model),
            Some("Hive One")
        );
    }

    #[test]
    fn finds_nothing_for_unknown_or_malformed_tacs() {
        let table = fixture_table();
        for tac in [
            "35209902",
            "3520990",
            "352099001",
            "ABCDEFGH",
            "",
            "3520990O",
        ] {
            assert_eq!(table.lookup_str(tac), None, "{tac:?}");
        }
    }

    #[test]
    fn looks_up_the_tac_of_an_imei() {
        let table = fixture_table();
        let imei = crate::device::imei::parse("352099001761481").unwrap();
        assert_eq!(
            table.lookup(Tac::of(&imei)),
            Some(Model {
                maker: "Acme Phones",
                model: "Roadrunner 3"
            })
        );
    }

    #[test]
    fn stores_each_name_once_and_credits_the_source() {
        let table = fixture_table();
        assert_eq!(table.len(), 8);
        assert!(table.attribution().starts_with("Example TAC list"));
        let bytes = encode(&read_osmocom_csv(FIXTURE).unwrap().rows, "");
        assert_eq!(bytes.get(6), Some(&2), "two-byte indices for a small table");
    }

    #[test]
    fn accepts_an_export_without_the_licence_line() {
        let text = "tac,name,name\n35209900,Acme Phones,Roadrunner 3\n";
        let import = read_osmocom_csv(text).unwrap();
        assert_eq!(import.licence, "");
        assert_eq!(import.rows.len(), 1);
    }

    #[test]
    fn rejects_text_that_is_not_an_export() {
        for text in ["", "hello\nworld\n", "35209900,Acme,Phone\n"] {
            assert_eq!(read_osmocom_csv(text), Err(OsmocomError::MissingHeader));
        }
    }

    #[test]
    fn rejects_truncated_or_corrupt_tables() {
        let bytes = encode(&read_osmocom_csv(FIXTURE).unwrap().rows, "credit");
        assert!(TacTable::from_bytes(&bytes).is_ok());
        for len in 0..bytes.len() {
            assert!(TacTable::from_bytes(&bytes[..len]).is_err(), "cut at {len}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(TacTable::from_bytes(&longer).is_err());
        let mut wrong_magic = bytes.clone();
        wrong_magic[0] = b'X';
        assert_eq!(
            TacTable::from_bytes(&wrong_magic),
            Err(TacTableError::NotATacTable)
        );
        let mut future = bytes.clone();
        future[4] = 2;
        assert_eq!(
            TacTable::from_bytes(&future),
            Err(TacTableError::UnsupportedVersion(2))
        );
        // Swap the first two TACs so they are out of order.
        let mut unsorted = bytes.clone();
        let (first, second) = (HEADER_LEN..HEADER_LEN + 4, HEADER_LEN + 4..HEADER_LEN + 8);
        let a: Vec<u8> = unsorted[first.clone()].to_vec();
        let b: Vec<u8> = unsorted[second.clone()].to_vec();
        unsorted[first].copy_from_slice(&b);
        unsorted[second].copy_from_slice(&a);
        assert_eq!(
            TacTable::from_bytes(&unsorted),
            Err(TacTableError::TacsOutOfOrder)
        );
    }

    #[test]
    fn an_empty_table_finds_nothing() {
        let table = TacTable::from_bytes(&encode(&[], "")).unwrap();
        assert!(table.is_empty());
        assert_eq!(table.lookup_str("35209900"), None);
    }

    #[test]
    fn uses_four_byte_indices_when_there_are_many_names() {
        let rows: Vec<TacRow> = (0..40_000)
            .filter_map(|i| {
                Some(TacRow {
                    tac: Tac::new(i)?,
                    maker: format!("Maker {i}"),
                    model: format!("Model {i}"),
                })
            })
            .collect();
        let bytes = encode(&rows, "");
        assert_eq!(bytes.get(6), Some(&4));
        let table = TacTable::from_bytes(&bytes).unwrap();
        assert_eq!(
            table.lookup(Tac(39_999)).map(|m| m.model),
            Some("Model 39999")
        );
    }
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn rows() -> impl Strategy<Value = Vec<TacRow>> {
        prop::collection::vec(
            (0u32..100_000_000, "[A-Za-z ]{0,8}", any::<String>()),
            0..60,
        )
        .prop_map(|rows| {
            rows.into_iter()
                .filter_map(|(tac, maker, model)| {
                    Some(TacRow {
                        tac: Tac::new(tac)?,
                        maker,
                        model,
                    })
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn encode_then_decode_gives_back_every_row(rows in rows(), credit in any::<String>()) {
            let table = TacTable::from_bytes(&encode(&rows, &credit)).unwrap();
            prop_assert_eq!(table.attribution(), credit.as_str());
            let mut first_of = std::collections::BTreeMap::new();
            for row in &rows {
                first_of.entry(row.tac).or_insert(row);
            }
            prop_assert_eq!(table.len(), first_of.len());
            for (tac, row) in first_of {
                let found = table.lookup(tac).unwrap();
                prop_assert_eq!(found.maker, row.maker.as_str());
                prop_assert_eq!(found.model, row.model.as_str());
            }
        }

        #[test]
        fn any_bytes_give_a_table_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
            if let Ok(table) = TacTable::from_bytes(&bytes) {
                let _ = table.lookup_str("35209900");
                let _ = table.attribution();
            }
        }

        #[test]
        fn a_valid_header_with_any_body_never_panics(
            counts in prop::array::uniform4(0u32..6),
            width in prop::sample::select(vec![2u8, 4]),
            body in prop::collection::vec(any::<u8>(), 0..128),
        ) {
            let mut bytes = MAGIC.to_vec();
            bytes.extend_from_slice(&VERSION.to_le_bytes());
            bytes.extend_from_slice(&[width, 0]);
            for count in counts {
                bytes.extend_from_slice(&count.to_le_bytes());
            }
            bytes.extend_from_slice(&body);
            if let Ok(table) = TacTable::from_bytes(&bytes) {
                for tac in 0..4 {
                    let _ = table.lookup(Tac(tac));
                }
            }
        }

        #[test]
        fn any_text_reads_as_an_export_or_an_error(text in any::<String>()) {
            let _ = read_osmocom_csv(&text);
            let _ = read_osmocom_csv(&format!("licence\ntac,name,name\n{text}"));
        }
    }
}

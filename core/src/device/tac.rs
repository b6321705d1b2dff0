//! The TAC table: Type Allocation Code (the first 8 digits of an IMEI) to
//! maker and model.
//!
//! The table is imported at build time from an Osmocom TAC database export
//! (CC-BY-SA 3.0, (c) Harald Welte 2016) by `cargo xtask` (`xtask/src/tac/`,
//! which reads the export and writes this format) and shipped as a compact
//! binary that `TacTable::from_bytes` reads. It mostly covers older handsets: a TAC
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

use std::fmt;

use super::imei::Tac;

/// The format's magic and version (the encoder, used at build time, is in
/// xtask).
pub const MAGIC: &[u8; 4] = b"TACT";
pub const VERSION: u16 = 1;
const HEADER_LEN: usize = 24;

/// What a TAC names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Model<'a> {
    pub maker: &'a str,
    pub model: &'a str,
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
        let i = self.tacs.binary_search(&tac.code()).ok()?;
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

    pub fn contains(&self, tac: Tac) -> bool {
        self.lookup(tac).is_some()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `tests/fixtures/invented_tac_export.csv` as the build writes it (an
    /// xtask test checks that this file is what the encoder writes).
    const FIXTURE: &[u8] = include_bytes!("../../../tests/fixtures/invented_tac_table.bin");

    fn fixture_table() -> TacTable {
        TacTable::from_bytes(FIXTURE).unwrap()
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
            table.lookup(imei.tac()),
            Some(Model {
                maker: "Acme Phones",
                model: "Roadrunner 3"
            })
        );
    }

    #[test]
    fn counts_its_tacs_and_credits_the_source() {
        let table = fixture_table();
        assert_eq!(table.len(), 8);
        assert!(table.attribution().starts_with("Example TAC list"));
        assert_eq!(
            FIXTURE.get(6),
            Some(&2),
            "two-byte indices for a small table"
        );
    }

    #[test]
    fn rejects_truncated_or_corrupt_tables() {
        let bytes = FIXTURE.to_vec();
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
        // The header, no TACs, one string (the empty credit) of no bytes.
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&VERSION.to_le_bytes());
        bytes.extend_from_slice(&[2, 0]);
        for field in [0u32, 1, 0, 0, 0] {
            bytes.extend_from_slice(&field.to_le_bytes());
        }
        let table = TacTable::from_bytes(&bytes).unwrap();
        assert!(table.is_empty());
        assert_eq!(table.attribution(), "");
        assert_eq!(table.lookup_str("35209900"), None);
    }
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
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
                    let _ = table.lookup(Tac::new(tac).unwrap());
                }
            }
        }
    }
}

//! Writes the widget's binary TAC table (the format `TacTable::from_bytes`
//! in `core/src/device/tac.rs` reads and documents).

use std::collections::HashMap;

use stolen_phone_core::device::imei::Tac;
use stolen_phone_core::device::tac::{MAGIC, VERSION};

/// One row to encode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TacRow {
    pub tac: Tac,
    pub maker: String,
    pub model: String,
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
        out.extend_from_slice(&row.tac.code().to_le_bytes());
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

#[cfg(test)]
mod tests {
    use super::*;
    use stolen_phone_core::device::tac::TacTable;

    use crate::repo_root;
    use crate::tac::read_osmocom_csv;

    /// The core crate's tests read this table; it must be what the encoder
    /// writes for the invented export. `TAC_FIXTURE_WRITE=1` writes it again.
    #[test]
    fn the_committed_fixture_table_is_what_the_encoder_writes() {
        let fixtures = repo_root().join("tests/fixtures");
        let csv = std::fs::read_to_string(fixtures.join("invented_tac_export.csv")).unwrap();
        let export = read_osmocom_csv(&csv).unwrap();
        let bytes = encode(&export.rows, &export.licence);
        let path = fixtures.join("invented_tac_table.bin");
        if std::env::var_os("TAC_FIXTURE_WRITE").is_some() {
            std::fs::write(&path, &bytes).unwrap();
        }
        assert!(
            std::fs::read(&path).ok() == Some(bytes),
            "{} is not what the encoder writes; write it again with TAC_FIXTURE_WRITE=1 cargo test -p xtask",
            path.display()
        );
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
            table.lookup(Tac::new(39_999).unwrap()).map(|m| m.model),
            Some("Model 39999")
        );
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;
    use stolen_phone_core::device::tac::TacTable;

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
    }
}

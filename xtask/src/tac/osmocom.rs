//! Reads the Osmocom TAC database's CSV export.

use std::fmt;

use stolen_phone_core::device::imei::Tac;

use super::encode::TacRow;

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
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_reads_as_an_export_or_an_error(text in any::<String>()) {
            let _ = read_osmocom_csv(&text);
            let _ = read_osmocom_csv(&format!("licence\ntac,name,name\n{text}"));
        }
    }
}

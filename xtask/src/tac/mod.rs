//! Importing the Osmocom TAC database export into the widget's binary TAC
//! table. The export is CC-BY-SA 3.0, (c) Harald Welte 2016: it is not kept
//! in the repository; the deployer downloads it and points us at it.

use std::path::{Path, PathBuf};

use stolen_phone_core::device::tac::TacTable;

use crate::{Result, repo_root};

mod encode;
mod osmocom;

pub use encode::{TacRow, encode};
pub use osmocom::{OsmocomError, OsmocomImport, read_osmocom_csv};

/// What an import read and wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportSummary {
    /// TACs written to the table.
    pub tacs: usize,
    /// Rows skipped because the TAC was not 8 digits.
    pub bad_tacs: usize,
    /// Rows skipped because their TAC came earlier in the file.
    pub duplicates: usize,
    /// Rows skipped because they had neither maker nor model.
    pub unnamed: usize,
    /// Size of the written table.
    pub bytes: usize,
    /// The export's licence line, to credit in the app.
    pub licence: String,
}

/// Reads an Osmocom export and writes the binary table to `out`, making its
/// folder if needed. The table is checked by decoding it before it is kept.
pub fn import(csv: &Path, out: &Path) -> Result<ImportSummary> {
    let text = std::fs::read_to_string(csv)
        .map_err(|e| format!("cannot read the TAC export {}: {e}", csv.display()))?;
    let export = read_osmocom_csv(&text).map_err(|e| format!("{}: {e}", csv.display()))?;
    let bytes = encode(&export.rows, &export.licence);
    TacTable::from_bytes(&bytes)?;
    if let Some(folder) = out.parent() {
        std::fs::create_dir_all(folder)?;
    }
    std::fs::write(out, &bytes)
        .map_err(|e| format!("cannot write the TAC table {}: {e}", out.display()))?;
    Ok(ImportSummary {
        tacs: export.rows.len(),
        bad_tacs: export.bad_tacs,
        duplicates: export.duplicates,
        unnamed: export.unnamed,
        bytes: bytes.len(),
        licence: export.licence,
    })
}

/// Where the export is: the file named by `TACDB_CSV`, else `data/tacdb.csv`
/// in the repository (git-ignored). `None` when neither exists.
pub fn find_export() -> Option<PathBuf> {
    let named = std::env::var_os("TACDB_CSV").map(PathBuf::from);
    let local = repo_root().join("data").join("tacdb.csv");
    named.into_iter().chain([local]).find(|path| path.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_the_fixture_into_a_table_that_decodes() {
        let fixture = repo_root().join("tests/fixtures/invented_tac_export.csv");
        let out = std::env::temp_dir()
            .join(format!("tac-import-{}", std::process::id()))
            .join("tac.bin");
        let summary = import(&fixture, &out).unwrap();
        assert_eq!(
            (summary.tacs, summary.bad_tacs, summary.duplicates),
            (8, 3, 1)
        );
        let table = TacTable::from_bytes(&std::fs::read(&out).unwrap()).unwrap();
        assert_eq!(table.len(), 8);
        assert_eq!(summary.bytes, std::fs::read(&out).unwrap().len());
        let _ = std::fs::remove_dir_all(out.parent().unwrap());
    }

    #[test]
    fn says_which_file_it_could_not_read() {
        let missing = Path::new("/nonexistent/tacdb.csv");
        let error = import(missing, Path::new("/nonexistent/out.bin")).unwrap_err();
        assert!(error.to_string().contains("/nonexistent/tacdb.csv"));
    }
}

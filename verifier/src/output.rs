//! What the command prints: one JSON object a line, for each code found and
//! for each input that gave none. HANDOVER.md ("Checking codes on the
//! command line") documents the fields.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

/// One line of output.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Record {
    /// The path as given, or as found in a folder; `-` for standard input.
    pub file: String,
    /// For a code in text: the line of the file its first line is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// For a code in a picture: 1 for the first, top to bottom, then left
    /// to right.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    pub valid: bool,
    #[serde(flatten)]
    pub outcome: Outcome,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Outcome {
    /// A code that passed every check.
    Valid {
        recipient: &'static str,
        checksum_ok: bool,
        imeis: Vec<ImeiField>,
        /// Every other line but `FOR` and `CRC32`, keyed as in the code
        /// and in its order, values unescaped.
        #[serde(serialize_with = "in_order")]
        fields: Vec<(&'static str, String)>,
        words: String,
    },
    /// A code that was refused.
    Refused {
        /// Whether the last line's checksum matches the lines above it,
        /// which tells a damaged code (false) from a badly written one
        /// (true); null when there is no checksum to compare.
        checksum_ok: Option<bool>,
        error: CodeError,
    },
    /// An input, or a QR code in a picture, that could not be read at all.
    Unread { error: Problem },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ImeiField {
    pub imei: String,
    pub check_digit_ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_check_digit: Option<u8>,
    pub words: String,
}

/// Where a refused code is wrong and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CodeError {
    /// Counted from the code's first line, 1.
    pub line: usize,
    /// The same line counted in the file, for codes read from text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_line: Option<usize>,
    /// A name from HANDOVER.md's list, e.g. `checksum-mismatch`.
    pub reason: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<&'static str>,
    /// For `bad-value`: what is wrong with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<&'static str>,
    /// For `forbidden-character`: `U+202E`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub character: Option<String>,
    /// For `unsupported-version`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// As the widget's "Check a report code" page says it.
    pub words: String,
}

/// Why an input gave no code to check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub reason: &'static str,
    pub words: String,
}

impl Problem {
    pub fn new(reason: &'static str, words: impl Into<String>) -> Problem {
        Problem {
            reason,
            words: words.into(),
        }
    }
}

impl Record {
    /// An input that gave no code, with why.
    pub fn unread(file: &str, index: Option<usize>, problem: Problem) -> Record {
        Record {
            file: file.to_owned(),
            line: None,
            index,
            valid: false,
            outcome: Outcome::Unread { error: problem },
        }
    }

    /// The record as one line of JSON, without the line break.
    pub fn to_json_line(&self) -> String {
        // Serialising plain strings, numbers and booleans cannot fail; the
        // fallback still keeps every line JSON.
        serde_json::to_string(self).unwrap_or_else(|e| {
            serde_json::json!({ "file": self.file, "valid": false, "error": {
                "reason": "internal", "words": e.to_string() } })
            .to_string()
        })
    }
}

/// Pairs as one JSON object, keeping their order.
fn in_order<S: Serializer>(pairs: &[(&'static str, String)], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(pairs.len()))?;
    for (key, value) in pairs {
        map.serialize_entry(key, value)?;
    }
    map.end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_one_line_with_its_fields_in_code_order() {
        let record = Record {
            file: "codes.txt".into(),
            line: Some(3),
            index: None,
            valid: true,
            outcome: Outcome::Valid {
                recipient: "insurer",
                checksum_ok: true,
                imeis: vec![],
                fields: vec![
                    ("PHONE", "+447700900123".into()),
                    ("EVENT", "theft".into()),
                    ("ADDRESS", "1 High St\nLondon".into()),
                ],
                words: "ok".into(),
            },
        };
        assert_eq!(
            record.to_json_line(),
            r#"{"file":"codes.txt","line":3,"valid":true,"recipient":"insurer","checksum_ok":true,"imeis":[],"fields":{"PHONE":"+447700900123","EVENT":"theft","ADDRESS":"1 High St\nLondon"},"words":"ok"}"#
        );
    }

    #[test]
    fn an_unread_input_says_why() {
        let record = Record::unread("a.bin", None, Problem::new("not-text", "Not text."));
        assert_eq!(
            record.to_json_line(),
            r#"{"file":"a.bin","valid":false,"error":{"reason":"not-text","words":"Not text."}}"#
        );
    }
}

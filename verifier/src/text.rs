//! Report codes in text: a file may hold any number, among other words
//! (the widget's own text file has a title and notes around its two).
//!
//! A code starts at a line that begins `PHONE-THEFT-REPORT/` and takes the
//! lines after it up to the first blank line, the next such line, or the
//! end of the text. No line of a code is ever blank, so a blank line (or
//! one of spaces) always ends one. The block is then checked as a whole:
//! a block whose last line is not its checksum was cut short, and a line
//! after the checksum with no blank line between is refused, as HANDOVER.md
//! requires, rather than passed over where a reader might take it for part
//! of the code. Lines outside every block are ignored.
//!
//! Lines end with LF or CRLF, and a byte-order mark may start the text or
//! a code's first line.

/// The name of the format, before its version.
const FORMAT_PREFIX: &str = "PHONE-THEFT-REPORT/";
const BOM: char = '\u{FEFF}';

/// A code's text and the line of the file it starts on, from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextCode<'a> {
    pub line: usize,
    pub text: &'a str,
}

/// Every code in `text`, in order.
pub fn codes(text: &str) -> Vec<TextCode<'_>> {
    let mut found = Vec::new();
    // The open block: its first line's number, where it starts and ends.
    let mut open: Option<(usize, usize, usize)> = None;
    let mut start = 0;
    for (index, raw) in text.split('\n').enumerate() {
        let end = start + raw.len();
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim_start_matches(BOM).starts_with(FORMAT_PREFIX) {
            close(text, open.take(), &mut found);
            open = Some((index + 1, start, end));
        } else if line.trim().is_empty() {
            close(text, open.take(), &mut found);
        } else if let Some((_, _, block_end)) = open.as_mut() {
            *block_end = end;
        }
        start = end + 1;
    }
    close(text, open, &mut found);
    found
}

fn close<'a>(text: &'a str, block: Option<(usize, usize, usize)>, found: &mut Vec<TextCode<'a>>) {
    if let Some((line, start, end)) = block
        && let Some(code) = text.get(start..end)
    {
        found.push(TextCode { line, text: code });
    }
}

/// Whether `text` names the format somewhere other than at the start of a
/// line (quoted in an email, say), to explain why it gave no code.
pub fn mentions_the_format(text: &str) -> bool {
    text.contains(FORMAT_PREFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_and_texts(text: &str) -> Vec<(usize, &str)> {
        codes(text).iter().map(|c| (c.line, c.text)).collect()
    }

    #[test]
    fn codes_are_found_among_other_words() {
        let text = "Phone theft report\n\nFor your network provider\n\nPHONE-THEFT-REPORT/1\nFOR: network provider\nCRC32: 00000000\n\nFor your insurer\n\nPHONE-THEFT-REPORT/1\nFOR: insurer\nCRC32: 11111111\n\nStill to do\n- Add the crime reference\n";
        assert_eq!(
            lines_and_texts(text),
            [
                (
                    5,
                    "PHONE-THEFT-REPORT/1\nFOR: network provider\nCRC32: 00000000"
                ),
                (11, "PHONE-THEFT-REPORT/1\nFOR: insurer\nCRC32: 11111111"),
            ]
        );
    }

    #[test]
    fn blocks_end_at_blank_lines_the_next_code_and_the_end() {
        let cases: &[(&str, &[(usize, &str)])] = &[
            ("", &[]),
            ("no code here\n", &[]),
            ("PHONE-THEFT-REPORT/1", &[(1, "PHONE-THEFT-REPORT/1")]),
            (
                "PHONE-THEFT-REPORT/1\nA: b\nPHONE-THEFT-REPORT/2\nC: d",
                &[
                    (1, "PHONE-THEFT-REPORT/1\nA: b"),
                    (3, "PHONE-THEFT-REPORT/2\nC: d"),
                ],
            ),
            // A cut-short code stops at the blank line, not at the notes.
            (
                "PHONE-THEFT-REPORT/1\nFOR: insurer\n   \nStill to do\n",
                &[(1, "PHONE-THEFT-REPORT/1\nFOR: insurer")],
            ),
            // A line after the checksum stays with the code, to be refused.
            (
                "PHONE-THEFT-REPORT/1\nCRC32: 00000000\nIMEI: 352099001761481\n",
                &[(
                    1,
                    "PHONE-THEFT-REPORT/1\nCRC32: 00000000\nIMEI: 352099001761481",
                )],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(lines_and_texts(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn crlf_and_byte_order_marks_stay_for_the_decoder() {
        let text =
            "\u{FEFF}PHONE-THEFT-REPORT/1\r\nFOR: insurer\r\n\r\n\u{FEFF}PHONE-THEFT-REPORT/1\r\n";
        assert_eq!(
            lines_and_texts(text),
            [
                (1, "\u{FEFF}PHONE-THEFT-REPORT/1\r\nFOR: insurer\r"),
                (4, "\u{FEFF}PHONE-THEFT-REPORT/1\r"),
            ]
        );
    }

    #[test]
    fn a_mention_of_the_format_is_noticed() {
        assert!(mentions_the_format("> PHONE-THEFT-REPORT/1"));
        assert!(!mentions_the_format("hello"));
    }
}

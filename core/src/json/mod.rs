//! JSON text, read strictly (RFC 8259) and written back.
//!
//! The widget reads its saved draft, the host configuration, the directories
//! and the message catalogues with this, and writes the draft. It is small on
//! purpose: a general-purpose library costs the download far more than these
//! few shapes of file need.
//!
//! Numbers are kept as the text they were written as, so no floating-point
//! parsing or formatting is linked in; [`Value::as_u64`] reads the whole
//! numbers the widget uses.
//!
//! A name given twice in one object keeps its first place and its last
//! value, as browsers' `JSON.parse` does, so that a file means the same here
//! as anywhere else.

pub mod fields;

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::fnv::Fnv64;

/// How deep arrays and objects may nest. Nothing the widget reads goes past
/// four; deeper input is refused rather than allowed to exhaust the stack.
pub const MAX_DEPTH: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number as written, such as `-1.5e3`. Parsing only makes valid JSON
    /// number text; [`Value::from_u64`] makes a whole number.
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// Members in the order written, each name once.
    Object(Vec<(String, Value)>),
}

/// Where reading stopped, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// Counted from 1; the column counts characters, not bytes.
    pub line: usize,
    pub column: usize,
    pub reason: Reason,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    UnexpectedEnd,
    ExpectedValue,
    /// An object member must start with its name in double quotes.
    ExpectedName,
    ExpectedColon,
    /// After an item: a comma, or the bracket or brace that closes the list.
    ExpectedCommaOrClose,
    BadNumber,
    BadEscape,
    /// A `\uXXXX` half of a surrogate pair without its other half.
    LoneSurrogate,
    /// A control character (below U+0020) not written as an escape.
    ControlCharacter,
    TooDeep,
    TrailingCharacters,
}

impl Reason {
    fn text(self) -> &'static str {
        match self {
            Reason::UnexpectedEnd => "unexpected end of input",
            Reason::ExpectedValue => "expected a value",
            Reason::ExpectedName => "expected a name in double quotes",
            Reason::ExpectedColon => "expected `:`",
            Reason::ExpectedCommaOrClose => "expected `,` or the closing bracket",
            Reason::BadNumber => "invalid number",
            Reason::BadEscape => "invalid escape",
            Reason::LoneSurrogate => "lone surrogate in a \\u escape",
            Reason::ControlCharacter => "control character in a string",
            Reason::TooDeep => "nested too deeply",
            Reason::TrailingCharacters => "trailing characters",
        }
    }
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.reason.text(),
            self.line,
            self.column
        )
    }
}

impl Value {
    /// A member of an object; `None` for anything else.
    pub fn get(&self, name: &str) -> Option<&Value> {
        let members = self.as_object()?;
        // From the end, so that a hand-built object also gives the last value.
        members
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }

    pub fn as_object(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A whole number from 0 to `u64::MAX` written without a fraction or
    /// exponent; `None` for anything else.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(text) => text.parse().ok(),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn from_u64(n: u64) -> Value {
        Value::Number(n.to_string())
    }

    /// Compact JSON text that [`parse`] reads back as the same value.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(true) => out.push_str("true"),
            Value::Bool(false) => out.push_str("false"),
            Value::Number(text) => out.push_str(text),
            Value::String(text) => write_string(text, out),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Value::Object(members) => {
                out.push('{');
                for (i, (name, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(name, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

fn write_string(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' => {
                let code = c as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[(code >> 4) & 0xf]));
                out.push(char::from(HEX[code & 0xf]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Reads one JSON value, with nothing but whitespace around it. Never
/// panics, whatever the text.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut reader = Reader { text, pos: 0 };
    let value = reader.value(0)?;
    reader.skip_whitespace();
    if reader.pos < text.len() {
        return Err(reader.fail(Reason::TrailingCharacters));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    /// A byte offset; only ever moved past ASCII or whole runs of text, so
    /// it stays on a character boundary.
    pos: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// After whitespace, `byte`, or an error with `reason`.
    fn expect(&mut self, byte: u8, reason: Reason) -> Result<(), JsonError> {
        self.skip_whitespace();
        if self.eat(byte) {
            Ok(())
        } else {
            Err(self.fail(reason))
        }
    }

    fn fail(&self, reason: Reason) -> JsonError {
        let reason = if self.pos >= self.text.len() {
            Reason::UnexpectedEnd
        } else {
            reason
        };
        let before = self.text.as_bytes().get(..self.pos).unwrap_or_default();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = before.get(line_start..).unwrap_or_default();
        JsonError {
            line: 1 + before.iter().filter(|&&b| b == b'\n').count(),
            // UTF-8 continuation bytes are not characters of their own.
            column: 1 + line.iter().filter(|&&b| b & 0xc0 != 0x80).count(),
            reason,
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'{' | b'[') if depth >= MAX_DEPTH => Err(self.fail(Reason::TooDeep)),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => {
                self.pos += 1;
                self.string().map(Value::String)
            }
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.fail(Reason::ExpectedValue)),
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, JsonError> {
        let rest = self.text.as_bytes().get(self.pos..).unwrap_or_default();
        if rest.starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.fail(Reason::ExpectedValue))
        }
    }

    /// Whether the list goes on (a comma) or ends (`close`).
    fn more(&mut self, close: u8) -> Result<bool, JsonError> {
        self.skip_whitespace();
        if self.eat(b',') {
            Ok(true)
        } else if self.eat(close) {
            Ok(false)
        } else {
            Err(self.fail(Reason::ExpectedCommaOrClose))
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            if !self.more(b']')? {
                return Ok(Value::Array(items));
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_whitespace();
        if !self.eat(b'}') {
            loop {
                self.expect(b'"', Reason::ExpectedName)?;
                let name = self.string()?;
                self.expect(b':', Reason::ExpectedColon)?;
                members.push((name, self.value(depth)?));
                if !self.more(b'}')? {
                    break;
                }
            }
        }
        keep_last(&mut members);
        Ok(Value::Object(members))
    }

    /// The rest of a string whose opening quote has been read.
    fn string(&mut self) -> Result<String, JsonError> {
        let mut out = String::new();
        loop {
            let start = self.pos;
            while self
                .peek()
                .is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20)
            {
                self.pos += 1;
            }
            // Stopped at ASCII or the end, so both ends are on boundaries.
            out.push_str(self.text.get(start..self.pos).unwrap_or_default());
            if self.eat(b'"') {
                return Ok(out);
            }
            if !self.eat(b'\\') {
                return Err(self.fail(Reason::ControlCharacter));
            }
            let simple = match self.peek() {
                Some(b'"') => '"',
                Some(b'\\') => '\\',
                Some(b'/') => '/',
                Some(b'b') => '\u{8}',
                Some(b'f') => '\u{c}',
                Some(b'n') => '\n',
                Some(b'r') => '\r',
                Some(b't') => '\t',
                Some(b'u') => {
                    out.push(self.unicode_escape()?);
                    continue;
                }
                _ => return Err(self.fail(Reason::BadEscape)),
            };
            self.pos += 1;
            out.push(simple);
        }
    }

    /// `uXXXX` after a backslash, or a surrogate pair of them for a
    /// character beyond U+FFFF.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        let code = match first {
            0xd800..=0xdbff => {
                if !(self.eat(b'\\') && self.peek() == Some(b'u')) {
                    return Err(self.fail(Reason::LoneSurrogate));
                }
                let second = self.hex4()?;
                if !(0xdc00..=0xdfff).contains(&second) {
                    return Err(self.fail(Reason::LoneSurrogate));
                }
                0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
            }
            _ => first,
        };
        // Only a low surrogate on its own is left that is not a character.
        char::from_u32(code).ok_or_else(|| self.fail(Reason::LoneSurrogate))
    }

    /// `u` and four hex digits.
    fn hex4(&mut self) -> Result<u32, JsonError> {
        let code = self
            .text
            .get(self.pos + 1..self.pos + 5)
            // from_str_radix alone would also take a leading `+`.
            .filter(|digits| digits.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|digits| u32::from_str_radix(digits, 16).ok());
        let Some(code) = code else {
            return Err(self.fail(Reason::BadEscape));
        };
        self.pos += 5;
        Ok(code)
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.pos;
        self.eat(b'-');
        // No leading zeros: `0` stands alone.
        if !self.eat(b'0') && self.digits() == 0 {
            return Err(self.fail(Reason::BadNumber));
        }
        if self.eat(b'.') && self.digits() == 0 {
            return Err(self.fail(Reason::BadNumber));
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _sign = self.eat(b'+') || self.eat(b'-');
            if self.digits() == 0 {
                return Err(self.fail(Reason::BadNumber));
            }
        }
        let text = self.text.get(start..self.pos).unwrap_or_default();
        Ok(Value::Number(text.to_owned()))
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos - start
    }
}

/// Keeps each name once, in its first place with its last value. A map from
/// name to first place keeps this fast on an object with a great many
/// members (and links no sort code into the wasm). Its hasher is FNV, not
/// std's random one, whose code the first page would otherwise carry: every
/// JSON the widget reads comes from its own site or its own device.
fn keep_last(members: &mut Vec<(String, Value)>) {
    if members.len() < 2 {
        return;
    }
    let mut first_place: HashMap<String, usize, BuildHasherDefault<Fnv64>> = HashMap::default();
    let mut gone = vec![false; members.len()];
    for later in 0..members.len() {
        match first_place.get(&members[later].0) {
            Some(&first) => {
                // The first place takes this value.
                members.swap(first, later);
                gone[later] = true;
            }
            None => {
                first_place.insert(members[later].0.clone(), later);
            }
        }
    }
    let mut index = 0;
    members.retain(|_| {
        index += 1;
        !gone[index - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        Value::String(s.to_owned())
    }

    fn reason(input: &str) -> Option<Reason> {
        parse(input).err().map(|e| e.reason)
    }

    #[test]
    fn reads_every_kind_of_value() {
        let value = parse(r#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}} "#).unwrap();
        assert_eq!(
            value,
            Value::Object(vec![
                (
                    "a".into(),
                    Value::Array(vec![
                        Value::from_u64(1),
                        Value::Number("-2.5e3".into()),
                        Value::Bool(true),
                        Value::Bool(false),
                        Value::Null,
                    ])
                ),
                ("b".into(), Value::Object(vec![("c".into(), text("d"))])),
            ])
        );
        assert_eq!(value.get("b").and_then(|b| b.get("c")), Some(&text("d")));
        assert_eq!(value.get("z"), None);
    }

    #[test]
    fn whitespace_is_only_the_four_json_allows() {
        assert_eq!(parse("\t\r\n [ ] \n"), Ok(Value::Array(vec![])));
        assert_eq!(reason("\u{a0}1"), Some(Reason::ExpectedValue));
        assert_eq!(reason("[1,\u{c}2]"), Some(Reason::ExpectedValue));
    }

    #[test]
    fn escapes_are_read() {
        assert_eq!(
            parse(r#""\"\\\/\b\f\n\r\t\u00e9\u20AC""#),
            Ok(text("\"\\/\u{8}\u{c}\n\r\t\u{e9}\u{20ac}"))
        );
        assert_eq!(reason(r#""\x""#), Some(Reason::BadEscape));
        assert_eq!(reason(r#""\u12g4""#), Some(Reason::BadEscape));
        assert_eq!(reason(r#""\u+123""#), Some(Reason::BadEscape));
    }

    #[test]
    fn surrogate_pairs_make_one_character_and_lone_halves_are_refused() {
        assert_eq!(parse(r#""\ud83d\udcf1""#), Ok(text("\u{1f4f1}")));
        for lone in [
            r#""\ud83d""#,
            r#""\ud83dx""#,
            r#""\ud83d\n""#,
            r#""\ud83d\u0041""#,
            r#""\udcf1""#,
        ] {
            assert_eq!(reason(lone), Some(Reason::LoneSurrogate), "{lone}");
        }
    }

    #[test]
    fn control_characters_must_be_escaped() {
        assert_eq!(reason("\"a\nb\""), Some(Reason::ControlCharacter));
        assert_eq!(reason("\"a\u{0}\""), Some(Reason::ControlCharacter));
        assert_eq!(parse("\"\u{7f}\""), Ok(text("\u{7f}")));
    }

    #[test]
    fn numbers_are_kept_as_written() {
        for good in ["0", "-0", "12", "-1.5", "1e9", "2E-3", "1.25e+10"] {
            assert_eq!(parse(good), Ok(Value::Number(good.into())), "{good}");
        }
        for bad in ["01", "-", "1.", ".5", "1e", "+1", "0x1", "1.e2", "--1"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse("18446744073709551615").unwrap().as_u64(),
            Some(u64::MAX)
        );
        for not_u64 in ["18446744073709551616", "-1", "1.0", "1e2", "\"1\""] {
            assert_eq!(parse(not_u64).unwrap().as_u64(), None, "{not_u64}");
        }
    }

    #[test]
    fn a_repeated_name_keeps_its_first_place_and_last_value() {
        let value = parse(r#"{"a": 1, "b": 2, "a": 3, "c": 4, "a": 5}"#).unwrap();
        assert_eq!(
            value,
            Value::Object(vec![
                ("a".into(), Value::from_u64(5)),
                ("b".into(), Value::from_u64(2)),
                ("c".into(), Value::from_u64(4)),
            ])
        );
    }

    #[test]
    fn nesting_is_limited() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(&deep(MAX_DEPTH)).is_ok());
        assert_eq!(reason(&deep(MAX_DEPTH + 1)), Some(Reason::TooDeep));
        assert_eq!(reason(&"{\"a\":".repeat(100_000)), Some(Reason::TooDeep));
    }

    #[test]
    fn anything_after_the_value_is_refused() {
        assert_eq!(reason("{} {}"), Some(Reason::TrailingCharacters));
        assert_eq!(reason("truex"), Some(Reason::TrailingCharacters));
        assert_eq!(reason("[1,]"), Some(Reason::ExpectedValue));
        assert_eq!(reason(r#"{"a":1,}"#), Some(Reason::ExpectedName));
        assert_eq!(reason(r#"{"a" 1}"#), Some(Reason::ExpectedColon));
        assert_eq!(reason("[1 2]"), Some(Reason::ExpectedCommaOrClose));
        assert_eq!(reason(""), Some(Reason::UnexpectedEnd));
        assert_eq!(reason("[\"abc"), Some(Reason::UnexpectedEnd));
    }

    #[test]
    fn errors_say_where() {
        let error = parse("{\n  \"é\": x}").unwrap_err();
        assert_eq!((error.line, error.column), (2, 8));
        assert_eq!(error.to_string(), "expected a value at line 2 column 8");
    }

    #[test]
    fn writing_escapes_what_it_must() {
        let value = Value::Object(vec![(
            "k\"\\".into(),
            Value::Array(vec![text("a\n\t\r\u{1}\u{1f}/é\u{1f4f1}"), Value::Null]),
        )]);
        let written = value.to_json();
        assert_eq!(written, r#"{"k\"\\":["a\n\t\r\u0001\u001f/é📱",null]}"#);
        assert_eq!(parse(&written), Ok(value));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn values() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            "-?(0|[1-9][0-9]{0,20})(\\.[0-9]{1,4})?([eE][+-]?[0-9]{1,3})?".prop_map(Value::Number),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                // Names once each, as parsing leaves them.
                prop::collection::btree_map(any::<String>(), inner, 0..6)
                    .prop_map(|members| Value::Object(members.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn any_text_parses_or_not_without_panic(text in any::<String>()) {
            let _ = parse(&text);
        }

        /// JSON-shaped text, where the two readers could disagree.
        #[test]
        fn refuses_exactly_what_serde_json_refuses(
            text in "[\\[\\]{}\",:\\\\u0-9a-fA-F.eE+ -]{0,40}"
        ) {
            let reference = serde_json::from_str::<serde_json::Value>(&text);
            prop_assert_eq!(parse(&text).is_ok(), reference.is_ok(), "{}", text);
        }

        #[test]
        fn what_is_written_reads_back(value in values()) {
            prop_assert_eq!(parse(&value.to_json()), Ok(value));
        }
    }
}

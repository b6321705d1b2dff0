//! Words in the victim's language. Every word the widget shows is a
//! [`Msg`] looked up in a [`Catalog`] read from `locales/<tag>-<hash>.json`; code
//! names messages, never writes them.
//!
//! Each locale is a folder of JSON files, `locales/<tag>/<area>.json`, one
//! object of messages per area of the widget; [`merge`] joins them.
//!
//! A message is either plain text or a set of CLDR plural forms, and may hold
//! `{name}` placeholders filled by [`fill`].

mod locale;
mod messages;
mod plural;

pub use locale::{Dir, Locale, negotiate};
pub use messages::Msg;
pub use plural::{PluralCategory, categories as plural_categories, plural_category};

use std::collections::BTreeSet;

use crate::json::{self, Value};

/// The source language, merged from `locales/en-GB/*.json` by build.rs.
pub const EN_GB_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/en-GB.json"));

/// A hash of every locale file, written by build.rs.
const WORDS_VERSION: &str = include_str!(concat!(env!("OUT_DIR"), "/words-version.txt"));

/// Where the release build puts a language's merged catalogue for the widget
/// to fetch, `locales/<tag>-<hash>.json`. The name changes with the words,
/// so code never reads the words of another release.
pub fn locale_file(locale: Locale) -> String {
    format!("locales/{}-{WORDS_VERSION}.json", locale.tag())
}

/// The English of the first page alone (the areas build.rs names), in the
/// release format (see [`Catalog::to_release_json`]), which a release build
/// compiles in; the rest arrives as `locale_file(EnGb)` after the first
/// page, so the first download stays small.
pub const EN_GB_FIRST_PAGE_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/en-GB-first-page.json"));

/// One locale's messages, indexed by [`Msg`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalog {
    pub locale: Locale,
    /// `None` for a message not here yet (see [`Catalog::english_first_page`]).
    entries: Vec<Option<Entry>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Entry {
    Text(String),
    Plural(Vec<(PluralCategory, String)>),
}

/// Why a locale file cannot be used as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogError {
    NotJson(String),
    NotAnObject,
    /// A release-format file that is not a list of one value a message.
    NotThisRelease,
    Missing(Vec<&'static str>),
    Unknown(Vec<String>),
    /// A value that is neither text nor an object of plural forms, or a
    /// plural set without the `other` form.
    BadValue(String),
}

/// For the console and the tests: what is wrong with a locale file.
impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CatalogError::NotJson(why) => write!(f, "not JSON: {why}"),
            CatalogError::NotAnObject => f.write_str("not a JSON object of messages"),
            CatalogError::NotThisRelease => {
                f.write_str("not a list of this release's messages, in order")
            }
            CatalogError::Missing(keys) => write!(f, "missing {}", keys.join(", ")),
            CatalogError::Unknown(keys) => write!(f, "unknown keys {}", keys.join(", ")),
            CatalogError::BadValue(key) => {
                write!(f, "{key} is neither text nor a full set of plural forms")
            }
        }
    }
}

/// Which of the English compiled into every build to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompiledEnglish {
    /// The first page's words; the other messages read as empty.
    FirstPage,
    /// Every message.
    Whole,
}

impl Catalog {
    /// The English compiled in, so that the widget always has words: only
    /// the first page's (for a build that fetches the rest), or all of it.
    /// The shipped files are checked by tests, so the fallback to an empty
    /// catalogue never happens in a release.
    pub fn compiled_english(part: CompiledEnglish) -> Catalog {
        let english = match part {
            CompiledEnglish::FirstPage => Catalog::english_first_page(),
            CompiledEnglish::Whole => Catalog::parse(Locale::EnGb, EN_GB_JSON),
        };
        english.unwrap_or_else(|_| Catalog {
            locale: Locale::EnGb,
            entries: vec![None; Msg::ALL.len()],
        })
    }

    /// The first page's English: the other messages are missing, and read
    /// as empty until the whole catalogue replaces this one.
    pub fn english_first_page() -> Result<Catalog, CatalogError> {
        Catalog::from_release(Locale::EnGb, EN_GB_FIRST_PAGE_JSON)
    }

    /// The messages as the release build writes them: a JSON list with one
    /// value a message, in [`Msg`] order, `null` for one not included. Its
    /// file's name carries the words' version, so the order is always the
    /// reading code's own, and the widget carries no message names.
    pub fn to_release_json(&self) -> String {
        let values = self.entries.iter().map(|entry| match entry {
            None => Value::Null,
            Some(Entry::Text(text)) => Value::String(text.clone()),
            Some(Entry::Plural(forms)) => Value::Object(
                forms
                    .iter()
                    .map(|(category, text)| {
                        (category.key().to_owned(), Value::String(text.clone()))
                    })
                    .collect(),
            ),
        });
        Value::Array(values.collect()).to_json()
    }

    /// Reads a file written by [`Catalog::to_release_json`].
    pub fn from_release(locale: Locale, json: &str) -> Result<Catalog, CatalogError> {
        let value = json::parse(json).map_err(|e| CatalogError::NotJson(e.to_string()))?;
        let list = value.as_array().ok_or(CatalogError::NotThisRelease)?;
        if list.len() != Msg::ALL.len() {
            return Err(CatalogError::NotThisRelease);
        }
        let entries = list
            .iter()
            .enumerate()
            .map(|(i, value)| match value {
                Value::Null => Ok(None),
                value => entry_from(value)
                    .map(Some)
                    .ok_or_else(|| CatalogError::BadValue(format!("message {}", i + 1))),
            })
            .collect::<Result<_, _>>()?;
        Ok(Catalog { locale, entries })
    }

    /// Whether every message is here.
    pub fn is_complete(&self) -> bool {
        self.entries.iter().all(Option::is_some)
    }

    /// Reads a locale file strictly: every message present, nothing unknown.
    pub fn parse(locale: Locale, json: &str) -> Result<Catalog, CatalogError> {
        let catalog = Catalog::read(locale, json)?;
        let missing: Vec<&'static str> = Msg::ALL
            .iter()
            .zip(&catalog.entries)
            .filter(|(_, e)| e.is_none())
            .map(|(m, _)| m.key())
            .collect();
        if !missing.is_empty() {
            return Err(CatalogError::Missing(missing));
        }
        Ok(catalog)
    }

    /// Reads the messages a file has, refusing unknown keys and bad values.
    fn read(locale: Locale, json: &str) -> Result<Catalog, CatalogError> {
        let value = json::parse(json).map_err(|e| CatalogError::NotJson(e.to_string()))?;
        let object = value.as_object().ok_or(CatalogError::NotAnObject)?;
        let mut entries: Vec<Option<Entry>> = vec![None; Msg::ALL.len()];
        let mut unknown = Vec::new();
        for (key, value) in object {
            if key.starts_with('_') {
                continue; // "_comment" and other notes for translators
            }
            let Some(msg) = Msg::from_key(key) else {
                unknown.push(key.clone());
                continue;
            };
            let entry = entry_from(value).ok_or_else(|| CatalogError::BadValue(key.clone()))?;
            if let Some(slot) = entries.get_mut(msg as usize) {
                *slot = Some(entry);
            }
        }
        if !unknown.is_empty() {
            return Err(CatalogError::Unknown(unknown));
        }
        Ok(Catalog { locale, entries })
    }

    /// The text of a message; for a plural message, its `other` form.
    pub fn get(&self, msg: Msg) -> &str {
        match self.entries.get(msg as usize).and_then(Option::as_ref) {
            Some(Entry::Text(text)) => text,
            Some(Entry::Plural(forms)) => forms
                .iter()
                .find(|(k, _)| *k == PluralCategory::Other)
                .map_or("", |(_, t)| t.as_str()),
            None => "",
        }
    }

    /// The form of a plural message for `count`, with `{count}` filled in.
    pub fn plural(&self, msg: Msg, count: u64) -> String {
        let form = match self.entries.get(msg as usize).and_then(Option::as_ref) {
            Some(Entry::Plural(forms)) => {
                let category = plural_category(self.locale, count);
                let find = |c: PluralCategory| forms.iter().find(|(k, _)| *k == c).map(|(_, t)| t);
                find(category)
                    .or_else(|| find(PluralCategory::Other))
                    .map_or("", String::as_str)
            }
            Some(Entry::Text(text)) => text,
            None => "",
        };
        fill(form, &[("count", &count.to_string())])
    }

    /// A message with its `{name}` placeholders filled.
    pub fn fill(&self, msg: Msg, args: &[(&str, &str)]) -> String {
        fill(self.get(msg), args)
    }
}

fn entry_from(value: &Value) -> Option<Entry> {
    match value {
        Value::String(text) => Some(Entry::Text(text.clone())),
        Value::Object(forms) => {
            let mut map = Vec::new();
            for (name, text) in forms {
                map.push((PluralCategory::from_key(name)?, text.as_str()?.to_owned()));
            }
            map.iter()
                .any(|(c, _)| *c == PluralCategory::Other)
                .then_some(Entry::Plural(map))
        }
        _ => None,
    }
}

/// Joins a locale's area files into one JSON object. A key in two files is
/// an error, so areas cannot silently override each other.
pub fn merge(files: &[&str]) -> Result<String, CatalogError> {
    let mut merged = Vec::new();
    let mut seen = BTreeSet::new();
    for text in files {
        let value = json::parse(text).map_err(|e| CatalogError::NotJson(e.to_string()))?;
        let Value::Object(object) = value else {
            return Err(CatalogError::NotAnObject);
        };
        for (key, value) in object {
            if key.starts_with('_') {
                continue;
            }
            if !seen.insert(key.clone()) {
                return Err(CatalogError::BadValue(key));
            }
            merged.push((key, value));
        }
    }
    Ok(Value::Object(merged).to_json())
}

/// A piece of a message: words as written, or a `{name}` placeholder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Slot(&'a str),
}

/// A template split into its words and its `{name}` placeholders, in order,
/// so that the UI can put a link or a number in a left-to-right span where
/// the translation places it. A `{` with no `}` after it is words.
pub fn segments(template: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open + 1..].find('}') else {
            break;
        };
        if open > 0 {
            out.push(Segment::Text(&rest[..open]));
        }
        out.push(Segment::Slot(&rest[open + 1..open + 1 + close]));
        rest = &rest[open + 1 + close + 1..];
    }
    if !rest.is_empty() {
        out.push(Segment::Text(rest));
    }
    out
}

/// A piece of shown text: words, or a number written in groups ("07700
/// 900982", "24 11 2026"), which a right-to-left page must keep left to right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Run<'a> {
    Words(&'a str),
    Number(&'a str),
}

/// Splits text at its numbers: digits, with single spaces between digits.
pub fn number_runs(text: &str) -> Vec<Run<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut i, mut words_from) = (0, 0);
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < bytes.len() {
            if bytes[end].is_ascii_digit() {
                end += 1;
            } else if bytes[end] == b' ' && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
                end += 2;
            } else {
                break;
            }
        }
        if start > words_from {
            out.push(Run::Words(&text[words_from..start]));
        }
        out.push(Run::Number(&text[start..end]));
        (i, words_from) = (end, end);
    }
    if words_from < text.len() {
        out.push(Run::Words(&text[words_from..]));
    }
    out
}

/// Replaces each `{name}` with its value. Unknown placeholders stay as they
/// are, so a mistake shows up in tests rather than vanishing.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    for segment in segments(template) {
        match segment {
            Segment::Text(text) => out.push_str(text),
            Segment::Slot(name) => match args.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => out.push_str(value),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

/// The `{name}` placeholders in a template, sorted, for comparing locales.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_has_every_message() {
        assert_eq!(Catalog::parse(Locale::EnGb, EN_GB_JSON).map(|_| ()), Ok(()));
    }

    #[test]
    fn the_first_page_english_has_the_frame_and_start_page_only() {
        let first = Catalog::english_first_page().unwrap();
        assert!(!first.is_complete());
        assert_eq!(
            first.get(Msg::StartTitle),
            "Your phone has been stolen or lost"
        );
        assert_eq!(first.get(Msg::QuickExit), "Leave this site quickly");
        assert_eq!(first.get(Msg::PageLoading), "Loading…");
        assert_eq!(first.get(Msg::ActNowTitle), "");
        assert!(
            Catalog::parse(Locale::EnGb, EN_GB_JSON)
                .unwrap()
                .is_complete()
        );
        assert!(Catalog::compiled_english(CompiledEnglish::Whole).is_complete());
        assert!(!Catalog::compiled_english(CompiledEnglish::FirstPage).is_complete());
    }

    #[test]
    fn every_language_reads_back_the_same_from_the_release_format() {
        let english = Catalog::parse(Locale::EnGb, EN_GB_JSON).unwrap();
        let written = english.to_release_json();
        assert!(!written.contains("StartTitle"), "no message names");
        assert_eq!(Catalog::from_release(Locale::EnGb, &written), Ok(english));
        let first = Catalog::english_first_page().unwrap();
        assert_eq!(
            Catalog::from_release(Locale::EnGb, &first.to_release_json()),
            Ok(first)
        );
        // Polish has four plural forms, in the translator's order.
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales/pl");
        let mut files: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|f| std::fs::read_to_string(f.unwrap().path()).unwrap())
            .collect();
        files.sort();
        let files: Vec<&str> = files.iter().map(String::as_str).collect();
        let polish = Catalog::parse(Locale::Pl, &merge(&files).unwrap()).unwrap();
        assert_eq!(
            Catalog::from_release(Locale::Pl, &polish.to_release_json()),
            Ok(polish)
        );
    }

    #[test]
    fn a_release_file_of_another_release_is_refused() {
        let english = Catalog::parse(Locale::EnGb, EN_GB_JSON).unwrap();
        let written = english.to_release_json();
        for text in ["{}", "[]", "[null]", "[1", ""] {
            assert!(Catalog::from_release(Locale::Cy, text).is_err(), "{text}");
        }
        let one_more = format!("{},\"x\"]", &written[..written.len() - 1]);
        assert_eq!(
            Catalog::from_release(Locale::Cy, &one_more),
            Err(CatalogError::NotThisRelease)
        );
        let bad_value = written.replacen("\"Back\"", "7", 1);
        assert!(matches!(
            Catalog::from_release(Locale::Cy, &bad_value),
            Err(CatalogError::BadValue(_))
        ));
    }

    #[test]
    fn fill_replaces_known_placeholders_and_keeps_unknown_ones() {
        assert_eq!(
            fill("You typed {count} of {max}", &[("count", "13")]),
            "You typed 13 of {max}"
        );
        assert_eq!(fill("a { b", &[]), "a { b");
    }

    #[test]
    fn numbers_in_groups_are_one_run() {
        use Run::{Number, Words};
        assert_eq!(
            number_runs("For example, 07700 900982"),
            [Words("For example, "), Number("07700 900982")]
        );
        assert_eq!(
            number_runs("24 11 2026 or 9:30"),
            [
                Number("24 11 2026"),
                Words(" or "),
                Number("9"),
                Words(":"),
                Number("30")
            ]
        );
        assert_eq!(number_runs("no digits"), [Words("no digits")]);
        assert_eq!(number_runs("1 "), [Number("1"), Words(" ")]);
        assert_eq!(number_runs(""), []);
    }

    #[test]
    fn segments_split_words_from_placeholders() {
        use Segment::{Slot, Text};
        assert_eq!(
            segments("Call {number} or text {text}."),
            [
                Text("Call "),
                Slot("number"),
                Text(" or text "),
                Slot("text"),
                Text(".")
            ]
        );
        assert_eq!(segments("{a}{b}"), [Slot("a"), Slot("b")]);
        assert_eq!(segments("a { b"), [Text("a { b")]);
        assert_eq!(segments(""), []);
    }

    #[test]
    fn a_missing_message_is_named() {
        let err = Catalog::parse(Locale::Cy, "{}").unwrap_err();
        assert!(matches!(err, CatalogError::Missing(list) if list.contains(&Msg::ALL[0].key())));
    }

    #[test]
    fn an_unknown_key_is_refused() {
        let Ok(Value::Object(mut messages)) = json::parse(EN_GB_JSON) else {
            panic!("the English catalogue is not a JSON object");
        };
        messages.push(("NoSuchMessage".into(), Value::String("x".into())));
        let json = Value::Object(messages).to_json();
        let err = Catalog::parse(Locale::EnGb, &json).unwrap_err();
        assert_eq!(err, CatalogError::Unknown(vec!["NoSuchMessage".into()]));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn number_runs_put_back_together_are_the_text(text in "[a-z0-9 ]{0,40}") {
            let joined: String = number_runs(&text)
                .into_iter()
                .map(|r| match r {
                    Run::Words(t) | Run::Number(t) => t,
                })
                .collect();
            prop_assert_eq!(joined, text);
        }

        #[test]
        fn segments_put_back_together_are_the_template(template in "[a-z {}]{0,40}") {
            let joined: String = segments(&template)
                .into_iter()
                .map(|s| match s {
                    Segment::Text(text) => text.to_owned(),
                    Segment::Slot(name) => format!("{{{name}}}"),
                })
                .collect();
            prop_assert_eq!(joined, template);
        }

        #[test]
        fn any_text_is_a_release_file_or_an_error(text in any::<String>()) {
            let _ = Catalog::from_release(Locale::Pl, &text);
        }

        #[test]
        fn any_values_in_a_list_of_the_right_length_read_or_are_refused(
            values in proptest::collection::vec(
                prop_oneof![Just("null"), Just("\"x\""), Just("{\"other\": \"y\"}"), Just("{}"), Just("3")],
                Msg::ALL.len()
            )
        ) {
            let text = format!("[{}]", values.join(","));
            if let Ok(catalog) = Catalog::from_release(Locale::Pl, &text) {
                prop_assert_eq!(Catalog::from_release(Locale::Pl, &catalog.to_release_json()), Ok(catalog));
            }
        }
    }
}

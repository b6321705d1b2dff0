//! Guards the translations in `locales/<tag>/*.json`: every supported
//! language has a folder, every folder is a supported language, and every
//! translation says the same things as English, with the same placeholders
//! and every plural form its language needs.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;
use stolen_phone_core::i18n::{
    Catalog, CatalogError, EN_GB_JSON, Locale, PluralCategory, merge, placeholders,
    plural_categories, plural_category,
};

/// The source language. Its files are checked like the others, except that
/// they need no "awaiting review" header.
const SOURCE: Locale = Locale::EnGb;

fn locales_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

/// The `*.json` files of one locale folder, sorted by name, with their text.
fn read_locale(tag: &str) -> Vec<(String, String)> {
    let dir = locales_dir().join(tag);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .expect("a UTF-8 file name")
                .to_owned();
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            (name, text)
        })
        .collect()
}

/// The English messages, as the translations are compared against them.
fn english() -> serde_json::Map<String, Value> {
    match serde_json::from_str(EN_GB_JSON) {
        Ok(Value::Object(map)) => map,
        _ => panic!("the compiled English catalogue is not a JSON object"),
    }
}

/// The categories in which `locale` names exactly one whole number (Welsh
/// "two" is only ever 2). There a translation may spell the number out, as
/// in "two answers", instead of writing `{count}`.
fn single_number_categories(locale: Locale) -> BTreeSet<&'static str> {
    let mut seen: BTreeMap<&'static str, usize> = BTreeMap::new();
    for n in 0..=1000 {
        *seen.entry(plural_category(locale, n).key()).or_default() += 1;
    }
    seen.into_iter()
        .filter(|&(_, count)| count == 1)
        .map(|(key, _)| key)
        .collect()
}

/// Every problem with one locale's files, each naming the locale and the key
/// or file at fault. Empty when the locale is fine.
fn problems(locale: Locale, files: &[(String, String)]) -> Vec<String> {
    let tag = locale.tag();
    let mut found = Vec::new();

    for (name, text) in files {
        let value: Value = match serde_json::from_str(text) {
            Ok(value) => value,
            Err(e) => {
                found.push(format!("{tag}/{name}: not JSON: {e}"));
                continue;
            }
        };
        if locale == SOURCE {
            continue;
        }
        let comment = value.get("_comment").and_then(Value::as_str);
        if comment.is_none_or(|c| c.trim().is_empty()) {
            found.push(format!(
                "{tag}/{name}: no \"_comment\" saying this is a first translation awaiting review"
            ));
        }
    }

    let texts: Vec<&str> = files.iter().map(|(_, text)| text.as_str()).collect();
    let merged = match merge(&texts) {
        Ok(merged) => merged,
        Err(e) => {
            found.push(format!("{tag}: the files cannot be merged: {e:?}"));
            return found;
        }
    };
    let Ok(Value::Object(messages)) = serde_json::from_str::<Value>(&merged) else {
        found.push(format!("{tag}: the merged catalogue is not a JSON object"));
        return found;
    };
    let source = english();
    // Named one by one here; Catalog::parse would stop at the first kind.
    for key in source.keys().filter(|k| !messages.contains_key(*k)) {
        found.push(format!("{tag}: {key} is missing"));
    }
    for key in messages.keys().filter(|k| !source.contains_key(*k)) {
        found.push(format!("{tag}: {key} is not an English message"));
    }
    match Catalog::parse(locale, &merged) {
        Ok(_) | Err(CatalogError::Missing(_) | CatalogError::Unknown(_)) => {}
        Err(e) => found.push(format!("{tag}: the catalogue is refused: {e:?}")),
    }

    let needed: BTreeSet<&str> = plural_categories(locale).iter().map(|c| c.key()).collect();
    // `other` is always allowed: the catalogue falls back to it.
    let allowed: BTreeSet<&str> = needed
        .iter()
        .copied()
        .chain([PluralCategory::Other.key()])
        .collect();
    let spelled_out = single_number_categories(locale);

    for (key, source) in source {
        let Some(value) = messages.get(&key) else {
            continue; // reported above
        };
        match (source, value) {
            (Value::String(source), Value::String(text)) => {
                if text.trim().is_empty() {
                    found.push(format!("{tag}: {key} is empty"));
                }
                let want = placeholders(&source);
                let got = placeholders(text);
                if got != want {
                    found.push(format!(
                        "{tag}: {key} has placeholders {got:?}, English has {want:?}"
                    ));
                }
                for fact in facts(&source) {
                    if !facts(text).contains(&fact) {
                        found.push(format!(
                            "{tag}: {key} lacks \"{fact}\", which the English says: numbers and web addresses are copied as they are"
                        ));
                    }
                }
            }
            (Value::Object(source), Value::Object(forms)) => {
                let want: BTreeSet<&str> = source
                    .values()
                    .filter_map(Value::as_str)
                    .flat_map(placeholders)
                    .collect();
                for category in &needed {
                    if !forms.contains_key(*category) {
                        found.push(format!(
                            "{tag}: {key} lacks the plural form \"{category}\" (needs {needed:?})"
                        ));
                    }
                }
                for (category, text) in forms {
                    if !allowed.contains(category.as_str()) {
                        found.push(format!(
                            "{tag}: {key} has the plural form \"{category}\", which {tag} never uses"
                        ));
                    }
                    let Some(text) = text.as_str() else {
                        found.push(format!("{tag}: {key}.{category} is not text"));
                        continue;
                    };
                    if text.trim().is_empty() {
                        found.push(format!("{tag}: {key}.{category} is empty"));
                    }
                    let got: BTreeSet<&str> = placeholders(text).into_iter().collect();
                    let mut expected = want.clone();
                    if spelled_out.contains(category.as_str()) && !got.contains("count") {
                        expected.remove("count");
                    }
                    if got != expected {
                        found.push(format!(
                            "{tag}: {key}.{category} has placeholders {got:?}, English has {want:?}"
                        ));
                    }
                }
            }
            (Value::Object(_), _) => found.push(format!(
                "{tag}: {key} must be a set of plural forms, as in English"
            )),
            (_, _) => found.push(format!("{tag}: {key} must be plain text, as in English")),
        }
    }
    found
}

/// The numbers of three digits or more (digits 0 to 9, as written: "999",
/// "18000", "£100" gives "100") and the web addresses ("icloud.com/find")
/// in a message: what a victim dials, pays or types, which every
/// translation must copy exactly. Shorter numbers ("2 SIMs", "24 hours")
/// are words that a language may spell out, as Arabic does with its dual.
fn facts(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut digits = String::new();
    for c in text.chars().chain([' ']) {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if digits.len() >= 3 {
            found.push(std::mem::take(&mut digits));
        } else {
            digits.clear();
        }
    }
    for word in text.split(char::is_whitespace) {
        let word = word.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '/');
        let is_address = [".com", ".uk", ".org", ".scot"]
            .iter()
            .any(|tld| word.contains(tld))
            && !word.contains('@');
        if is_address {
            found.push(word.to_owned());
        }
    }
    found
}

#[test]
fn facts_are_the_numbers_and_web_addresses() {
    assert_eq!(
        facts("Call 999. Go to icloud.com/find, or android.com/lock. Pay at most £100 (step 2)."),
        ["999", "100", "icloud.com/find", "android.com/lock"]
    );
    assert_eq!(facts("Ffoniwch 999 ar unwaith"), ["999"]);
    // Bengali or Arabic-Indic digits are not the number a victim must dial.
    assert!(facts("৯৯৯ ٩٩٩").is_empty());
}

/// A number written in groups ("0800 40 50 40") must sit in a left-to-right
/// span, or Arabic shows its groups in reverse order. Contact numbers are
/// `{placeholders}` filled from `data/` into such spans; a hint (the forms'
/// hints, which `tr_numbers` shows) may give an example in groups. Any
/// other message may only write a number of one group (999, 101).
#[test]
fn no_english_message_writes_a_phone_number_of_several_groups() {
    let mut found = Vec::new();
    for (key, value) in english()
        .into_iter()
        .filter(|(key, _)| !key.ends_with("Hint"))
    {
        let texts: Vec<String> = match &value {
            Value::String(text) => vec![text.clone()],
            Value::Object(forms) => forms
                .values()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
            _ => Vec::new(),
        };
        for text in texts {
            let bytes = text.as_bytes();
            let grouped = bytes
                .windows(3)
                .any(|w| w[0].is_ascii_digit() && w[1] == b' ' && w[2].is_ascii_digit());
            if grouped {
                found.push(format!("{key}: {text}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "write these numbers as placeholders:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_locale_folders_are_exactly_the_supported_languages() {
    let dir = locales_dir();
    let folders: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_dir())
        .map(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .expect("a UTF-8 folder name")
                .to_owned()
        })
        .collect();
    let supported: BTreeSet<String> = Locale::ALL.iter().map(|l| l.tag().to_owned()).collect();
    assert_eq!(
        folders, supported,
        "locales/ must hold one folder per Locale::ALL tag, and no others"
    );
}

#[test]
fn every_locale_has_the_same_files_as_english() {
    let names = |locale: Locale| -> Vec<String> {
        read_locale(locale.tag())
            .into_iter()
            .map(|(name, _)| name)
            .collect()
    };
    let source = names(SOURCE);
    for locale in Locale::ALL {
        assert_eq!(
            names(locale),
            source,
            "locales/{} must have the same files as locales/{}",
            locale.tag(),
            SOURCE.tag()
        );
    }
}

#[test]
fn every_translation_is_complete_and_matches_english() {
    let mut all = Vec::new();
    for locale in Locale::ALL {
        let files = read_locale(locale.tag());
        assert!(!files.is_empty(), "locales/{} has no files", locale.tag());
        all.extend(problems(locale, &files));
    }
    assert!(
        all.is_empty(),
        "{} problem(s) in the locale files:\n{}",
        all.len(),
        all.join("\n")
    );
}

/// The checker itself: a damaged Welsh catalogue is caught, and each problem
/// names the locale and the key.
#[test]
fn a_damaged_translation_is_reported_by_locale_and_key() {
    let mut files = read_locale(Locale::Cy.tag());
    let (_, common) = files
        .iter_mut()
        .find(|(name, _)| name == "common.json")
        .expect("locales/cy/common.json");
    let mut json: Value = serde_json::from_str(common).unwrap();
    let object = json.as_object_mut().unwrap();
    object.remove("_comment");
    object.remove("Continue");
    object.insert("CharactersTooMany".into(), "{label} is too long".into());
    object.insert("Back".into(), " ".into());
    object
        .get_mut("RestoredDropped")
        .and_then(Value::as_object_mut)
        .unwrap()
        .remove("few");
    *common = json.to_string();
    let (_, start) = files
        .iter_mut()
        .find(|(name, _)| name == "start.json")
        .expect("locales/cy/start.json");
    let mut json: Value = serde_json::from_str(start).unwrap();
    json.as_object_mut()
        .unwrap()
        .insert("StartDanger".into(), "Ffoniwch 112.".into());
    *start = json.to_string();

    let found = problems(Locale::Cy, &files).join("\n");
    for expected in [
        "cy/common.json: no \"_comment\"",
        "cy: CharactersTooMany has placeholders",
        "cy: Back is empty",
        "cy: StartDanger lacks \"999\"",
        "cy: Continue is missing",
        "cy: RestoredDropped lacks the plural form \"few\"",
    ] {
        assert!(
            found.contains(expected),
            "expected {expected:?} in:\n{found}"
        );
    }
}

#[test]
fn a_plural_form_may_spell_out_only_a_number_it_alone_stands_for() {
    // Arabic "two" is only ever 2, so "two answers" needs no {count};
    // Bengali "one" covers 0 and 1, so it must keep {count}.
    assert!(single_number_categories(Locale::Ar).contains("two"));
    assert!(single_number_categories(Locale::Cy).contains("zero"));
    assert!(!single_number_categories(Locale::Bn).contains("one"));
    assert!(!single_number_categories(Locale::Ar).contains("few"));
}

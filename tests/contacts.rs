//! Every phone number and web address the widget shows comes from `data/`:
//! the words (every locale file), the page (`index.html`) and the browser
//! code's string literals hold none that the directories lack, except the
//! few below that are not contacts.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use stolen_phone_core::directory::Directories;
use stolen_phone_core::directory::facts::facts;

/// Numbers and addresses that are shown but are not anyone to contact, each
/// with why. This is the one list of them.
const NOT_CONTACTS: [(&str, &str); 5] = [
    (
        "07700900982",
        "the example in the phone number's hint: Ofcom keeps 07700 900000 to 900999 for drama, so it reaches no one",
    ),
    (
        "bbc.co.uk/weather",
        "the neutral page quick exit goes to, not a contact",
    ),
    (
        "tacdb.osmocom.org",
        "the model table's credit on About this tool",
    ),
    (
        "w3.org/2000/svg",
        "the SVG namespace of the QR code, never shown",
    ),
    (
        "police.uk",
        "the police forces' credit on About this tool (police.uk, Open Government Licence)",
    ),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn directories() -> Directories {
    let read = |name: &str| std::fs::read_to_string(root().join("data").join(name)).unwrap();
    Directories::from_json(
        &read("police_forces.json"),
        &read("network_providers.json"),
        &read("support_services.json"),
    )
}

/// An address without its scheme, `www.` or a closing slash.
fn bare(address: &str) -> String {
    let address = address
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.");
    address.trim_end_matches('/').to_ascii_lowercase()
}

/// The phone numbers in `text`, as digits: digit groups joined by single
/// spaces, counted as a number when they are a national number (0 and 9 to
/// 10 more digits, or +44 and 9 or 10), a 3-digit short code starting 1 or
/// 9 (101, 159, 999) or a 5-digit one (61016, 18000). An amount (£100), a
/// count ("15 digits", "24 hours") or a year is not a number to call.
fn phone_numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let plus = i > 0 && chars[i - 1] == '+';
        let pound = i > 0 && chars[i - 1] == '£';
        let mut digits = String::new();
        while i < chars.len() {
            if chars[i].is_ascii_digit() {
                digits.push(chars[i]);
                i += 1;
            } else if chars[i] == ' ' && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
                i += 1;
            } else {
                break;
            }
        }
        let national = digits.starts_with('0') && (10..=11).contains(&digits.len());
        let international = plus && digits.starts_with("44") && (11..=12).contains(&digits.len());
        let short = (digits.len() == 3 && (digits.starts_with('1') || digits.starts_with('9')))
            || (digits.len() == 5 && !digits.starts_with('0'));
        if !pound && (national || international || short) {
            found.push(if international {
                format!("0{}", &digits[2..])
            } else {
                digits
            });
        }
    }
    found
}

/// The web addresses in `text`: words holding a dot and one of the UK's
/// and the web's common endings.
fn addresses(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || "\"'()<>,;".contains(c))
        .map(|word| word.trim_end_matches(['.', ':', '!', '?', '،', '।']))
        .filter(|word| {
            [".com", ".uk", ".org", ".scot", ".net"]
                .iter()
                .any(|ending| word.contains(ending))
                && !word.contains('@')
        })
        .map(bare)
        .collect()
}

/// The text inside a Rust file's string literals (plain and raw).
fn string_literals(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(start) = rest.find('"') {
        let before = &rest[..start];
        // A raw string r#"…"#: up to its own closing.
        if before.ends_with("r#") {
            let after = &rest[start + 1..];
            let end = after.find("\"#").unwrap_or(after.len());
            out.push(after[..end].to_owned());
            rest = &after[(end + 2).min(after.len())..];
            continue;
        }
        let after = &rest[start + 1..];
        let mut end = 0;
        let bytes = after.as_bytes();
        while end < bytes.len() && bytes[end] != b'"' {
            end += if bytes[end] == b'\\' { 2 } else { 1 };
        }
        let end = end.min(after.len());
        out.push(after[..end].to_owned());
        rest = &after[(end + 1).min(after.len())..];
    }
    out
}

fn files_under(dir: &Path, ending: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files_under(&path, ending));
        } else if path.to_string_lossy().ends_with(ending) {
            found.push(path);
        }
    }
    found.sort();
    found
}

#[test]
fn numbers_and_addresses_are_told_apart_from_other_digits() {
    assert_eq!(
        phone_numbers(
            "Call 0800 40 50 40, text 61016, or 999. Not £100, 24 hours, 15 digits or 2026."
        ),
        ["0800405040", "61016", "999"]
    );
    assert_eq!(phone_numbers("+44 7953 966 150"), ["07953966150"]);
    assert_eq!(
        addresses("go to icloud.com/find, or www.android.com/lock."),
        ["icloud.com/find", "android.com/lock"]
    );
    assert_eq!(
        string_literals(r##"let a = "x \"y\" z"; let b = r#"raw "q""#;"##),
        [r#"x \"y\" z"#, r#"raw "q""#]
    );
}

#[test]
fn every_number_and_address_shown_comes_from_the_directories() {
    let directories = directories();
    let known_numbers: Vec<String> = facts(&directories)
        .iter()
        .filter(|f| f.is_number())
        .flat_map(|f| phone_numbers(&f.value))
        .collect();
    let known_addresses: Vec<String> = facts(&directories)
        .iter()
        .filter(|f| !f.is_number())
        .map(|f| bare(&f.value))
        .collect();
    let excepted = |value: &str| NOT_CONTACTS.iter().any(|(v, _)| value.starts_with(v));

    let mut texts: Vec<(String, String)> = Vec::new();
    for path in files_under(&root().join("locales"), ".json") {
        texts.push((
            path.display().to_string(),
            std::fs::read_to_string(&path).unwrap(),
        ));
    }
    for path in files_under(&root().join("src/ui"), ".rs") {
        let code = std::fs::read_to_string(&path).unwrap();
        texts.push((
            path.display().to_string(),
            string_literals(&code).join("\n"),
        ));
    }
    let page = root().join("index.html");
    texts.push((
        page.display().to_string(),
        std::fs::read_to_string(&page).unwrap(),
    ));

    let mut unknown = Vec::new();
    for (file, text) in &texts {
        for number in phone_numbers(text) {
            if !known_numbers.contains(&number) && !excepted(&number) {
                unknown.push(format!("{file}: the number {number}"));
            }
        }
        for address in addresses(text) {
            let known = known_addresses
                .iter()
                .any(|k| k == &address || k.starts_with(&format!("{address}/")));
            if !known && !excepted(&address) {
                unknown.push(format!("{file}: the address {address}"));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "not in data/ (add them there with a source, or to NOT_CONTACTS with why):\n{}",
        unknown.join("\n")
    );
}

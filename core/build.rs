//! Merges the English locale files (`locales/en-GB/*.json`) into one
//! catalogue, and the first page's areas into another, and generates the
//! `Msg` enum from the keys, so that code naming a message English lacks
//! fails to compile. Also writes the runtime copy of
//! the directories in `data/`, without what only reviewers read.

use std::fmt::Write;
use std::path::Path;

// The crate's own hash, so that names made here and by the release build
// agree with the code that hashes at run time.
#[path = "src/fnv.rs"]
mod fnv;
use fnv::fnv1a;
#[path = "src/directory/numbers.rs"]
mod numbers;

/// The areas whose English the release build compiles in: the frame of
/// every page and the start page. The rest is fetched after the first page.
const FIRST_PAGE_AREAS: [&str; 2] = ["common", "start"];

fn main() {
    // The locale and directory files belong to the whole project, one
    // folder up; every path below is relative to it.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::env::set_current_dir(&root).expect("enter the project's folder");
    write_runtime_directories();
    let dir = Path::new("locales/en-GB");
    watch(dir);
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("read locales/en-GB")
        .map(|e| e.expect("list locales/en-GB").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut merged = serde_json::Map::new();
    let mut first_page = serde_json::Map::new();
    for file in &files {
        let area = file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let on_first_page = FIRST_PAGE_AREAS.contains(&area);
        watch(file);
        let text = std::fs::read_to_string(file).expect("read a locale file");
        let json: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not JSON: {e}", file.display()));
        for (key, value) in json.as_object().expect("a locale file is a JSON object") {
            if key.starts_with('_') {
                continue;
            }
            assert!(
                key.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                    && key.chars().all(|c| c.is_ascii_alphanumeric()),
                "message key {key:?} in {} must be CamelCase letters and digits",
                file.display()
            );
            let before = merged.insert(key.clone(), value.clone());
            assert!(before.is_none(), "message key {key:?} appears twice");
            if on_first_page {
                first_page.insert(key.clone(), value.clone());
            }
        }
    }
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    let out_dir = Path::new(&out_dir);
    std::fs::write(
        out_dir.join("en-GB.json"),
        serde_json::Value::Object(merged.clone()).to_string(),
    )
    .expect("write the merged English catalogue");
    // The release build names every language's file by the words of all of
    // them, so a page left open across a new release never reads the new
    // release's words with the old code.
    std::fs::write(out_dir.join("words-version.txt"), words_version())
        .expect("write the words' version");
    // In the release format (`Catalog::to_release_json`): one value a
    // message in the enum's order, `null` for those of later pages.
    let first_page: Vec<serde_json::Value> = merged
        .keys()
        .map(|key| first_page.get(key).cloned().unwrap_or_default())
        .collect();
    std::fs::write(
        out_dir.join("en-GB-first-page.json"),
        serde_json::Value::Array(first_page).to_string(),
    )
    .expect("write the first page's English");

    let keys: Vec<&String> = merged.keys().collect();
    let mut code = String::new();
    code.push_str("/// A message of the widget, named after its key in the locale files.\n");
    code.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Msg {\n");
    for key in &keys {
        writeln!(code, "    {key},").unwrap();
    }
    code.push_str("}\n\nimpl Msg {\n    pub const ALL: &'static [Msg] = &[\n");
    for key in &keys {
        writeln!(code, "        Msg::{key},").unwrap();
    }
    code.push_str("    ];\n\n    pub fn key(self) -> &'static str {\n        match self {\n");
    for key in &keys {
        writeln!(code, "            Msg::{key} => \"{key}\",").unwrap();
    }
    code.push_str("        }\n    }\n}\n");
    std::fs::write(out_dir.join("messages.rs"), code).expect("write the message enum");
}

/// The widget never shows where a fact was read, when it was checked, the
/// quoted sentences, the domains or the reviewers' notes, so its copy of each
/// directory leaves them out (most of the text). Every entry keeps an empty
/// `source` and `checked`, so the same reader reads both copies; the tests
/// check the full files in `data/`. A number whose only source is secondary
/// is left out too: it is never shown as a number to call.
fn write_runtime_directories() {
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    for name in [
        "police_forces.json",
        "network_providers.json",
        "support_services.json",
    ] {
        let path = Path::new("data").join(name);
        watch(&path);
        let text = std::fs::read_to_string(&path).expect("read a directory file");
        let mut file: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
        let top = file.as_object_mut().expect("a directory file is an object");
        top.retain(|key, _| key != "note" && key != "liability_cap");
        for list in top.values_mut().filter_map(serde_json::Value::as_array_mut) {
            for entry in list.iter_mut().filter_map(serde_json::Value::as_object_mut) {
                let secondary: Vec<String> = entry
                    .get("secondary_sources")
                    .and_then(serde_json::Value::as_array)
                    .map(|list| {
                        list.iter()
                            .filter_map(|v| v.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default();
                for field in numbers::NUMBER_FIELDS {
                    if secondary.iter().any(|s| s == field) && entry.contains_key(field) {
                        entry.insert(field.into(), serde_json::json!(""));
                    }
                }
                entry.retain(|key, _| {
                    !["note", "secondary_sources", "domains", "quote"].contains(&key.as_str())
                });
                entry.insert("source".into(), serde_json::json!({}));
                entry.insert("checked".into(), serde_json::json!(""));
            }
        }
        std::fs::write(Path::new(&out_dir).join(name), file.to_string())
            .expect("write a runtime directory");
    }
}

/// Rebuilds when `path` (relative to the project's folder) changes.
fn watch(path: &Path) {
    let here = std::env::current_dir().expect("the project's folder");
    println!("cargo:rerun-if-changed={}", here.join(path).display());
}

/// A hash of every locale file, path and text, in a fixed order.
fn words_version() -> String {
    let mut files = Vec::new();
    for language in std::fs::read_dir("locales").expect("read locales") {
        let language = language.expect("list locales").path();
        if !language.is_dir() {
            continue;
        }
        watch(&language);
        for file in std::fs::read_dir(&language).expect("read a locale folder") {
            let file = file.expect("list a locale folder").path();
            if file.extension().is_some_and(|e| e == "json") {
                watch(&file);
                files.push(file);
            }
        }
    }
    files.sort();
    // The release files' format (`Catalog::to_release_json`) is part of the
    // version: change this when the format changes.
    let mut all = b"release format: one value a message, in order\n".to_vec();
    for file in &files {
        all.extend_from_slice(file.to_string_lossy().as_bytes());
        all.push(0);
        all.extend(std::fs::read(file).expect("read a locale file"));
        all.push(0);
    }
    format!("{:016x}", fnv1a(&all))
}

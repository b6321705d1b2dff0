//! Merges the English locale files (`locales/en-GB/*.json`) into one
//! catalogue, and the first page's areas into another, and generates the
//! `Msg` enum from the keys, so that code naming a message English lacks
//! fails to compile. Also writes the runtime copy of the directories in
//! `data/` as typed statics, without what only reviewers read.

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
/// directory leaves them out (most of the text): it is written as typed
/// statics (`directory/shipped.rs` defines their rows), the fields the widget
/// shows and nothing else. A number whose only source is secondary is left
/// out too: it is never shown as a number to call. The tests check the full
/// files in `data/`, and that this copy keeps every fact shown.
fn write_runtime_directories() {
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    // Each file's list, the row type, and the row's fields in order;
    // `nations` is a list, every other field text.
    let files: [(&str, &str, &str, &[&str]); 3] = [
        (
            "police_forces.json",
            "forces",
            "ForceRow",
            &[
                "id",
                "name",
                "website",
                "report_online_url",
                "non_emergency",
                "non_emergency_text",
                "nations",
            ],
        ),
        (
            "network_providers.json",
            "providers",
            "ProviderRow",
            &[
                "id",
                "name",
                "runs_on",
                "lost_stolen_uk",
                "lost_stolen_abroad",
                "web_page",
                "hours",
            ],
        ),
        (
            "support_services.json",
            "services",
            "ServiceRow",
            &[
                "id",
                "name",
                "phone",
                "website",
                "report_online_url",
                "coverage",
                "nations",
                "hours",
                "kind",
            ],
        ),
    ];
    let mut code = String::new();
    for (name, list, row, fields) in files {
        let path = Path::new("data").join(name);
        watch(&path);
        let text = std::fs::read_to_string(&path).expect("read a directory file");
        let file: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
        let entries = file[list]
            .as_array()
            .unwrap_or_else(|| panic!("{} has no list `{list}`", path.display()));
        writeln!(code, "pub static {}: &[{row}] = &[", list.to_uppercase()).unwrap();
        for entry in entries {
            let texts = |field: &str| -> Vec<&str> {
                entry[field]
                    .as_array()
                    .map(|items| items.iter().filter_map(serde_json::Value::as_str).collect())
                    .unwrap_or_default()
            };
            let secondary = texts("secondary_sources");
            write!(code, "    {row} {{").unwrap();
            for &field in fields {
                if field == "nations" {
                    write!(code, " {field}: &{:?},", texts(field)).unwrap();
                    continue;
                }
                let shown =
                    !(numbers::NUMBER_FIELDS.contains(&field) && secondary.contains(&field));
                let value = entry[field].as_str().filter(|_| shown).unwrap_or("");
                // A string's Debug form is a Rust string literal.
                write!(code, " {field}: {value:?},").unwrap();
            }
            code.push_str(" },\n");
        }
        code.push_str("];\n");
    }
    std::fs::write(Path::new(&out_dir).join("shipped_directories.rs"), code)
        .expect("write the runtime directories");
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

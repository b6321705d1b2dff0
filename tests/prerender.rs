//! The urgent pages rendered natively, from the widget's own components, in
//! every language: what a victim reads before (or without) the wasm.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use stolen_phone::ui::prerender::{UrgentPages, urgent_pages};
use stolen_phone_core::directory;
use stolen_phone_core::i18n::{self, Catalog, Locale, Msg};
use stolen_phone_core::values::date::Date;
use stolen_phone_core::values::phone::tel_uri;

/// A language's whole catalogue, from its area files as the build merges them.
fn catalog(locale: Locale) -> Catalog {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(locale.tag());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    Catalog::parse(locale, &i18n::merge(&texts).unwrap()).unwrap()
}

/// What a person reads in the markup: its text, without tags, unescaped,
/// with runs of space as one.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Both pages in `locale`, as text, and the words they should read.
struct Read {
    catalog: Catalog,
    pages: UrgentPages,
}

impl Read {
    fn new(locale: Locale) -> Read {
        let catalog = catalog(locale);
        let today = Date::new(2026, 12, 2).unwrap();
        let pages = urgent_pages(catalog.clone(), directory::shipped(), today);
        Read { catalog, pages }
    }

    /// The message as it reads on the page.
    fn said(&self, msg: Msg) -> String {
        self.catalog
            .get(msg)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Where each message starts in `page`'s text; fails naming any missing.
    fn places(&self, page: &str, msgs: &[Msg]) -> Vec<usize> {
        let page = text(page);
        let locale = self.catalog.locale;
        msgs.iter()
            .map(|&msg| {
                page.find(&self.said(msg))
                    .unwrap_or_else(|| panic!("{locale:?}: the page lacks {msg:?}: {page}"))
            })
            .collect()
    }
}

#[test]
fn the_start_page_reads_in_every_language_with_the_danger_warning_first() {
    for locale in Locale::ALL {
        let read = Read::new(locale);
        let places = read.places(
            &read.pages.start,
            &[
                Msg::StartTitle,
                Msg::StartDanger,
                Msg::StartStepLock,
                Msg::StartStepBlock,
                Msg::WhoseDeviceQuestion,
                Msg::StartNow,
            ],
        );
        // The title, then the danger warning, then the question.
        assert!(places[0] < places[1] && places[1] < places[4], "{locale:?}");
    }
}

#[test]
fn act_now_reads_in_every_language_with_999_and_every_providers_contact() {
    let directories = directory::shipped();
    for locale in Locale::ALL {
        let read = Read::new(locale);
        let html = &read.pages.act_now;
        read.places(
            html,
            &[
                Msg::ActNowTitle,
                Msg::ActNowDanger,
                Msg::ActNowLockTitle,
                Msg::ActNowSimTitle,
                Msg::ActNowPasswordsTitle,
                Msg::ActNowBankTitle,
                Msg::ActNowSafetyTitle,
            ],
        );
        let act_now = text(html);
        assert!(act_now.contains("999"), "{locale:?}");
        assert!(
            !act_now.contains('{'),
            "{locale:?}: a placeholder was left unfilled"
        );
        for provider in &directories.providers {
            assert!(
                act_now.contains(&provider.name),
                "{locale:?} lacks {}",
                provider.name
            );
            if let Some(tel) = tel_uri(&provider.lost_stolen_uk) {
                assert!(
                    html.contains(&format!("href=\"{tel}\"")),
                    "{locale:?}: no link to call {}",
                    provider.name
                );
            }
        }
    }
}

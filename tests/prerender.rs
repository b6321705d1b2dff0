//! The urgent pages rendered natively, from the widget's own components, in
//! every language: what a victim reads before (or without) the wasm.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use stolen_phone::ui::prerender::{Rendered, render, theme_css};
use stolen_phone_core::directory;
use stolen_phone_core::host::config::{self, HostConfig};
use stolen_phone_core::i18n::{self, Catalog, Locale, Msg};
use stolen_phone_core::journey::{Page, Place};
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
    start: Rendered,
    act_now: Rendered,
}

impl Read {
    fn new(locale: Locale) -> Read {
        Read::with_config(locale, &HostConfig::default())
    }

    fn with_config(locale: Locale, config: &HostConfig) -> Read {
        let catalog = catalog(locale);
        let today = Date::new(2026, 12, 2).unwrap();
        let (directories, _) = stolen_phone_core::host::config::directories_for(config);
        let page = |page| {
            render(
                &Place::of(page, locale),
                catalog.clone(),
                &directories,
                config,
                today,
            )
        };
        Read {
            start: page(Page::Start),
            act_now: page(Page::ActNow),
            catalog,
        }
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
            &read.start.app,
            &[
                Msg::StartTitle,
                Msg::StartDanger,
                Msg::StartStepLock,
                Msg::StartStepBlock,
                Msg::StartNow,
            ],
        );
        // The title, then the danger warning, then the way to the urgent
        // steps.
        assert!(places[0] < places[1] && places[1] < places[4], "{locale:?}");
        // No question comes before the urgent steps, and so the copies have
        // no answer for the widget to take over.
        for html in [&read.start.app, &read.act_now.app] {
            for field in ["<input", "<select", "<textarea"] {
                assert!(!html.contains(field), "{locale:?}: {field}");
            }
        }
    }
}

#[test]
fn act_now_reads_in_every_language_with_999_and_every_providers_contact() {
    let directories = directory::shipped();
    for locale in Locale::ALL {
        let read = Read::new(locale);
        let html = &read.act_now.app;
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

#[test]
fn the_copies_link_to_each_other_by_address_in_their_own_language() {
    for locale in Locale::ALL {
        let read = Read::new(locale);
        let folder = locale.tag().to_ascii_lowercase();
        assert_eq!(
            (read.start.lang, read.act_now.lang),
            (locale.tag(), locale.tag())
        );
        // Start now is a link to Act now, which needs no script and no form.
        assert!(
            read.start
                .app
                .contains(&format!("href=\"../{folder}/act-now/\"")),
            "{locale:?}: Start now does not link to Act now"
        );
        assert!(
            read.act_now
                .app
                .contains(&format!("<a href=\"../../{folder}/\" class=\"back-link\">")),
            "{locale:?}: Back does not link to the start page"
        );
        // Every language's copy of the same page, named in that language.
        for other in Locale::ALL {
            let tag = other.tag().to_ascii_lowercase();
            assert!(
                read.act_now
                    .app
                    .contains(&format!("href=\"../../{tag}/act-now/\"")),
                "{locale:?}"
            );
            assert!(
                text(&read.start.app).contains(other.native_name()),
                "{locale:?}"
            );
        }
        // Without scripts the page says what still works.
        assert!(read.start.app.contains("<noscript>"), "{locale:?}");
        assert!(
            read.start.title.contains(&read.said(Msg::DocumentTitle)),
            "{locale:?}"
        );
        assert!(
            read.act_now.title.starts_with(&read.said(Msg::ActNowTitle)),
            "{locale:?}"
        );
    }
}

#[test]
fn the_copies_carry_the_hosts_own_configuration() {
    let (config, problems) = config::parse(
        r##"{
          "version": 1,
          "organisation": { "name": "Northshire Victim Care", "support_phone": "0300 123 4567" },
          "quick_exit_url": "https://www.example.org/news",
          "theme": { "button": "#1d70b8", "font": "Arial, sans-serif" }
        }"##,
    );
    assert!(problems.is_empty(), "{problems:?}");
    let read = Read::with_config(Locale::Cy, &config);
    for page in [&read.start.app, &read.act_now.app] {
        assert!(page.contains("Northshire Victim Care"));
        assert!(page.contains("href=\"tel:+443001234567\""));
        assert!(
            page.contains("href=\"https://www.example.org/news\""),
            "quick exit is a plain link"
        );
        assert!(
            !page.contains("style="),
            "no inline style: the CSP forbids it"
        );
    }
    let css = theme_css(&config).expect("a theme");
    assert!(
        css.contains("--colour-button: #1d70b8;")
            && css.contains("--font-family: Arial, sans-serif;"),
        "{css}"
    );
    assert_eq!(theme_css(&HostConfig::default()), None);
}

#[test]
fn the_crash_message_and_description_read_in_the_pages_language_with_every_victim_support_line() {
    let directories = directory::shipped();
    let lines = directories.victim_support_for(None);
    assert!(lines.len() >= 3, "a service a nation");
    for locale in Locale::ALL {
        let read = Read::new(locale);
        let crash = &read.start.crash;
        let places = read.places(
            crash,
            &[Msg::CrashTitle, Msg::CrashReload, Msg::StartDanger],
        );
        assert!(places[0] < places[1] && places[1] < places[2], "{locale:?}");
        for service in &lines {
            assert!(
                crash.contains(&service.name),
                "{locale:?}: {}",
                service.name
            );
            if let Some(href) = tel_uri(&service.phone) {
                assert!(
                    crash.contains(&format!("href=\"{href}\"")),
                    "{locale:?}: {href}"
                );
            }
        }
        assert!(!crash.contains("style="), "{locale:?}: no inline style");
        assert_eq!(read.start.description, read.said(Msg::DocumentDescription));
        assert_eq!(read.act_now.crash, read.start.crash);
    }
}

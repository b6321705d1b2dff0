//! The host configuration: a versioned JSON file a deployer serves next to
//! the widget to fit it to their organisation and area.
//!
//! Reading never fails. Each field is checked on its own; a bad field is
//! dropped with a [`ConfigProblem`] that names it and says why, and the
//! widget keeps its default for it.

use crate::json::fields::{Fields, Problem, Wrong};
use crate::json::{self, Value};

use crate::directory::{
    self, Directories, NetworkProvider, PoliceForce, SupportService, is_slug, is_valid_https_url,
};
use crate::i18n::Locale;
use crate::values::phone::is_valid_uk_phone_number;

/// The only version this widget reads.
pub const CONFIG_VERSION: u64 = 1;

/// What a host may set. `None` or empty means "use the widget's default".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HostConfig {
    pub organisation: Option<Organisation>,
    pub default_force: Option<String>,
    /// The languages to offer, in the host's order; empty means all.
    pub languages: Vec<Locale>,
    pub theme: Theme,
    /// The `directory` section as written. It is read apart, by
    /// [`read_directory`], when the journey first needs the directories, so
    /// that the first page carries none of their checks.
    pub directory: Option<Value>,
    pub quick_exit_url: Option<String>,
    /// Where to fetch the TAC table, relative to the widget.
    pub tac_table_url: Option<String>,
}

/// The deploying organisation and its own support line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Organisation {
    pub name: String,
    pub support_phone: Option<String>,
    pub support_url: Option<String>,
}

/// Colours as `#rrggbb`, and a font family from the fonts on the device.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Theme {
    pub text: Option<Rgb>,
    pub background: Option<Rgb>,
    pub link: Option<Rgb>,
    pub button: Option<Rgb>,
    pub button_text: Option<Rgb>,
    pub font: Option<String>,
}

/// A colour with its three channels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rgb` or `#rrggbb`, any case.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |s: &str| u8::from_str_radix(s, 16).ok();
        match hex.len() {
            3 => {
                let doubled: String = hex.chars().flat_map(|c| [c, c]).collect();
                Rgb::parse(&format!("#{doubled}"))
            }
            6 => Some(Rgb(
                channel(hex.get(0..2)?)?,
                channel(hex.get(2..4)?)?,
                channel(hex.get(4..6)?)?,
            )),
            _ => None,
        }
    }

    pub fn css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG relative luminance.
    fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }
}

/// A ratio cut (not rounded, so 4.499 never reads as 4.5) to at most two
/// decimals: `4.47`, `4.5`, `3`. Done by hand because Rust's float
/// formatting adds kilobytes to the wasm.
fn two_decimals(ratio: f64) -> String {
    let hundredths = (ratio * 100.0) as u32;
    let (whole, rest) = (hundredths / 100, hundredths % 100);
    match (rest, rest % 10) {
        (0, _) => format!("{whole}"),
        (_, 0) => format!("{whole}.{}", rest / 10),
        _ => format!("{whole}.{rest:02}"),
    }
}

/// The WCAG contrast ratio of two colours, from 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// The widget's own colours, which the host's must keep readable against.
pub const DEFAULT_TEXT: Rgb = Rgb(0x0b, 0x0c, 0x0c);
pub const DEFAULT_BACKGROUND: Rgb = Rgb(0xff, 0xff, 0xff);
pub const DEFAULT_BUTTON: Rgb = Rgb(0x00, 0x70, 0x3c);
pub const DEFAULT_BUTTON_TEXT: Rgb = Rgb(0xff, 0xff, 0xff);

/// A field that was dropped, and why: its path is where in the file, e.g.
/// `theme.button` or `directory.forces[2].website`.
pub type ConfigProblem = Problem;

/// Reads a host configuration. Whatever the text, it gives a config (perhaps
/// the default) and the list of what was dropped.
pub fn parse(text: &str) -> (HostConfig, Vec<ConfigProblem>) {
    let mut problems = Vec::new();
    let config = match json::parse(text) {
        Ok(root) => Fields::open(&root, "", &mut problems)
            .map(|mut root| read_root(&mut root))
            .unwrap_or_default(),
        Err(e) => {
            problems.push(Problem {
                path: String::new(),
                wrong: Wrong::Rule(format!("is not valid JSON ({e})")),
            });
            HostConfig::default()
        }
    };
    (config, problems)
}

/// A theme from separate name/value pairs (the embed snippet's `data-theme-*`
/// attributes, passed on as link parameters), with the same checks as the
/// file's `theme`.
pub fn theme_from_pairs(pairs: &[(String, String)]) -> (Theme, Vec<ConfigProblem>) {
    let object = Value::Object(
        pairs
            .iter()
            .map(|(name, value)| (name.clone(), Value::String(value.clone())))
            .collect(),
    );
    let mut problems = Vec::new();
    let theme = Fields::open(&object, "theme", &mut problems)
        .map(|mut theme| read_theme(&mut theme))
        .unwrap_or_default();
    (theme, problems)
}

/// The host's theme with `over` laid on top, field by field.
pub fn overlay_theme(base: &Theme, over: &Theme) -> Theme {
    Theme {
        text: over.text.or(base.text),
        background: over.background.or(base.background),
        link: over.link.or(base.link),
        button: over.button.or(base.button),
        button_text: over.button_text.or(base.button_text),
        font: over.font.clone().or_else(|| base.font.clone()),
    }
}

/// Long enough for any real value; anything longer is refused.
const MAX_TEXT: usize = 200;

fn rule(words: &str) -> Wrong {
    Wrong::Rule(words.to_owned())
}

fn read_root(root: &mut Fields) -> HostConfig {
    match root.get("version").and_then(Value::as_u64) {
        Some(CONFIG_VERSION) => {}
        Some(other) => {
            root.problem(
                "version",
                Wrong::Rule(format!(
                    "is {other}, but this widget reads version {CONFIG_VERSION}; nothing was applied"
                )),
            );
            return HostConfig::default();
        }
        None => {
            root.problem(
                "version",
                Wrong::Rule(format!(
                    "is missing; it must be {CONFIG_VERSION}; nothing was applied"
                )),
            );
            return HostConfig::default();
        }
    }
    const KNOWN: [&str; 9] = [
        "version",
        "organisation",
        "default_force",
        "languages",
        "theme",
        "directory",
        "quick_exit_url",
        "tac_table_url",
        "$comment",
    ];
    root.others(&KNOWN, || {
        rule("is not a setting this widget knows; it was ignored")
    });
    HostConfig {
        organisation: root
            .object("organisation")
            .and_then(|mut o| read_organisation(&mut o)),
        default_force: slug(root, "default_force"),
        languages: read_languages(root),
        theme: root
            .object("theme")
            .map(|mut theme| read_theme(&mut theme))
            .unwrap_or_default(),
        directory: root.get("directory").cloned(),
        quick_exit_url: https(root, "quick_exit_url"),
        tac_table_url: relative_url(root, "tac_table_url"),
    }
}

/// Text a deployer wrote, trimmed: not empty, not too long, and with no
/// control or direction-changing characters.
fn clean_text(fields: &mut Fields, name: &str) -> Option<String> {
    let text = fields.text(name)?.trim();
    let wrong = if text.is_empty() {
        Wrong::Empty
    } else if text.chars().count() > MAX_TEXT {
        Wrong::TooLong(MAX_TEXT)
    } else if text.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        rule("contains control or direction-changing characters")
    } else {
        return Some(text.to_owned());
    };
    fields.problem(name, wrong);
    None
}

/// Clean text that passes `check`, or the problem `otherwise`.
fn checked_text(
    fields: &mut Fields,
    name: &str,
    check: impl FnOnce(&str) -> bool,
    otherwise: &str,
) -> Option<String> {
    let text = clean_text(fields, name)?;
    if check(&text) {
        Some(text)
    } else {
        fields.problem(name, rule(otherwise));
        None
    }
}

fn slug(fields: &mut Fields, name: &str) -> Option<String> {
    checked_text(
        fields,
        name,
        is_slug,
        "must be an id like \"devon-and-cornwall\"",
    )
}

fn https(fields: &mut Fields, name: &str) -> Option<String> {
    checked_text(
        fields,
        name,
        is_valid_https_url,
        "must be an https:// address",
    )
}

/// A path on the widget's own site: the CSP allows no other.
fn relative_url(fields: &mut Fields, name: &str) -> Option<String> {
    let same_site = |text: &str| {
        let has_scheme = text
            .split('/')
            .next()
            .is_some_and(|first| first.contains(':'));
        !(has_scheme || text.starts_with("//") || text.contains('\\'))
    };
    checked_text(
        fields,
        name,
        same_site,
        "must be a path on the widget's own site, such as \"data/tac.bin\"",
    )
}

fn read_organisation(org: &mut Fields) -> Option<Organisation> {
    if org.get("name").is_none() {
        org.problem("name", Wrong::Missing);
    }
    let name = clean_text(org, "name")?;
    let support_phone = checked_text(
        org,
        "support_phone",
        is_valid_uk_phone_number,
        "is not a UK phone number",
    );
    let support_url = https(org, "support_url");
    Some(Organisation {
        name,
        support_phone,
        support_url,
    })
}

fn read_languages(root: &mut Fields) -> Vec<Locale> {
    let Some(value) = root.get("languages") else {
        return Vec::new();
    };
    let Some(list) = value.as_array() else {
        root.problem(
            "languages",
            rule("must be a list of language tags, such as [\"en-GB\", \"cy\"]"),
        );
        return Vec::new();
    };
    let mut locales = Vec::new();
    for (i, item) in list.iter().enumerate() {
        match item.as_str().and_then(Locale::from_tag) {
            Some(locale) if !locales.contains(&locale) => locales.push(locale),
            Some(_) => {}
            None => root.problem(
                &format!("languages[{i}]"),
                rule("is not a language this widget has"),
            ),
        }
    }
    locales
}

fn read_theme(theme: &mut Fields) -> Theme {
    let mut colour = |name: &str| {
        let text = clean_text(theme, name)?;
        let parsed = Rgb::parse(&text);
        if parsed.is_none() {
            theme.problem(name, rule("must be a colour like #1d70b8"));
        }
        parsed
    };
    let mut read = Theme {
        text: colour("text"),
        background: colour("background"),
        link: colour("link"),
        button: colour("button"),
        button_text: colour("button_text"),
        font: None,
    };
    let only_fonts = |font: &str| {
        font.chars()
            .all(|c| c.is_alphanumeric() || " ,-_'\"".contains(c))
    };
    read.font = checked_text(
        theme,
        "font",
        only_fonts,
        "may only name fonts, like \"Arial, sans-serif\"",
    );
    check_contrast(theme, &mut read);
    read
}

/// Refuses colours that would make text hard to read (WCAG 2.2 AA: 4.5:1
/// for text, 3:1 for a button against the page).
fn check_contrast(fields: &mut Fields, theme: &mut Theme) {
    if let Some(bg) = theme.background
        && contrast(bg, theme.text.unwrap_or(DEFAULT_TEXT)) < 4.5
    {
        fields.problem(
            "background",
            Wrong::Rule(format!(
                "{} leaves too little contrast with the text colour; WCAG needs 4.5:1",
                bg.css()
            )),
        );
        theme.background = None;
    }
    let background = theme.background.unwrap_or(DEFAULT_BACKGROUND);
    let mut refuse = |slot: &mut Option<Rgb>, name: &str, against: Rgb, what: &str, min: f64| {
        if let Some(colour) = *slot {
            let ratio = contrast(colour, against);
            if ratio < min {
                fields.problem(
                    name,
                    Wrong::Rule(format!(
                        "{} has a contrast of {}:1 against {what}; WCAG needs {}:1",
                        colour.css(),
                        two_decimals(ratio),
                        two_decimals(min)
                    )),
                );
                *slot = None;
            }
        }
    };
    refuse(&mut theme.text, "text", background, "the background", 4.5);
    refuse(&mut theme.link, "link", background, "the background", 4.5);
    refuse(
        &mut theme.button,
        "button",
        background,
        "the background",
        3.0,
    );
    let button = theme.button.unwrap_or(DEFAULT_BUTTON);
    refuse(
        &mut theme.button_text,
        "button_text",
        button,
        "the button colour",
        4.5,
    );
    if theme.button.is_some()
        && theme.button_text.is_none()
        && contrast(button, DEFAULT_BUTTON_TEXT) < 4.5
    {
        fields.problem(
            "button",
            Wrong::Rule(format!(
                "{} leaves white button text unreadable; set theme.button_text too",
                button.css()
            )),
        );
        theme.button = None;
    }
}

/// Extra or replacing directory entries. Each must pass the same checks as
/// the shipped directory, sources and dates included.
fn read_host_directory(section: &mut Fields) -> HostDirectory {
    HostDirectory {
        forces: entries(
            section,
            "forces",
            directory::force_from,
            directory::validate_forces,
        ),
        providers: entries(
            section,
            "providers",
            directory::provider_from,
            directory::validate_providers,
        ),
        services: entries(
            section,
            "services",
            directory::service_from,
            directory::validate_services,
        ),
    }
}

/// The entries under `name` that are read whole and pass `validate`; every
/// other is dropped, with each of its problems named.
fn entries<T>(
    section: &mut Fields,
    name: &str,
    read: fn(&mut Fields) -> Option<T>,
    validate: fn(&[T]) -> Vec<directory::Problem>,
) -> Vec<T> {
    let read_all = section.each(name, |entry| {
        let before = entry.problem_count();
        read(entry).filter(|_| entry.problem_count() == before)
    });
    let mut kept = Vec::new();
    for (i, entry) in read_all.into_iter().enumerate() {
        let Some(entry) = entry else { continue };
        let problems = validate(std::slice::from_ref(&entry));
        if problems.is_empty() {
            kept.push(entry);
        }
        for p in problems {
            section.problem(&format!("{name}[{i}].{}", p.field), rule(p.kind.reason()));
        }
    }
    kept
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The host's own directory entries, each checked as the shipped ones are.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HostDirectory {
    pub forces: Vec<PoliceForce>,
    pub providers: Vec<NetworkProvider>,
    pub services: Vec<SupportService>,
}

/// Reads a config's `directory` section ([`HostConfig::directory`]).
/// Like [`parse`], it never fails: a bad entry is dropped and named.
pub fn read_directory(section: &Value) -> (HostDirectory, Vec<ConfigProblem>) {
    let mut problems = Vec::new();
    let host = Fields::open(section, "directory", &mut problems)
        .map(|mut section| read_host_directory(&mut section))
        .unwrap_or_default();
    (host, problems)
}

/// The directories a page shows under `config`: the shipped ones with the
/// host's entries from its `directory` section, and that section's problems.
pub fn directories_for(config: &HostConfig) -> (Directories, Vec<ConfigProblem>) {
    let (host, problems) = match &config.directory {
        Some(section) => read_directory(section),
        None => (HostDirectory::default(), Vec::new()),
    };
    (apply_directory(&directory::shipped(), &host), problems)
}

/// The shipped directories with the host's entries added; an entry with the
/// same id as a shipped one replaces it.
pub fn apply_directory(shipped: &Directories, host: &HostDirectory) -> Directories {
    let mut merged = shipped.clone();
    for force in &host.forces {
        merged.forces.retain(|f| f.id != force.id);
        merged.forces.push(force.clone());
    }
    for provider in &host.providers {
        merged.providers.retain(|p| p.id != provider.id);
        merged.providers.push(provider.clone());
    }
    for service in &host.services {
        merged.services.retain(|s| s.id != service.id);
        merged.services.push(service.clone());
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems_of(text: &str) -> Vec<String> {
        parse(text).1.into_iter().map(|p| p.path).collect()
    }

    #[test]
    fn a_good_config_is_read_whole() {
        let (config, problems) = parse(
            r##"{"version": 1, "organisation": {"name": "Safe Haven", "support_phone": "0808 123 4567"},
                "default_force": "metropolitan", "languages": ["cy", "en-GB"],
                "theme": {"button": "#4c2c92", "font": "Arial, sans-serif"},
                "quick_exit_url": "https://www.example.org/", "tac_table_url": "data/tac.bin"}"##,
        );
        assert_eq!(problems, vec![]);
        assert_eq!(config.organisation.unwrap().name, "Safe Haven");
        assert_eq!(config.default_force.as_deref(), Some("metropolitan"));
        assert_eq!(config.languages, vec![Locale::Cy, Locale::EnGb]);
        assert_eq!(config.theme.button, Some(Rgb(0x4c, 0x2c, 0x92)));
        assert_eq!(
            config.quick_exit_url.as_deref(),
            Some("https://www.example.org/")
        );
    }

    #[test]
    fn bad_files_give_the_default_and_say_why() {
        for text in [
            "",
            "[]",
            "{",
            "null",
            r#"{"version": 2}"#,
            r#"{"theme": {}}"#,
        ] {
            let (config, problems) = parse(text);
            assert_eq!(config, HostConfig::default(), "{text}");
            assert!(!problems.is_empty(), "{text}");
        }
    }

    #[test]
    fn each_bad_field_is_named_and_the_rest_kept() {
        let (config, problems) = parse(
            r##"{"version": 1, "default_force": "<script>", "languages": ["xx", "pl"],
                "theme": {"link": "red", "text": "#000"}, "quick_exit_url": "javascript:alert(1)",
                "tac_table_url": "https://evil.example/tac.bin", "colour": "#fff"}"##,
        );
        let paths: Vec<_> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "colour",
                "default_force",
                "languages[0]",
                "theme.link",
                "quick_exit_url",
                "tac_table_url"
            ]
        );
        assert_eq!(config.languages, vec![Locale::Pl]);
        assert_eq!(config.theme.text, Some(Rgb(0, 0, 0)));
    }

    #[test]
    fn colours_that_fail_contrast_are_refused() {
        let paths =
            problems_of(r##"{"version": 1, "theme": {"link": "#ffff00", "button": "#eeeeee"}}"##);
        assert_eq!(paths, ["theme.link", "theme.button"]);
        let paths = problems_of(
            r##"{"version": 1, "theme": {"button": "#00703c", "button_text": "#00803c"}}"##,
        );
        assert_eq!(paths, ["theme.button_text"]);
    }

    #[test]
    fn contrast_matches_wcag_examples() {
        assert!((contrast(Rgb(0, 0, 0), Rgb(255, 255, 255)) - 21.0).abs() < 0.01);
        assert!((contrast(Rgb(0x1d, 0x70, 0xb8), Rgb(255, 255, 255)) - 5.17).abs() < 0.05);
    }

    #[test]
    fn ratios_read_as_written_by_wcag() {
        let written: Vec<String> = [3.0, 4.5, 4.499, 4.07, 21.0].map(two_decimals).into();
        assert_eq!(written, ["3", "4.5", "4.49", "4.07", "21"]);
    }

    #[test]
    fn fonts_that_could_break_out_of_css_are_refused() {
        assert_eq!(
            problems_of(r#"{"version": 1, "theme": {"font": "x; background: url(//evil)"}}"#),
            ["theme.font"]
        );
    }

    #[test]
    fn a_directory_section_that_is_not_an_object_is_named() {
        let (config, problems) = parse(r#"{"version": 1, "directory": ["metropolitan"]}"#);
        assert_eq!(problems, vec![]);
        let (host, problems) = read_directory(config.directory.as_ref().unwrap());
        assert_eq!(host, HostDirectory::default());
        let said: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(said, ["directory: must be an object"]);
    }

    #[test]
    fn directory_entries_must_pass_the_shipped_checks() {
        let (config, problems) = parse(
            r#"{"version": 1, "directory": {"services": [
                {"id": "local-help", "name": "Local Help", "phone": "0808 111 2222",
                 "source": {"phone": "https://local.example.org/contact"}, "checked": "2026-11-01"},
                {"id": "bad", "name": "Bad", "phone": "0909 999", "source": {}, "checked": "soon"}
            ]}}"#,
        );
        assert_eq!(problems, vec![], "the rest of the file is fine");
        let (host, problems) = read_directory(config.directory.as_ref().unwrap());
        assert_eq!(host.services.len(), 1);
        assert!(
            problems
                .iter()
                .all(|p| p.path.starts_with("directory.services[1]")),
            "{problems:?}"
        );
        // Said in words, which the release build's empty Debug would not give.
        let said: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            said.contains(&"directory.services[1].phone: is not a UK phone number".to_owned()),
            "{said:?}"
        );
        assert!(
            said.contains(
                &"directory.services[1].checked: is not a date like 2026-11-24".to_owned()
            ),
            "{said:?}"
        );
        let merged = apply_directory(&directory::shipped(), &host);
        assert!(merged.service("local-help").is_some());
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_gives_a_config(text in any::<String>()) {
            let (config, _) = parse(&text);
            if let Some(section) = &config.directory {
                let _ = read_directory(section);
            }
        }

        #[test]
        fn any_directory_section_keeps_only_entries_that_pass_the_checks(
            list in "forces|providers|services",
            id in "[a-z-]{0,6}",
            name in "[A-Za-z ]{0,4}",
            phone in "[0-9 ]{0,12}",
            website in "https://[a-z.]{0,8}",
            checked in "2026-[01][0-9]-[0-3][0-9]",
        ) {
            let source = r#"{"name": "https://s.example/n", "phone": "https://s.example/p", "website": "https://s.example/w"}"#;
            let text = format!(
                r#"{{"{list}": [{{"id": "{id}", "name": "{name}", "phone": "{phone}", "website": "{website}", "source": {source}, "checked": "{checked}"}}]}}"#
            );
            let section = json::parse(&text).unwrap();
            let (host, _) = read_directory(&section);
            prop_assert!(directory::validate_forces(&host.forces).is_empty());
            prop_assert!(directory::validate_providers(&host.providers).is_empty());
            prop_assert!(directory::validate_services(&host.services).is_empty());
        }

        #[test]
        fn any_colour_text_parses_or_not_without_panic(text in "#?[0-9a-fA-F]{0,8}") {
            let _ = Rgb::parse(&text);
        }
    }
}

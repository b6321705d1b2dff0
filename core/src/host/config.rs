//! The host configuration: a versioned JSON file a deployer serves next to
//! the widget to fit it to their organisation and area.
//!
//! Reading never fails. Each field is checked on its own; a bad field is
//! dropped with a [`ConfigProblem`] that names it and says why, and the
//! widget keeps its default for it.

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

/// A field that was dropped, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigProblem {
    /// Where in the file, e.g. `theme.button` or `directory.forces[2].website`.
    pub path: String,
    pub reason: String,
}

impl std::fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// Reads a host configuration. Whatever the text, it gives a config (perhaps
/// the default) and the list of what was dropped.
pub fn parse(text: &str) -> (HostConfig, Vec<ConfigProblem>) {
    let mut reader = Reader::default();
    let config = match json::parse(text) {
        Ok(root @ Value::Object(_)) => reader.root(&root),
        Ok(_) => {
            reader.problem("(file)", "must be a JSON object");
            HostConfig::default()
        }
        Err(e) => {
            reader.problem("(file)", &format!("is not valid JSON ({e})"));
            HostConfig::default()
        }
    };
    (config, reader.problems)
}

/// A theme from separate name/value pairs (the embed snippet's `data-theme-*`
/// attributes, passed on as link parameters), with the same checks as the
/// file's `theme`.
pub fn theme_from_pairs(pairs: &[(String, String)]) -> (Theme, Vec<ConfigProblem>) {
    let object = pairs
        .iter()
        .map(|(name, value)| (name.clone(), Value::String(value.clone())))
        .collect();
    let mut reader = Reader::default();
    let theme = reader.theme(&Value::Object(object));
    (theme, reader.problems)
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

#[derive(Default)]
struct Reader {
    problems: Vec<ConfigProblem>,
}

/// Long enough for any real value; anything longer is refused.
const MAX_TEXT: usize = 200;

impl Reader {
    fn problem(&mut self, path: &str, reason: &str) {
        self.problems.push(ConfigProblem {
            path: path.to_owned(),
            reason: reason.to_owned(),
        });
    }

    fn root(&mut self, root: &Value) -> HostConfig {
        match root.get("version").and_then(Value::as_u64) {
            Some(CONFIG_VERSION) => {}
            Some(other) => {
                self.problem("version", &format!("is {other}, but this widget reads version {CONFIG_VERSION}; nothing was applied"));
                return HostConfig::default();
            }
            None => {
                self.problem(
                    "version",
                    &format!("is missing; it must be {CONFIG_VERSION}; nothing was applied"),
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
        let keys = root.as_object().unwrap_or_default().iter().map(|(k, _)| k);
        for key in keys.filter(|k| !KNOWN.contains(&k.as_str())) {
            self.problem(key, "is not a setting this widget knows; it was ignored");
        }
        let mut config = HostConfig {
            organisation: root.get("organisation").and_then(|v| self.organisation(v)),
            default_force: root
                .get("default_force")
                .and_then(|v| self.slug("default_force", v)),
            languages: root
                .get("languages")
                .map(|v| self.languages(v))
                .unwrap_or_default(),
            theme: root.get("theme").map(|v| self.theme(v)).unwrap_or_default(),
            quick_exit_url: root
                .get("quick_exit_url")
                .and_then(|v| self.https("quick_exit_url", v)),
            tac_table_url: root
                .get("tac_table_url")
                .and_then(|v| self.relative_url("tac_table_url", v)),
            ..HostConfig::default()
        };
        config.directory = root.get("directory").cloned();
        config
    }

    fn text(&mut self, path: &str, value: &Value) -> Option<String> {
        match value.as_str().map(str::trim) {
            Some("") => {
                self.problem(path, "is empty");
                None
            }
            Some(text) if text.chars().count() > MAX_TEXT => {
                self.problem(path, &format!("is longer than {MAX_TEXT} characters"));
                None
            }
            Some(text) if text.chars().any(|c| c.is_control() || is_bidi_control(c)) => {
                self.problem(path, "contains control or direction-changing characters");
                None
            }
            Some(text) => Some(text.to_owned()),
            None => {
                self.problem(path, "must be text");
                None
            }
        }
    }

    fn slug(&mut self, path: &str, value: &Value) -> Option<String> {
        let text = self.text(path, value)?;
        if is_slug(&text) {
            Some(text)
        } else {
            self.problem(path, "must be an id like \"devon-and-cornwall\"");
            None
        }
    }

    fn https(&mut self, path: &str, value: &Value) -> Option<String> {
        let text = self.text(path, value)?;
        if is_valid_https_url(&text) {
            Some(text)
        } else {
            self.problem(path, "must be an https:// address");
            None
        }
    }

    /// A path on the widget's own site: the CSP allows no other.
    fn relative_url(&mut self, path: &str, value: &Value) -> Option<String> {
        let text = self.text(path, value)?;
        let has_scheme = text
            .split('/')
            .next()
            .is_some_and(|first| first.contains(':'));
        if has_scheme || text.starts_with("//") || text.contains('\\') {
            self.problem(
                path,
                "must be a path on the widget's own site, such as \"data/tac.bin\"",
            );
            None
        } else {
            Some(text)
        }
    }

    fn organisation(&mut self, value: &Value) -> Option<Organisation> {
        if value.as_object().is_none() {
            self.problem("organisation", "must be an object");
            return None;
        }
        let name = self.text(
            "organisation.name",
            value.get("name").unwrap_or(&Value::Null),
        )?;
        let support_phone = value.get("support_phone").and_then(|v| {
            let number = self.text("organisation.support_phone", v)?;
            if is_valid_uk_phone_number(&number) {
                Some(number)
            } else {
                self.problem("organisation.support_phone", "is not a UK phone number");
                None
            }
        });
        let support_url = value
            .get("support_url")
            .and_then(|v| self.https("organisation.support_url", v));
        Some(Organisation {
            name,
            support_phone,
            support_url,
        })
    }

    fn languages(&mut self, value: &Value) -> Vec<Locale> {
        let Some(list) = value.as_array() else {
            self.problem(
                "languages",
                "must be a list of language tags, such as [\"en-GB\", \"cy\"]",
            );
            return Vec::new();
        };
        let mut locales = Vec::new();
        for (i, item) in list.iter().enumerate() {
            match item.as_str().and_then(Locale::from_tag) {
                Some(locale) if !locales.contains(&locale) => locales.push(locale),
                Some(_) => {}
                None => self.problem(
                    &format!("languages[{i}]"),
                    "is not a language this widget has",
                ),
            }
        }
        locales
    }

    fn theme(&mut self, value: &Value) -> Theme {
        if value.as_object().is_none() {
            self.problem("theme", "must be an object");
            return Theme::default();
        }
        let mut colour = |name: &str| {
            let path = format!("theme.{name}");
            let text = self.text(&path, value.get(name)?)?;
            let parsed = Rgb::parse(&text);
            if parsed.is_none() {
                self.problem(&path, "must be a colour like #1d70b8");
            }
            parsed
        };
        let mut theme = Theme {
            text: colour("text"),
            background: colour("background"),
            link: colour("link"),
            button: colour("button"),
            button_text: colour("button_text"),
            font: None,
        };
        if let Some(font) = value.get("font") {
            theme.font = self.text("theme.font", font).and_then(|f| {
                let safe = f
                    .chars()
                    .all(|c| c.is_alphanumeric() || " ,-_'\"".contains(c));
                if safe {
                    Some(f)
                } else {
                    self.problem(
                        "theme.font",
                        "may only name fonts, like \"Arial, sans-serif\"",
                    );
                    None
                }
            });
        }
        self.check_contrast(&mut theme);
        theme
    }

    /// Refuses colours that would make text hard to read (WCAG 2.2 AA: 4.5:1
    /// for text, 3:1 for a button against the page).
    fn check_contrast(&mut self, theme: &mut Theme) {
        let background = theme.background.unwrap_or(DEFAULT_BACKGROUND);
        let refuse = |slot: &mut Option<Rgb>,
                      name: &str,
                      against: Rgb,
                      what: &str,
                      min: f64,
                      problems: &mut Vec<ConfigProblem>| {
            if let Some(colour) = *slot {
                let ratio = contrast(colour, against);
                if ratio < min {
                    problems.push(ConfigProblem {
                        path: format!("theme.{name}"),
                        reason: format!(
                            "{} has a contrast of {}:1 against {what}; WCAG needs {}:1",
                            colour.css(),
                            two_decimals(ratio),
                            two_decimals(min)
                        ),
                    });
                    *slot = None;
                }
            }
        };
        let problems = &mut self.problems;
        if let Some(bg) = theme.background
            && contrast(bg, theme.text.unwrap_or(DEFAULT_TEXT)) < 4.5
        {
            problems.push(ConfigProblem {
                path: "theme.background".into(),
                reason: format!(
                    "{} leaves too little contrast with the text colour; WCAG needs 4.5:1",
                    bg.css()
                ),
            });
            theme.background = None;
        }
        let background = theme.background.unwrap_or(background);
        refuse(
            &mut theme.text,
            "text",
            background,
            "the background",
            4.5,
            problems,
        );
        refuse(
            &mut theme.link,
            "link",
            background,
            "the background",
            4.5,
            problems,
        );
        refuse(
            &mut theme.button,
            "button",
            background,
            "the background",
            3.0,
            problems,
        );
        let button = theme.button.unwrap_or(DEFAULT_BUTTON);
        refuse(
            &mut theme.button_text,
            "button_text",
            button,
            "the button colour",
            4.5,
            problems,
        );
        if theme.button.is_some()
            && theme.button_text.is_none()
            && contrast(button, DEFAULT_BUTTON_TEXT) < 4.5
        {
            problems.push(ConfigProblem {
                path: "theme.button".into(),
                reason: format!(
                    "{} leaves white button text unreadable; set theme.button_text too",
                    button.css()
                ),
            });
            theme.button = None;
        }
    }

    /// Extra or replacing directory entries. Each must pass the same checks
    /// as the shipped directory, sources and dates included.
    fn directory(&mut self, value: &Value) -> HostDirectory {
        let mut host = HostDirectory::default();
        if value.as_object().is_none() {
            self.problem("directory", "must be an object");
            return host;
        }
        host.forces = self.entries(
            "forces",
            value.get("forces"),
            directory::force_from,
            directory::validate_forces,
        );
        host.providers = self.entries(
            "providers",
            value.get("providers"),
            directory::provider_from,
            directory::validate_providers,
        );
        host.services = self.entries(
            "services",
            value.get("services"),
            directory::service_from,
            directory::validate_services,
        );
        host
    }

    fn entries<T>(
        &mut self,
        name: &str,
        value: Option<&Value>,
        read: fn(&Value) -> Result<T, String>,
        validate: fn(&[T]) -> Vec<directory::Problem>,
    ) -> Vec<T> {
        let Some(value) = value else {
            return Vec::new();
        };
        let Some(list) = value.as_array() else {
            self.problem(&format!("directory.{name}"), "must be a list");
            return Vec::new();
        };
        let mut kept = Vec::new();
        for (i, item) in list.iter().enumerate() {
            let path = format!("directory.{name}[{i}]");
            match read(item) {
                Ok(entry) => {
                    let problems = validate(std::slice::from_ref(&entry));
                    if problems.is_empty() {
                        kept.push(entry);
                    } else {
                        for p in problems {
                            self.problem(&format!("{path}.{}", p.field), p.kind.reason());
                        }
                    }
                }
                Err(e) => self.problem(&path, &format!("is not a valid entry ({e})")),
            }
        }
        kept
    }
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
    let mut reader = Reader::default();
    let host = reader.directory(section);
    (host, reader.problems)
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

//! Signposting links: the parameters a force or commissioner may put in a
//! link to the widget (`?force=…&lang=…&crn=…&incident=…&source=…`).
//!
//! Every value is checked; a bad or unknown one is ignored with a
//! [`ParamProblem`], and none is ever treated as markup.

use crate::directory::is_slug;
use crate::i18n::Locale;
use crate::journey::Page;
use crate::values::date::{Date, parse_date};

/// What a link asked for, once checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkParams {
    pub lang: Option<Locale>,
    /// A force id; the UI checks it names a force in the directory.
    pub force: Option<String>,
    /// A crime reference given by an officer.
    pub crn: Option<String>,
    /// The date of the incident.
    pub incident: Option<Date>,
    /// A campaign tag, such as `poster-brixton`.
    pub source: Option<String>,
    /// Where the host configuration is, as a path on the widget's own site
    /// (the embed snippet passes it on).
    pub config: Option<String>,
    /// `?debug` shows configuration problems on the page for the deployer.
    pub debug: bool,
    /// Theme settings from an embed snippet, e.g. `theme-button=#4c2c92`,
    /// checked later with the host configuration's rules.
    pub theme: Vec<(String, String)>,
    /// The embedding page's origin, set by embed.js; boot.js sends the
    /// height messages to it.
    pub host_origin: Option<String>,
    /// The host opted in to quick exit leaving its whole page.
    pub quick_exit_top: bool,
    /// Shown in another site's page through embed.js.
    pub embedded: bool,
}

/// A parameter that was ignored, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamProblem {
    pub name: String,
    pub reason: &'static str,
}

/// Longer queries are cut here: no real link needs more.
const MAX_QUERY: usize = 2000;
const MAX_VALUE: usize = 60;

/// Reads a query string, with or without its leading `?`.
pub fn parse_params(query: &str) -> (LinkParams, Vec<ParamProblem>) {
    let mut params = LinkParams::default();
    let mut problems = Vec::new();
    let mut query = query.strip_prefix('?').unwrap_or(query);
    if query.len() > MAX_QUERY {
        problems.push(ParamProblem {
            name: "(link)".into(),
            reason: "is too long; only its start was read",
        });
        let mut end = MAX_QUERY;
        while !query.is_char_boundary(end) {
            end -= 1;
        }
        query = &query[..end];
    }
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_name, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let name = percent_decode(raw_name);
        let value = percent_decode(raw_value);
        let mut refuse = |reason| {
            problems.push(ParamProblem {
                name: shorten(&name),
                reason,
            })
        };
        if value.chars().count() > MAX_VALUE {
            refuse("is too long");
            continue;
        }
        match name.as_str() {
            "lang" => match Locale::from_tag(&value) {
                Some(locale) => params.lang = Some(locale),
                None => refuse("is not a language this widget has"),
            },
            "force" => {
                if is_slug(&value) {
                    params.force = Some(value);
                } else {
                    refuse("is not a force id like \"metropolitan\"");
                }
            }
            "crn" => {
                let ok = !value.trim().is_empty()
                    && value
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || " /-".contains(c));
                if ok {
                    params.crn = Some(value.trim().to_owned());
                } else {
                    refuse("may only have letters, numbers, spaces, / and -");
                }
            }
            "incident" => match parse_iso_date(&value) {
                Some(date) => params.incident = Some(date),
                None => refuse("is not a date like 2026-11-24"),
            },
            "source" => {
                let ok = !value.is_empty()
                    && value
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_".contains(c));
                if ok {
                    params.source = Some(value);
                } else {
                    refuse("may only have letters, numbers, - and _");
                }
            }
            "config" => {
                let relative = !value.is_empty()
                    && !value.starts_with("//")
                    && !value
                        .split('/')
                        .next()
                        .is_some_and(|first| first.contains(':'))
                    && value
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c));
                if relative {
                    params.config = Some(value);
                } else {
                    refuse("must be a path on the widget's own site, such as config.json");
                }
            }
            "debug" => params.debug = true,
            "quick-exit-top" => params.quick_exit_top = true,
            "embed" => params.embedded = true,
            "host" => match parse_origin(&value) {
                Some(origin) => params.host_origin = Some(origin),
                None => refuse("is not an origin like https://www.example.org"),
            },
            theme if theme.starts_with("theme-") => {
                const KEYS: [&str; 6] = [
                    "text",
                    "background",
                    "link",
                    "button",
                    "button_text",
                    "font",
                ];
                let key = theme.trim_start_matches("theme-").replace('-', "_");
                if KEYS.contains(&key.as_str()) {
                    params.theme.push((key, value));
                } else {
                    refuse("is not a theme setting this widget knows");
                }
            }
            _ => refuse("is not a parameter this widget knows"),
        }
    }
    (params, problems)
}

/// `scheme://host[:port]` with nothing after it, as `postMessage` needs.
fn parse_origin(text: &str) -> Option<String> {
    let (scheme, rest) = text.split_once("://")?;
    let host_ok = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c));
    (matches!(scheme, "https" | "http") && host_ok).then(|| text.to_owned())
}

fn parse_iso_date(text: &str) -> Option<Date> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 {
        return None;
    }
    parse_date(day, month, year).ok()
}

/// Decodes `%XX` escapes and `+` as space. Broken escapes stay as typed and
/// invalid UTF-8 becomes U+FFFD: the value is then refused by its checks.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                // Two hex digits exactly: from_str_radix alone would also take
                // a sign, reading "%+1" as byte 1.
                let hex = text
                    .get(i + 1..i + 3)
                    .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A parameter name safe to repeat in a console message.
fn shorten(name: &str) -> String {
    name.chars().filter(|c| !c.is_control()).take(30).collect()
}

/// Builds a signposting link from the widget's folder address and the
/// chosen values. A language is its pre-rendered folder (`…/pl/`), which a
/// static host serves as it is, in that language, before any script runs.
pub fn signpost_link(
    base: &str,
    force: Option<&str>,
    lang: Option<Locale>,
    source: Option<&str>,
) -> String {
    let mut pairs = Vec::new();
    if let Some(force) = force.filter(|f| is_slug(f)) {
        pairs.push(format!("force={force}"));
    }
    if let Some(source) = source.filter(|s| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_".contains(c))
    }) {
        pairs.push(format!("source={source}"));
    }
    let folder = base.split(['?', '#']).next().unwrap_or(base);
    let base = match lang.and_then(|l| Page::Start.pre_rendered_path(l)) {
        Some(path) => format!("{}/{path}", folder.trim_end_matches('/')),
        None => folder.to_owned(),
    };
    if pairs.is_empty() {
        base
    } else {
        format!("{base}?{}", pairs.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_commissioners_link_is_read() {
        let (params, problems) = parse_params(
            "?force=west-midlands&lang=cy&crn=20%2F12345%2F26&incident=2026-11-24&source=poster-1",
        );
        assert_eq!(problems, vec![]);
        assert_eq!(params.force.as_deref(), Some("west-midlands"));
        assert_eq!(params.lang, Some(Locale::Cy));
        assert_eq!(params.crn.as_deref(), Some("20/12345/26"));
        assert_eq!(params.incident, Date::new(2026, 11, 24).ok());
        assert_eq!(params.source.as_deref(), Some("poster-1"));
    }

    #[test]
    fn hostile_values_are_ignored_and_named() {
        let long = "a".repeat(5000);
        let query = format!(
            "force=%3Cscript%3Ealert(1)%3C%2Fscript%3E&lang=javascript:alert(1)&crn=<img src=x onerror=alert(1)>&incident=tomorrow&x={long}"
        );
        let (params, problems) = parse_params(&query);
        assert_eq!(params, LinkParams::default());
        let names: Vec<_> = problems.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["(link)", "force", "lang", "crn", "incident", "x"]);
    }

    #[test]
    fn embed_parameters_are_read_and_checked() {
        let (params, problems) = parse_params(
            "embed=1&host=https%3A%2F%2Fcharity.example.org&theme-button=%234c2c92&theme-button-text=%23ffffff&quick-exit-top&theme-shadow=1&host2=x",
        );
        assert_eq!(
            params.host_origin.as_deref(),
            Some("https://charity.example.org")
        );
        assert!(params.quick_exit_top);
        assert_eq!(
            params.theme,
            vec![
                ("button".into(), "#4c2c92".into()),
                ("button_text".into(), "#ffffff".into())
            ]
        );
        let names: Vec<_> = problems.iter().map(|p| p.name.as_str()).collect();
        assert!(params.embedded);
        assert_eq!(names, ["theme-shadow", "host2"]);
        let (_, problems) = parse_params("host=javascript:alert(1)//");
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn only_two_hex_digits_make_an_escape() {
        assert_eq!(percent_decode("%41%+1%-1%4"), "A% 1%-1%4");
        let (params, problems) = parse_params("source=a%+1");
        assert_eq!(params.source, None);
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn a_signposting_link_round_trips() {
        let link = signpost_link(
            "https://help.example.org/widget/?old=1",
            Some("kent"),
            Some(Locale::Pl),
            Some("bus-stop"),
        );
        assert_eq!(
            link,
            "https://help.example.org/widget/pl/?force=kent&source=bus-stop"
        );
        let (params, problems) = parse_params(link.split_once('?').unwrap().1);
        assert!(problems.is_empty());
        assert_eq!(params.force.as_deref(), Some("kent"));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_query_gives_params_without_panic(query in any::<String>()) {
            let _ = parse_params(&query);
        }
    }
}

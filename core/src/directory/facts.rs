//! Every fact from the directories that a victim can see (a number to call
//! or text, a web page), each with where it was read, the sentence it was
//! read in and when: what `cargo xtask facts` lists for a person to re-check.

use crate::directory::numbers::NUMBER_FIELDS;
use crate::directory::{Directories, Sources};

/// The fields a victim sees as a link or a number, in any directory.
const SHOWN_FIELDS: [&str; 9] = [
    "website",
    "report_online_url",
    "web_page",
    "non_emergency",
    "non_emergency_text",
    "phone",
    "lost_stolen_uk",
    "lost_stolen_abroad",
    "hours",
];

/// One shown fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    /// The entry's id, such as `btp` or `ee`.
    pub entry: String,
    /// The entry's name, such as "British Transport Police".
    pub name: String,
    pub field: &'static str,
    pub value: String,
    /// Where it was read; empty when the entry names no source for it.
    pub source: String,
    /// The sentence the source gives it in; empty when not recorded.
    pub quote: String,
    pub checked: String,
    /// Only a secondary source says it. A number marked so is never shown
    /// (the widget's copy leaves it out); a page still is.
    pub secondary: bool,
}

impl Fact {
    /// Whether the value is a number to call or text.
    pub fn is_number(&self) -> bool {
        NUMBER_FIELDS.contains(&self.field)
    }
}

/// Every filled shown field of every entry, in file order.
pub fn facts(directories: &Directories) -> Vec<Fact> {
    let mut out = Vec::new();
    for f in &directories.forces {
        let fields = [
            ("website", &f.website),
            ("report_online_url", &f.report_online_url),
            ("non_emergency", &f.non_emergency),
            ("non_emergency_text", &f.non_emergency_text),
        ];
        let entry = Entry {
            id: &f.id,
            name: &f.name,
            source: &f.source,
            quote: &f.quote,
            secondary: &f.secondary_sources,
            checked: &f.checked,
        };
        entry.push(&fields, &mut out);
    }
    for p in &directories.providers {
        let fields = [
            ("lost_stolen_uk", &p.lost_stolen_uk),
            ("lost_stolen_abroad", &p.lost_stolen_abroad),
            ("web_page", &p.web_page),
            ("hours", &p.hours),
        ];
        let entry = Entry {
            id: &p.id,
            name: &p.name,
            source: &p.source,
            quote: &p.quote,
            secondary: &p.secondary_sources,
            checked: &p.checked,
        };
        entry.push(&fields, &mut out);
    }
    for s in &directories.services {
        let fields = [
            ("phone", &s.phone),
            ("website", &s.website),
            ("report_online_url", &s.report_online_url),
            ("hours", &s.hours),
        ];
        let entry = Entry {
            id: &s.id,
            name: &s.name,
            source: &s.source,
            quote: &s.quote,
            secondary: &s.secondary_sources,
            checked: &s.checked,
        };
        entry.push(&fields, &mut out);
    }
    out
}

/// What every directory entry has in common, for listing its facts.
struct Entry<'a> {
    id: &'a str,
    name: &'a str,
    source: &'a Sources,
    quote: &'a Sources,
    secondary: &'a [String],
    checked: &'a str,
}

impl Entry<'_> {
    fn push(&self, fields: &[(&'static str, &String)], out: &mut Vec<Fact>) {
        let named = |list: &Sources, field: &str| {
            list.iter()
                .find(|(name, _)| name == field)
                .map(|(_, text)| text.clone())
                .unwrap_or_default()
        };
        for &(field, value) in fields {
            if value.is_empty() {
                continue;
            }
            debug_assert!(SHOWN_FIELDS.contains(&field));
            out.push(Fact {
                entry: self.id.to_owned(),
                name: self.name.to_owned(),
                field,
                value: value.clone(),
                source: named(self.source, field),
                quote: named(self.quote, field),
                checked: self.checked.to_owned(),
                secondary: self.secondary.iter().any(|s| s == field),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::{self, is_official};

    fn full() -> Directories {
        let read = |name: &str| {
            std::fs::read_to_string(format!("{}/../data/{name}", env!("CARGO_MANIFEST_DIR")))
                .unwrap()
        };
        Directories::from_json(
            &read("police_forces.json"),
            &read("network_providers.json"),
            &read("support_services.json"),
        )
    }

    #[test]
    fn every_shown_fact_has_its_source_its_sentence_and_its_organisations_domain() {
        let directories = full();
        let mut problems = Vec::new();
        for fact in facts(&directories) {
            let domains = domains_of(&directories, &fact.entry);
            let id = format!("{} {} ({})", fact.entry, fact.field, fact.value);
            if domains.is_empty() {
                problems.push(format!("{id}: the entry lists no domains of its own"));
            }
            if fact.source.is_empty() {
                problems.push(format!("{id}: no source"));
            } else if !fact.secondary && !is_official(&fact.source, &domains) {
                problems.push(format!(
                    "{id}: {} is not on {domains:?} nor police.uk, Ofcom or GOV.UK",
                    fact.source
                ));
            }
            if fact.quote.trim().is_empty() {
                problems.push(format!("{id}: no quoted sentence"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn a_number_only_a_secondary_source_gives_is_not_shown() {
        let full = full();
        let shipped = &directory::shipped();
        for fact in facts(&full).iter().filter(|f| f.secondary && f.is_number()) {
            let shown = facts(shipped)
                .into_iter()
                .any(|f| f.entry == fact.entry && f.field == fact.field);
            assert!(!shown, "{} {} is shown", fact.entry, fact.field);
        }
    }

    fn domains_of(directories: &Directories, id: &str) -> Vec<String> {
        directories
            .force(id)
            .map(|f| f.domains.clone())
            .or_else(|| directories.provider(id).map(|p| p.domains.clone()))
            .or_else(|| directories.service(id).map(|s| s.domains.clone()))
            .unwrap_or_default()
    }
}

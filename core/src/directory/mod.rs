//! Directories of police forces, network providers and support services.
//!
//! The facts live in `data/*.json` so that a deployer can read, check and override them without
//! touching code. Every fact carries the address it was read from and the date it was checked.
//! A field we could not confirm is shipped empty: the UI then falls back to "call 101" or "use
//! your provider's website" instead of showing a number nobody has checked.

pub mod facts;
pub mod numbers;
mod shipped;

pub use shipped::shipped;

#[cfg(test)]
use crate::directory::numbers::NUMBER_FIELDS;
use crate::json::fields::{self, Fields, Wrong};
use crate::json::{self, Value};
use crate::values::date::Date;
use crate::values::phone::is_valid_uk_phone_number;

/// Where each fact of an entry was read: field name and URL (or document
/// name), in the order the file gives them. Each field is named once: the
/// JSON reader keeps the last of repeated names.
pub type Sources = Vec<(String, String)>;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PoliceForce {
    pub id: String,
    pub name: String,
    pub website: String,
    /// The force's own "report a crime" page; empty when not confirmed.
    pub report_online_url: String,
    pub non_emergency: String,
    /// A number to text for a non-emergency (British Transport Police's
    /// 61016); empty when the force has none.
    pub non_emergency_text: String,
    /// Where the force works, as nation ids (`england`, `wales`, `scotland`,
    /// `northern-ireland`): it decides which victim support service is shown.
    pub nations: Vec<String>,
    pub source: Sources,
    /// Fields whose only source is not the force itself or an official aggregator.
    pub secondary_sources: Vec<String>,
    /// The organisation's own web domains, where its sources must be.
    pub domains: Vec<String>,
    /// For each shown field, the sentence its source gives it in.
    pub quote: Sources,
    pub checked: String,
    pub note: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NetworkProvider {
    pub id: String,
    pub name: String,
    /// The network a virtual operator runs on, as a provider id; empty for the networks.
    pub runs_on: String,
    /// Number to call from a UK line; empty when not confirmed.
    pub lost_stolen_uk: String,
    /// Number to call from abroad, in +44 form; empty when not confirmed.
    pub lost_stolen_abroad: String,
    /// The provider's lost or stolen help page; empty when not confirmed.
    pub web_page: String,
    /// When the UK number answers: `24/7`, or empty when the source does not say.
    pub hours: String,
    pub source: Sources,
    pub secondary_sources: Vec<String>,
    pub domains: Vec<String>,
    pub quote: Sources,
    pub checked: String,
    pub note: String,
}

/// A sourced statement that applies to the whole directory, such as the liability cap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcedNote {
    pub text: String,
    pub source: String,
    pub checked: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderDirectory {
    pub liability_cap: Option<SourcedNote>,
    pub providers: Vec<NetworkProvider>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SupportService {
    pub id: String,
    pub name: String,
    pub phone: String,
    pub website: String,
    pub report_online_url: String,
    /// Where the service applies, e.g. "England, Wales and Northern Ireland".
    pub coverage: String,
    /// The same as nation ids, as a force's `nations`.
    pub nations: Vec<String>,
    /// When the phone line answers: `24/7`, or empty when the source does not say.
    pub hours: String,
    /// What the widget uses it for (`ServiceKind`), as written in the file.
    pub kind: String,
    pub source: Sources,
    pub secondary_sources: Vec<String>,
    pub domains: Vec<String>,
    pub quote: Sources,
    pub checked: String,
    pub note: String,
}

/// The three directories, plus any error met while reading them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Directories {
    pub forces: Vec<PoliceForce>,
    pub providers: Vec<NetworkProvider>,
    pub liability_cap: Option<SourcedNote>,
    pub services: Vec<SupportService>,
    /// One message per file that failed to parse; that directory is then empty.
    pub load_errors: Vec<String>,
}

pub fn parse_forces(json: &str) -> Result<Vec<PoliceForce>, String> {
    read_file(json, "police forces", |file| {
        list(file, "forces", force_from)
    })
}

pub fn parse_providers(json: &str) -> Result<ProviderDirectory, String> {
    read_file(json, "network providers", |file| {
        let liability_cap = match file.get("liability_cap") {
            None | Some(Value::Null) => None,
            Some(_) => file
                .object("liability_cap")
                .and_then(|mut n| note_from(&mut n)),
        };
        ProviderDirectory {
            liability_cap,
            providers: list(file, "providers", provider_from),
        }
    })
}

pub fn parse_services(json: &str) -> Result<Vec<SupportService>, String> {
    read_file(json, "support services", |file| {
        list(file, "services", service_from)
    })
}

/// One data file read by `read`. Any problem fails the file, with every
/// problem named by its place, after the directory's name.
fn read_file<T>(
    json: &str,
    directory: &str,
    read: impl FnOnce(&mut Fields) -> T,
) -> Result<T, String> {
    let file = json::parse(json).map_err(|error| format!("{directory}: {error}"))?;
    let mut problems = Vec::new();
    let read = Fields::open(&file, "", &mut problems).map(|mut file| read(&mut file));
    match read {
        Some(read) if problems.is_empty() => Ok(read),
        _ => {
            let said: Vec<String> = problems.iter().map(fields::Problem::to_string).collect();
            Err(format!("{directory}: {}", said.join("; ")))
        }
    }
}

/// The entries listed under `name`, each read by `read`; a missing list is
/// a problem.
fn list<T>(file: &mut Fields, name: &str, read: fn(&mut Fields) -> Option<T>) -> Vec<T> {
    if file.get(name).is_none() {
        file.problem(name, Wrong::Missing);
    }
    file.each(name, read).into_iter().flatten().collect()
}

/// A text field that may be left out, meaning "not confirmed".
fn text_or_empty(entry: &mut Fields, name: &str) -> String {
    entry.text(name).unwrap_or_default().to_owned()
}

fn required(entry: &mut Fields, name: &str) -> String {
    entry.required_text(name).unwrap_or_default().to_owned()
}

/// One police force, as `data/police_forces.json` and a host configuration
/// write it; `None` only if it is not one at all (its problems are noted).
pub fn force_from(entry: &mut Fields) -> Option<PoliceForce> {
    Some(PoliceForce {
        id: required(entry, "id"),
        name: required(entry, "name"),
        website: text_or_empty(entry, "website"),
        report_online_url: text_or_empty(entry, "report_online_url"),
        non_emergency: text_or_empty(entry, "non_emergency"),
        non_emergency_text: text_or_empty(entry, "non_emergency_text"),
        nations: entry.text_list("nations"),
        source: sources(entry),
        secondary_sources: entry.text_list("secondary_sources"),
        domains: entry.text_list("domains"),
        quote: named_texts(entry, "quote"),
        checked: required(entry, "checked"),
        note: text_or_empty(entry, "note"),
    })
}

/// One network provider, as `data/network_providers.json` and a host
/// configuration write it.
pub fn provider_from(entry: &mut Fields) -> Option<NetworkProvider> {
    Some(NetworkProvider {
        id: required(entry, "id"),
        name: required(entry, "name"),
        runs_on: text_or_empty(entry, "runs_on"),
        lost_stolen_uk: text_or_empty(entry, "lost_stolen_uk"),
        lost_stolen_abroad: text_or_empty(entry, "lost_stolen_abroad"),
        web_page: text_or_empty(entry, "web_page"),
        hours: text_or_empty(entry, "hours"),
        source: sources(entry),
        secondary_sources: entry.text_list("secondary_sources"),
        domains: entry.text_list("domains"),
        quote: named_texts(entry, "quote"),
        checked: required(entry, "checked"),
        note: text_or_empty(entry, "note"),
    })
}

/// One support service, as `data/support_services.json` and a host
/// configuration write it.
pub fn service_from(entry: &mut Fields) -> Option<SupportService> {
    Some(SupportService {
        id: required(entry, "id"),
        name: required(entry, "name"),
        phone: text_or_empty(entry, "phone"),
        website: text_or_empty(entry, "website"),
        report_online_url: text_or_empty(entry, "report_online_url"),
        coverage: text_or_empty(entry, "coverage"),
        nations: entry.text_list("nations"),
        hours: text_or_empty(entry, "hours"),
        kind: text_or_empty(entry, "kind"),
        source: sources(entry),
        secondary_sources: entry.text_list("secondary_sources"),
        domains: entry.text_list("domains"),
        quote: named_texts(entry, "quote"),
        checked: required(entry, "checked"),
        note: text_or_empty(entry, "note"),
    })
}

fn note_from(entry: &mut Fields) -> Option<SourcedNote> {
    Some(SourcedNote {
        text: required(entry, "text"),
        source: required(entry, "source"),
        checked: required(entry, "checked"),
    })
}

/// `source`: each field name with where it was read.
fn sources(entry: &mut Fields) -> Sources {
    if entry.get("source").is_none() {
        entry.problem("source", Wrong::Missing);
    }
    named_texts(entry, "source")
}

/// An object of text under `name`, such as `source` or `quote`, as field
/// names with their text; empty when left out.
fn named_texts(entry: &mut Fields, name: &str) -> Sources {
    let Some(mut named) = entry.object(name) else {
        return Sources::new();
    };
    let mut texts = Sources::new();
    for (field, value) in named.members() {
        if let Some(text) = named.as_text(field, value) {
            texts.push((field.clone(), text.to_owned()));
        }
    }
    texts
}

impl Directories {
    /// Never fails: a file that does not parse leaves its directory empty and records why,
    /// so the widget still works with its fallbacks and can say what went wrong.
    pub fn from_json(forces_json: &str, providers_json: &str, services_json: &str) -> Self {
        let mut directories = Directories::default();
        match parse_forces(forces_json) {
            Ok(forces) => directories.forces = forces,
            Err(error) => directories.load_errors.push(error),
        }
        match parse_providers(providers_json) {
            Ok(file) => {
                directories.providers = file.providers;
                directories.liability_cap = file.liability_cap;
            }
            Err(error) => directories.load_errors.push(error),
        }
        match parse_services(services_json) {
            Ok(services) => directories.services = services,
            Err(error) => directories.load_errors.push(error),
        }
        directories
    }

    pub fn force(&self, id: &str) -> Option<&PoliceForce> {
        self.forces.iter().find(|force| force.id == id)
    }

    pub fn provider(&self, id: &str) -> Option<&NetworkProvider> {
        self.providers.iter().find(|provider| provider.id == id)
    }

    pub fn service(&self, id: &str) -> Option<&SupportService> {
        self.services.iter().find(|service| service.id == id)
    }

    /// The first service of `kind`, in file order (a host's entry that
    /// replaces a shipped one keeps its kind).
    pub fn service_of(&self, kind: ServiceKind) -> Option<&SupportService> {
        self.services
            .iter()
            .find(|service| service.kind == kind.key())
    }

    /// The phone number of the first service of `kind`, if it has one.
    pub fn service_phone(&self, kind: ServiceKind) -> Option<String> {
        self.service_of(kind)
            .map(|service| service.phone.clone())
            .filter(|phone| !phone.is_empty())
    }

    /// The address of a phone maker's page (`ServiceKind::MakerPage`) by its
    /// id, such as `apple-find-devices`; `None` when the directory lacks it.
    pub fn maker_page(&self, id: &str) -> Option<String> {
        self.service(id)
            .map(|service| service.website.clone())
            .filter(|website| !website.is_empty())
    }

    /// The victim support services for where it happened: those that cover
    /// one of the force's nations, or every one when no force is known, in
    /// file order. British Transport Police cover three nations, so a
    /// railway theft shows each of their services.
    pub fn victim_support_for(&self, force: Option<&PoliceForce>) -> Vec<&SupportService> {
        self.services
            .iter()
            .filter(|service| service.kind == ServiceKind::VictimSupport.key())
            .filter(|service| {
                force.is_none_or(|force| {
                    force.nations.is_empty()
                        || service.nations.iter().any(|n| force.nations.contains(n))
                })
            })
            .collect()
    }

    /// Forces in alphabetical order, for a "choose your force" list.
    pub fn forces_by_name(&self) -> Vec<&PoliceForce> {
        let mut forces: Vec<&PoliceForce> = self.forces.iter().collect();
        forces.sort_by_key(|force| force.name.to_ascii_lowercase());
        forces
    }

    /// Providers in alphabetical order, for a "who is your provider" list.
    pub fn providers_by_name(&self) -> Vec<&NetworkProvider> {
        let mut providers: Vec<&NetworkProvider> = self.providers.iter().collect();
        providers.sort_by_key(|provider| provider.name.to_ascii_lowercase());
        providers
    }

    /// Every problem in every directory; empty means the data is fit to show.
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = validate_forces(&self.forces);
        problems.extend(validate_providers(&self.providers));
        if let Some(note) = &self.liability_cap {
            problems.extend(validate_note("liability_cap", note));
        }
        problems.extend(validate_services(&self.services));
        problems
    }
}

/// What a support service is for, so the widget can find it without
/// knowing its id: a host may replace it with its own entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiceKind {
    /// The emergency number (999), which the words name.
    Emergency,
    /// Emotional and practical support after a crime, shown on the report.
    VictimSupport,
    /// A line that puts the victim through to their own bank (159).
    Bank,
    /// Where to report fraud that follows the theft.
    Fraud,
    /// A register of phones' IMEIs that police check when one is found.
    PropertyRegister,
    /// A transport operator's lost property office.
    LostProperty,
    /// Text relay to the emergency services, for people who cannot speak.
    EmergencyRelay,
    /// A phone maker's own page (find and lock a phone, its IMEI), found by id.
    MakerPage,
}

impl ServiceKind {
    pub const ALL: [ServiceKind; 8] = [
        ServiceKind::Emergency,
        ServiceKind::VictimSupport,
        ServiceKind::Bank,
        ServiceKind::Fraud,
        ServiceKind::PropertyRegister,
        ServiceKind::LostProperty,
        ServiceKind::EmergencyRelay,
        ServiceKind::MakerPage,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ServiceKind::Emergency => "emergency",
            ServiceKind::VictimSupport => "victim-support",
            ServiceKind::Bank => "bank",
            ServiceKind::Fraud => "fraud",
            ServiceKind::PropertyRegister => "property-register",
            ServiceKind::LostProperty => "lost-property",
            ServiceKind::EmergencyRelay => "emergency-relay",
            ServiceKind::MakerPage => "maker-page",
        }
    }
}

/// The makers' pages the widget links to, by id.
pub const MAKER_PAGES: [&str; 6] = [
    "apple-find-devices",
    "apple-account-devices",
    "apple-imei-help",
    "google-find-hub",
    "google-remote-lock",
    "samsung-smartthings-find",
];

/// The `hours` of a line that is open 24 hours a day, 7 days a week.
pub const ALWAYS_OPEN: &str = "24/7";

/// The nations a force or a service can cover.
pub const NATIONS: [&str; 4] = ["england", "wales", "scotland", "northern-ireland"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    MissingName,
    BadId,
    DuplicateId,
    BadPhoneNumber,
    BadUrl,
    /// The entry names no source at all, or a source is blank or not a URL.
    BadSource,
    /// A filled field has no source of its own.
    UnsourcedField,
    BadCheckedDate,
    /// A nation id that is not one of `NATIONS`.
    UnknownNation,
    /// A service kind that is not one of `ServiceKind`'s.
    UnknownKind,
    /// Opening hours other than "24/7".
    BadHours,
    /// A field's source is not on the organisation's own domains, and the
    /// field is not marked as backed by a secondary source.
    SourceNotOfficial,
}

impl ProblemKind {
    /// The problem in plain words, after the field's name.
    pub fn reason(self) -> &'static str {
        match self {
            ProblemKind::MissingName => "is blank; every entry needs a name",
            ProblemKind::BadId => {
                "is not an id of lower-case letters and digits joined by single hyphens"
            }
            ProblemKind::DuplicateId => "is an id another entry already has",
            ProblemKind::BadPhoneNumber => "is not a UK phone number",
            ProblemKind::BadUrl => "is not a web address starting https://",
            ProblemKind::BadSource => {
                "needs a source: the address or the name of the document it was read from"
            }
            ProblemKind::UnsourcedField => "is filled in but has no source of its own",
            ProblemKind::BadCheckedDate => "is not a date like 2026-11-24",
            ProblemKind::UnknownNation => {
                "names a nation other than england, wales, scotland or northern-ireland"
            }
            ProblemKind::BadHours => "is not \"24/7\", the only hours the widget can say",
            ProblemKind::SourceNotOfficial => {
                "has a source that is not on the organisation's own site (nor police.uk, Ofcom or GOV.UK); mark it in secondary_sources if it must stay"
            }
            ProblemKind::UnknownKind => {
                "is not one of emergency, victim-support, bank, fraud, property-register, lost-property, emergency-relay or maker-page"
            }
        }
    }
}

/// One thing wrong with one field of one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub entry_id: String,
    pub field: String,
    pub kind: ProblemKind,
}

impl Problem {
    fn new(entry_id: &str, field: &str, kind: ProblemKind) -> Self {
        Problem {
            entry_id: entry_id.to_string(),
            field: field.to_string(),
            kind,
        }
    }
}

pub fn validate_forces(forces: &[PoliceForce]) -> Vec<Problem> {
    let mut problems = check_ids(forces.iter().map(|force| force.id.as_str()));
    for force in forces {
        let mut entry = EntryCheck::new(
            &force.id,
            &force.source,
            &force.domains,
            &force.secondary_sources,
        );
        entry.name(&force.name);
        entry.url("website", &force.website);
        entry.url("report_online_url", &force.report_online_url);
        entry.phone("non_emergency", &force.non_emergency);
        entry.phone("non_emergency_text", &force.non_emergency_text);
        entry.nations(&force.nations);
        entry.checked(&force.checked);
        problems.extend(entry.problems);
    }
    problems
}

pub fn validate_providers(providers: &[NetworkProvider]) -> Vec<Problem> {
    let mut problems = check_ids(providers.iter().map(|provider| provider.id.as_str()));
    for provider in providers {
        let mut entry = EntryCheck::new(
            &provider.id,
            &provider.source,
            &provider.domains,
            &provider.secondary_sources,
        );
        entry.name(&provider.name);
        entry.phone("lost_stolen_uk", &provider.lost_stolen_uk);
        entry.phone("lost_stolen_abroad", &provider.lost_stolen_abroad);
        // From abroad a national number will not connect, so only +44 is useful there.
        if !provider.lost_stolen_abroad.is_empty()
            && !provider.lost_stolen_abroad.trim_start().starts_with("+44")
        {
            entry.problem("lost_stolen_abroad", ProblemKind::BadPhoneNumber);
        }
        entry.url("web_page", &provider.web_page);
        entry.hours(&provider.hours);
        entry.checked(&provider.checked);
        let runs_on_known = provider.runs_on.is_empty()
            || providers.iter().any(|other| other.id == provider.runs_on);
        if !runs_on_known {
            entry.problem("runs_on", ProblemKind::BadId);
        }
        problems.extend(entry.problems);
    }
    problems
}

pub fn validate_services(services: &[SupportService]) -> Vec<Problem> {
    let mut problems = check_ids(services.iter().map(|service| service.id.as_str()));
    for service in services {
        let mut entry = EntryCheck::new(
            &service.id,
            &service.source,
            &service.domains,
            &service.secondary_sources,
        );
        entry.name(&service.name);
        entry.phone("phone", &service.phone);
        entry.url("website", &service.website);
        entry.url("report_online_url", &service.report_online_url);
        entry.nations(&service.nations);
        entry.hours(&service.hours);
        if !service.kind.is_empty() && !ServiceKind::ALL.iter().any(|k| k.key() == service.kind) {
            entry.problem("kind", ProblemKind::UnknownKind);
        }
        entry.checked(&service.checked);
        problems.extend(entry.problems);
    }
    problems
}

fn validate_note(id: &str, note: &SourcedNote) -> Vec<Problem> {
    let mut problems = Vec::new();
    if note.text.trim().is_empty() {
        problems.push(Problem::new(id, "text", ProblemKind::MissingName));
    }
    if !is_valid_source(&note.source) {
        problems.push(Problem::new(id, "source", ProblemKind::BadSource));
    }
    if !is_valid_date(&note.checked) {
        problems.push(Problem::new(id, "checked", ProblemKind::BadCheckedDate));
    }
    problems
}

fn check_ids<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen = Vec::new();
    for id in ids {
        if !is_slug(id) {
            problems.push(Problem::new(id, "id", ProblemKind::BadId));
        }
        if seen.contains(&id) {
            problems.push(Problem::new(id, "id", ProblemKind::DuplicateId));
        }
        seen.push(id);
    }
    problems
}

/// Collects the problems of one entry; every filled field must be well formed and sourced.
struct EntryCheck<'a> {
    id: &'a str,
    sources: &'a Sources,
    domains: &'a [String],
    secondary: &'a [String],
    problems: Vec<Problem>,
}

impl<'a> EntryCheck<'a> {
    fn new(
        id: &'a str,
        sources: &'a Sources,
        domains: &'a [String],
        secondary: &'a [String],
    ) -> Self {
        let mut problems = Vec::new();
        if sources.is_empty() {
            problems.push(Problem::new(id, "source", ProblemKind::BadSource));
        }
        for (field, source) in sources {
            if !is_valid_source(source) {
                problems.push(Problem::new(
                    id,
                    &format!("source.{field}"),
                    ProblemKind::BadSource,
                ));
            }
        }
        EntryCheck {
            id,
            sources,
            domains,
            secondary,
            problems,
        }
    }

    fn problem(&mut self, field: &str, kind: ProblemKind) {
        self.problems.push(Problem::new(self.id, field, kind));
    }

    fn name(&mut self, name: &str) {
        if name.trim().is_empty() {
            self.problem("name", ProblemKind::MissingName);
        }
    }

    fn url(&mut self, field: &str, value: &str) {
        if value.is_empty() {
            return;
        }
        if !is_valid_https_url(value) {
            self.problem(field, ProblemKind::BadUrl);
        }
        self.sourced(field);
    }

    fn phone(&mut self, field: &str, value: &str) {
        if value.is_empty() {
            return;
        }
        if !is_valid_uk_phone_number(value) {
            self.problem(field, ProblemKind::BadPhoneNumber);
        }
        self.sourced(field);
    }

    /// Opening hours the widget can word: only "24/7" for now.
    fn hours(&mut self, hours: &str) {
        if hours.is_empty() {
            return;
        }
        if hours != ALWAYS_OPEN {
            self.problem("hours", ProblemKind::BadHours);
        }
        self.sourced("hours");
    }

    fn nations(&mut self, nations: &[String]) {
        if nations.iter().any(|n| !NATIONS.contains(&n.as_str())) {
            self.problem("nations", ProblemKind::UnknownNation);
        }
    }

    /// A filled field needs a source of its own. Once the entry names its
    /// domains, that source is on one of them (or on police.uk, Ofcom or
    /// GOV.UK), unless the field is marked as backed by a secondary source.
    fn sourced(&mut self, field: &str) {
        let Some((_, source)) = self.sources.iter().find(|(named, _)| named == field) else {
            self.problem(field, ProblemKind::UnsourcedField);
            return;
        };
        let secondary = self.secondary.iter().any(|named| named == field);
        if !self.domains.is_empty() && !secondary && !is_official(source, self.domains) {
            self.problem(field, ProblemKind::SourceNotOfficial);
        }
    }

    fn checked(&mut self, checked: &str) {
        if !is_valid_date(checked) {
            self.problem("checked", ProblemKind::BadCheckedDate);
        }
    }
}

/// Sites that speak for any force, service or provider here: police.uk (and
/// every force's own site under it), Ofcom and GOV.UK.
const OFFICIAL_DOMAINS: [&str; 3] = ["police.uk", "ofcom.org.uk", "gov.uk"];

/// Whether `source` is a page on one of `domains` or the official sites: its
/// host is the domain or ends with "." and the domain.
pub fn is_official(source: &str, domains: &[String]) -> bool {
    let Some(rest) = source
        .strip_prefix("https://")
        .or_else(|| source.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or_default();
    let on = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
    domains.iter().any(|d| on(d)) || OFFICIAL_DOMAINS.iter().any(|d| on(d))
}

/// Lower-case letters and digits in groups joined by single hyphens, e.g. `devon-and-cornwall`.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit())
        })
}

/// `https://` and a dotted host name; nothing else is safe to open for a victim.
pub fn is_valid_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    if url.chars().any(char::is_whitespace) {
        return false;
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    // A user-info part ("bank.co.uk@evil.example") would disguise the real host.
    host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !host.contains("..")
        && host
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'.')
}

/// A source is the address we read (kept exactly as read, so plain http is allowed) or a named
/// document such as a shipped CSV; it must not be blank.
fn is_valid_source(source: &str) -> bool {
    let source = source.trim();
    if source.is_empty() {
        return false;
    }
    match source.strip_prefix("http://") {
        Some(rest) => is_valid_https_url(&format!("https://{rest}")),
        None => !source.starts_with("https://") || is_valid_https_url(source),
    }
}

/// `YYYY-MM-DD` with a real month and day.
pub fn is_valid_date(date: &str) -> bool {
    Date::parse_iso(date).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(fields: &[&str]) -> Sources {
        fields
            .iter()
            .map(|field| {
                (
                    field.to_string(),
                    "https://www.example.org.uk/page".to_string(),
                )
            })
            .collect()
    }

    fn good_force() -> PoliceForce {
        PoliceForce {
            id: "test-force".into(),
            name: "Test Police".into(),
            website: "https://www.test.police.uk".into(),
            report_online_url: String::new(),
            non_emergency: "101".into(),
            non_emergency_text: String::new(),
            nations: vec!["england".into()],
            source: sources(&["website", "non_emergency"]),
            secondary_sources: Vec::new(),
            domains: Vec::new(),
            quote: Sources::new(),
            checked: "2026-11-25".into(),
            note: String::new(),
        }
    }

    fn good_provider() -> NetworkProvider {
        NetworkProvider {
            id: "test-mobile".into(),
            name: "Test Mobile".into(),
            runs_on: String::new(),
            lost_stolen_uk: "0800 123 4567".into(),
            lost_stolen_abroad: "+44 7700 900123".into(),
            web_page: "https://www.test-mobile.co.uk/lost".into(),
            hours: String::new(),
            source: sources(&["lost_stolen_uk", "lost_stolen_abroad", "web_page"]),
            secondary_sources: Vec::new(),
            domains: Vec::new(),
            quote: Sources::new(),
            checked: "2026-11-25".into(),
            note: String::new(),
        }
    }

    fn kinds(problems: &[Problem]) -> Vec<(String, ProblemKind)> {
        problems
            .iter()
            .map(|problem| (problem.field.clone(), problem.kind))
            .collect()
    }

    /// The directories as reviewers keep them, with every source and date.
    fn full() -> Directories {
        Directories::from_json(
            include_str!("../../../data/police_forces.json"),
            include_str!("../../../data/network_providers.json"),
            include_str!("../../../data/support_services.json"),
        )
    }

    #[test]
    fn shipped_directories_parse_and_pass_validation() {
        let directories = full();
        assert_eq!(directories.load_errors, Vec::<String>::new());
        assert_eq!(directories.validate(), Vec::<Problem>::new());
    }

    #[test]
    fn the_runtime_copy_keeps_every_fact_the_widget_shows() {
        let mut full = full();
        full.liability_cap = None;
        // A number whose only source is secondary is never shown.
        let unshown = |secondary: &[String], field: &str| {
            NUMBER_FIELDS.contains(&field) && secondary.iter().any(|s| s == field)
        };
        for force in &mut full.forces {
            let secondary = std::mem::take(&mut force.secondary_sources);
            (force.source, force.checked, force.note) = Default::default();
            (force.domains, force.quote) = Default::default();
            for (field, value) in [
                ("non_emergency", &mut force.non_emergency),
                ("non_emergency_text", &mut force.non_emergency_text),
            ] {
                if unshown(&secondary, field) {
                    value.clear();
                }
            }
        }
        for provider in &mut full.providers {
            let secondary = std::mem::take(&mut provider.secondary_sources);
            (provider.source, provider.checked, provider.note) = Default::default();
            (provider.domains, provider.quote) = Default::default();
            for (field, value) in [
                ("lost_stolen_uk", &mut provider.lost_stolen_uk),
                ("lost_stolen_abroad", &mut provider.lost_stolen_abroad),
            ] {
                if unshown(&secondary, field) {
                    value.clear();
                }
            }
        }
        for service in &mut full.services {
            let secondary = std::mem::take(&mut service.secondary_sources);
            (service.source, service.checked, service.note) = Default::default();
            (service.domains, service.quote) = Default::default();
            if unshown(&secondary, "phone") {
                service.phone.clear();
            }
        }
        assert_eq!(shipped(), full);
    }

    #[test]
    fn shipped_forces_cover_england_wales_scotland_northern_ireland_and_transport() {
        let directories = &shipped();
        // 43 territorial forces, Police Scotland, PSNI and British Transport Police.
        assert_eq!(directories.forces.len(), 46);
        for id in [
            "metropolitan",
            "city-of-london",
            "police-scotland",
            "northern-ireland",
            "btp",
        ] {
            assert!(directories.force(id).is_some(), "missing force {id}");
        }
        let names: Vec<&str> = directories
            .forces_by_name()
            .iter()
            .map(|force| force.name.as_str())
            .collect();
        let mut sorted = names.clone();
        sorted.sort_by_key(|name| name.to_ascii_lowercase());
        assert_eq!(names, sorted);
    }

    #[test]
    fn shipped_providers_and_services_are_all_present() {
        let directories = &shipped();
        assert_eq!(directories.providers.len(), 16);
        assert!(directories.provider("ee").is_some());
        assert!(full().liability_cap.is_some());
        for id in MAKER_PAGES {
            assert!(directories.maker_page(id).is_some(), "no maker page {id}");
        }
        for kind in ServiceKind::ALL {
            assert!(
                directories.service_of(kind).is_some(),
                "no service of kind {}",
                kind.key()
            );
        }
    }

    #[test]
    fn every_force_names_its_nations() {
        for force in &full().forces {
            assert!(!force.nations.is_empty(), "{} names no nation", force.id);
        }
    }

    #[test]
    fn victim_support_is_the_one_for_where_it_happened() {
        let directories = &shipped();
        let support = |force: &str| -> Vec<&str> {
            directories
                .victim_support_for(directories.force(force))
                .iter()
                .map(|s| s.name.as_str())
                .collect()
        };
        let england_and_wales = "Victim Support (England and Wales)";
        assert_eq!(support("metropolitan"), [england_and_wales]);
        assert_eq!(support("dyfed-powys"), [england_and_wales]);
        assert_eq!(support("police-scotland"), ["Victim Support Scotland"]);
        assert_eq!(support("northern-ireland"), ["Victim Support NI"]);
        assert_eq!(
            support("btp"),
            [england_and_wales, "Victim Support Scotland"]
        );
        assert_eq!(directories.victim_support_for(None).len(), 3);
    }

    #[test]
    fn hours_are_24_7_or_not_given() {
        let open = |hours: &str, sourced: bool| NetworkProvider {
            hours: hours.into(),
            source: if sourced {
                sources(&["lost_stolen_uk", "lost_stolen_abroad", "web_page", "hours"])
            } else {
                good_provider().source
            },
            ..good_provider()
        };
        assert_eq!(validate_providers(&[open("24/7", true)]), Vec::new());
        assert_eq!(
            kinds(&validate_providers(&[open("9am to 5pm", true)])),
            [("hours".to_string(), ProblemKind::BadHours)]
        );
        assert_eq!(
            kinds(&validate_providers(&[open("24/7", false)])),
            [("hours".to_string(), ProblemKind::UnsourcedField)]
        );
    }

    #[test]
    fn catches_an_unknown_nation_and_kind() {
        let force = PoliceForce {
            nations: vec!["england".into(), "Wales".into()],
            ..good_force()
        };
        assert_eq!(
            kinds(&validate_forces(&[force])),
            [("nations".to_string(), ProblemKind::UnknownNation)]
        );
        let mut service = full().services[0].clone();
        service.kind = "charity".into();
        assert_eq!(
            kinds(&validate_services(&[service])),
            [("kind".to_string(), ProblemKind::UnknownKind)]
        );
    }

    #[test]
    fn a_broken_file_gives_an_empty_directory_and_an_error() {
        let directories = Directories::from_json(
            "{not json",
            include_str!("../../../data/network_providers.json"),
            include_str!("../../../data/support_services.json"),
        );
        assert!(directories.forces.is_empty());
        assert_eq!(directories.load_errors.len(), 1);
        assert!(!directories.providers.is_empty());
    }

    #[test]
    fn good_entries_have_no_problems() {
        assert_eq!(validate_forces(&[good_force()]), Vec::new());
        assert_eq!(validate_providers(&[good_provider()]), Vec::new());
    }

    #[test]
    fn catches_a_blank_name() {
        let force = PoliceForce {
            name: "  ".into(),
            ..good_force()
        };
        assert_eq!(
            kinds(&validate_forces(&[force])),
            [("name".to_string(), ProblemKind::MissingName)]
        );
    }

    #[test]
    fn catches_an_id_that_is_not_a_slug() {
        let force = PoliceForce {
            id: "Test Force".into(),
            ..good_force()
        };
        let problems = validate_forces(&[force]);
        assert_eq!(problems[0].entry_id, "Test Force");
        assert_eq!(kinds(&problems), [("id".to_string(), ProblemKind::BadId)]);
    }

    #[test]
    fn catches_a_duplicate_id() {
        assert_eq!(
            kinds(&validate_forces(&[good_force(), good_force()])),
            [("id".to_string(), ProblemKind::DuplicateId)]
        );
    }

    #[test]
    fn catches_a_bad_phone_number() {
        let force = PoliceForce {
            non_emergency: "0909 123 4567".into(),
            ..good_force()
        };
        assert_eq!(
            kinds(&validate_forces(&[force])),
            [("non_emergency".to_string(), ProblemKind::BadPhoneNumber)]
        );
    }

    #[test]
    fn catches_a_national_number_given_for_calling_from_abroad() {
        let provider = NetworkProvider {
            lost_stolen_abroad: "07700 900123".into(),
            ..good_provider()
        };
        assert_eq!(
            kinds(&validate_providers(&[provider])),
            [(
                "lost_stolen_abroad".to_string(),
                ProblemKind::BadPhoneNumber
            )]
        );
    }

    #[test]
    fn catches_a_url_that_is_not_https() {
        let force = PoliceForce {
            website: "http://www.test.police.uk".into(),
            ..good_force()
        };
        assert_eq!(
            kinds(&validate_forces(&[force])),
            [("website".to_string(), ProblemKind::BadUrl)]
        );
    }

    #[test]
    fn catches_an_entry_without_sources() {
        let force = PoliceForce {
            website: String::new(),
            non_emergency: String::new(),
            source: Sources::new(),
            ..good_force()
        };
        assert_eq!(
            kinds(&validate_forces(&[force])),
            [("source".to_string(), ProblemKind::BadSource)]
        );
    }

    #[test]
    fn catches_a_filled_field_without_its_own_source() {
        let force = PoliceForce {
            report_online_url: "https://www.test.police.uk/report".into(),
            ..good_force()
        };
        assert_eq!(
            kinds(&validate_forces(&[force])),
            [("report_online_url".to_string(), ProblemKind::UnsourcedField)]
        );
    }

    #[test]
    fn catches_a_blank_source() {
        let mut force = good_force();
        for (field, url) in &mut force.source {
            if field == "website" {
                *url = " ".into();
            }
        }
        assert_eq!(
            kinds(&validate_forces(&[force])),
            [("source.website".to_string(), ProblemKind::BadSource)]
        );
    }

    #[test]
    fn catches_a_bad_checked_date() {
        let force = PoliceForce {
            checked: "25/11/2026".into(),
            ..good_force()
        };
        assert_eq!(
            kinds(&validate_forces(&[force])),
            [("checked".to_string(), ProblemKind::BadCheckedDate)]
        );
    }

    #[test]
    fn catches_a_virtual_network_on_an_unknown_host_network() {
        let provider = NetworkProvider {
            runs_on: "nowhere".into(),
            ..good_provider()
        };
        assert_eq!(
            kinds(&validate_providers(&[provider])),
            [("runs_on".to_string(), ProblemKind::BadId)]
        );
    }

    #[test]
    fn urls_must_be_https_with_a_real_host() {
        assert!(is_valid_https_url("https://www.police.uk/pu/contact-us/"));
        for bad in [
            "http://www.police.uk",
            "https://",
            "https://localhost/",
            "https://www.bank.co.uk@evil.example/",
            "https://www.police.uk/a page",
        ] {
            assert!(!is_valid_https_url(bad), "{bad} should be rejected");
        }
    }

    #[test]
    fn checked_dates_must_be_real_days() {
        assert!(is_valid_date("2026-11-25"));
        assert!(is_valid_date("2028-02-29"));
        assert!(!is_valid_date("2026-02-29"));
        assert!(!is_valid_date("2026-13-01"));
        assert!(!is_valid_date("2026-1-01"));
    }
}

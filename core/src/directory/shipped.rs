//! The directories compiled into the widget. `core/build.rs` writes them
//! from `data/` as the typed rows below: only the fields the widget shows,
//! and no number whose only source is secondary. Measured in `cargo xtask
//! size` against a JSON copy read at run time, the rows made the journey's
//! module 585 bytes of brotli smaller (11 KB raw).

use super::{Directories, NetworkProvider, PoliceForce, SupportService};

pub struct ForceRow {
    id: &'static str,
    name: &'static str,
    website: &'static str,
    report_online_url: &'static str,
    non_emergency: &'static str,
    non_emergency_text: &'static str,
    nations: &'static [&'static str],
}

pub struct ProviderRow {
    id: &'static str,
    name: &'static str,
    runs_on: &'static str,
    lost_stolen_uk: &'static str,
    lost_stolen_abroad: &'static str,
    web_page: &'static str,
    hours: &'static str,
}

pub struct ServiceRow {
    id: &'static str,
    name: &'static str,
    phone: &'static str,
    website: &'static str,
    report_online_url: &'static str,
    coverage: &'static str,
    nations: &'static [&'static str],
    hours: &'static str,
    kind: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/shipped_directories.rs"));

fn owned(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

/// The directories shipped with the widget. Each call builds them afresh:
/// the widget keeps the result.
pub fn shipped() -> Directories {
    let forces = FORCES.iter().map(|r| PoliceForce {
        id: r.id.to_owned(),
        name: r.name.to_owned(),
        website: r.website.to_owned(),
        report_online_url: r.report_online_url.to_owned(),
        non_emergency: r.non_emergency.to_owned(),
        non_emergency_text: r.non_emergency_text.to_owned(),
        nations: owned(r.nations),
        // Sources, quotes, dates and notes stay in `data/`.
        ..Default::default()
    });
    let providers = PROVIDERS.iter().map(|r| NetworkProvider {
        id: r.id.to_owned(),
        name: r.name.to_owned(),
        runs_on: r.runs_on.to_owned(),
        lost_stolen_uk: r.lost_stolen_uk.to_owned(),
        lost_stolen_abroad: r.lost_stolen_abroad.to_owned(),
        web_page: r.web_page.to_owned(),
        hours: r.hours.to_owned(),
        // Sources, quotes, dates and notes stay in `data/`.
        ..Default::default()
    });
    let services = SERVICES.iter().map(|r| SupportService {
        id: r.id.to_owned(),
        name: r.name.to_owned(),
        phone: r.phone.to_owned(),
        website: r.website.to_owned(),
        report_online_url: r.report_online_url.to_owned(),
        coverage: r.coverage.to_owned(),
        nations: owned(r.nations),
        hours: r.hours.to_owned(),
        kind: r.kind.to_owned(),
        // Sources, quotes, dates and notes stay in `data/`.
        ..Default::default()
    });
    Directories {
        forces: forces.collect(),
        providers: providers.collect(),
        liability_cap: None,
        services: services.collect(),
        load_errors: Vec::new(),
    }
}

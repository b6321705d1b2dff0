//! `cargo xtask facts`: every fact the victim can see, with its source, the
//! sentence the source gives it in and the date it was checked, oldest
//! first, for a person to open each source again before a release.

use stolen_phone_core::directory::Directories;
use stolen_phone_core::directory::facts::{Fact, facts};
use stolen_phone_core::values::date::Date;

use crate::{Result, repo_root};

/// A fact checked longer ago than this is flagged for re-checking.
const STALE_DAYS: i64 = 183;

pub fn run() -> Result {
    let read = |name: &str| {
        std::fs::read_to_string(repo_root().join("data").join(name))
            .map_err(|e| format!("cannot read data/{name}: {e}"))
    };
    let directories = Directories::from_json(
        &read("police_forces.json")?,
        &read("network_providers.json")?,
        &read("support_services.json")?,
    );
    if !directories.load_errors.is_empty() {
        return Err(directories.load_errors.join("; ").into());
    }
    let today = days_from_civil_today();
    let mut all = facts(&directories);
    all.sort_by(|a, b| (&a.checked, &a.entry, a.field).cmp(&(&b.checked, &b.entry, b.field)));
    for fact in &all {
        print!("{}", describe(fact, today));
    }
    println!();
    print!("{}", summary(&directories, &all, today));
    Ok(())
}

fn describe(fact: &Fact, today: Option<i64>) -> String {
    let mut flags = Vec::new();
    if fact.secondary {
        flags.push(if fact.is_number() {
            "SECONDARY ONLY: not shown"
        } else {
            "SECONDARY ONLY"
        });
    }
    if is_stale(&fact.checked, today) {
        flags.push("OLDER THAN 6 MONTHS: re-check");
    }
    let flags = if flags.is_empty() {
        String::new()
    } else {
        format!("  [{}]", flags.join("; "))
    };
    format!(
        "{checked}  {name} ({entry}) {field}: {value}{flags}\n    source: {source}\n    says:   \"{quote}\"\n",
        checked = fact.checked,
        name = fact.name,
        entry = fact.entry,
        field = fact.field,
        value = fact.value,
        source = fact.source,
        quote = fact.quote,
    )
}

fn summary(directories: &Directories, all: &[Fact], today: Option<i64>) -> String {
    let firsthand = |entry: &str, fields: &[&str]| {
        all.iter()
            .any(|f| f.entry == entry && !f.secondary && fields.contains(&f.field))
    };
    let forces = directories
        .forces
        .iter()
        .filter(|f| !f.website.is_empty() || !f.report_online_url.is_empty())
        .count();
    let forms = directories
        .forces
        .iter()
        .filter(|f| !f.report_online_url.is_empty())
        .count();
    let providers = directories
        .providers
        .iter()
        .filter(|p| firsthand(&p.id, &["lost_stolen_uk", "lost_stolen_abroad", "web_page"]))
        .count();
    let numbers = directories
        .providers
        .iter()
        .filter(|p| firsthand(&p.id, &["lost_stolen_uk"]))
        .count();
    let secondary: Vec<String> = all
        .iter()
        .filter(|f| f.secondary)
        .map(|f| format!("{} {}", f.entry, f.field))
        .collect();
    let oldest = all
        .iter()
        .map(|f| f.checked.as_str())
        .min()
        .unwrap_or("none");
    let stale = all.iter().filter(|f| is_stale(&f.checked, today)).count();
    format!(
        "{} facts. Police forces with an online form or a website: {forces}/{} ({forms} with an online form). \
         Providers with a lost or stolen number or page from their own site: {providers}/{} ({numbers} with a number). \
         Backed only by a secondary source: {} ({}). Oldest checked: {oldest}. Older than 6 months: {stale}.\n\
         Before a release, open each source above, compare it with what it says here, and record \
         the new date in the entry's `checked` (and the sentence in its `quote`).\n",
        all.len(),
        directories.forces.len(),
        directories.providers.len(),
        secondary.len(),
        if secondary.is_empty() {
            "none".to_owned()
        } else {
            secondary.join(", ")
        },
    )
}

fn is_stale(checked: &str, today: Option<i64>) -> bool {
    match (parse_date(checked), today) {
        (Some(day), Some(today)) => today - day > STALE_DAYS,
        // A date that cannot be read is as good as none.
        (None, _) => true,
        (Some(_), None) => false,
    }
}

/// `YYYY-MM-DD` as days since 1970-01-01.
fn parse_date(date: &str) -> Option<i64> {
    Date::parse_iso(date).ok().map(Date::days_since_1970)
}

fn days_from_civil_today() -> Option<i64> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    i64::try_from(secs / 86_400).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_in_days() {
        assert_eq!(parse_date("1970-01-02"), Some(1));
        assert_eq!(parse_date("2026-13-01"), None);
        let today = parse_date("2026-12-01");
        assert!(!is_stale("2026-06-02", today));
        assert!(is_stale("2026-05-30", today));
        assert!(is_stale("not a date", today));
    }
}

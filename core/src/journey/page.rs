//! The pages and the URL hash that names each one. The hash keeps the
//! browser's back and forward buttons working without taking over the host
//! page's links.

use crate::i18n::Locale;

/// Every page the widget can show, the journey's pages in journey order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Page {
    /// What this does, what helps, and "call 999". It asks nothing, so the
    /// urgent steps come before any question.
    Start,
    /// Lock the phone, change the email password first, call the bank on 159.
    ActNow,
    /// Whose device this is, which decides whether anything is saved.
    WhoseDevice,
    WhatHappened,
    When,
    Where,
    /// Make, model, colour and features.
    Phone,
    PhoneNumber,
    Network,
    DualSim,
    /// Where to find the IMEI without the phone.
    FindImei,
    EnterImei,
    /// The IMEI(s) split into their parts, once they check out.
    ImeiChecked,
    /// Block the phone with the network provider and note their reference.
    BlockIt,
    Police,
    /// The crime reference, or the lost-property reference when lost.
    Reference,
    /// Whether the phone is insured.
    Insurance,
    /// Insurer, policy number and claim reference.
    InsuranceDetails,
    CheckAnswers,
    Report,
    /// For staff: decode and verify a report code. Outside the journey.
    CheckCode,
    /// Outside the journey.
    About,
    /// For staff: make a signposting link, its QR code and a poster.
    Signpost,
}

impl Page {
    pub const ALL: [Page; 23] = [
        Page::Start,
        Page::ActNow,
        Page::WhoseDevice,
        Page::WhatHappened,
        Page::When,
        Page::Where,
        Page::Phone,
        Page::PhoneNumber,
        Page::Network,
        Page::DualSim,
        Page::FindImei,
        Page::EnterImei,
        Page::ImeiChecked,
        Page::BlockIt,
        Page::Police,
        Page::Reference,
        Page::Insurance,
        Page::InsuranceDetails,
        Page::CheckAnswers,
        Page::Report,
        Page::CheckCode,
        Page::About,
        Page::Signpost,
    ];

    /// The hash that names this page, e.g. `#/imei`.
    pub fn hash(self) -> &'static str {
        match self {
            Page::Start => "#/",
            Page::ActNow => "#/act-now",
            Page::WhoseDevice => "#/whose-device",
            Page::WhatHappened => "#/what-happened",
            Page::When => "#/when",
            Page::Where => "#/where",
            Page::Phone => "#/phone",
            Page::PhoneNumber => "#/phone-number",
            Page::Network => "#/network",
            Page::DualSim => "#/dual-sim",
            Page::FindImei => "#/find-imei",
            Page::EnterImei => "#/imei",
            Page::ImeiChecked => "#/imei/checked",
            Page::BlockIt => "#/block",
            Page::Police => "#/police",
            Page::Reference => "#/reference",
            Page::Insurance => "#/insurance",
            Page::InsuranceDetails => "#/insurance/details",
            Page::CheckAnswers => "#/check-answers",
            Page::Report => "#/report",
            Page::CheckCode => "#/check-code",
            Page::About => "#/about",
            Page::Signpost => "#/signpost",
        }
    }

    /// The pages the release build also writes as plain HTML, one copy a
    /// language, so that they show before the wasm and without it.
    pub const PRE_RENDERED: [Page; 2] = [Page::Start, Page::ActNow];

    /// Where this page's plain HTML copy in `locale` lives, from the
    /// widget's own folder (`cy/`, `cy/act-now/`): a folder a static host
    /// serves as it is. Only the pre-rendered pages have one.
    pub fn pre_rendered_path(self, locale: Locale) -> Option<String> {
        let folder = locale.tag().to_ascii_lowercase();
        match self {
            Page::Start => Some(format!("{folder}/")),
            Page::ActNow => Some(format!("{folder}/act-now/")),
            _ => None,
        }
    }

    /// Whether the page is a step of the journey, as opposed to the staff
    /// page and the about page.
    pub fn is_in_journey(self) -> bool {
        !matches!(self, Page::CheckCode | Page::About | Page::Signpost)
    }
}

/// The page a hash names. A query after `?` is ignored here (deep-link
/// settings are read elsewhere), and anything unknown is the start page, so a
/// mangled link still lands somewhere useful.
pub fn route(hash: &str) -> Page {
    let path = hash.split('?').next().unwrap_or_default();
    Page::ALL
        .into_iter()
        .find(|page| bare(page.hash()) == bare(path))
        .unwrap_or(Page::Start)
}

/// `#/imei/` and `#/imei` are the same page.
fn bare(hash: &str) -> &str {
    hash.trim_start_matches('#').trim_end_matches('/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pre_rendered_pages_have_a_folder_each_language() {
        assert_eq!(
            Page::Start.pre_rendered_path(Locale::EnGb).as_deref(),
            Some("en-gb/")
        );
        assert_eq!(
            Page::ActNow.pre_rendered_path(Locale::Cy).as_deref(),
            Some("cy/act-now/")
        );
        assert_eq!(Page::When.pre_rendered_path(Locale::Cy), None);
        for page in Page::PRE_RENDERED {
            let mut paths: Vec<String> = Locale::ALL
                .into_iter()
                .filter_map(|l| page.pre_rendered_path(l))
                .collect();
            paths.dedup();
            assert_eq!(
                paths.len(),
                Locale::ALL.len(),
                "{page:?}: one folder a language"
            );
        }
    }

    #[test]
    fn every_page_round_trips_through_its_hash() {
        for page in Page::ALL {
            assert_eq!(route(page.hash()), page);
        }
    }

    #[test]
    fn a_trailing_slash_or_a_query_names_the_same_page() {
        assert_eq!(route("#/imei/"), Page::EnterImei);
        assert_eq!(route("#/police?force=kent"), Page::Police);
    }

    #[test]
    fn unknown_or_empty_hashes_go_to_the_start() {
        for hash in ["", "#", "#/nope", "#<script>", "imei", "#//"] {
            assert_eq!(route(hash), Page::Start);
        }
    }
}

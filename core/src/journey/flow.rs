//! Which page comes next, which came before, and which page a URL may show.
//!
//! The journey is `Page::ALL` in order, less the pages the answers make
//! irrelevant, so going forward and going back always agree.

use super::validate::{is_answered, validate};
use super::{Answers, Page};
use crate::values::date::Date;

/// How the victim reached a question page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Page by page through the journey.
    #[default]
    Journey,
    /// From a "Change" link on the check-answers page: Continue and Back
    /// return there, unless the change opened a question still unanswered.
    Changing,
}

/// Whether the answers leave `page` in the journey.
fn is_on_path(page: Page, answers: &Answers) -> bool {
    match page {
        Page::Police => !answers.is_lost(),
        Page::ImeiChecked => !answers.imei_not_found,
        Page::InsuranceDetails => answers.insured == Some(true),
        Page::CheckCode | Page::About | Page::Signpost => false,
        _ => true,
    }
}

/// The journey's pages for these answers, from the start to the report.
pub fn path(answers: &Answers) -> Vec<Page> {
    Page::ALL
        .into_iter()
        .filter(|&page| is_on_path(page, answers))
        .collect()
}

/// The page after Continue on `page`. From the report, the staff page or the
/// about page, it is the start.
pub fn next(page: Page, answers: &Answers, mode: Mode) -> Page {
    if mode == Mode::Changing && page.is_in_journey() && page < Page::CheckAnswers {
        return Page::ALL
            .into_iter()
            .filter(|&p| p > page && p < Page::CheckAnswers && is_on_path(p, answers))
            .find(|&p| !is_answered(p, answers))
            .unwrap_or(Page::CheckAnswers);
    }
    if !page.is_in_journey() || page == Page::Report {
        return Page::Start;
    }
    Page::ALL
        .into_iter()
        .find(|&p| p > page && is_on_path(p, answers))
        .unwrap_or(Page::Report)
}

/// The page the back link goes to. The start page has none, so it is
/// itself; the staff and about pages go back to the start.
pub fn previous(page: Page, answers: &Answers, mode: Mode) -> Page {
    Checked {
        path: path(answers),
        first_gap: None,
    }
    .previous(page, mode)
}

/// The answers checked once, for everything that asks which page may show
/// or where Back goes: each page's questions are validated once per change
/// of the answers, not once per reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    /// The journey's pages for these answers.
    path: Vec<Page>,
    /// The first page on the path whose answers are not all there and right.
    first_gap: Option<Page>,
}

impl Checked {
    pub fn new(answers: &Answers, today: Date) -> Checked {
        let path = path(answers);
        let first_gap = path
            .iter()
            .copied()
            .find(|&p| !validate(p, answers, today).is_empty());
        Checked { path, first_gap }
    }

    /// The page to show when the URL names `page`: a page whose earlier
    /// questions are not all answered falls back to the first that is not,
    /// so that a deep link or the back and forward buttons never show a page
    /// that cannot work. A page the answers leave out gives way to the one
    /// after it.
    ///
    /// The pre-rendered pages show whatever is answered: Act now, like the
    /// start page, asks nothing first, since its plain HTML copy is linked
    /// from the start page's copy and from posters.
    pub fn reachable(&self, page: Page) -> Page {
        if !page.is_in_journey() || Page::PRE_RENDERED.contains(&page) {
            return page;
        }
        let target = if self.path.contains(&page) {
            page
        } else {
            // As `next` finds it page by page, from the path.
            self.path
                .iter()
                .copied()
                .find(|&p| p > page)
                .unwrap_or(Page::Report)
        };
        match self.first_gap {
            Some(gap) if gap < target => gap,
            _ => target,
        }
    }

    /// The page the back link goes to, as [`previous`] finds it.
    pub fn previous(&self, page: Page, mode: Mode) -> Page {
        if !page.is_in_journey() {
            return Page::Start;
        }
        if mode == Mode::Changing && page < Page::CheckAnswers && page != Page::Start {
            return Page::CheckAnswers;
        }
        self.path
            .iter()
            .rev()
            .copied()
            .find(|&p| p < page)
            .unwrap_or(Page::Start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reachable(page: Page, answers: &Answers, today: Date) -> Page {
        Checked::new(answers, today).reachable(page)
    }
    use crate::device::make::Make;
    use crate::journey::{DualSim, HowReported, Network, WhoseDevice};
    use crate::report::WhatHappened;

    fn today() -> Date {
        Date::new(2025, 3, 9).unwrap()
    }

    /// A victim who answered everything, on their own phone, single SIM,
    /// pickpocketed, with a crime reference and no insurance.
    fn complete() -> Answers {
        Answers {
            whose_device: Some(WhoseDevice::Mine),
            incident: Some(WhatHappened::Theft),
            date_day: "8".into(),
            date_month: "3".into(),
            date_year: "2025".into(),
            time: "9pm".into(),
            place: "Oxford Street".into(),
            postcode: "W1D 1BS".into(),
            make: Some(Make::Apple),
            model: "iPhone 15".into(),
            colour: "Blue".into(),
            phone_number: "07700 900123".into(),
            network: Some(Network::Listed("vodafone".into())),
            dual_sim: Some(DualSim::No),
            imei_1: "352099001761481".into(),
            provider_reference: "VF-123".into(),
            police_force: Some("metropolitan".into()),
            how_reported: Some(HowReported::Online),
            crime_reference: "CR/12345/25".into(),
            insured: Some(false),
            ..Answers::default()
        }
    }

    const COMMON_START: [Page; 11] = [
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
    ];

    fn expected(middle: &[Page], end: &[Page]) -> Vec<Page> {
        [&COMMON_START[..], middle, end].concat()
    }

    /// Follows Continue from the start to the report, checking that Back
    /// retraces every step.
    fn walk(answers: &Answers) -> Vec<Page> {
        let mut pages = vec![Page::Start];
        let mut page = Page::Start;
        while page != Page::Report && pages.len() <= Page::ALL.len() {
            let after = next(page, answers, Mode::Journey);
            assert_eq!(previous(after, answers, Mode::Journey), page);
            assert!(validate(page, answers, today()).is_empty(), "{page:?}");
            assert_eq!(reachable(after, answers, today()), after);
            page = after;
            pages.push(page);
        }
        pages
    }

    fn walk_back(answers: &Answers) -> Vec<Page> {
        let mut pages = vec![Page::Report];
        while let Some(&page) = pages.last().filter(|&&p| p != Page::Start) {
            pages.push(previous(page, answers, Mode::Journey));
        }
        pages.reverse();
        pages
    }

    fn check_path(answers: &Answers, expected: Vec<Page>) {
        assert_eq!(walk(answers), expected);
        assert_eq!(walk_back(answers), expected);
        assert_eq!(path(answers), expected);
    }

    const CRIME_MIDDLE: [Page; 5] = [
        Page::EnterImei,
        Page::ImeiChecked,
        Page::BlockIt,
        Page::Police,
        Page::Reference,
    ];
    const NO_INSURANCE_END: [Page; 3] = [Page::Insurance, Page::CheckAnswers, Page::Report];

    #[test]
    fn theft_robbery_and_burglary_go_through_the_police() {
        for incident in [
            WhatHappened::Theft,
            WhatHappened::Robbery,
            WhatHappened::Burglary,
        ] {
            let answers = Answers {
                incident: Some(incident),
                ..complete()
            };
            check_path(&answers, expected(&CRIME_MIDDLE, &NO_INSURANCE_END));
        }
    }

    #[test]
    fn lost_skips_the_police_and_asks_for_a_lost_property_reference() {
        let answers = Answers {
            incident: Some(WhatHappened::Lost),
            lost_property_reference: "LP 998".into(),
            ..complete()
        };
        let middle = [
            Page::EnterImei,
            Page::ImeiChecked,
            Page::BlockIt,
            Page::Reference,
        ];
        check_path(&answers, expected(&middle, &NO_INSURANCE_END));
    }

    #[test]
    fn i_cannot_find_the_imei_skips_the_imei_check() {
        let answers = Answers {
            imei_1: String::new(),
            imei_not_found: true,
            ..complete()
        };
        let middle = [
            Page::EnterImei,
            Page::BlockIt,
            Page::Police,
            Page::Reference,
        ];
        check_path(&answers, expected(&middle, &NO_INSURANCE_END));
    }

    #[test]
    fn dual_sim_goes_the_same_way_with_a_second_imei() {
        let answers = Answers {
            dual_sim: Some(DualSim::Yes),
            imei_2: "490154203237518".into(),
            ..complete()
        };
        check_path(&answers, expected(&CRIME_MIDDLE, &NO_INSURANCE_END));
    }

    #[test]
    fn no_crime_reference_yet_goes_on_to_insurance() {
        let answers = Answers {
            crime_reference: String::new(),
            crime_reference_later: true,
            how_reported: Some(HowReported::NotYet),
            ..complete()
        };
        check_path(&answers, expected(&CRIME_MIDDLE, &NO_INSURANCE_END));
    }

    #[test]
    fn insurance_asks_for_the_insurer_only_when_insured() {
        let answers = Answers {
            insured: Some(true),
            insurer: "Example Insurance".into(),
            ..complete()
        };
        let end = [
            Page::Insurance,
            Page::InsuranceDetails,
            Page::CheckAnswers,
            Page::Report,
        ];
        check_path(&answers, expected(&CRIME_MIDDLE, &end));
    }

    #[test]
    fn a_change_from_check_answers_returns_there() {
        let answers = complete();
        for page in [Page::When, Page::EnterImei, Page::Insurance] {
            assert_eq!(next(page, &answers, Mode::Changing), Page::CheckAnswers);
            assert_eq!(previous(page, &answers, Mode::Changing), Page::CheckAnswers);
        }
    }

    #[test]
    fn a_change_that_opens_a_new_question_asks_it_first() {
        let answers = Answers {
            insured: Some(true),
            ..complete()
        };
        let after = next(Page::Insurance, &answers, Mode::Changing);
        assert_eq!(after, Page::InsuranceDetails);
        let answers = Answers {
            insurer: "Example Insurance".into(),
            ..answers
        };
        assert_eq!(next(after, &answers, Mode::Changing), Page::CheckAnswers);

        let found_later = Answers {
            incident: Some(WhatHappened::Robbery),
            police_force: None,
            how_reported: None,
            ..complete()
        };
        let after = next(Page::WhatHappened, &found_later, Mode::Changing);
        assert_eq!(after, Page::Police);
    }

    #[test]
    fn a_deep_link_falls_back_to_the_first_unanswered_question() {
        let mut answers = Answers::default();
        assert_eq!(
            reachable(Page::Report, &answers, today()),
            Page::WhoseDevice
        );
        answers.whose_device = Some(WhoseDevice::Mine);
        assert_eq!(
            reachable(Page::ImeiChecked, &answers, today()),
            Page::WhatHappened
        );
        let no_date = Answers {
            date_year: String::new(),
            ..complete()
        };
        assert_eq!(reachable(Page::CheckAnswers, &no_date, today()), Page::When);
    }

    #[test]
    fn a_page_the_answers_leave_out_gives_way_to_the_next() {
        let lost = Answers {
            incident: Some(WhatHappened::Lost),
            ..complete()
        };
        assert_eq!(reachable(Page::Police, &lost, today()), Page::Reference);
        let not_found = Answers {
            imei_not_found: true,
            ..complete()
        };
        assert_eq!(
            reachable(Page::ImeiChecked, &not_found, today()),
            Page::BlockIt
        );
    }

    #[test]
    fn pages_outside_the_journey_are_always_reachable_and_lead_to_the_start() {
        for page in [Page::CheckCode, Page::About, Page::Signpost] {
            assert_eq!(reachable(page, &Answers::default(), today()), page);
            assert_eq!(next(page, &Answers::default(), Mode::Journey), Page::Start);
        }
    }
}

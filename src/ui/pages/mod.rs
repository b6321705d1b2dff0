//! The pages of the widget, one module each (simple questions share one).

mod about;
mod act_now;
mod block_it;
mod check_answers;
mod check_code;
mod imei;
mod insurance;
mod police;
mod questions;
mod reference;
mod report;
mod signpost;
mod start;

pub use about::AboutPage;
pub use act_now::ActNowPage;
pub use block_it::BlockItPage;
pub use check_answers::CheckAnswersPage;
pub use check_code::CheckCodePage;
pub use imei::{EnterImeiPage, FindImeiPage, ImeiCheckedPage};
pub use insurance::{InsuranceDetailsPage, InsurancePage};
pub use police::PolicePage;
pub use questions::{
    DualSimPage, NetworkPage, PhoneNumberPage, PhonePage, WhatHappenedPage, WhenPage, WherePage,
};
pub use reference::ReferencePage;
pub use report::ReportPage;
pub use signpost::SignpostPage;
pub use start::StartPage;

use leptos::prelude::*;

use crate::core::journey::Page;

/// The component for a page.
pub fn page_view(page: Page) -> AnyView {
    match page {
        Page::Start => view! { <StartPage/> }.into_any(),
        Page::ActNow => view! { <ActNowPage/> }.into_any(),
        Page::WhatHappened => view! { <WhatHappenedPage/> }.into_any(),
        Page::When => view! { <WhenPage/> }.into_any(),
        Page::Where => view! { <WherePage/> }.into_any(),
        Page::Phone => view! { <PhonePage/> }.into_any(),
        Page::PhoneNumber => view! { <PhoneNumberPage/> }.into_any(),
        Page::Network => view! { <NetworkPage/> }.into_any(),
        Page::DualSim => view! { <DualSimPage/> }.into_any(),
        Page::FindImei => view! { <FindImeiPage/> }.into_any(),
        Page::EnterImei => view! { <EnterImeiPage/> }.into_any(),
        Page::ImeiChecked => view! { <ImeiCheckedPage/> }.into_any(),
        Page::BlockIt => view! { <BlockItPage/> }.into_any(),
        Page::Police => view! { <PolicePage/> }.into_any(),
        Page::Reference => view! { <ReferencePage/> }.into_any(),
        Page::Insurance => view! { <InsurancePage/> }.into_any(),
        Page::InsuranceDetails => view! { <InsuranceDetailsPage/> }.into_any(),
        Page::CheckAnswers => view! { <CheckAnswersPage/> }.into_any(),
        Page::Report => view! { <ReportPage/> }.into_any(),
        Page::CheckCode => view! { <CheckCodePage/> }.into_any(),
        Page::About => view! { <AboutPage/> }.into_any(),
        Page::Signpost => view! { <SignpostPage/> }.into_any(),
    }
}

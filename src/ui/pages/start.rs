//! The start page: what this does, how long it takes, what helps, and whose
//! device the victim is using (which decides whether anything is saved).

use leptos::prelude::*;

use crate::ui::components::form::{Heading, QuestionPage, RadioOption, Radios};
use crate::ui::state::tr;
use stolen_phone_core::i18n::Msg;
use stolen_phone_core::journey::{Choice, Field, Page, WhoseDevice};

#[component]
pub fn StartPage() -> impl IntoView {
    let options = vec![
        RadioOption::of(
            WhoseDevice::Mine,
            Msg::WhoseDeviceMine,
            Some(Msg::WhoseDeviceMineHint),
        ),
        RadioOption::of(
            WhoseDevice::SomeoneElses,
            Msg::WhoseDeviceSomeoneElses,
            Some(Msg::WhoseDeviceSomeoneElsesHint),
        ),
    ];
    view! {
        <QuestionPage page=Page::Start submit=Msg::StartNow start=Page::ActNow>
        <h1 class="heading-xl" tabindex="-1">{tr(Msg::StartTitle)}</h1>
        <div class="warning" role="note">
            <span class="warning__icon" aria-hidden="true">"!"</span>
            <strong class="warning__text">
                <span class="visually-hidden">{tr(Msg::WarningPrefix)}" "</span>
                {tr(Msg::StartDanger)}
            </strong>
        </div>
        <p class="body-l">{tr(Msg::StartHelpsYou)}</p>
        <ul class="list list--bullet">
            <li>{tr(Msg::StartStepLock)}</li>
            <li>{tr(Msg::StartStepImei)}</li>
            <li>{tr(Msg::StartStepBlock)}</li>
            <li>{tr(Msg::StartStepPolice)}</li>
            <li>{tr(Msg::StartStepCode)}</li>
        </ul>
        <p>{tr(Msg::StartTime)}</p>
        <h2 class="heading-m">{tr(Msg::StartWhatHelps)}</h2>
        <ul class="list list--bullet">
            <li>{tr(Msg::StartHelpsBox)}</li>
            <li>{tr(Msg::StartHelpsAccount)}</li>
            <li>{tr(Msg::StartHelpsInsurance)}</li>
        </ul>
            <Radios field=Field::WhoseDevice legend=Msg::WhoseDeviceQuestion heading=Heading::Field
                options=options
                get=|a| a.whose_device.map(|w| w.key().to_owned())
                set=|a, key| a.whose_device = WhoseDevice::from_key(key)/>
        </QuestionPage>
    }
}

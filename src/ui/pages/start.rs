//! The start page: what this does, how long it takes, and what helps.

use leptos::prelude::*;

use crate::core::route::Step;

#[component]
pub fn StartPage() -> impl IntoView {
    view! {
        <h1 class="heading-xl" tabindex="-1">"Your phone has been stolen or lost"</h1>
        <div class="warning" role="note">
            <span class="warning__icon" aria-hidden="true">"!"</span>
            <strong class="warning__text">
                <span class="visually-hidden">"Warning: "</span>
                "If you are in danger now, call 999."
            </strong>
        </div>
        <p class="body-l">"This tool helps you to:"</p>
        <ul class="list list--bullet">
            <li>"lock your phone and your accounts"</li>
            <li>"find your phone’s IMEI number, even without the phone"</li>
            <li>"block the phone with your network provider"</li>
            <li>"report it to the police"</li>
            <li>"get a code to give to your network provider and insurer"</li>
        </ul>
        <p>"It takes about 15 minutes. Nothing you type leaves this device unless you choose to send it."</p>
        <h2 class="heading-m">"What helps"</h2>
        <ul class="list list--bullet">
            <li>"the phone’s box, or the receipt"</li>
            <li>"your network provider account or bill"</li>
            <li>"your insurance details, if you have insurance"</li>
        </ul>
        <a class="button button--start" href=Step::EnterImei.hash() role="button" draggable="false"
           on:keydown=|ev| {
               // Links styled as buttons should also work with the space bar.
               if ev.key() == " " {
                   ev.prevent_default();
                   crate::ui::app::go_to(Step::EnterImei);
               }
           }>
            "Start now"
        </a>
    }
}

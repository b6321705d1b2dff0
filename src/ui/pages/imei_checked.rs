//! Shows a checked IMEI split into its parts.

use leptos::prelude::*;

use crate::core::imei::Imei;
use crate::core::route::Step;
use crate::ui::form::BackLink;

#[component]
pub fn ImeiCheckedPage(imei: Imei) -> impl IntoView {
    view! {
        <BackLink to=Step::EnterImei/>
        <h1 class="heading-l" tabindex="-1">"This IMEI number is correct"</h1>
        <p>"The last digit matches the others, so it was copied correctly."</p>
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt class="summary-list__key">"IMEI"</dt>
                <dd class="summary-list__value"><bdi class="code">{imei.to_string()}</bdi></dd>
                <dd class="summary-list__actions">
                    <a href=Step::EnterImei.hash()>"Change"<span class="visually-hidden">" IMEI"</span></a>
                </dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"Model code (TAC)"</dt>
                <dd class="summary-list__value"><bdi class="code">{imei.tac()}</bdi></dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"Serial number"</dt>
                <dd class="summary-list__value"><bdi class="code">{imei.serial()}</bdi></dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"Check digit"</dt>
                <dd class="summary-list__value"><bdi class="code">{imei.check_digit()}</bdi></dd>
            </div>
        </dl>
    }
}

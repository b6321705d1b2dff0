//! The widget's root: provides the state, follows the URL hash, shows the
//! page it names, and frames every page with the language picker, quick exit
//! and footer.

use leptos::prelude::*;

use crate::ui::components::quick_exit::{QuickExit, leave_on_escapes};
use crate::ui::focus::focus_heading_on_page_change;
use crate::ui::load::host;
use crate::ui::load::language::LanguagePicker;
use crate::ui::load::tac::provide_tac_table;
use crate::ui::pages::page_view;
use crate::ui::platform::offline::UpdateNotice;
use crate::ui::platform::storage::clear_draft;
use crate::ui::start_up::{DraftNotice, start_up};
use crate::ui::state::{AppState, go, place_here, read_hash, tr};
use stolen_phone_core::i18n::{Dir, Msg};
use stolen_phone_core::journey::{Mode, Page, WhoseDevice};

#[component]
pub fn App() -> impl IntoView {
    let place = place_here();
    let state = AppState::at(place.clone());
    provide_context(state);
    provide_tac_table();

    let draft_notice = start_up(state);

    let follow_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        let (page, mode) = read_hash(&place);
        state.page.set(page);
        state.mode.set(mode);
    });
    // A host page that unmounts the widget takes its listener away too.
    on_cleanup(move || follow_hash.remove());
    leave_on_escapes(state);

    let root = NodeRef::<leptos::html::Div>::new();
    focus_heading_on_page_change(state.page, root);
    apply_theme(state, root);

    let notices = view! {
        <UpdateNotice/>
        <DebugNotes/>
        <StorageNotice draft=draft_notice/>
    };
    view! {
        <Frame root=root notices=notices.into_any()>
            {move || page_view(state.page.get())}
        </Frame>
    }
}

/// The frame of every page, around the page's own part: the language
/// picker and quick exit above, `notices` under them, the footer below.
/// The pre-rendered pages have the same frame.
#[component]
pub fn Frame(
    #[prop(optional)] root: NodeRef<leptos::html::Div>,
    notices: AnyView,
    children: Children,
) -> impl IntoView {
    let state = crate::ui::state::use_state();
    let lang = move || state.catalog.with(|c| c.locale.tag());
    let dir = move || match state.catalog.with(|c| c.locale.dir()) {
        Dir::Ltr => "ltr",
        Dir::Rtl => "rtl",
    };
    view! {
        <div class="widget" lang=lang dir=dir node_ref=root>
            <header class="widget__header">
                <LanguagePicker/>
                <QuickExit/>
            </header>
            {notices}
            <main class="page" data-page=move || state.page.get().hash()>{children()}</main>
            <footer class="widget__footer">
                <OrganisationSupport/>
                <ul class="footer__links">
                    <li><a href=Page::CheckCode.hash()>{tr(Msg::FooterCheckCode)}</a></li>
                    <li><a href=Page::About.hash()>{tr(Msg::FooterAbout)}</a></li>
                    <li><a href=Page::Signpost.hash()>{tr(Msg::FooterSignpost)}</a></li>
                </ul>
            </footer>
        </div>
    }
}

/// Says plainly whether answers are kept on this device, with a way to wipe
/// them; and whether a saved draft was brought back or had to be cleared.
#[component]
fn StorageNotice(draft: Option<DraftNotice>) -> impl IntoView {
    let state = crate::ui::state::use_state();
    let own = move || {
        state
            .answers
            .with(|a| a.whose_device == Some(WhoseDevice::Mine))
    };
    let clear = move |_| {
        // To the start first, so that no page's guard sends the victim to
        // the first question once the answers are gone.
        state.page.set(Page::Start);
        go(Page::Start, Mode::Journey);
        state.answers.set(Default::default());
        clear_draft();
    };
    // In the language shown, so that it follows the language picker.
    let restored_text = move |notice: DraftNotice| match notice {
        DraftNotice::Cleared => tr(Msg::DraftCleared)(),
        DraftNotice::Restored { dropped } => state.catalog.with(|c| {
            let mut text = c.get(Msg::RestoredNotice).to_owned();
            if dropped > 0 {
                text.push(' ');
                text.push_str(&c.plural(Msg::RestoredDropped, dropped as u64));
            }
            text
        }),
    };
    view! {
        {draft.map(|notice| view! { <p class="notice" role="status">{move || restored_text(notice)}</p> })}
        {move || own().then(|| view! {
            <p class="notice notice--saved">
                {tr(Msg::SavedNotice)}" "
                <button type="button" class="link-button" on:click=clear>{tr(Msg::ClearEverything)}</button>
            </p>
        })}
    }
}

/// The deploying organisation's own support contact, from the host config.
#[component]
fn OrganisationSupport() -> impl IntoView {
    let state = crate::ui::state::use_state();
    move || {
        state.config.with(|c| c.organisation.clone()).map(|org| {
            let heading = state
                .catalog
                .with(|c| c.fill(Msg::FooterHelpFrom, &[("name", &org.name)]));
            let phone = org.support_phone.map(|number| {
                let href = stolen_phone_core::values::phone::tel_uri(&number).unwrap_or_default();
                view! { <li><a href=href><bdi>{number}</bdi></a></li> }
            });
            let web = org.support_url.map(|url| {
                let href = url.clone();
                view! { <li><a href=href target="_blank" rel="noopener noreferrer">{url}</a></li> }
            });
            view! {
                <h2 class="heading-s">{heading}</h2>
                <ul class="footer__links footer__support">{phone}{web}</ul>
            }
        })
    }
}

/// Puts the host's colours and font on the widget root as custom properties.
fn apply_theme(state: AppState, root: NodeRef<leptos::html::Div>) {
    Effect::new(move |_| {
        let theme = state
            .config
            .with(|c| host::effective_theme(&c.theme, state));
        let props = host::theme_properties(&theme);
        if let Some(el) = root.get() {
            let style = web_sys::HtmlElement::style(&el);
            for (name, value) in props {
                let _ = style.set_property(name, &value);
            }
        }
    });
}

/// With `?debug`, what was wrong with the configuration or the link, for the
/// deployer to see. Shown as text, never as markup.
#[component]
fn DebugNotes() -> impl IntoView {
    let state = crate::ui::state::use_state();
    move || {
        state.debug_notes.get().map(|notes| {
            let body = if notes.is_empty() {
                vec!["Host configuration: no problems found.".to_owned()]
            } else {
                notes
            };
            view! {
                <div class="notice notice--debug" role="status" lang="en">
                    <ul>{body.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

//! The widget's state, shared through context: the answers, the page the
//! URL names, the words of the chosen language, and today's date. Also the
//! small helpers every component uses to read them.

use leptos::prelude::*;

use std::sync::Arc;

use stolen_phone_core::directory::Directories;
use stolen_phone_core::host::config::HostConfig;
use stolen_phone_core::host::link::LinkParams;
use stolen_phone_core::i18n::{
    Catalog, CompiledEnglish, Locale, Msg, Run, Segment, number_runs, segments,
};
use stolen_phone_core::journey::{Answers, Mode, Page, Place, route};
use stolen_phone_core::values::date::Date;

/// Everything the pages share. Cheap to copy: every part is a signal.
#[derive(Clone, Copy)]
pub struct AppState {
    pub answers: RwSignal<Answers>,
    /// The page the URL hash names (before the journey's guard).
    pub page: RwSignal<Page>,
    /// Whether the page was opened from a "Change" link.
    pub mode: RwSignal<Mode>,
    pub catalog: RwSignal<Catalog>,
    /// The victim's local date, so that "not in the future" means their today.
    pub today: StoredValue<Date>,
    /// The shipped directories with the host's entries added: empty until
    /// `load::directories` has merged them, which every page that reads them
    /// waits for.
    pub directories: RwSignal<Arc<Directories>>,
    pub config: RwSignal<Arc<HostConfig>>,
    /// What the link (or the embed snippet) asked for.
    pub link: StoredValue<LinkParams>,
    /// Configuration and link problems, shown on the page with `?debug`.
    pub debug_notes: RwSignal<Option<Vec<String>>>,
    /// Where this document is among the pre-rendered pages.
    pub place: StoredValue<Place>,
}

impl AppState {
    /// The state of a widget opened at `place`, on the page its URL names.
    pub fn at(place: Place) -> AppState {
        let (page, mode) = read_hash(&place);
        let state = AppState::fresh(
            page,
            mode,
            compiled_english(),
            Directories::default(),
            local_today(),
        );
        state.place.set_value(place);
        state
    }

    /// The state before anything is answered, read or fetched, on `place`'s
    /// page with these words, directories and configuration. Needs no
    /// browser, so that pages can also be rendered ahead of time.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn without_browser(
        place: Place,
        catalog: Catalog,
        directories: Directories,
        config: HostConfig,
        today: Date,
    ) -> AppState {
        let state = AppState::fresh(place.page, Mode::Journey, catalog, directories, today);
        state.config.set(Arc::new(config));
        state.place.set_value(place);
        state
    }

    fn fresh(
        page: Page,
        mode: Mode,
        catalog: Catalog,
        directories: Directories,
        today: Date,
    ) -> AppState {
        AppState {
            place: StoredValue::new(Place::default()),
            answers: RwSignal::new(Answers::default()),
            page: RwSignal::new(page),
            mode: RwSignal::new(mode),
            catalog: RwSignal::new(catalog),
            today: StoredValue::new(today),
            directories: RwSignal::new(Arc::new(directories)),
            config: RwSignal::new(Arc::new(HostConfig::default())),
            debug_notes: RwSignal::new(None),
            link: StoredValue::new(LinkParams::default()),
        }
    }

    pub fn locale(&self) -> Locale {
        self.catalog.with(|c| c.locale)
    }
}

/// The state provided by the root component.
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

/// A reactive message in the current language, for use in `view!`.
pub fn tr(msg: Msg) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let catalog = use_state().catalog;
    move || catalog.with(|c| c.get(msg).to_owned())
}

/// A reactive message whose numbers written in groups ("07700 900982") sit
/// in left-to-right spans, so that their groups keep their order in Arabic.
pub fn tr_numbers(msg: Msg) -> impl IntoView {
    let catalog = use_state().catalog;
    move || {
        let text = catalog.with(|c| c.get(msg).to_owned());
        number_runs(&text)
            .into_iter()
            .map(|run| match run {
                Run::Words(words) => words.to_owned().into_any(),
                Run::Number(number) => {
                    view! { <bdi dir="ltr">{number.to_owned()}</bdi> }.into_any()
                }
            })
            .collect_view()
    }
}

/// A reactive message whose `{name}` placeholders are views (a number as a
/// link, a service's name), put where the translation places them.
pub fn rich<F>(msg: Msg, slot: F) -> impl IntoView + use<F>
where
    F: Fn(&str) -> AnyView + Clone + Send + Sync + 'static,
{
    let catalog = use_state().catalog;
    move || {
        let template = catalog.with(|c| c.get(msg).to_owned());
        segments(&template)
            .into_iter()
            .map(|segment| match segment {
                Segment::Text(text) => text.to_owned().into_any(),
                Segment::Slot(name) => slot(name),
            })
            .collect_view()
    }
}

/// The hash for a page, marked when it was opened to change an answer.
pub fn hash_for(page: Page, mode: Mode) -> String {
    match mode {
        Mode::Changing => format!("{}?change", page.hash()),
        Mode::Journey => page.hash().to_owned(),
    }
}

/// Moves to a page by changing the hash, which adds a history entry so that
/// the browser's back button returns here.
pub fn go(page: Page, mode: Mode) {
    let _ = window().location().set_hash(&hash_for(page, mode));
}

/// The id of the element the standalone page mounts the widget into.
pub const MOUNT_ID: &str = "app";

thread_local! {
    static HERE: std::cell::OnceCell<Place> = const { std::cell::OnceCell::new() };
}

/// Where this document is among the pre-rendered pages, read once from the
/// attributes the build writes on its mount element; the widget's own
/// folder when it has none (a host page, the component tests).
pub fn place_here() -> Place {
    HERE.with(|here| {
        here.get_or_init(|| {
            let mount = document().get_element_by_id(MOUNT_ID);
            let attr = |name: &str| mount.as_ref().and_then(|m| m.get_attribute(name));
            Place::from_attributes(
                attr("data-page").as_deref(),
                attr("data-lang").as_deref(),
                attr("data-depth").as_deref(),
            )
        })
        .clone()
    })
}

/// The page and mode the current URL hash names; with no hash, the page
/// the address itself names (`cy/act-now/`).
pub fn read_hash(place: &Place) -> (Page, Mode) {
    let hash = window().location().hash().unwrap_or_default();
    if hash.is_empty() {
        return (place.page, Mode::Journey);
    }
    let mode = if hash.ends_with("?change") {
        Mode::Changing
    } else {
        Mode::Journey
    };
    (route(&hash), mode)
}

fn local_today() -> Date {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).unwrap_or(2026);
    let month = u8::try_from(now.get_month() + 1).unwrap_or(1);
    let day = u8::try_from(now.get_date()).unwrap_or(1);
    Date::new(year, month, day).unwrap_or_else(|_| Date::new(2026, 1, 1).expect("a real date"))
}

/// The English compiled into this build: a release build that splits its
/// pages carries only the first page's words, any other build all of them.
pub fn compiled_english() -> Catalog {
    Catalog::compiled_english(if cfg!(split_pages) {
        CompiledEnglish::FirstPage
    } else {
        CompiledEnglish::Whole
    })
}

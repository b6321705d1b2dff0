//! Offline use: registers the service worker (`sw.js`, written by the release
//! build from `sw.template.js`) on the standalone page of the victim's own
//! device, and says when a new version is waiting, with a button to use it.
//!
//! Registered from Rust rather than boot.js because the choice depends on the
//! link (`embedded`, read by `core::host::link`) and the notice is a component that
//! speaks the victim's language. The page never reloads on its own: answers on
//! someone else's device live only in memory, and a reload would lose them.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

use crate::ui::platform::arrival::Arrival;
use crate::ui::platform::fetch::in_widget_folder;
use crate::ui::state::{tr, use_state};
use stolen_phone_core::i18n::Msg;
use stolen_phone_core::journey::{Answers, Page, WhoseDevice};

/// The worker script, in the widget's folder beside index.html; that
/// folder (with the pre-rendered pages' below it) is its scope.
const WORKER_URL: &str = "sw.js";
/// What the page posts to a waiting worker to make it take over.
const SKIP_WAITING: &str = "skip-waiting";
/// What the page posts to a worker to unregister it and delete its caches.
const FORGET: &str = "forget";

/// What the page knows about newer versions.
#[derive(Clone, Copy)]
struct Updates {
    /// A newer version is installed and waiting, or has taken over elsewhere.
    ready: RwSignal<bool>,
    /// The victim pressed the button: reload once the new worker controls us.
    reload_requested: RwSignal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
}

/// Registers the worker once the victim says this device is their own (never
/// on someone else's, nor inside another site's iframe) and `journey_here`
/// says the journey's code is in, and provides what the update notice needs.
pub fn provide_offline(embedded: bool, journey_here: Arrival<()>) {
    let state = crate::ui::state::use_state();
    let updates = Updates {
        ready: RwSignal::new(false),
        reload_requested: RwSignal::new(false),
        registration: StoredValue::new_local(None),
    };
    provide_context(updates);
    // In an iframe the host's page decides how long it stays, and browsers
    // partition or refuse third-party storage: a worker there would cache
    // for a context that may never come back. See EMBEDDING.md, "Offline".
    if embedded || worker_container().is_none() {
        return;
    }
    let whose = Memo::new(move |_| state.answers.with(|a| a.whose_device));
    let registered = StoredValue::new(false);
    Effect::new(move |_| match whose.get() {
        // The worker only after the journey's code: the page and the worker
        // never download the same file at once (which could leave one of the
        // two downloads hanging), and the worker finds the page's copies in
        // the browser's cache instead of downloading them again.
        Some(WhoseDevice::Mine)
            if journey_here.with(|done| done.is_some()) && !registered.get_value() =>
        {
            registered.set_value(true);
            register(updates);
        }
        // On someone else's device nothing of the widget's stays behind, even
        // a worker that an earlier visit on this device registered.
        Some(WhoseDevice::SomeoneElses) => {
            registered.set_value(false);
            forget_offline();
        }
        _ => {}
    });
    // A newer release with nothing typed yet (a fix may be a safety fix):
    // switch to it at once, since a reload loses nothing.
    Effect::new(move |_| {
        if updates.ready.get()
            && !updates.reload_requested.get_untracked()
            && state.page.get() == Page::Start
            && state.answers.with(Answers::nothing_typed)
        {
            use_new_version(updates);
        }
    });
}

/// Removes what offline use left on this device: every registration of the
/// worker and every cache of this origin. The worker that controls the page
/// is told first and finishes the job itself, so it is done even when the
/// page is leaving (quick exit); the page then does the same for any other
/// registration. The page goes on from memory and the network.
pub fn forget_offline() {
    let Some(container) = worker_container() else {
        return;
    };
    if let Some(controller) = container.controller() {
        let _ = controller.post_message(&FORGET.into());
    }
    leptos::task::spawn_local(async move {
        if let Ok(list) = JsFuture::from(container.get_registrations()).await {
            for registration in js_sys::Array::from(&list).iter() {
                let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
                    continue;
                };
                if let Some(worker) = registration.active() {
                    let _ = worker.post_message(&FORGET.into());
                }
                if let Ok(done) = registration.unregister() {
                    let _ = JsFuture::from(done).await;
                }
            }
        }
        let Ok(caches) = window().caches() else {
            return;
        };
        if let Ok(names) = JsFuture::from(caches.keys()).await {
            for name in js_sys::Array::from(&names).iter() {
                if let Some(name) = name.as_string() {
                    let _ = JsFuture::from(caches.delete(&name)).await;
                }
            }
        }
    });
}

/// Resolves once the page's `load` event has fired.
/// Resolves once the page has loaded (its `load` event).
pub async fn page_loaded() {
    if document().ready_state() == "complete" {
        return;
    }
    let loaded = js_sys::Promise::new(&mut |resolve, _| {
        let once = web_sys::AddEventListenerOptions::new();
        once.set_once(true);
        let _ = window().add_event_listener_with_callback_and_add_event_listener_options(
            "load", &resolve, &once,
        );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(loaded).await;
}

/// `navigator.serviceWorker`, if this browser and context have one (not on
/// plain http other than localhost, nor in some private modes).
fn worker_container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    let has = js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .ok()
        .is_some_and(|v| !v.is_undefined() && !v.is_null());
    has.then(|| navigator.service_worker())
}

fn register(updates: Updates) {
    let Some(container) = worker_container() else {
        return;
    };
    let was_controlled = container.controller().is_some();
    let on_controller_change = Closure::<dyn FnMut()>::new(move || {
        if updates.reload_requested.get_untracked() {
            let _ = window().location().reload();
        } else if was_controlled {
            // Another tab chose the new version; this one keeps its page
            // until the victim reloads.
            updates.ready.set(true);
        }
    });
    container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    on_controller_change.forget();

    let on_registered = Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(move |value| {
        let Ok(registration) = wasm_bindgen::JsValue::dyn_into::<ServiceWorkerRegistration>(value)
        else {
            return;
        };
        updates.registration.set_value(Some(registration.clone()));
        watch_for_updates(&registration, updates);
    });
    let on_failed = Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|error| {
        // Offline use is a bonus: the widget works the same without it.
        web_sys::console::warn_2(&"Offline use is not available:".into(), &error);
    });
    let _ = container
        .register(&in_widget_folder(WORKER_URL))
        .then2(&on_registered, &on_failed);
    on_registered.forget();
    on_failed.forget();
}

/// Notices a new version that is waiting now or finishes installing later.
/// The first install has no controller to replace, so it is no news.
fn watch_for_updates(registration: &ServiceWorkerRegistration, updates: Updates) {
    let controlled = || worker_container().is_some_and(|c| c.controller().is_some());
    if registration.waiting().is_some() && controlled() {
        updates.ready.set(true);
    }
    let registration_for_found = registration.clone();
    let on_update_found = Closure::<dyn FnMut()>::new(move || {
        let Some(worker) = registration_for_found.installing() else {
            return;
        };
        let watched = worker.clone();
        let on_state_change = Closure::<dyn FnMut()>::new(move || {
            if watched.state() == ServiceWorkerState::Installed && controlled() {
                updates.ready.set(true);
            }
        });
        worker.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
        on_state_change.forget();
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
}

/// Tells the waiting worker to take over; the reload follows when it does.
fn use_new_version(updates: Updates) {
    updates.reload_requested.set(true);
    let waiting: Option<ServiceWorker> = updates
        .registration
        .with_value(|r| r.as_ref().and_then(ServiceWorkerRegistration::waiting));
    match waiting {
        Some(worker) => {
            if worker.post_message(&SKIP_WAITING.into()).is_err() {
                let _ = window().location().reload();
            }
        }
        // Already in control (another tab chose it): the page is just old.
        None => {
            let _ = window().location().reload();
        }
    }
}

/// "A new version is ready", with a button to use it. Shown only when a new
/// version is waiting; on someone else's device it warns that reloading
/// clears the answers, which live only in memory there.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let updates = use_context::<Updates>();
    let state = use_state();
    let saved = move || {
        state
            .answers
            .with(|a| a.whose_device == Some(WhoseDevice::Mine))
    };
    move || {
        updates.filter(|u| u.ready.get()).map(|updates| {
            view! {
                <div class="notice notice--update" role="status">
                    <p>{tr(Msg::UpdateReady)}</p>
                    {move || (!saved()).then(|| view! { <p>{tr(Msg::UpdateClearsAnswers)}</p> })}
                    <button
                        type="button"
                        class="button button--secondary"
                        on:click=move |_| use_new_version(updates)
                    >
                        {tr(Msg::UpdateReload)}
                    </button>
                </div>
            }
        })
    }
}

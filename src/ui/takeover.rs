//! The wasm taking over a pre-rendered page. The widget renders off screen
//! until its page reads as the copy on screen does (the page's heading is
//! in, in the language chosen), then takes the copy's place in one step and
//! gives back what the victim did on the copy meanwhile: a section opened,
//! the focus and the scroll. The copies ask nothing, so there is no answer
//! to give back.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::ui::App;
use crate::ui::load::language::chosen;

/// What can take focus, in document order: the same list on the copy and
/// on the widget, since both are the same components.
const FOCUSABLE: &str = "a[href], button, input, select, textarea, summary";

/// Mounts the widget for `mount`, whose children are the pre-rendered page
/// (or a "Loading…" line), and swaps it in once it is ready.
pub fn take_over(mount: HtmlElement) {
    let Ok(staging) = document().create_element("div") else {
        return;
    };
    let staging: HtmlElement = staging.unchecked_into();
    leptos::mount::mount_to(staging.clone(), App).forget();
    leptos::task::spawn_local(async move {
        let mut wait = 16;
        while !is_ready(&staging) {
            pause(wait).await;
            wait = (wait * 2).min(250);
        }
        // A link to another page (`#/imei`) shows that page, not the copy's:
        // then there is nothing of the copy's to give back.
        let same_page = page_of(&mount) == page_of(&staging);
        let done = same_page.then(|| OnTheCopy::read(&mount));
        mount.replace_children_with_node(&js_sys::Array::from(&staging.child_nodes()));
        if let Some(done) = done {
            done.give_back(&mount);
        }
        let _ = mount.set_attribute("data-live", "");
    });
}

/// Whether the widget's page has its heading, in the language chosen. Until
/// then the copy stays: a language whose words cannot come keeps it for good.
fn is_ready(staging: &HtmlElement) -> bool {
    let heading = staging.query_selector("main h1").ok().flatten().is_some();
    let lang = staging
        .query_selector(".widget")
        .ok()
        .flatten()
        .and_then(|w| w.get_attribute("lang"));
    heading && lang.as_deref() == chosen().map(|l| l.tag())
}

/// The page shown in `root`, as its `<main>` names it.
fn page_of(root: &Element) -> Option<String> {
    root.query_selector("main[data-page]")
        .ok()
        .flatten()
        .and_then(|main| main.get_attribute("data-page"))
}

/// What the victim did on the copy, by each element's place in the page.
struct OnTheCopy {
    open: Vec<usize>,
    focus: Option<usize>,
    scroll: (f64, f64),
}

impl OnTheCopy {
    fn read(copy: &Element) -> OnTheCopy {
        let open = all(copy, "details")
            .enumerate()
            .filter(|(_, d)| d.has_attribute("open"))
            .map(|(at, _)| at)
            .collect();
        let active = document().active_element();
        let focus = active.and_then(|active| all(copy, FOCUSABLE).position(|e| e == active));
        let window = window();
        let scroll = (
            window.scroll_x().unwrap_or_default(),
            window.scroll_y().unwrap_or_default(),
        );
        OnTheCopy {
            open,
            focus,
            scroll,
        }
    }

    /// Does it again on the widget.
    fn give_back(self, widget: &Element) {
        let details: Vec<Element> = all(widget, "details").collect();
        for at in self.open {
            if let Some(d) = details.get(at) {
                let _ = d.set_attribute("open", "");
            }
        }
        if let Some(at) = self.focus
            && let Some(element) = all(widget, FOCUSABLE).nth(at)
            && let Ok(element) = element.dyn_into::<HtmlElement>()
        {
            let _ = element.focus();
        }
        window().scroll_to_with_x_and_y(self.scroll.0, self.scroll.1);
    }
}

fn all(root: &Element, css: &str) -> impl Iterator<Item = Element> {
    let list = root.query_selector_all(css).ok();
    let count = list.as_ref().map_or(0, |l| l.length());
    (0..count).filter_map(move |i| list.as_ref()?.item(i)?.dyn_into().ok())
}

/// Waits `ms` milliseconds.
async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

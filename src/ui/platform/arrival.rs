//! A result still to come, as a signal that views and effects can read:
//! `None` until the work finishes. The one way the widget waits for work in
//! a view (a page's code, the journey's preload, the model lookup).
//!
//! Leptos's `AsyncDerived` does the same, and more (Suspense, transitions),
//! but costs the first page 6.9 KB of brotli (ARCHITECTURE.md); this is the
//! part we use.

use leptos::prelude::*;

use crate::ui::platform::split::now_or_never;

/// Where the work stands; cheap to copy.
pub struct Arrival<T: Send + Sync + 'static> {
    value: RwSignal<Option<T>>,
    /// Counts the work started, so that only the newest sets the value.
    started: StoredValue<u32>,
}

impl<T: Send + Sync + 'static> Clone for Arrival<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Arrival<T> {}

impl<T: Send + Sync + 'static> Arrival<T> {
    /// Nothing started yet: `None`.
    pub fn new() -> Self {
        Arrival {
            value: RwSignal::new(None),
            started: StoredValue::new(0),
        }
    }

    /// Starts `work`, in place of any still under way. It is polled once at
    /// once, so that work already done (code already here) shows without a
    /// frame of "Loading…" in between.
    pub fn start(self, work: impl Future<Output = T> + 'static) {
        let mut work = Box::pin(work);
        let this_start = self.started.get_value().wrapping_add(1);
        self.started.set_value(this_start);
        if let Some(done) = now_or_never(work.as_mut()) {
            self.value.set(Some(done));
            return;
        }
        self.value.set(None);
        leptos::task::spawn_local(async move {
            let done = work.await;
            if self.started.try_get_value() == Some(this_start) {
                self.value.try_set(Some(done));
            }
        });
    }

    /// Whether any work was started.
    pub fn is_started(self) -> bool {
        self.started.get_value() > 0
    }

    /// Runs `f` on the result, if it is in. Reactive.
    pub fn with<R>(self, f: impl FnOnce(Option<&T>) -> R) -> R {
        self.value.with(|value| f(value.as_ref()))
    }

    /// The result, if it is in. Reactive.
    pub fn get(self) -> Option<T>
    where
        T: Clone,
    {
        self.value.get()
    }
}

impl<T: Send + Sync + 'static> Default for Arrival<T> {
    fn default() -> Self {
        Arrival::new()
    }
}

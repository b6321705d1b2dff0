//! A piece of work done once and shared by everyone who waits for it, such
//! as a download: the first to ask starts it, the rest wait for the same
//! result. A failure is forgotten, so that "Try again" starts it afresh.

use std::cell::RefCell;
use std::thread::LocalKey;

use futures::future::{FutureExt, LocalBoxFuture, Shared};

/// The work under way or done, kept in a `thread_local!`.
pub type Once<T> = RefCell<Option<Shared<LocalBoxFuture<'static, Result<T, String>>>>>;

/// The result of the work in `cell`, starting it with `start` if no one has.
pub async fn once<T: Clone + 'static>(
    cell: &'static LocalKey<Once<T>>,
    start: impl FnOnce() -> LocalBoxFuture<'static, Result<T, String>>,
) -> Result<T, String> {
    let work = cell.with_borrow_mut(|work| work.get_or_insert_with(|| start().shared()).clone());
    let result = work.clone().await;
    if result.is_err() {
        cell.with_borrow_mut(|stored| {
            // Unless newer work has taken its place.
            if stored.as_ref().is_some_and(|s| s.ptr_eq(&work)) {
                *stored = None;
            }
        });
    }
    result
}

//! Code split off the main wasm module, so that the first visit downloads
//! only what the start page needs. The release build sets `split_pages`;
//! other builds (the component tests) link everything in, behind the same
//! async functions.

/// Declares a function whose code goes into the split module `$module`,
/// optionally with `$preload` to fetch that module ahead. The function
/// becomes async and returns `Err` if its module could not be fetched.
macro_rules! split_off {
    (
        $(#[$doc:meta])*
        $module:ident, $(preload $preload:ident,)?
        fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block
    ) => {
        $(#[$doc])*
        #[cfg(split_pages)]
        #[::leptos::wasm_split::wasm_split(
            $module,
            wasm_split_path = ::leptos::wasm_split,
            $(preload($preload),)?
            fallible
        )]
        fn $name($($arg: $ty),*) -> Result<$ret, ::leptos::wasm_split::SplitLoaderError> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(not(split_pages))]
        async fn $name($($arg: $ty),*) -> Result<$ret, ::leptos::wasm_split::SplitLoaderError> {
            Ok($body)
        }

        $(
            #[cfg(not(split_pages))]
            async fn $preload() -> Result<(), ::leptos::wasm_split::SplitLoaderError> {
                Ok(())
            }
        )?
    };
}

pub(crate) use split_off;

/// The result of a future that is already done, without waiting: a split-off
/// function whose module has arrived finishes at once.
pub fn now_or_never<F: Future>(future: F) -> Option<F::Output> {
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    match std::pin::pin!(future).poll(&mut context) {
        std::task::Poll::Ready(out) => Some(out),
        std::task::Poll::Pending => None,
    }
}

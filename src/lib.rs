//! A widget that walks a victim of phone theft through what to do next.
//!
//! Every decision is made in the `stolen-phone-core` crate (`core/`), which
//! has no browser dependency; `ui` is the browser front end and exists only
//! on wasm32. See ARCHITECTURE.md for the map.

#[cfg(target_arch = "wasm32")]
pub mod ui;

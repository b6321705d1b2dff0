//! A widget that walks a victim of phone theft through what to do next.
//!
//! Every decision is made in the `stolen-phone-core` crate (`core/`), which
//! has no browser dependency; `ui` is the browser front end. It runs on
//! wasm32; natively its components render to HTML, for the pages that must
//! show before the wasm arrives. See ARCHITECTURE.md for the map.

pub mod ui;

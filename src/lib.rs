//! A widget that walks a victim of phone theft through what to do next.
//!
//! `core` is pure logic and builds everywhere; `ui` is the browser front end
//! and exists only on wasm32. See ARCHITECTURE.md for the map.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod ui;

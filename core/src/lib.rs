//! Pure logic with no browser and no Leptos: it builds and is tested natively.

pub mod config;
pub mod directory;
pub mod facts;
pub mod fnv;
pub mod handover;
pub mod i18n;
pub mod imei;
pub mod journey;
pub mod json;
pub mod link;
pub mod numbers;
pub mod phone;
pub mod qr;
pub mod report;
pub mod tac;

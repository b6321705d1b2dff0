//! Pure logic with no browser and no Leptos: it builds and is tested natively.

pub mod imei;
pub mod route;

//! The end-to-end tests that share one served copy of the release, linked
//! as one test program: one link instead of one per file. The tests that
//! replace a served file (`offline.rs` a new `sw.js`, `qr_worker.rs` a
//! worker that traps) are programs of their own, with their own copy.

mod embed;
mod first_slice;
mod host;
mod hostile;
mod imei;
mod journey;
mod languages;
mod later_pages;
mod nginx;
mod photos;
mod pre_rendered;
mod report;
mod safe_advice;

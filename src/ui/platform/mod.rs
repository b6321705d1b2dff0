//! Browser glue: requests, storage, offline use, the embedding iframe,
//! downloads, the clipboard, split-off code, photos, the QR worker, work
//! done once and waiting for work in a view.

pub mod arrival;
pub mod copy;
pub mod download;
pub mod fetch;
pub mod offline;
pub mod once;
pub mod picture;
pub mod qr_worker;
pub mod split;
pub mod storage;

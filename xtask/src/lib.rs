//! The project's commands, shared by the `cargo xtask` binary and the
//! end-to-end tests (which serve `dist/` with the same server).

pub mod bench;
pub mod dist;
pub mod facts;
pub mod fuzz;
pub mod headers;
pub mod pages;
pub mod server;
pub mod tac;
pub mod tools;

use std::path::{Path, PathBuf};

pub type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// The Content-Security-Policy the widget must run under. index.html carries
/// the same text as a meta tag; the end-to-end tests check that they agree.
pub const CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'";

/// The repository root (the parent of this crate's folder).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the repository")
        .to_path_buf()
}

/// Where the release build goes.
pub fn dist_dir() -> PathBuf {
    repo_root().join("dist")
}

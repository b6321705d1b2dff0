//! Installs the tools the commands need, each only when it is missing or at
//! the wrong version, so a second run costs a few seconds.

use std::path::PathBuf;
use std::process::Command;

use crate::{Result, repo_root};

pub const TRUNK_VERSION: &str = "0.21.14";
/// Must equal the exact `wasm-bindgen` version pinned in Cargo.toml.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";

/// A command whose PATH finds our tools first: the npm-installed wasm-opt
/// (Debian's binaryen 108 breaks wasm-bindgen output) and cargo-installed
/// binaries.
pub fn command(program: &str) -> Command {
    let mut cmd = Command::new(program);
    cmd.env("PATH", tool_path());
    cmd.current_dir(repo_root());
    cmd
}

fn tool_path() -> String {
    let mut dirs = vec![repo_root().join("node_modules/.bin"), cargo_bin_dir()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs)
        .expect("tool directories contain no path separators")
        .to_string_lossy()
        .into_owned()
}

fn cargo_bin_dir() -> PathBuf {
    match std::env::var_os("CARGO_HOME") {
        Some(home) => PathBuf::from(home).join("bin"),
        None => PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo/bin"),
    }
}

/// Runs a command, failing with its name if it fails.
pub fn run(cmd: &mut Command) -> Result {
    let shown = describe(cmd);
    let status = cmd
        .status()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed with {status}").into())
    }
}

/// The program and its arguments, without the environment.
fn describe(cmd: &Command) -> String {
    std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|s| s.to_string_lossy())
        .collect::<Vec<_>>()
        .join(" ")
}

/// First line of a tool's `--version` output, if the tool runs at all.
fn version_of(program: &str) -> Option<String> {
    let out = command(program).arg("--version").output().ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_owned()
    })
}

/// Everything needed to build the widget.
pub fn ensure_build_tools() -> Result {
    ensure_wasm_target()?;
    // wasm-bindgen-cli's own lockfile pins a crate the registry no longer has,
    // so it is installed without --locked.
    ensure_cargo_tool(
        "wasm-bindgen",
        WASM_BINDGEN_VERSION,
        &[
            "install",
            "wasm-bindgen-cli",
            "--version",
            WASM_BINDGEN_VERSION,
        ],
    )?;
    ensure_npm_packages()
}

/// Trunk: `trunk serve`, the development loop, and the bench's minimal
/// Leptos counter.
pub fn ensure_trunk() -> Result {
    ensure_cargo_tool(
        "trunk",
        TRUNK_VERSION,
        &["install", "--locked", "trunk", "--version", TRUNK_VERSION],
    )
}

/// Everything the tests need beyond the build: Chromium and its driver, and
/// nginx with its brotli module for the deployment smoke test.
pub fn ensure_test_tools() -> Result {
    let have = |p: &str| std::path::Path::new(p).exists();
    let packages = [
        ("/usr/bin/chromium", "chromium"),
        ("/usr/bin/chromedriver", "chromium-driver"),
        (NGINX, "nginx"),
        (NGINX_BROTLI_MODULE, "libnginx-mod-http-brotli-static"),
    ];
    let missing: Vec<&str> = packages
        .iter()
        .filter(|(path, _)| !have(path))
        .map(|&(_, package)| package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("Installing Debian's {}…", missing.join(", "));
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "--no-install-recommends"])
        .args(&missing)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// Debian's nginx, and the module that serves pre-compressed `.br` files.
pub const NGINX: &str = "/usr/sbin/nginx";
pub const NGINX_BROTLI_MODULE: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/// The wasm32 target, and the standard library's source, which the release
/// build recompiles with its own panic settings.
fn ensure_wasm_target() -> Result {
    let installed = |kind: &str| -> Result<String> {
        let out = command("rustup")
            .args([kind, "list", "--installed"])
            .output()?;
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    if !installed("target")?
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        run(command("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if !installed("component")?
        .lines()
        .any(|l| l.starts_with("rust-src"))
    {
        run(command("rustup").args(["component", "add", "rust-src"]))?;
    }
    Ok(())
}

fn ensure_cargo_tool(program: &str, version: &str, install_args: &[&str]) -> Result {
    if version_of(program).is_some_and(|v| v.split_whitespace().nth(1) == Some(version)) {
        return Ok(());
    }
    eprintln!("Installing {program} {version} (this takes several minutes, once)…");
    run(command("cargo").args(install_args))
}

/// wasm-opt (npm's binaryen), terser and the browser test tools (axe-core), at the
/// versions in package-lock.json.
fn ensure_npm_packages() -> Result {
    let root = repo_root();
    let lock = root.join("package-lock.json");
    let installed = root.join("node_modules/.package-lock.json");
    let modified = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    if let (Some(want), Some(have)) = (modified(&lock), modified(&installed))
        && have >= want
    {
        return Ok(());
    }
    eprintln!("Installing npm packages (wasm-opt, terser, axe-core)…");
    run(command("npm").args(["ci", "--no-audit", "--no-fund"]))
}

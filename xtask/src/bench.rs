//! `cargo xtask bench`: builds the widget and its two floors, then prints
//! figures (sizes, in-browser timings, time until Start works on a throttled
//! phone, Lighthouse scores). Figures only: nothing here passes or fails.

use std::fs;
use std::path::Path;

use crate::tools::{command, run as run_cmd};
use crate::{Result, dist, repo_root, tools};

/// Lighthouse 12 runs on this machine's Node 20; 13 needs a newer Node.
const LIGHTHOUSE_VERSION: &str = "12.8.2";

pub fn run() -> Result {
    tools::ensure_build_tools()?;
    tools::ensure_trunk()?;
    tools::ensure_test_tools()?;
    dist::build_release()?;
    let bench_dir = repo_root().join("target/bench");
    let counter_dist = bench_dir.join("counter");
    // The counter is compiled exactly as the widget is, so the ratio
    // compares the code and not the build settings.
    let std = dist::std_lib();
    run_cmd(dist::with_release_wasm_flags(
        command("trunk")
            .args(["build", "--release", "--offline", "--dist"])
            .arg(&counter_dist)
            .current_dir(repo_root().join("bench/counter"))
            .env("TRUNK_OFFLINE", "true"),
        &[],
        std,
    ))?;
    dist::compress_all(&counter_dist)?;
    let plain_dir = bench_dir.join("plain");
    fs::create_dir_all(&plain_dir)?;
    for file in ["index.html", "form.js"] {
        fs::copy(
            repo_root().join("bench/plain").join(file),
            plain_dir.join(file),
        )?;
    }
    fs::copy(
        repo_root().join("style/main.css"),
        plain_dir.join("main.css"),
    )?;
    dist::compress_all(&plain_dir)?;

    println!("\n== In the browser (release build, headless Chromium)");
    let out = command("cargo")
        .args([
            "test",
            "--release",
            "-p",
            "stolen-phone",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "bench",
            "--",
            "--nocapture",
        ])
        .output()?;
    let text = String::from_utf8_lossy(&out.stdout);
    for line in text.lines().filter_map(|l| l.trim().strip_prefix("BENCH ")) {
        println!("{line}");
    }

    let lighthouse = ensure_lighthouse(&bench_dir)?;
    run_cmd(
        command("cargo")
            .args(["run", "--quiet", "-p", "e2e", "--bin", "bench"])
            .env("BENCH_COUNTER_DIST", &counter_dist)
            .env("BENCH_PLAIN_DIR", &plain_dir)
            .env("BENCH_LIGHTHOUSE", &lighthouse),
    )
}

/// Installs Lighthouse into target/bench/tools once, and returns its CLI.
fn ensure_lighthouse(bench_dir: &Path) -> Result<std::path::PathBuf> {
    let tools_dir = bench_dir.join("tools");
    let cli = tools_dir.join("node_modules/lighthouse/cli/index.js");
    if !cli.is_file() {
        fs::create_dir_all(&tools_dir)?;
        eprintln!("Installing Lighthouse {LIGHTHOUSE_VERSION} for the benchmark…");
        run_cmd(
            command("npm")
                .args([
                    "install",
                    "--no-audit",
                    "--no-fund",
                    "--no-save",
                    "--prefix",
                ])
                .arg(&tools_dir)
                .arg(format!("lighthouse@{LIGHTHOUSE_VERSION}")),
        )?;
    }
    Ok(cli)
}

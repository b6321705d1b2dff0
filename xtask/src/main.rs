//! `cargo xtask <command>`: the project's commands. Each installs what it
//! needs first.

use xtask::{Result, dist, dist_dir, fuzz, server, tools};

const USAGE: &str = "usage: cargo xtask <command>

  serve [--port N]   build the release widget and serve it (default port 8080)
  test               run every test: format, lints, core, components, end to end
  build              build the release widget into dist/
  size               build, then print the size of every asset
  bench              build, then print transfer sizes, speed figures and Lighthouse scores
  facts              list every fact a victim sees, with its source and checked date, oldest first
  deploy-files       rewrite deploy/nginx.conf from the headers' one source (xtask/src/headers.rs)
  fuzz [--seconds N] [--jobs N] [target ...]
                     run every fuzz target (nightly) for N seconds each
                     (default 600), N targets at a time (default 1)";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("test") => test(),
        Some("build") => tools::ensure_build_tools().and_then(|()| dist::build_release()),
        Some("size") => size(),
        Some("bench") => xtask::bench::run(),
        Some("facts") => xtask::facts::run(),
        Some("deploy-files") => xtask::headers::write_deploy_files(),
        Some("fuzz") => fuzz::parse_args(&args[1..]).and_then(|plan| fuzz::fuzz(&plan)),
        _ => {
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    };
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn serve(args: &[String]) -> Result {
    let port = match args {
        [] => 8080,
        [flag, n] if flag == "--port" => n
            .parse()
            .map_err(|_| format!("--port needs a number, not {n:?}"))?,
        _ => return Err(USAGE.into()),
    };
    tools::ensure_build_tools()?;
    dist::build_release()?;
    // If the port is taken, take any free one and say which.
    let running = server::spawn(dist_dir(), port).or_else(|_| server::spawn(dist_dir(), 0))?;
    println!(
        "Serving the widget at {}/ (press Ctrl+C to stop)",
        running.origin()
    );
    loop {
        std::thread::park();
    }
}

fn size() -> Result {
    tools::ensure_build_tools()?;
    dist::build_release()?;
    dist::print_sizes(&dist_dir())?;
    dist::print_std_saving(&dist_dir())
}

fn test() -> Result {
    tools::ensure_build_tools()?;
    tools::ensure_test_tools()?;
    tools::ensure_trunk()?;
    let cargo = || tools::command("cargo");
    step("format", cargo().args(["fmt", "--all", "--check"]))?;
    step(
        "lints (native)",
        cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    let wasm_lints = |packages: &[&str]| {
        let mut clippy = cargo();
        clippy.arg("clippy").args(packages).args([
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ]);
        clippy
    };
    step(
        "lints (wasm32)",
        &mut wasm_lints(&["-p", "stolen-phone", "--lib", "--bins", "--test", "web"]),
    )?;
    step(
        "lints (the QR worker, wasm32)",
        &mut wasm_lints(&["-p", "qr-reader"]),
    )?;
    step(
        "core tests (native)",
        cargo().args([
            "test",
            "-p",
            "stolen-phone-core",
            "-p",
            "stolen-phone",
            "-p",
            "xtask",
            "-p",
            "report-code",
            "-p",
            "qr-reader",
            "-p",
            "test-photos",
        ]),
    )?;
    step(
        "reference parser (Python)",
        tools::command("python3").args(["handover/reference.py", "handover/vectors.json"]),
    )?;
    step(
        "component tests (headless Chromium)",
        cargo().args([
            "test",
            "-p",
            "stolen-phone",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "web",
        ]),
    )?;
    // `trunk serve`'s build, once, so that the development loop cannot rot.
    step(
        "development build (Trunk)",
        tools::command("trunk")
            .args(["build", "--offline"])
            .env("TRUNK_OFFLINE", "true"),
    )?;
    eprintln!("==> release build");
    dist::build_release()?;
    step(
        "end-to-end tests (headless Chromium)",
        cargo().args(["test", "-p", "e2e", "--", "--test-threads=1"]),
    )?;
    dist::print_sizes(&dist_dir())?;
    eprintln!("All tests passed.");
    Ok(())
}

fn step(name: &str, cmd: &mut std::process::Command) -> Result {
    eprintln!("==> {name}");
    tools::run(cmd)
}

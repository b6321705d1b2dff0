//! `cargo xtask fuzz`: runs every cargo-fuzz target in `fuzz/` for a while
//! and sums each run up in one line. It needs the nightly toolchain, and is
//! too slow to be part of `cargo xtask test`.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::tools::{command, run};
use crate::{Result, repo_root};

/// Ten minutes a target unless told otherwise.
pub const DEFAULT_SECONDS: u64 = 600;

/// What to fuzz and for how long.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FuzzPlan {
    pub seconds: u64,
    /// Targets run at the same time; each takes one core.
    pub jobs: usize,
    /// Empty means every target in fuzz/Cargo.toml.
    pub targets: Vec<String>,
}

/// Reads `[--seconds N] [--jobs N] [target ...]`.
pub fn parse_args(args: &[String]) -> Result<FuzzPlan> {
    let mut plan = FuzzPlan {
        seconds: DEFAULT_SECONDS,
        jobs: 1,
        targets: Vec::new(),
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut number = |flag: &str| -> Result<u64> {
            let value = args.next().ok_or(format!("{flag} needs a number"))?;
            match value.parse() {
                Ok(n) if n > 0 => Ok(n),
                _ => Err(format!("{flag} needs a number above 0, not {value:?}").into()),
            }
        };
        match arg.as_str() {
            "--seconds" => plan.seconds = number("--seconds")?,
            "--jobs" => plan.jobs = number("--jobs")? as usize,
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}").into()),
            target => plan.targets.push(target.to_owned()),
        }
    }
    Ok(plan)
}

/// The `[[bin]]` names in a cargo-fuzz manifest, in file order.
pub fn targets_in_manifest(manifest: &str) -> Vec<String> {
    let mut targets = Vec::new();
    let mut in_bin = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_bin = line == "[[bin]]";
        } else if in_bin && let Some(value) = line.strip_prefix("name") {
            let name = value.trim_start().trim_start_matches('=').trim();
            targets.push(name.trim_matches('"').to_owned());
        }
    }
    targets
}

/// What one libFuzzer run did, read from its output.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FuzzStats {
    pub executions: u64,
    pub seconds: f64,
    /// Files libFuzzer wrote for inputs that crashed, leaked or hung.
    pub crash_files: Vec<String>,
}

impl FuzzStats {
    pub fn per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.executions as f64 / self.seconds
        } else {
            0.0
        }
    }
}

/// Reads libFuzzer's final lines: `Done N runs in S second(s)` on a clean
/// finish, `stat::number_of_executed_units: N` from `-print_final_stats=1`
/// (also printed after a crash), and `Test unit written to PATH` for each
/// input that failed. `wall_seconds` stands in when no time is printed.
pub fn summarise(output: &str, wall_seconds: f64) -> FuzzStats {
    let mut stats = FuzzStats {
        seconds: wall_seconds,
        ..FuzzStats::default()
    };
    let (mut done_runs, mut executed_units) = (None, None);
    for line in output.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("stat::number_of_executed_units:") {
            executed_units = rest.trim().parse().ok();
        } else if let Some(rest) = line.strip_prefix("Done ") {
            // "Done 123 runs in 600 second(s)"
            let words: Vec<&str> = rest.split_whitespace().collect();
            if let [runs, "runs", "in", secs, ..] = words[..] {
                done_runs = runs.parse().ok();
                if let Ok(s) = secs.parse() {
                    stats.seconds = s;
                }
            }
        } else if let Some((_, path)) = line.split_once("Test unit written to ") {
            stats.crash_files.push(path.trim().to_owned());
        }
    }
    // The two counts differ by one; "Done" is the one libFuzzer reports.
    stats.executions = done_runs.or(executed_units).unwrap_or(0);
    stats
}

/// One line for a target's run.
pub fn describe(target: &str, stats: &FuzzStats, corpus: usize) -> String {
    let crashes = match stats.crash_files.len() {
        0 => "no crashes".to_owned(),
        _ => format!("CRASHED: {}", stats.crash_files.join(", ")),
    };
    format!(
        "{target}: {} executions in {:.0} s ({:.0}/s), corpus {corpus} inputs, {crashes}",
        stats.executions,
        stats.seconds,
        stats.per_second()
    )
}

fn fuzz_dir() -> PathBuf {
    repo_root().join("fuzz")
}

/// Installs cargo-fuzz, builds every target once, then runs the plan's
/// targets, `jobs` at a time. Fails if any target crashed.
pub fn fuzz(plan: &FuzzPlan) -> Result {
    ensure_cargo_fuzz()?;
    let manifest = std::fs::read_to_string(fuzz_dir().join("Cargo.toml"))?;
    let known = targets_in_manifest(&manifest);
    let targets = if plan.targets.is_empty() {
        known
    } else {
        for target in &plan.targets {
            if !known.contains(target) {
                return Err(format!("no fuzz target {target:?}; there are {known:?}").into());
            }
        }
        plan.targets.clone()
    };
    eprintln!(
        "==> fuzzing {} targets, {} at a time, for at least {} minutes",
        targets.len(),
        plan.jobs,
        expected_duration(plan, targets.len())
            .as_secs()
            .div_ceil(60)
    );
    eprintln!("==> building the fuzz targets (nightly)");
    run(command("cargo").args(["+nightly", "fuzz", "build"]))?;
    let logs = repo_root().join("target/fuzz-logs");
    std::fs::create_dir_all(&logs)?;

    // Each worker takes the next target until none are left.
    let queue = Mutex::new(targets.iter());
    let lines = Mutex::new(Vec::new());
    let failed = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..plan.jobs.clamp(1, targets.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let next = queue.lock().map(|mut q| q.next().cloned());
                    let Ok(Some(target)) = next else { break };
                    let outcome = run_target(&target, plan.seconds, &logs);
                    let line = match &outcome {
                        Ok((stats, corpus)) => describe(&target, stats, *corpus),
                        Err(e) => format!("{target}: could not run: {e}"),
                    };
                    println!("{line}");
                    let bad = outcome.map_or(true, |(s, _)| !s.crash_files.is_empty());
                    if let Ok(mut lines) = lines.lock() {
                        lines.push(line);
                    }
                    if bad && let Ok(mut failed) = failed.lock() {
                        failed.push(target);
                    }
                }
            });
        }
    });

    println!("\nFuzzing summary ({} s a target):", plan.seconds);
    for line in lines.into_inner().unwrap_or_default() {
        println!("  {line}");
    }
    let failed = failed.into_inner().unwrap_or_default();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "fuzz targets failed: {}; replay one with `cargo +nightly fuzz run <target> <crash file>`",
            failed.join(", ")
        )
        .into())
    }
}

/// Runs one target, its output going to a log file; gives its stats and the
/// size of its corpus afterwards.
fn run_target(target: &str, seconds: u64, logs: &Path) -> Result<(FuzzStats, usize)> {
    let log_path = logs.join(format!("{target}.log"));
    eprintln!(
        "==> fuzzing {target} for {seconds} s (output in {})",
        log_path.display()
    );
    let log = std::fs::File::create(&log_path)?;
    let started = Instant::now();
    let status = command("cargo")
        .args(["+nightly", "fuzz", "run", target, "--"])
        .arg(format!("-max_total_time={seconds}"))
        .arg("-print_final_stats=1")
        .stdout(Stdio::null())
        .stderr(log)
        .status()?;
    let wall = started.elapsed().as_secs_f64();
    let output = std::fs::read_to_string(&log_path)?;
    let mut stats = summarise(&output, wall);
    if !status.success() && stats.crash_files.is_empty() {
        // A failure libFuzzer did not write an input for (a build error, say).
        stats.crash_files.push(format!(
            "none written ({status}); see {}",
            log_path.display()
        ));
    }
    Ok((stats, corpus_size(target)))
}

fn corpus_size(target: &str) -> usize {
    std::fs::read_dir(fuzz_dir().join("corpus").join(target)).map_or(0, |dir| dir.count())
}

fn ensure_cargo_fuzz() -> Result {
    let installed = command("cargo")
        .args(["+nightly", "fuzz", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if installed {
        return Ok(());
    }
    eprintln!("Installing cargo-fuzz (once)…");
    run(command("cargo").args(["install", "cargo-fuzz", "--locked"]))
}

/// How long the given plan takes at least, to say so before starting.
pub fn expected_duration(plan: &FuzzPlan, targets: usize) -> Duration {
    let rounds = targets.div_ceil(plan.jobs.max(1)) as u64;
    Duration::from_secs(rounds * plan.seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bin_in_the_manifest_is_a_target() {
        let manifest = std::fs::read_to_string(fuzz_dir().join("Cargo.toml")).unwrap();
        let targets = targets_in_manifest(&manifest);
        for expected in [
            "imei_input",
            "draft",
            "host_config",
            "link_params",
            "language_file",
            "report_file",
        ] {
            assert!(targets.iter().any(|t| t == expected), "{targets:?}");
        }
        assert!(!targets.iter().any(|t| t == "stolen-phone-fuzz"));
    }

    #[test]
    fn a_clean_finish_is_read() {
        let output = "#1048576\tpulse  cov: 812 ft: 2301 corp: 340/12Kb exec/s: 1747 rss: 80Mb
Done 1048576 runs in 600 second(s)
stat::number_of_executed_units: 1048577
stat::average_exec_per_sec:     1747
stat::new_units_added:          340
";
        let stats = summarise(output, 601.3);
        assert_eq!(stats.executions, 1_048_576);
        assert_eq!(stats.seconds, 600.0);
        assert!(stats.crash_files.is_empty());
        assert_eq!(
            describe("draft", &stats, 340),
            "draft: 1048576 executions in 600 s (1748/s), corpus 340 inputs, no crashes"
        );
    }

    #[test]
    fn a_crash_names_its_file() {
        let output = "==123== ERROR: libFuzzer: deadly signal
stat::number_of_executed_units: 5000
artifact_prefix='/w/fuzz/artifacts/link_params/'; Test unit written to /w/fuzz/artifacts/link_params/crash-da39a3ee
Base64: JQ==
";
        let stats = summarise(output, 12.0);
        assert_eq!(stats.executions, 5000);
        assert_eq!(stats.seconds, 12.0);
        assert_eq!(
            stats.crash_files,
            ["/w/fuzz/artifacts/link_params/crash-da39a3ee"]
        );
        assert!(describe("link_params", &stats, 3).contains("CRASHED: /w/fuzz/"));
    }

    #[test]
    fn arguments_are_read() {
        let args = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
        assert_eq!(
            parse_args(&args("--seconds 60 --jobs 2 draft")).unwrap(),
            FuzzPlan {
                seconds: 60,
                jobs: 2,
                targets: vec!["draft".into()]
            }
        );
        assert_eq!(parse_args(&[]).unwrap().seconds, DEFAULT_SECONDS);
        assert!(parse_args(&args("--seconds")).is_err());
        assert!(parse_args(&args("--seconds 0")).is_err());
        assert!(parse_args(&args("--fast")).is_err());
    }
}

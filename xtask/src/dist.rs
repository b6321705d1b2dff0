//! The release build in `dist/`: Trunk, then a `.br` and `.gz` beside each
//! asset, and the size report.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::tools::{command, run};
use crate::{Result, dist_dir};

/// Builds the release widget into `dist/` with pre-compressed copies.
pub fn build_release() -> Result {
    // Trunk runs offline (it must never download tools), which makes cargo
    // offline too, so fetch the crates first.
    run(command("cargo").args(["fetch", "--target", "wasm32-unknown-unknown"]))?;
    run(command("trunk")
        .args(["build", "--release", "--offline"])
        .env("TRUNK_OFFLINE", "true"))?;
    write_locales(&dist_dir())?;
    write_tac_table(&dist_dir())?;
    write_service_worker(&dist_dir())?;
    compress_all(&dist_dir())
}

/// Joins each non-default locale's area files into `locales/<tag>.json`,
/// fetched by the widget when that language is chosen. English is compiled in.
fn write_locales(dist: &Path) -> Result {
    let out_dir = dist.join("locales");
    fs::create_dir_all(&out_dir)?;
    for entry in fs::read_dir(crate::repo_root().join("locales"))? {
        let dir = entry?.path();
        let Some(tag) = dir.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
            continue;
        };
        if !dir.is_dir() || tag == "en-GB" {
            continue;
        }
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)?
            .map(|e| e.map(|e| e.path()))
            .collect::<std::io::Result<_>>()?;
        files.retain(|p| p.extension().is_some_and(|e| e == "json"));
        files.sort();
        let texts: Vec<String> = files
            .iter()
            .map(fs::read_to_string)
            .collect::<std::io::Result<_>>()?;
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let merged =
            stolen_phone::core::i18n::merge(&refs).map_err(|e| format!("locales/{tag}: {e:?}"))?;
        fs::write(out_dir.join(format!("{tag}.json")), merged)?;
    }
    Ok(())
}

/// Imports the TAC export, when the deployer has one, into `data/tac.bin`.
/// Without it the widget still checks IMEIs and says model lookup is off.
fn write_tac_table(dist: &Path) -> Result {
    let Some(export) = crate::tac::find_export() else {
        eprintln!(
            "No TAC export found (set TACDB_CSV or add data/tacdb.csv): model lookup will be off."
        );
        // An empty table, so the widget's request finds a file and says
        // "model lookup is not installed" without an error in the console.
        let empty = stolen_phone::core::tac::encode(&[], "");
        fs::create_dir_all(dist.join("data"))?;
        fs::write(dist.join("data/tac.bin"), empty)?;
        return Ok(());
    };
    let summary = crate::tac::import(&export, &dist.join("data/tac.bin"))?;
    eprintln!(
        "TAC table: {} TACs from {} ({} bad, {} duplicates skipped), {} bytes",
        summary.tacs,
        export.display(),
        summary.bad_tacs,
        summary.duplicates,
        summary.bytes
    );
    Ok(())
}

/// The service worker's file name in `dist/`, and its template in the repo.
const WORKER: &str = "sw.js";
const WORKER_TEMPLATE: &str = "sw.template.js";

/// Writes `sw.js` from its template: the exact list of this build's files
/// and a version that changes whenever any of them does, so that each
/// version is cached apart and a page never mixes old and new files.
fn write_service_worker(dist: &Path) -> Result {
    let template = fs::read_to_string(crate::repo_root().join(WORKER_TEMPLATE))?;
    let mut urls = Vec::new();
    let mut version = Fnv64::new();
    version.write(template.as_bytes());
    for asset in assets(dist)? {
        let url = asset
            .strip_prefix(dist)?
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if url == WORKER {
            continue;
        }
        // Plain names need no escaping in JavaScript or in a URL.
        let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/');
        if !url.chars().all(plain) {
            return Err(format!("{url}: the service worker needs plain file names").into());
        }
        version.write(url.as_bytes());
        version.write(&[0]);
        version.write(&fs::read(&asset)?);
        version.write(&[0]);
        urls.push(format!("\"{url}\""));
    }
    let filled = fill(
        &template,
        "\"__VERSION__\"",
        &format!("\"{:016x}\"", version.0),
    )
    .and_then(|t| fill(&t, "[\"__ASSETS__\"]", &format!("[{}]", urls.join(", "))))?;
    fs::write(dist.join(WORKER), filled)?;
    eprintln!(
        "Service worker: version {:016x}, {} files",
        version.0,
        urls.len()
    );
    Ok(())
}

/// Replaces the one `marker` in `template`, failing if it is not there once.
fn fill(template: &str, marker: &str, value: &str) -> Result<String> {
    if template.matches(marker).count() != 1 {
        return Err(format!("{WORKER_TEMPLATE} must hold {marker} exactly once").into());
    }
    Ok(template.replace(marker, value))
}

/// FNV-1a, 64 bits: stable across builds and machines, which std's hasher
/// does not promise. A version label, not a security check.
struct Fnv64(u64);

impl Fnv64 {
    fn new() -> Fnv64 {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The files a browser can be sent, skipping our own compressed copies.
pub fn assets(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if !matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz")) {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Writes a `.br` and a `.gz` beside every asset in `dir`.
pub fn compress_all(dir: &Path) -> Result {
    for asset in assets(dir)? {
        let raw = fs::read(&asset)?;
        fs::write(with_suffix(&asset, "br"), brotli_bytes(&raw)?)?;
        fs::write(with_suffix(&asset, "gz"), gzip_bytes(&raw)?)?;
    }
    Ok(())
}

pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

fn brotli_bytes(raw: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(raw)?;
    }
    Ok(out)
}

fn gzip_bytes(raw: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(raw)?;
    Ok(encoder.finish()?)
}

/// One asset's size, raw and compressed.
pub struct AssetSize {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
    pub first_visit: bool,
}

/// Sizes of every asset in `dist/`. `first_visit` marks what the first page
/// load downloads; data fetched later (such as the TAC table) is apart.
pub fn sizes(dir: &Path) -> Result<Vec<AssetSize>> {
    let mut rows = Vec::new();
    for asset in assets(dir)? {
        let name = asset.strip_prefix(dir)?.to_string_lossy().into_owned();
        let len = |p: &Path| fs::metadata(p).map(|m| m.len());
        rows.push(AssetSize {
            first_visit: is_first_visit(&name),
            raw: len(&asset)?,
            gzip: len(&with_suffix(&asset, "gz"))?,
            brotli: len(&with_suffix(&asset, "br"))?,
            name,
        });
    }
    Ok(rows)
}

fn is_first_visit(name: &str) -> bool {
    // Data and other languages load later; embed.js is for host pages only.
    let later = name.starts_with("data/") || name.starts_with("locales/") || name == "embed.js";
    !later
}

/// Prints the size table and the first-visit totals.
pub fn print_sizes(dir: &Path) -> Result {
    let rows = sizes(dir)?;
    println!(
        "{:<48} {:>10} {:>10} {:>10}  loaded",
        "asset", "raw", "gzip -9", "brotli 11"
    );
    for r in &rows {
        let when = if r.first_visit {
            "first visit"
        } else {
            "later"
        };
        println!(
            "{:<48} {:>10} {:>10} {:>10}  {when}",
            r.name, r.raw, r.gzip, r.brotli
        );
    }
    let first: Vec<_> = rows.iter().filter(|r| r.first_visit).collect();
    let total = |f: fn(&AssetSize) -> u64| first.iter().map(|r| f(r)).sum::<u64>();
    println!(
        "{:<48} {:>10} {:>10} {:>10}",
        "first visit total",
        total(|r| r.raw),
        total(|r| r.gzip),
        total(|r| r.brotli)
    );
    Ok(())
}

//! The release build in `dist/`: the page and its files, the code (cargo,
//! the splitter, wasm-bindgen, wasm-opt), then a `.br` and `.gz` beside
//! each asset, and the size report.

use std::fs;
use std::hash::Hasher;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use stolen_phone_core::fnv::{Fnv64, fnv1a};
use stolen_phone_core::i18n;

use crate::headers;
use crate::tools::{command, run};
use crate::{Result, dist_dir};

/// Builds the release widget into `dist/` with pre-compressed copies.
pub fn build_release() -> Result {
    // Fetch the crates first, so that a missing network shows as such.
    run(command("cargo").args(["fetch", "--target", "wasm32-unknown-unknown"]))?;
    let dist = dist_dir();
    if dist.exists() {
        fs::remove_dir_all(&dist)?;
    }
    fs::create_dir_all(&dist)?;
    let code = build_code(&dist, std_lib(), &crate::repo_root().join("target"))?;
    build_qr_worker(&dist, std_lib(), &crate::repo_root().join("target"))?;
    let shell = write_page(&dist, &code)?;
    write_locales(&dist)?;
    crate::pages::write_pre_rendered(&dist, &shell)?;
    write_tac_table(&dist)?;
    // The service worker's version covers the files as they are served.
    minify(
        &dist,
        &[&code.glue, &code.loader, "boot.js"],
        Script::Module,
    )?;
    minify(&dist, &["embed.js"], Script::Classic)?;
    minify(&dist, &[QR_WORKER], Script::Module)?;
    write_service_worker(&dist)?;
    minify(&dist, &[WORKER], Script::Classic)?;
    compress_all(&dist)?;
    write_static_host_headers(&dist)
}

/// `_headers` for Netlify and Cloudflare Pages, naming every file of this
/// release with its cache rule (`headers.rs`).
fn write_static_host_headers(dist: &Path) -> Result {
    let files: Vec<String> = assets(dist)?
        .iter()
        .map(|f| {
            f.strip_prefix(dist)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
        .collect::<std::result::Result<_, _>>()?;
    fs::write(
        dist.join(headers::STATIC_HOST_FILE),
        headers::static_host_headers(&files),
    )?;
    Ok(())
}

enum Script {
    Module,
    Classic,
}

/// Minifies scripts in `dist/` in place with terser.
fn minify(dist: &Path, names: &[&str], kind: Script) -> Result {
    for name in names {
        let file = dist.join(name);
        let mut terser = command("terser");
        terser
            .arg(&file)
            .args(["--compress", "--mangle", "--output"])
            .arg(&file);
        // Only a module's own top-level names can be shortened safely.
        if let Script::Module = kind {
            terser.arg("--module");
        }
        run(&mut terser)?;
    }
    Ok(())
}

/// How the standard library is compiled into the release wasm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StdLib {
    /// Rebuilt with three settings stable Rust keeps behind
    /// `RUSTC_BOOTSTRAP`: a panic is a bare trap (no unwinding or message
    /// machinery; `boot.js` shows the crash message when a trap reaches the
    /// page), panics carry no file names, and `Debug` formatting is empty.
    Rebuilt,
    /// The precompiled one, for a compiler that refuses those settings.
    Shipped,
}

/// The compiler's settings for `StdLib::Rebuilt`.
const REBUILT_STD_FLAGS: [&str; 4] = [
    "-Zunstable-options",
    "-Cpanic=immediate-abort",
    "-Zlocation-detail=none",
    "-Zfmt-debug=none",
];

/// Whether this compiler accepts the rebuild's settings: asked once, in a
/// second, of rustc itself. If it refuses (another Rust version renamed a
/// setting, or the source of the standard library is missing), the build
/// goes on with the shipped standard library and says so in one line.
pub fn std_lib() -> StdLib {
    static CHOSEN: std::sync::OnceLock<StdLib> = std::sync::OnceLock::new();
    *CHOSEN.get_or_init(|| {
        let sysroot = command("rustc").args(["--print", "sysroot"]).output();
        let has_source = sysroot.ok().is_some_and(|out| {
            let root = String::from_utf8_lossy(&out.stdout).trim().to_owned();
            Path::new(&root).join("lib/rustlib/src/rust/library/std").is_dir()
        });
        let accepted = has_source
            && command("rustc")
                .env("RUSTC_BOOTSTRAP", "1")
                .args(REBUILT_STD_FLAGS)
                .args(["--target", "wasm32-unknown-unknown", "--print", "cfg"])
                .output()
                .is_ok_and(|out| out.status.success());
        if accepted {
            StdLib::Rebuilt
        } else {
            eprintln!(
                "This compiler refuses the smaller standard library's settings: building with the shipped one (a larger wasm, with panic messages)."
            );
            StdLib::Shipped
        }
    })
}

/// Sets how every release wasm is compiled, the widget's and the bench's
/// counter alike, plus `extra` rustflags. `RUSTC_BOOTSTRAP` is set only
/// here, and only for `StdLib::Rebuilt`. Cargo's `-Zallow-features` cannot
/// narrow it: Cargo hands the list to rustc for the standard library's own
/// crates too, which need their own features (the `core` crate's build
/// did not finish in 16 minutes with it). The rebuilt standard library
/// takes about 14 KB of brotli off the main module (122,344 bytes to
/// 107,945 when last measured); `cargo xtask size` measures both again.
pub fn with_release_wasm_flags<'c>(
    cmd: &'c mut Command,
    extra: &[&str],
    std: StdLib,
) -> &'c mut Command {
    let mut flags = vec!["--cfg", "erase_components"];
    if std == StdLib::Rebuilt {
        flags.extend(REBUILT_STD_FLAGS);
        cmd.env("RUSTC_BOOTSTRAP", "1")
            .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort");
    }
    flags.extend(extra);
    cmd.env("CARGO_ENCODED_RUSTFLAGS", flags.join("\x1f"))
}

/// The loader wasm-split writes, made to compile each module as it arrives
/// instead of leaving its response unread until the modules it needs are
/// in: Chromium holds an unread response's connection, and enough of them
/// stall the rest. The text it expects is that of the exact version pinned
/// in xtask/Cargo.toml; a test checks it against that version's source.
fn patch_split_loader(loader: &str) -> Result<String> {
    let mut loader = loader.to_owned();
    for (old, new) in [
        (
            "const src = fetch(new URL(",
            "const src = WebAssembly.compileStreaming(fetch(new URL(",
        ),
        (", import.meta.url));", ", import.meta.url)));"),
        (
            "(WebAssembly.instantiateStreaming(src, imports))",
            "(WebAssembly.instantiate(await src, imports))",
        ),
    ] {
        if !loader.contains(old) {
            return Err(format!("__wasm_split.js no longer has {old:?}").into());
        }
        loader = loader.replace(old, new);
    }
    Ok(loader)
}

/// The file names (in `dist/`) of the code the page starts with.
struct Code {
    glue: String,
    loader: String,
    main_wasm: String,
}

/// The crate the widget is built from, and its names as built.
const BIN: &str = "stolen-phone";
/// What `dist/` names the split-off modules start with, so that the size
/// report can tell them from the code the first page needs.
const SPLIT_PREFIX: &str = "split-";

/// Builds the widget's wasm, splits off the code only later pages need,
/// runs wasm-bindgen and wasm-opt, and writes the files into `dist/` under
/// names that carry a hash of their contents.
fn build_code(dist: &Path, std: StdLib, target_dir: &Path) -> Result<Code> {
    // The splitter reads the linker's relocations to see what code uses
    // what; `split_pages` turns the later pages into split points.
    run(with_release_wasm_flags(
        command("cargo")
            .args([
                "build",
                "--release",
                "--target",
                "wasm32-unknown-unknown",
                "--bin",
                BIN,
                "--target-dir",
            ])
            .arg(target_dir),
        &["-Clink-args=--emit-relocs", "--cfg", "split_pages"],
        std,
    ))?;
    let input = fs::read(target_dir.join(format!("wasm32-unknown-unknown/release/{BIN}.wasm")))?;
    let work = target_dir.join("split");
    if work.exists() {
        fs::remove_dir_all(&work)?;
    }
    fs::create_dir_all(&work)?;
    let main_split = work.join("main.wasm");
    let glue_name = format!("{BIN}.js");
    let main_module = format!("./{glue_name}");
    let split = wasm_split_cli_support::transform({
        let mut opts = wasm_split_cli_support::Options::new(&input);
        opts.output_dir = &work;
        opts.main_out_path = &main_split;
        opts.main_module = &main_module;
        opts.link_name = "./__wasm_split.js";
        opts
    })
    .map_err(|e| format!("splitting the wasm: {e:?}"))?;
    drop(input);

    // The main module goes through wasm-bindgen; the split modules only
    // import from it, so they need no glue of their own.
    run(command("wasm-bindgen")
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--keep-lld-exports",
            "--no-demangle",
            "--out-name",
            BIN,
            "--out-dir",
        ])
        .arg(&work)
        .arg(&main_split))?;
    let main_wasm = work.join(format!("{BIN}_bg.wasm"));
    for wasm in std::iter::once(&main_wasm).chain(&split.split_modules) {
        wasm_opt(wasm)?;
    }
    // If the panic settings ever stop applying, panic messages and source
    // paths come back: fail rather than ship the heavier build.
    let bytes = fs::read(&main_wasm)?;
    let signs: &[&str] = match std {
        StdLib::Rebuilt => &["panicked at", "/rustc/", ".cargo/registry"],
        StdLib::Shipped => &[],
    };
    for sign in signs {
        if bytes.windows(sign.len()).any(|w| w == sign.as_bytes()) {
            return Err(
                format!("the main wasm holds {sign:?}: the panic settings did not apply").into(),
            );
        }
    }

    // Content names: each split module by its own bytes; the glue, the
    // loader and the main module refer to one another, so all three carry
    // one hash of the three together.
    let mut loader = patch_split_loader(&fs::read_to_string(work.join("__wasm_split.js"))?)?;
    for module in &split.split_modules {
        let stem = file_stem(module)?;
        let bytes = fs::read(module)?;
        let short = stem
            .strip_prefix("split_")
            .unwrap_or(&stem)
            .replace('_', "-");
        let named = format!("{SPLIT_PREFIX}{short}-{:016x}.wasm", fnv1a(&bytes));
        let old = format!("\"./{stem}.wasm\"");
        if loader.matches(&old).count() != 1 {
            return Err(format!("__wasm_split.js must name {old} once").into());
        }
        loader = loader.replace(&old, &format!("\"./{named}\""));
        fs::write(dist.join(named), bytes)?;
    }
    let mut glue = fs::read_to_string(work.join(&glue_name))?;
    let main_bytes = fs::read(&main_wasm)?;
    let mut together = Fnv64::default();
    for part in [glue.as_bytes(), loader.as_bytes(), &main_bytes] {
        together.write(part);
        together.write(&[0]);
    }
    let hash = together.finish();
    let glue_named = format!("{BIN}-{hash:016x}.js");
    let loader_named = format!("{SPLIT_PREFIX}loader-{hash:016x}.js");
    let main_named = format!("{BIN}-{hash:016x}_bg.wasm");
    // Only the import statements: the wasm names its imports by the old name.
    for (text, old, new) in [
        (&mut glue, "./__wasm_split.js", &loader_named),
        (&mut loader, main_module.as_str(), &glue_named),
    ] {
        let old = format!("from \"{old}\"");
        if !text.contains(&old) {
            return Err(format!("the code does not import {old}").into());
        }
        *text = text.replace(&old, &format!("from \"./{new}\""));
    }
    fs::write(dist.join(&glue_named), glue)?;
    fs::write(dist.join(&loader_named), loader)?;
    fs::write(dist.join(&main_named), main_bytes)?;
    Ok(Code {
        glue: glue_named,
        loader: loader_named,
        main_wasm: main_named,
    })
}

/// The QR worker's script in `dist/`, as the check page asks for it, and
/// its template in the repo.
const QR_WORKER: &str = "qr-worker.js";
const QR_WORKER_TEMPLATE: &str = "qr-reader/worker.js";
const QR_READER: &str = "qr-reader";

/// Whether `name` in `dist/` is one of the QR worker's files.
fn is_qr_worker_file(name: &str) -> bool {
    name == QR_WORKER || name.starts_with(&format!("{QR_READER}-"))
}

/// Builds the QR reader (`qr-reader`) as a wasm of its own, with its glue,
/// both named by one hash of the two, and writes the worker's script that
/// starts them. The script keeps a plain name, so the widget's code need
/// not know the hash; it is checked on every visit, like the page.
fn build_qr_worker(dist: &Path, std: StdLib, target_dir: &Path) -> Result {
    // The same settings as the widget's build, so that the standard
    // library and the shared crates are built once for both.
    run(with_release_wasm_flags(
        command("cargo")
            .args([
                "rustc",
                "--release",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                QR_READER,
                "--lib",
                "--crate-type",
                "cdylib",
                "--target-dir",
            ])
            .arg(target_dir),
        &["-Clink-args=--emit-relocs", "--cfg", "split_pages"],
        std,
    ))?;
    let work = target_dir.join("qr-worker");
    if work.exists() {
        fs::remove_dir_all(&work)?;
    }
    fs::create_dir_all(&work)?;
    let built = fs::read(target_dir.join("wasm32-unknown-unknown/release/qr_reader.wasm"))?;
    let linked = work.join("qr_reader.wasm");
    fs::write(&linked, without_link_sections(&built)?)?;
    run(command("wasm-bindgen")
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            QR_READER,
            "--out-dir",
        ])
        .arg(&work)
        .arg(&linked))?;
    let wasm = work.join(format!("{QR_READER}_bg.wasm"));
    wasm_opt(&wasm)?;
    let glue = fs::read_to_string(work.join(format!("{QR_READER}.js")))?;
    let bytes = fs::read(&wasm)?;
    let mut together = Fnv64::default();
    for part in [glue.as_bytes(), &bytes] {
        together.write(part);
        together.write(&[0]);
    }
    let hash = together.finish();
    let glue_named = format!("{QR_READER}-{hash:016x}.js");
    let wasm_named = format!("{QR_READER}-{hash:016x}_bg.wasm");
    let template = fs::read_to_string(crate::repo_root().join(QR_WORKER_TEMPLATE))?;
    let script = fill(&template, "\"__GLUE__\"", &format!("\"./{glue_named}\""))
        .and_then(|t| fill(&t, "\"__WASM__\"", &format!("\"./{wasm_named}\"")))?;
    fs::write(dist.join(glue_named), glue)?;
    fs::write(dist.join(wasm_named), bytes)?;
    fs::write(dist.join(QR_WORKER), script)?;
    Ok(())
}

/// `wasm` without the linker's own sections (`linking`, `reloc.*`), which
/// `--emit-relocs` keeps for the splitter: a module that is not split needs
/// none, and wasm-opt cannot optimise a module that has them. Each section
/// is an id byte, its length (LEB128) and its contents; a custom section's
/// contents start with its name.
fn without_link_sections(wasm: &[u8]) -> Result<Vec<u8>> {
    fn leb128(bytes: &[u8], at: &mut usize) -> Option<usize> {
        let mut value = 0usize;
        for shift in (0..35).step_by(7) {
            let byte = *bytes.get(*at)?;
            *at += 1;
            value |= usize::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Some(value);
            }
        }
        None
    }
    let broken = || "the QR reader's wasm has a broken section".to_owned();
    if wasm.get(..4) != Some(b"\0asm") || wasm.len() < 8 {
        return Err("the QR reader's build is not a wasm module".into());
    }
    let mut out = wasm[..8].to_vec();
    let mut at = 8;
    while at < wasm.len() {
        let start = at;
        let id = wasm[at];
        at += 1;
        let length = leb128(wasm, &mut at).ok_or_else(broken)?;
        let end = at
            .checked_add(length)
            .filter(|&e| e <= wasm.len())
            .ok_or_else(broken)?;
        let mut name_at = at;
        let name = (id == 0)
            .then(|| {
                let name_length = leb128(wasm, &mut name_at)?;
                wasm.get(name_at..name_at.checked_add(name_length)?)
            })
            .flatten();
        let linker_only = name.is_some_and(|n| n == b"linking" || n.starts_with(b"reloc."));
        if !linker_only {
            out.extend_from_slice(&wasm[start..end]);
        }
        at = end;
    }
    Ok(out)
}

/// Shrinks a wasm module in place for size, with the features every
/// browser the widget supports has.
fn wasm_opt(wasm: &Path) -> Result {
    run(command("wasm-opt")
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--output",
        ])
        .arg(wasm)
        .arg(wasm))
}

fn file_stem(path: &Path) -> Result<String> {
    path.file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_owned)
        .ok_or_else(|| format!("{}: no file name", path.display()).into())
}

/// Writes the page shell from `index.html` in the repository (and returns
/// it, for the pre-rendered pages to be written into): each
/// `<link data-trunk rel=…>` (the same links Trunk reads for `trunk serve`)
/// becomes a plain link to a copy named by its contents (`css`, `icon`) or a
/// file copied as it is (`copy-file`); the `rust` one goes, and the script
/// that starts the release's code goes before `</head>`.
fn write_page(dist: &Path, code: &Code) -> Result<String> {
    let root = crate::repo_root();
    let source = fs::read_to_string(root.join("index.html"))?;
    let mut page = String::new();
    for line in source.lines() {
        let Some(rest) = line.trim().strip_prefix("<link data-trunk ") else {
            if line.trim() == "</head>" {
                // A file rather than an inline script, so the strict CSP
                // holds. It names the code to start, and the loader the glue
                // imports, which it asks for at the same time.
                page.push_str(&format!(
                    "  <script type=\"module\" src=\"./boot.js\" data-js=\"./{}\" data-loader=\"./{}\" data-wasm=\"./{}\"></script>\n",
                    code.glue, code.loader, code.main_wasm
                ));
            }
            page.push_str(line);
            page.push('\n');
            continue;
        };
        let attr = |name: &str| {
            let start = rest.find(&format!("{name}=\""))? + name.len() + 2;
            rest[start..].split('"').next()
        };
        if attr("rel") == Some("rust") {
            continue;
        }
        let (Some(rel), Some(href)) = (attr("rel"), attr("href")) else {
            return Err(format!("index.html: {line:?} needs rel and href").into());
        };
        let file = root.join(href);
        let name = file_stem(&file)?;
        let bytes = fs::read(&file)?;
        match rel {
            "copy-file" => {
                fs::write(dist.join(format!("{name}.{}", extension(&file)?)), bytes)?;
                continue;
            }
            "css" | "icon" => {
                let named = format!("{name}-{:016x}.{}", fnv1a(&bytes), extension(&file)?);
                fs::write(dist.join(&named), bytes)?;
                let rel = if rel == "css" { "stylesheet" } else { rel };
                // A print-only stylesheet must not hold up the first paint.
                let media = attr("media").map_or(String::new(), |m| format!(" media=\"{m}\""));
                page.push_str(&format!(
                    "  <link rel=\"{rel}\" href=\"./{named}\"{media}>\n"
                ));
            }
            _ => return Err(format!("index.html: unknown rel {rel:?}").into()),
        }
    }
    if !page.contains("data-js=") {
        return Err("index.html must have a </head> line".into());
    }
    fs::write(dist.join("index.html"), &page)?;
    Ok(page)
}

fn extension(path: &Path) -> Result<&str> {
    path.extension()
        .and_then(|s| s.to_str())
        .ok_or_else(|| format!("{}: no extension", path.display()).into())
}

/// Joins each locale's area files into `locales/<tag>-<hash>.json`, fetched
/// by the widget when that language is chosen, under the name the widget was
/// compiled with and in the release format (`Catalog::to_release_json`):
/// every message checked here, no message names. English's first page is compiled in; the whole of it is
/// fetched after the first page.
fn write_locales(dist: &Path) -> Result {
    fs::create_dir_all(dist.join("locales"))?;
    for (locale, keyed) in locale_texts()? {
        let catalog = i18n::Catalog::parse(locale, &keyed)
            .map_err(|e| format!("locales/{}: {e}", locale.tag()))?;
        fs::write(
            dist.join(i18n::locale_file(locale)),
            catalog.to_release_json(),
        )?;
    }
    Ok(())
}

/// Every language's messages by name, its area files merged; English's is
/// the copy the widget was compiled with.
pub fn locale_texts() -> Result<Vec<(i18n::Locale, String)>> {
    let mut texts = Vec::new();
    for entry in fs::read_dir(crate::repo_root().join("locales"))? {
        let dir = entry?.path();
        let Some(tag) = dir.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
            continue;
        };
        if !dir.is_dir() {
            continue;
        }
        let Some(locale) = i18n::Locale::from_tag(&tag) else {
            return Err(format!("locales/{tag}: not a language the widget has").into());
        };
        if locale == i18n::Locale::EnGb {
            texts.push((locale, i18n::EN_GB_JSON.to_owned()));
            continue;
        }
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)?
            .map(|e| e.map(|e| e.path()))
            .collect::<std::io::Result<_>>()?;
        files.retain(|p| p.extension().is_some_and(|e| e == "json"));
        files.sort();
        let area_texts: Vec<String> = files
            .iter()
            .map(fs::read_to_string)
            .collect::<std::io::Result<_>>()?;
        let refs: Vec<&str> = area_texts.iter().map(String::as_str).collect();
        let merged = i18n::merge(&refs).map_err(|e| format!("locales/{tag}: {e}"))?;
        texts.push((locale, merged));
    }
    texts.sort_by_key(|(locale, _)| locale.tag());
    Ok(texts)
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
        let empty = crate::tac::encode(&[], "");
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
/// (but the QR worker's) and a version that changes whenever any of them
/// does, so that each version is cached apart and a page never mixes old
/// and new files.
fn write_service_worker(dist: &Path) -> Result {
    let template = fs::read_to_string(crate::repo_root().join(WORKER_TEMPLATE))?;
    let mut urls = Vec::new();
    let mut version = Fnv64::default();
    version.write(template.as_bytes());
    for asset in assets(dist)? {
        let url = asset
            .strip_prefix(dist)?
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        // The QR worker is for staff checking a code, not for the victim
        // whose device this is, and it is larger than the journey's code:
        // it comes from the network when a photo is chosen.
        if url == WORKER || is_qr_worker_file(&url) {
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
        &format!("\"{:016x}\"", version.finish()),
    )
    .and_then(|t| fill(&t, "[\"__ASSETS__\"]", &format!("[{}]", urls.join(", "))))?;
    fs::write(dist.join(WORKER), filled)?;
    eprintln!(
        "Service worker: version {:016x}, {} files",
        version.finish(),
        urls.len()
    );
    Ok(())
}

/// Replaces the one `marker` in `template`, failing if it is not there once.
fn fill(template: &str, marker: &str, value: &str) -> Result<String> {
    if template.matches(marker).count() != 1 {
        return Err(format!("a script template must hold {marker} exactly once").into());
    }
    Ok(template.replace(marker, value))
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
            } else if !matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz"))
                && path.file_name() != Some(std::ffi::OsStr::new(headers::STATIC_HOST_FILE))
            {
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
    pub loaded: Loaded,
}

/// When a visitor's browser downloads an asset.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Loaded {
    /// Before the start page works.
    FirstPage,
    /// In the background once the first page has loaded: the journey's code
    /// and the rest of the English words.
    AfterFirstPage,
    /// Only when needed: a staff or about page's code, the box label
    /// reader once a photo button is pressed (and the code only those two
    /// share), the QR worker once a photo
    /// is chosen on the check page, the TAC table once
    /// the IMEI is checked, another language when chosen, the host page's
    /// embed script.
    WhenNeeded,
}

impl Loaded {
    pub fn label(self) -> &'static str {
        match self {
            Loaded::FirstPage => "first page",
            Loaded::AfterFirstPage => "after first page",
            Loaded::WhenNeeded => "when needed",
        }
    }
}

/// Sizes of every asset in `dist/`, each with when it is downloaded.
pub fn sizes(dir: &Path) -> Result<Vec<AssetSize>> {
    let assets = assets(dir)?;
    let loader = assets.iter().find(|a| {
        a.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(&format!("{SPLIT_PREFIX}loader-")))
    });
    // A build that is not split (the bench's counter) has no chunks.
    let with_journey = match loader {
        Some(loader) => journey_chunks(&fs::read_to_string(loader)?)?,
        None => Default::default(),
    };
    let mut rows = Vec::new();
    for asset in assets {
        let name = asset.strip_prefix(dir)?.to_string_lossy().into_owned();
        let len = |p: &Path| fs::metadata(p).map(|m| m.len());
        rows.push(AssetSize {
            loaded: when_loaded(&name, &with_journey),
            raw: len(&asset)?,
            gzip: len(&with_suffix(&asset, "gz"))?,
            brotli: len(&with_suffix(&asset, "br"))?,
            name,
        });
    }
    Ok(rows)
}

/// The chunks (`split-chunk-N-….wasm`) the loader fetches with the
/// journey's module, read from the loader's text: the journey's export
/// names its dependencies' loaders in a list, and each loader is defined
/// with its chunk's file name.
fn journey_chunks(loader: &str) -> Result<Vec<String>> {
    let unreadable = || "the split loader no longer reads as expected".to_owned();
    let export = loader
        .find("__wasm_split_load_journey=")
        .ok_or_else(unreadable)?;
    let rest = &loader[export..];
    let rest = &rest[..rest.find("export ").unwrap_or(rest.len())];
    let list = rest.rfind('[').ok_or_else(unreadable)?;
    let end = list + rest[list..].find(']').ok_or_else(unreadable)?;
    let mut chunks = Vec::new();
    for dependency in rest[list + 1..end].split(',').map(str::trim) {
        if dependency.is_empty() {
            continue;
        }
        // `const i=n(…"./split-chunk-4-….wasm"…),c=n(…)`: the name, then
        // the first file it fetches.
        let defined = [",", " ", "\n", ";"]
            .iter()
            .find_map(|before| loader.find(&format!("{before}{dependency}=")))
            .ok_or_else(unreadable)?;
        let after = &loader[defined..];
        let file = after
            .find(&format!("./{SPLIT_PREFIX}"))
            .map(|at| &after[at + 2..])
            .and_then(|f| f.split('"').next())
            .ok_or_else(unreadable)?;
        chunks.push(file.to_owned());
    }
    Ok(chunks)
}

fn when_loaded(name: &str, with_journey: &[String]) -> Loaded {
    let split_code = name.starts_with(SPLIT_PREFIX) && name.ends_with(".wasm");
    let journey = name.starts_with(&format!("{SPLIT_PREFIX}journey-"));
    if split_code && !journey && !with_journey.iter().any(|c| c == name) {
        // The staff and about pages, the box label reader (asked for when a
        // photo button is pressed), and the chunks only they share.
        Loaded::WhenNeeded
    } else if split_code || name == i18n::locale_file(i18n::Locale::EnGb) {
        // The journey's module, the chunks it loads, and the rest of the
        // English words.
        Loaded::AfterFirstPage
    } else if name.starts_with("data/")
        || name.starts_with("locales/")
        || name == "embed.js"
        // The QR worker, started when a photo is chosen on the check page.
        || is_qr_worker_file(name)
        // The other pre-rendered pages: each is a first page at its own
        // address (`cy/`, `cy/act-now/`), not part of this one.
        || (name.contains('/') && name.ends_with(".html"))
    {
        Loaded::WhenNeeded
    } else {
        Loaded::FirstPage
    }
}

/// Builds the code once more with the shipped standard library, in a
/// folder of its own, and prints the main module's brotli size both ways,
/// so the rebuild's saving stays measured.
pub fn print_std_saving(dir: &Path) -> Result {
    if std_lib() != StdLib::Rebuilt {
        return Ok(());
    }
    let compare = crate::repo_root().join("target/shipped-std");
    let other = compare.join("dist");
    if other.exists() {
        fs::remove_dir_all(&other)?;
    }
    fs::create_dir_all(&other)?;
    build_code(&other, StdLib::Shipped, &compare)?;
    let main_module = |dir: &Path| -> Result<u64> {
        let name = fs::read_dir(dir)?
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .find(|n| n.starts_with(BIN) && n.ends_with("_bg.wasm"))
            .ok_or("no main module")?;
        Ok(brotli_bytes(&fs::read(dir.join(name))?)?.len() as u64)
    };
    let rebuilt = main_module(dir)?;
    let plain = main_module(&other)?;
    println!(
        "main module, brotli 11: {rebuilt} bytes with the rebuilt standard library, {plain} with the shipped one ({} saved)",
        plain.saturating_sub(rebuilt)
    );
    Ok(())
}

/// Prints the size table and the first-visit totals.
pub fn print_sizes(dir: &Path) -> Result {
    let rows = sizes(dir)?;
    println!(
        "{:<48} {:>10} {:>10} {:>10}  loaded",
        "asset", "raw", "gzip -9", "brotli 11"
    );
    for r in &rows {
        println!(
            "{:<48} {:>10} {:>10} {:>10}  {}",
            r.name,
            r.raw,
            r.gzip,
            r.brotli,
            r.loaded.label()
        );
    }
    let total = |name: &str, included: &[Loaded]| {
        let sum = |f: fn(&AssetSize) -> u64| {
            rows.iter()
                .filter(|r| included.contains(&r.loaded))
                .map(f)
                .sum::<u64>()
        };
        println!(
            "{name:<48} {:>10} {:>10} {:>10}",
            sum(|r| r.raw),
            sum(|r| r.gzip),
            sum(|r| r.brotli)
        );
    };
    total("first page total", &[Loaded::FirstPage]);
    total(
        "first visit total (with the journey)",
        &[Loaded::FirstPage, Loaded::AfterFirstPage],
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The loader patch expects the text of the pinned wasm-split: read its
    /// fetcher from that version's source, as the splitter fills it in.
    #[test]
    fn the_chunks_the_journey_loads_are_read_from_the_loader() {
        let loader = r#"import{initSync as t}from"./x.js";const i=n(()=>{const t=WebAssembly.compileStreaming(fetch(new URL("./split-chunk-4-aa.wasm",import.meta.url)))},[]),c=n(()=>{fetch(new URL("./split-chunk-5-bb.wasm",import.meta.url))},[]),m=n(()=>{fetch(new URL("./split-chunk-7-cc.wasm"))},[]);export const __wasm_split_load_more=s(n(()=>{fetch(new URL("./split-more-dd.wasm"))},[c,m]));export const __wasm_split_load_journey=s(n(()=>{fetch(new URL("./split-journey-ee.wasm"))},[i,c]));"#;
        let chunks = journey_chunks(loader).unwrap();
        assert_eq!(chunks, ["split-chunk-4-aa.wasm", "split-chunk-5-bb.wasm"]);
        let loaded = |name: &str| when_loaded(name, &chunks);
        assert!(loaded("split-journey-ee.wasm") == Loaded::AfterFirstPage);
        assert!(loaded("split-chunk-5-bb.wasm") == Loaded::AfterFirstPage);
        assert!(loaded("split-chunk-7-cc.wasm") == Loaded::WhenNeeded);
        assert!(loaded("split-more-dd.wasm") == Loaded::WhenNeeded);
        assert!(journey_chunks("something else").is_err());
    }

    #[test]
    fn only_the_linkers_sections_are_taken_out() {
        let custom = |name: &str, body: &[u8]| {
            let mut contents = vec![name.len() as u8];
            contents.extend_from_slice(name.as_bytes());
            contents.extend_from_slice(body);
            // The length in LEB128: seven bits a byte, low first.
            let length = contents.len();
            let mut section = if length < 0x80 {
                vec![0, length as u8]
            } else {
                vec![0, (length & 0x7f) as u8 | 0x80, (length >> 7) as u8]
            };
            section.extend(contents);
            section
        };
        let header = b"\0asm\x01\0\0\0".to_vec();
        let types = vec![1, 4, 1, 0x60, 0, 0];
        let module = [
            header.clone(),
            types.clone(),
            custom("linking", &[2, 8, 0]),
            custom("name", &[1, 2, 3]),
            custom("reloc.CODE", &[9; 130]),
        ]
        .concat();
        let kept = without_link_sections(&module).unwrap();
        assert_eq!(kept, [header, types, custom("name", &[1, 2, 3])].concat());
        assert!(without_link_sections(&module[..module.len() - 1]).is_err());
        assert!(without_link_sections(b"not wasm").is_err());
    }

    #[test]
    fn the_loader_patch_fits_the_pinned_splitter() {
        // Building xtask unpacked the pinned version's source into Cargo's
        // registry folder.
        let cargo_home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
            .unwrap();
        let pinned = include_str!("../Cargo.toml")
            .lines()
            .find_map(|line| line.strip_prefix("wasm_split_cli_support = \"="))
            .and_then(|rest| rest.strip_suffix('"'))
            .expect("xtask/Cargo.toml pins wasm_split_cli_support exactly");
        let js = fs::read_dir(cargo_home.join("registry/src"))
            .unwrap()
            .filter_map(|index| {
                let crate_dir = format!("wasm_split_cli_support-{pinned}");
                let path = index.ok()?.path().join(crate_dir).join("src/js.rs");
                fs::read_to_string(path).ok()
            })
            .next()
            .expect("the pinned wasm_split_cli_support's source");
        let start = js.find("const src = fetch(").expect("the web fetcher");
        let end = start + js[start..].find("\"#").expect("the end of the fetcher");
        let fetcher = js[start..end]
            .replace("{{", "{")
            .replace("}}", "}")
            .replace("{file_path}", "\"./split_journey.wasm\"")
            .replace("{wrap}", "");
        let patched = patch_split_loader(&fetcher).unwrap();
        assert!(
            patched.contains(
                "const src = WebAssembly.compileStreaming(fetch(new URL(\"./split_journey.wasm\", import.meta.url)));"
            ),
            "{patched}"
        );
        assert!(patched.contains("(WebAssembly.instantiate(await src, imports))"));
        assert!(patch_split_loader("something else").is_err());
    }
}

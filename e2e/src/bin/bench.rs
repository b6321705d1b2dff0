//! `cargo xtask bench` runs this after building: it prints what a first visit
//! downloads, compares it with two floors (the smallest Leptos app built the
//! same way, and a plain HTML form), times "until Start works" on a throttled
//! phone, and runs Lighthouse. It prints figures and asserts nothing.

use std::path::{Path, PathBuf};
use std::time::Duration;

use e2e::Browser;
use serde_json::json;
use xtask::dist::{AssetSize, Loaded, sizes};

fn main() {
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    runtime.block_on(run());
}

fn env_path(name: &str) -> PathBuf {
    PathBuf::from(
        std::env::var_os(name).unwrap_or_else(|| panic!("{name} is set by cargo xtask bench")),
    )
}

async fn run() {
    let widget = sizes(&xtask::dist_dir()).expect("dist/ has a release build");
    let counter = sizes(&env_path("BENCH_COUNTER_DIST")).expect("the counter's build");
    let plain = sizes(&env_path("BENCH_PLAIN_DIR")).expect("the plain form");

    println!("\n== Transfer (brotli bytes)");
    print_transfer(&widget);
    let brotli = |rows: &[AssetSize], included: &[Loaded]| {
        rows.iter()
            .filter(|r| included.contains(&r.loaded))
            .map(|r| r.brotli)
            .sum::<u64>()
    };
    let first_page = brotli(&widget, &[Loaded::FirstPage]);
    let first_visit = brotli(&widget, &[Loaded::FirstPage, Loaded::AfterFirstPage]);
    let floor = brotli(&counter, &[Loaded::FirstPage]);
    let plain_total = brotli(&plain, &[Loaded::FirstPage]);
    let budget = |bytes: u64| if bytes <= 102_400 { "within" } else { "over" };
    println!(
        "first page, widget:                  {first_page:>8}  (budget 102400: {})",
        budget(first_page)
    );
    println!(
        "first visit with the journey:        {first_visit:>8}  (budget 102400: {})",
        budget(first_visit)
    );
    println!(
        "first page, Leptos counter floor:    {floor:>8}  (widget is {:.1}x)",
        first_page as f64 / floor.max(1) as f64
    );
    println!(
        "first page, plain HTML+JS form:      {plain_total:>8}  (widget is {:.1}x)",
        first_page as f64 / plain_total.max(1) as f64
    );

    let widget_origin = e2e::origin().to_owned();
    let plain_origin = xtask::server::spawn(env_path("BENCH_PLAIN_DIR"), 0)
        .expect("serve the plain form")
        .origin();

    let counter_origin = xtask::server::spawn(env_path("BENCH_COUNTER_DIST"), 0)
        .expect("serve the counter")
        .origin();
    let main_module = widget
        .iter()
        .filter(|r| r.loaded == Loaded::FirstPage && r.name.ends_with("_bg.wasm"))
        .map(|r| r.brotli)
        .sum::<u64>();
    println!("main wasm module:                    {main_module:>8}");
    // What the browser needs before it can paint the start page: the page
    // and its style sheets (the scripts and the wasm do not hold it up).
    let before_heading = widget
        .iter()
        .filter(|r| {
            r.name == "index.html"
                || (r.loaded == Loaded::FirstPage
                    && r.name.ends_with(".css")
                    && !r.name.starts_with("print-"))
        })
        .map(|r| r.brotli)
        .sum::<u64>();
    println!("before the start page's heading:     {before_heading:>8}  (goal: under 10240)");

    println!("\n== On screen (4x CPU, 150 ms round trip, 1.6 Mbit/s, cold cache; median of 3)");
    let widget_heading = median(|| until_shown(&widget_origin, "", "main h1", None)).await;
    let plain_heading = median(|| until_shown(&plain_origin, "", "h1", None)).await;
    let counter_shown = median(|| until_shown(&counter_origin, "", "button", None)).await;
    println!(
        "start page heading, widget:     {widget_heading:>7.0} ms  ({:.2}x the static floor; goal 1.3x)",
        widget_heading / plain_heading
    );
    println!("start page heading, plain HTML: {plain_heading:>7.0} ms  (the static floor)");
    println!("Leptos counter on screen:       {counter_shown:>7.0} ms");
    let act_now = median(|| {
        until_shown(
            &widget_origin,
            "",
            "main h1",
            Some(("a.button--start", "Do these things first")),
        )
    })
    .await;
    println!("Act now, Start pressed at once: {act_now:>7.0} ms  (goal: under 1500)");

    println!(
        "\n== Until Start works with the wasm (4x CPU slowdown, Slow 4G, cold cache; median of 3)"
    );
    let ours_ms = median_ms(
        &widget_origin,
        "#app[data-live] main a.button--start",
        "#app[data-live] main[data-page='#/act-now'] h1",
    )
    .await;
    let plain_ms = median_ms(&plain_origin, "button[type=submit]", ".error-summary").await;
    println!("widget:          {ours_ms:>7.0} ms");
    println!("plain HTML form: {plain_ms:>7.0} ms");

    println!("\n== Reading a box label photo (two IMEIs, 4000 x 3000 PNG; median of 3)");
    let photo = label_photo_file();
    for rate in [1, 4] {
        let (first, again, longest) = photo_read_times(PhotoPage::Label, &photo, rate).await;
        println!(
            "CPU {rate}x: first photo {first:>6.0} ms (reader's module fetched on the press), another {again:>6.0} ms  (goal at 4x: under 1000)"
        );
        println!(
            "        longest task on the page while reading: {longest:>6.0} ms  (0: none over 50 ms; a worker is wanted above about 100)"
        );
    }
    print_read_rates();

    println!(
        "\n== Reading a photo of the printed report on the check page (two QR codes, 4000 x 3000 PNG; median of 3)"
    );
    let photo = report_photo_file();
    for rate in [1, 4] {
        let (first, again, longest) = photo_read_times(PhotoPage::ReportCode, &photo, rate).await;
        println!(
            "CPU {rate}x: first photo {first:>6.0} ms (the QR worker fetched), another {again:>6.0} ms (a new worker, from the cache)"
        );
        println!(
            "        longest task on the page while reading: {longest:>6.0} ms  (0: none over 50 ms; the reading itself is in the worker)"
        );
    }
    print_qr_read_rates();

    println!("\n== Lighthouse 12 (mobile, simulated throttling)");
    match lighthouse(&env_path("BENCH_LIGHTHOUSE"), &format!("{widget_origin}/")) {
        Ok(scores) => println!("{scores}"),
        Err(e) => println!("Lighthouse did not run: {e}"),
    }
}

fn print_transfer(rows: &[AssetSize]) {
    let kind = |name: &str| match Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
    {
        "html" => "html",
        "js" => "js",
        "wasm" => "wasm",
        "css" => "css",
        "woff" | "woff2" | "ttf" => "fonts",
        _ => "other",
    };
    for group in ["html", "js", "wasm", "css", "fonts", "other"] {
        let total: u64 = rows
            .iter()
            .filter(|r| r.loaded == Loaded::FirstPage && kind(&r.name) == group)
            .map(|r| r.brotli)
            .sum();
        println!("first page {group:<6}                {total:>8}");
    }
    let journey: u64 = rows
        .iter()
        .filter(|r| r.loaded == Loaded::AfterFirstPage)
        .map(|r| r.brotli)
        .sum();
    // The journey's code, the chunk it shares, and the rest of the English.
    println!("{:<32}{journey:>8}", "journey (after first page)");
    let later = |prefix: &str| {
        rows.iter()
            .filter(|r| r.name.starts_with(prefix) && r.loaded == Loaded::WhenNeeded)
            .map(|r| r.brotli)
            .sum::<u64>()
    };
    println!(
        "staff and about pages' code     {:>8}",
        later("split-more-")
    );
    println!(
        "box label reader's code         {:>8}",
        later("split-label-reader-")
    );
    println!(
        "code those two share            {:>8}",
        later("split-chunk-")
    );
    println!("check page's QR worker          {:>8}", later("qr-"));
    println!("TAC table (fetched later)       {:>8}", later("data/"));
    println!("other languages (fetched later) {:>8}", later("locales/"));
}

/// The median of three runs of `run`.
async fn median<F, R>(run: F) -> f64
where
    F: Fn() -> R,
    R: std::future::Future<Output = f64>,
{
    let mut runs = Vec::new();
    for _ in 0..3 {
        runs.push(run().await);
    }
    runs.sort_by(f64::total_cmp);
    runs[1]
}

/// Milliseconds from asking for `origin/path` until `css` is on screen;
/// with `press`, until pressing its link (as soon as there is one) shows
/// a heading with its text. Throttled as Lighthouse's mobile test is.
async fn until_shown(origin: &str, path: &str, css: &str, press: Option<(&str, &str)>) -> f64 {
    // Lighthouse's mobile test: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
    let b = cold_slow_phone(150.0, 200_000, 93_750).await;
    let started = std::time::Instant::now();
    b.client
        .goto(&format!("{origin}/{path}"))
        .await
        .expect("navigate");
    let probe = match press {
        None => format!(
            "return document.querySelector({}) !== null;",
            serde_json::to_string(css).unwrap()
        ),
        Some((link, heading)) => format!(
            "const h = document.querySelector({css}); if (h && h.innerText.trim() === {heading}) return true; \
             const a = document.querySelector({link}); if (a && !window.__pressed) {{ window.__pressed = true; a.click(); }} return false;",
            css = serde_json::to_string(css).unwrap(),
            heading = serde_json::to_string(heading).unwrap(),
            link = serde_json::to_string(link).unwrap(),
        ),
    };
    let mut elapsed = f64::NAN;
    for _ in 0..3000 {
        if b.js(&probe).await == json!(true) {
            elapsed = started.elapsed().as_secs_f64() * 1000.0;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    b.finish().await;
    elapsed
}

/// Milliseconds from navigation until pressing `button` shows `result`,
/// the median of three cold visits.
async fn median_ms(origin: &str, button: &str, result: &str) -> f64 {
    median(|| until_works(origin, button, result)).await
}

/// A phone-sized browser with no cache, its CPU four times slower, on a
/// network of this round trip and these bytes a second.
async fn cold_slow_phone(latency_ms: f64, down: u64, up: u64) -> Browser {
    let b = Browser::start(412, 823).await;
    b.throttle(latency_ms, down, up).await;
    b.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
        .await;
    b.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }))
        .await;
    b
}

async fn until_works(origin: &str, button: &str, result: &str) -> f64 {
    // DevTools' Slow 4G: 562.5 ms round trip, 1.47 Mbit/s down, 675 kbit/s up.
    let b = cold_slow_phone(562.5, 184_320, 84_375).await;
    b.client
        .goto(&format!("{origin}/"))
        .await
        .expect("navigate");
    let probe = format!(
        "const b = document.querySelector({}); if (b) b.click(); return document.querySelector({}) ? performance.now() : null;",
        serde_json::to_string(button).unwrap(),
        serde_json::to_string(result).unwrap()
    );
    let mut elapsed = f64::NAN;
    for _ in 0..1200 {
        if let Some(ms) = b.js(&probe).await.as_f64() {
            elapsed = ms;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    b.finish().await;
    elapsed
}

fn lighthouse(cli: &Path, url: &str) -> Result<String, String> {
    let out_dir = xtask::repo_root().join("target/bench");
    std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
    let report = out_dir.join("lighthouse.json");
    let profile = std::env::temp_dir().join(format!("bench-lighthouse-{}", std::process::id()));
    let status = std::process::Command::new("node")
        .arg(cli)
        .arg(url)
        .args(["--output=json", "--quiet", "--form-factor=mobile", "--throttling-method=simulate"])
        .arg(format!("--output-path={}", report.display()))
        .arg(format!(
            "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run --user-data-dir={}",
            profile.display()
        ))
        .env("CHROME_PATH", "/usr/bin/chromium")
        .status()
        .map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("lighthouse exited with {status}"));
    }
    let text = std::fs::read_to_string(&report).map_err(|e| e.to_string())?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let score = |cat: &str| {
        json["categories"][cat]["score"]
            .as_f64()
            .map_or("n/a".to_owned(), |s| format!("{:.0}", s * 100.0))
    };
    let metric = |id: &str| {
        json["audits"][id]["displayValue"]
            .as_str()
            .unwrap_or("n/a")
            .to_owned()
    };
    Ok(format!(
        "performance {}, accessibility {}, best practices {}\nfirst contentful paint {}, largest contentful paint {}, total blocking time {}, time to interactive {}\n(full report: {})",
        score("performance"),
        score("accessibility"),
        score("best-practices"),
        metric("first-contentful-paint"),
        metric("largest-contentful-paint"),
        metric("total-blocking-time"),
        metric("interactive"),
        report.display()
    ))
}

/// A 12-megapixel photo of a two-IMEI label, saved for the browser.
fn label_photo_file() -> PathBuf {
    let photo = test_photos::label_photo(
        &test_photos::LabelSpec::two_imeis(),
        test_photos::Variant::Rotated(10.0),
        4000,
        3000,
    );
    let path = xtask::repo_root().join("target/bench/label-12mp.png");
    std::fs::write(&path, photo.png()).expect("save the label photo");
    path
}

/// A page that reads a photo, as the bench uses it.
#[derive(Clone, Copy)]
enum PhotoPage {
    /// The IMEI page's box label photo.
    Label,
    /// The check page's photo of a report code.
    ReportCode,
}

impl PhotoPage {
    fn input(self) -> &'static str {
        match self {
            PhotoPage::Label => "label-photo-file",
            PhotoPage::ReportCode => "code-photo-file",
        }
    }

    fn result(self) -> &'static str {
        match self {
            PhotoPage::Label => ".label-photo__result",
            PhotoPage::ReportCode => ".code-photo__result",
        }
    }

    async fn open(self, b: &Browser) {
        match self {
            PhotoPage::Label => b.walk_to_enter_imei("Samsung", "Yes").await,
            PhotoPage::ReportCode => {
                b.open("#/check-code").await;
                b.wait_for(&format!("#{}", self.input())).await;
            }
        }
    }

    /// Empties the result before the next photo: on the IMEI page Use
    /// clears what the last one found; the check page's result gives way
    /// to "Reading the photo…" by itself.
    async fn clear(self, b: &Browser) {
        let found = b.text(self.result()).await.unwrap_or_default();
        if matches!(self, PhotoPage::Label) && found.contains("We found") {
            b.press_button("Use these IMEIs").await;
        }
    }
}

/// Milliseconds from choosing the photo until what it holds is shown
/// ("We found"), at this CPU slowdown: the first photo of a visit and a
/// second one, each the median of three; and the longest task the page
/// ran meanwhile (0 if none took over 50 ms).
async fn photo_read_times(page: PhotoPage, photo: &Path, rate: u32) -> (f64, f64, f64) {
    let mut longest_task: f64 = 0.0;
    let mut first = Vec::new();
    let mut again = Vec::new();
    for _ in 0..3 {
        let b = Browser::start(412, 823).await;
        page.open(&b).await;
        b.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": rate }))
            .await;
        for times in [&mut first, &mut again] {
            page.clear(&b).await;
            b.js(&format!("const r = document.querySelector('{}'); \
                  window.__found = null; window.__chosen = performance.now(); window.__longest = 0; \
                  new PerformanceObserver(l => l.getEntries().forEach(e => {{ if (e.startTime >= window.__chosen && e.startTime < (window.__found ?? Infinity)) window.__longest = Math.max(window.__longest, e.duration); }})) \
                  .observe({{ type: 'longtask' }}); \
                  new MutationObserver((_, o) => {{ if (r.textContent.includes('We found')) {{ window.__found = performance.now(); o.disconnect(); }} }}) \
                  .observe(r, {{ childList: true, subtree: true, characterData: true }});", page.result()))
                .await;
            b.choose_file(page.input(), photo).await;
            let mut ms = f64::NAN;
            for _ in 0..3000 {
                let found = b
                    .js("return window.__found && window.__found - window.__chosen;")
                    .await;
                if let Some(found) = found.as_f64() {
                    ms = found;
                    break;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            times.push(ms);
            // Long tasks are those over 50 ms, reported just after they end.
            tokio::time::sleep(Duration::from_millis(300)).await;
            let longest = b.js("return window.__longest;").await;
            longest_task = longest_task.max(longest.as_f64().unwrap_or(f64::NAN));
        }
        b.finish().await;
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    (median(first), median(again), longest_task)
}

/// A 12-megapixel photo of the printed report, its two codes on it.
fn report_photo_file() -> PathBuf {
    let codes = test_photos::report_codes();
    let photo = test_photos::page_photo(
        &[&codes[0], &codes[1]],
        test_photos::Variant::Rotated(10.0),
        4000,
        3000,
    )
    .expect("the codes fit a QR code");
    let path = xtask::repo_root().join("target/bench/report-12mp.png");
    std::fs::write(&path, photo.png()).expect("save the report photo");
    path
}

/// The printed report's photos the tests draw, read natively as the QR
/// worker reads them (1600 x 1200): how many of the two codes each gives,
/// and how many codes read as something the page did not hold.
fn print_qr_read_rates() {
    use test_photos::{Variant, page_photo, report_codes};
    println!("read rate by variant (1600 x 1200, native; the printed report's two codes):");
    let codes = report_codes();
    let mut wrong = 0;
    for variant in Variant::all() {
        let Some(photo) = page_photo(&[&codes[0], &codes[1]], variant, 1600, 1200) else {
            continue;
        };
        let Some(grey) = qr_reader::Grey::new(photo.width, photo.height, &photo.pixels) else {
            continue;
        };
        let started = std::time::Instant::now();
        let found = qr_reader::read(grey);
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let read = found
            .iter()
            .filter(|f| f.as_ref().is_ok_and(|t| codes.contains(t)))
            .count();
        wrong += found
            .iter()
            .filter(|f| f.as_ref().is_ok_and(|t| !codes.contains(t)))
            .count();
        let unread = found.iter().filter(|f| f.is_err()).count();
        println!(
            "  {:<14} read {read} of 2, {unread} found and not read {ms:>5.0} ms",
            variant.name()
        );
    }
    println!("wrong codes read: {wrong}  (goal: 0)");
}

/// The label photos the tests draw, read natively as the widget reads them
/// (1600 x 1200): how many offer exactly the label's IMEIs, and how many
/// offer a wrong one.
fn print_read_rates() {
    use stolen_phone_core::device::label::{self, Verdict};
    use stolen_phone_core::device::scan::{self, Photo};
    use test_photos::{LabelSpec, Variant, label_photo};
    println!("read rate by variant (1600 x 1200, native; one- and two-IMEI labels):");
    let mut wrong = 0;
    for variant in Variant::all() {
        let mut read = 0;
        for spec in [LabelSpec::one_imei(), LabelSpec::two_imeis()] {
            let grey = label_photo(&spec, variant, 1600, 1200);
            let Ok(photo) = Photo::new(grey.width, grey.height, &grey.pixels) else {
                continue;
            };
            let started = std::time::Instant::now();
            let found = scan::read(&photo);
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            let verdict = label::read(&found.texts).verdict(found.unread.is_some());
            let expected = spec.imeis();
            let offered: Vec<String> = match verdict {
                Verdict::Found { first, second, .. } => std::iter::once(first)
                    .chain(second)
                    .map(|i| i.to_string())
                    .collect(),
                _ => Vec::new(),
            };
            wrong += offered.iter().filter(|i| !expected.contains(i)).count();
            if offered == expected {
                read += 1;
            }
            println!(
                "  {:<14} {} IMEI(s): {:<40} {ms:>5.0} ms",
                variant.name(),
                expected.len(),
                format!("{offered:?}")
            );
        }
        println!("  {:<14} read {read} of 2", variant.name());
    }
    println!("wrong IMEIs offered: {wrong}  (goal: 0)");
}

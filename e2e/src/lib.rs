//! A headless Chromium session over WebDriver, with the checks every page
//! must pass: zero axe-core violations, zero CSP violations, no request to
//! another origin, and a screenshot under `target/e2e/` for a human look.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command};
use std::sync::OnceLock;
use std::time::Duration;

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

pub use fantoccini::key::Key;

/// The release build, copied to a folder of this test process's own (so
/// tests can add host configuration files) and served with the real server.
pub fn origin() -> &'static str {
    static ORIGIN: OnceLock<String> = OnceLock::new();
    ORIGIN.get_or_init(|| {
        let dist = xtask::dist_dir();
        assert!(
            dist.join("index.html").is_file(),
            "dist/ has no release build: run `cargo xtask test`, which builds it first"
        );
        let site = site_dir();
        let _ = std::fs::remove_dir_all(&site);
        copy_dir(&dist, &site);
        xtask::server::spawn(site, 0)
            .expect("start the test server")
            .origin()
    })
}

/// The folder the test server serves.
pub fn site_dir() -> PathBuf {
    xtask::repo_root().join(format!("target/e2e-site-{}", std::process::id()))
}

/// The minified `sw.js` text with its version replaced, as a new release
/// would change it.
pub fn worker_with_version(worker: &str, version: &str) -> String {
    let at = worker.find("VERSION").expect("sw.js names its version");
    let start = at + worker[at..].find('"').expect("the version is quoted") + 1;
    let end = start + worker[start..].find('"').expect("the version ends");
    format!("{}{version}{}", &worker[..start], &worker[end..])
}

/// Adds a file to the served site, e.g. a host configuration.
pub fn serve_file(path: &str, contents: &str) {
    let _ = origin();
    let file = site_dir().join(path);
    if let Some(parent) = file.parent() {
        std::fs::create_dir_all(parent).expect("create a folder in the test site");
    }
    std::fs::write(file, contents).expect("write a file into the test site");
}

/// Replaces a file of the served site, removing its pre-compressed copies so
/// that the server sends the new contents.
pub fn replace_served_file(path: &str, contents: &str) {
    serve_file(path, contents);
    for suffix in ["br", "gz"] {
        let _ = std::fs::remove_file(site_dir().join(format!("{path}.{suffix}")));
    }
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("create the test site");
    for entry in std::fs::read_dir(from).expect("read dist/") {
        let path = entry.expect("list dist/").path();
        let target = to.join(path.file_name().expect("a file name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy a file of dist/");
        }
    }
}

/// Runs before any page script: records CSP violations and console errors
/// from the very start.
const WATCH_CSP: &str = r#"
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline"));
});
window.__consoleErrors = [];
const originalError = console.error;
console.error = (...args) => { window.__consoleErrors.push(args.map(String).join(" ")); originalError(...args); };
window.addEventListener("error", (e) => window.__consoleErrors.push(String(e.message)));
"#;

pub struct Browser {
    pub client: Client,
    driver: Child,
    profile: PathBuf,
}

impl Browser {
    /// Starts chromedriver and a fresh headless Chromium at the given width.
    pub async fn start(width: u32, height: u32) -> Browser {
        let port = free_port();
        let mut cmd = Command::new("chromedriver");
        cmd.arg(format!("--port={port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        // Its own process group, so that cleanup can take Chromium down too.
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        let driver = cmd
            .spawn()
            .expect("start chromedriver (is chromium-driver installed?)");
        let profile =
            std::env::temp_dir().join(format!("e2e-chromium-{}-{port}", std::process::id()));
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", profile.display()),
                ]
            }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let mut client = None;
        for _ in 0..100 {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(c) => {
                    client = Some(c);
                    break;
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
        let browser = Browser {
            client: client.expect("connect to chromedriver"),
            driver,
            profile,
        };
        // Headless windows have a minimum width; emulate small screens exactly.
        if width < 500 {
            browser
                .cdp(
                    "Emulation.setDeviceMetricsOverride",
                    json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": true }),
                )
                .await;
        }
        browser
            .cdp(
                "Page.addScriptToEvaluateOnNewDocument",
                json!({ "source": WATCH_CSP }),
            )
            .await;
        browser
    }

    /// Sends a Chrome DevTools Protocol command through chromedriver.
    pub async fn cdp(&self, method: &str, params: Value) -> Value {
        self.client
            .issue_cmd(Cdp {
                method: method.to_owned(),
                params,
            })
            .await
            .unwrap_or_else(|e| panic!("CDP {method} failed: {e}"))
    }

    /// Opens the widget at a hash, e.g. `#/imei`, and waits for its heading.
    pub async fn open(&self, hash: &str) {
        self.client
            .goto(&format!("{}/{hash}", origin()))
            .await
            .expect("navigate");
        // The widget's own heading once it has taken over the pre-rendered
        // page (whose heading shows before): the page's static crash
        // message has one too.
        self.wait_for_widget().await;
    }

    /// Opens an address under the widget's folder (`cy/act-now/`) and waits
    /// for a heading: the pre-rendered copy's, or the widget's.
    pub async fn open_address(&self, path: &str) {
        self.client
            .goto(&format!("{}/{path}", origin()))
            .await
            .expect("navigate");
        self.wait_for("main h1").await;
    }

    /// Waits until the wasm has taken over the page and shows a heading.
    pub async fn wait_for_widget(&self) {
        self.wait_for("#app[data-live] main h1").await;
    }

    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(60))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element matches {css:?}: {e}"))
    }

    /// Waits until the widget is running and its page's h1 has this text.
    pub async fn wait_for_heading(&self, text: &str) {
        // Generous: a busy machine can be slow; a passing test is not.
        for _ in 0..600 {
            // The widget's heading, once it has taken over from the
            // pre-rendered copy, which reads the same before it.
            if self.text("#app[data-live] main h1").await.as_deref() == Some(text) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.screenshot("failed-heading").await;
        let errors = self.js("return window.__consoleErrors || [];").await;
        let url = self.js("return location.href;").await;
        panic!(
            "the heading never became {text:?} at {url}; it is {:?}; console errors: {errors}",
            self.text("main h1").await
        );
    }

    /// Clicks the radio or checkbox whose label is exactly `label`.
    pub async fn choose(&self, label: &str) {
        let xpath = format!("//label[normalize-space(.)={}]", xpath_literal(label));
        let found = self.client.find(Locator::XPath(&xpath)).await;
        let label_el = found.unwrap_or_else(|e| panic!("no option labelled {label:?}: {e}"));
        label_el.click().await.expect("click the option");
    }

    /// Types into the field with this id, replacing what was there.
    pub async fn fill(&self, id: &str, text: &str) {
        // Wait for it: a page drawn after a hash change may not be there yet.
        let input = self.wait_for(&format!("#{id}")).await;
        input.clear().await.expect("clear the field");
        input.send_keys(text).await.expect("type into the field");
    }

    /// Presses the page's main button (Continue, Start now, ...).
    pub async fn submit(&self) {
        // A test that waits only for the address can find the button just
        // before the new page replaces it: then find the new page's button.
        for _ in 0..20 {
            let button = self
                .client
                .find(Locator::Css(
                    "main form button[type=submit], main a.button--start",
                ))
                .await
                .expect("the page has a submit button");
            match button.click().await {
                Ok(()) => return,
                Err(e) if e.is_stale_element_reference() => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(e) => panic!("press it: {e}"),
            }
        }
        panic!("the submit button kept being replaced");
    }

    /// Presses Tab until the focused element matches `css`, as a keyboard
    /// user would; fails if it is not reachable within 80 presses.
    pub async fn tab_to(&self, css: &str) {
        let check = format!(
            "return document.activeElement.matches({});",
            serde_json::to_string(css).unwrap()
        );
        for _ in 0..80 {
            if self.js(&check).await == json!(true) {
                return;
            }
            self.press(Key::Tab).await;
        }
        panic!("Tab never reached {css:?}");
    }

    /// Sends one key to the focused element.
    pub async fn press(&self, key: Key) {
        self.keys(&char::from(key).to_string()).await;
    }

    /// Sends keystrokes to the focused element.
    pub async fn keys(&self, text: &str) {
        let focused = self
            .client
            .active_element()
            .await
            .expect("a focused element");
        focused.send_keys(text).await.expect("send keys");
    }

    /// Reads `localStorage`, `sessionStorage`, cookies and IndexedDB names.
    pub async fn stored(&self) -> Value {
        self.client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                   const dbs = indexedDB.databases ? indexedDB.databases() : Promise.resolve([]);
                   dbs.then(list => done({
                     local: Object.keys(localStorage), session: Object.keys(sessionStorage),
                     cookies: document.cookie, indexedDb: list.map(d => d.name) }));"#,
                vec![],
            )
            .await
            .expect("read storage")
    }

    /// From the start page to "When did it happen?": past "Do these things
    /// first", whose device, and what happened.
    pub async fn answer_up_to_when(&self, whose_device: &str, what_happened: &str) {
        self.start_as(whose_device).await;
        self.choose(what_happened).await;
        self.submit().await;
        self.wait_for_heading("When did it happen?").await;
    }

    /// From the start page past "Do these things first" to "What
    /// happened?", saying the device is `whose` (the label of its option).
    pub async fn start_as(&self, whose: &str) {
        self.submit().await;
        self.wait_for_heading("Do these things first").await;
        self.submit().await;
        self.answer_whose_device(whose).await;
        self.wait_for_heading("What happened?").await;
    }

    /// On "Whose phone or computer are you using now?": chooses `whose` (the
    /// label of its option) and continues.
    pub async fn answer_whose_device(&self, whose: &str) {
        self.wait_for_heading(WHOSE_DEVICE).await;
        self.choose(whose).await;
        self.submit().await;
    }

    /// Walks the shortest journey, a lost phone with no IMEI and no
    /// insurance, from the start page to the report, on the device `whose`
    /// names (the label of its option).
    pub async fn walk_to_report_lost(&self, whose: &str) {
        self.wait_for_heading("Your phone has been stolen or lost")
            .await;
        self.answer_up_to_when(whose, "I lost it").await;
        self.fill("date-day", "1").await;
        self.fill("date-month", "11").await;
        self.fill("date-year", "2026").await;
        self.submit().await;
        self.wait_for_heading("Where did it happen?").await;
        self.fill("place", "On a train to Cardiff").await;
        self.submit().await;
        self.wait_for_heading("About your phone").await;
        self.choose("I don’t know").await;
        self.submit().await;
        self.wait_for_heading("What is the phone’s number?").await;
        self.fill("phone-number", "+44 7700 900123").await;
        self.submit().await;
        self.wait_for_heading("Which network provider is the phone with?")
            .await;
        self.choose("Another provider").await;
        self.submit().await;
        self.wait_for_heading("Does the phone have 2 SIMs, or an eSIM?")
            .await;
        self.choose("I don’t know").await;
        self.submit().await;
        self.wait_for_heading("Find your phone’s IMEI number").await;
        let cant = "//main//button[normalize-space(.)='I can’t find it']";
        let button = self.client.find(Locator::XPath(cant)).await;
        button
            .expect("an \"I can't find it\" button")
            .click()
            .await
            .expect("press it");
        self.wait_for_heading("Block the phone with your network provider")
            .await;
        self.submit().await;
        self.wait_for_heading("What is your lost property reference?")
            .await;
        self.choose("I’ll add it later").await;
        self.submit().await;
        self.wait_for_heading("Is the phone insured?").await;
        self.choose("No").await;
        self.submit().await;
        self.wait_for_heading("Check your answers").await;
        self.submit().await;
        self.wait_for_heading("Your report").await;
    }

    /// Clicks the first element that matches `css`, such as a link.
    pub async fn click(&self, css: &str) {
        let found = self.client.find(Locator::Css(css)).await;
        let element = found.unwrap_or_else(|e| panic!("nothing matches {css:?}: {e}"));
        element.click().await.expect("click it");
    }

    /// Chooses the file at `path` in the file input `id`, as the picker
    /// would (the input may be hidden behind a button).
    pub async fn choose_file(&self, id: &str, path: &std::path::Path) {
        let input = self.wait_for(&format!("#{id}")).await;
        input
            .send_keys(&path.display().to_string())
            .await
            .expect("choose the file");
    }

    /// Presses the button whose text is exactly `label`.
    pub async fn press_button(&self, label: &str) {
        // Buttons, and the links that act as buttons (a language, quick exit).
        let xpath = format!(
            "//*[self::button or self::a][normalize-space(.)={}]",
            xpath_literal(label)
        );
        let found = self.client.find(Locator::XPath(&xpath)).await;
        let button = found.unwrap_or_else(|e| panic!("no button labelled {label:?}: {e}"));
        button.click().await.expect("press the button");
    }

    /// Puts `text` into the field with this id at once and tells the page,
    /// as a paste does: quicker than typing for long text.
    pub async fn paste(&self, id: &str, text: &str) {
        let done = self
            .client
            .execute(
                "const f = document.getElementById(arguments[0]);
                 if (!f) { return false; }
                 f.focus(); f.value = arguments[1];
                 f.dispatchEvent(new Event('input', { bubbles: true }));
                 return true;",
                vec![json!(id), json!(text)],
            )
            .await
            .expect("paste into a field");
        assert_eq!(done, json!(true), "no field #{id}");
    }

    /// Writes one localStorage item for the widget's origin.
    pub async fn set_local_storage(&self, key: &str, value: &str) {
        self.client
            .execute(
                "localStorage.setItem(arguments[0], arguments[1]); return true;",
                vec![json!(key), json!(value)],
            )
            .await
            .expect("write localStorage");
    }

    /// Reads one localStorage item, `None` if there is none.
    pub async fn local_storage(&self, key: &str) -> Option<String> {
        let value = self
            .client
            .execute(
                "return localStorage.getItem(arguments[0]);",
                vec![json!(key)],
            )
            .await
            .expect("read localStorage");
        value.as_str().map(str::to_owned)
    }

    /// What the page logged with `console.error`, and uncaught errors
    /// (a Rust panic shows up here).
    pub async fn console_errors(&self) -> Vec<String> {
        strings(&self.js("return window.__consoleErrors || [];").await)
    }

    /// Fails if any hostile string ran (each sets `window.__xss`), if any
    /// element carries an event-handler attribute or a `javascript:` link,
    /// or if anything was logged as an error.
    pub async fn assert_nothing_ran(&self, name: &str) {
        let ran = self
            .js("return [typeof window.__xss, document.querySelectorAll('img[src=x], [onerror], [onload], [onclick], script:not([src]), a[href^=javascript], [src^=javascript]').length];")
            .await;
        assert_eq!(ran, json!(["undefined", 0]), "hostile markup on {name}");
        let errors = self.console_errors().await;
        assert!(errors.is_empty(), "console errors on {name}: {errors:?}");
    }

    /// The current value of the field with this id.
    pub async fn value(&self, id: &str) -> String {
        let input = self
            .client
            .find(Locator::Id(id))
            .await
            .unwrap_or_else(|e| panic!("no field #{id}: {e}"));
        input.prop("value").await.ok().flatten().unwrap_or_default()
    }

    /// Waits until the element matching `css` contains `text`, and returns
    /// all of its text.
    pub async fn wait_for_text(&self, css: &str, text: &str) -> String {
        let mut seen = None;
        for _ in 0..200 {
            seen = self.text(css).await;
            if seen.as_deref().is_some_and(|t| t.contains(text)) {
                return seen.unwrap_or_default();
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{css} never said {text:?}; it says {seen:?}");
    }

    /// Answers the questions from the start page to "Find your phone's IMEI
    /// number", on someone else's device, with today's date.
    pub async fn walk_to_find_imei(&self, make: &str, dual_sim: &str) {
        self.open("").await;
        self.wait_for_heading("Your phone has been stolen or lost")
            .await;
        self.answer_up_to_when(
            "Someone else’s, or a shared one",
            "Someone took it without me noticing, or snatched it",
        )
        .await;
        let today = self
            .js("const d = new Date(); return [d.getDate(), d.getMonth() + 1, d.getFullYear()].map(String);")
            .await;
        let part = |i: usize| today[i].as_str().unwrap_or_default().to_owned();
        self.fill("date-day", &part(0)).await;
        self.fill("date-month", &part(1)).await;
        self.fill("date-year", &part(2)).await;
        self.submit().await;
        self.wait_for_heading("Where did it happen?").await;
        self.fill("place", "Number 73 bus, Oxford Street").await;
        self.submit().await;
        self.wait_for_heading("About your phone").await;
        self.choose(make).await;
        self.submit().await;
        self.wait_for_heading("What is the phone’s number?").await;
        self.fill("phone-number", "07700 900982").await;
        self.submit().await;
        self.wait_for_heading("Which network provider is the phone with?")
            .await;
        self.choose("I don’t know").await;
        self.submit().await;
        self.wait_for_heading("Does the phone have 2 SIMs, or an eSIM?")
            .await;
        self.choose(dual_sim).await;
        self.submit().await;
        self.wait_for_heading("Find your phone’s IMEI number").await;
    }

    /// Answers the questions up to "What is your phone's IMEI number?", as
    /// [`Browser::walk_to_find_imei`] does, and goes on to it.
    pub async fn walk_to_enter_imei(&self, make: &str, dual_sim: &str) {
        self.walk_to_find_imei(make, dual_sim).await;
        self.submit().await;
        self.wait_for_heading("What is your phone’s IMEI number?")
            .await;
    }

    /// Prints the page to an A4 PDF (as the browser's print would), saves it
    /// as `target/e2e/<name>.pdf` and returns how many pages it has.
    pub async fn print_pages(&self, name: &str) -> usize {
        use base64::Engine;
        let pdf = self
            .cdp(
                "Page.printToPDF",
                json!({ "paperWidth": 8.27, "paperHeight": 11.69, "printBackground": true, "preferCSSPageSize": true }),
            )
            .await;
        let data = pdf["data"].as_str().expect("printToPDF returns data");
        let pdf = base64::engine::general_purpose::STANDARD
            .decode(data)
            .expect("base64 PDF");
        let dir = xtask::repo_root().join("target/e2e");
        std::fs::create_dir_all(&dir).expect("create target/e2e");
        std::fs::write(dir.join(format!("{name}.pdf")), &pdf).expect("save the PDF");
        pdf_page_count(&pdf)
    }

    /// The visible text of the first element matching `css`, if any.
    pub async fn text(&self, css: &str) -> Option<String> {
        let element = self.client.find(Locator::Css(css)).await.ok()?;
        element.text().await.ok()
    }

    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Runs an asynchronous script; it calls `done(value)` when finished.
    pub async fn js_async(&self, script: &str) -> Value {
        let script = format!("const done = arguments[arguments.length - 1];\n{script}");
        self.client
            .execute_async(&script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Waits until a service worker controls the page.
    pub async fn wait_for_service_worker(&self) {
        for _ in 0..600 {
            let controlled = self
                .js("return !!(navigator.serviceWorker && navigator.serviceWorker.controller);")
                .await;
            if controlled == json!(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let workers = self
            .js_async(
                "navigator.serviceWorker.getRegistration().then(r => done(r ? \
                 ['installing', 'waiting', 'active'].map(k => k + ': ' + (r[k] ? r[k].state : 'none')).join(', ') \
                 : 'not registered'), e => done(String(e)));",
            )
            .await;
        let errors = self.js("return window.__consoleErrors || [];").await;
        panic!("no service worker took control of the page ({workers}); console errors: {errors}");
    }

    /// Turns the network off (or on) for the page, as the DevTools
    /// "Offline" setting does.
    pub async fn set_offline(&self, offline: bool) {
        self.cdp("Network.enable", json!({})).await;
        self.cdp(
            "Network.emulateNetworkConditions",
            json!({ "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
        )
        .await;
    }

    /// Slows the network: a round trip of `latency_ms`, and bytes a second
    /// each way.
    pub async fn throttle(&self, latency_ms: f64, down: u64, up: u64) {
        self.cdp("Network.enable", json!({})).await;
        self.cdp(
            "Network.emulateNetworkConditions",
            json!({ "offline": false, "latency": latency_ms, "downloadThroughput": down, "uploadThroughput": up }),
        )
        .await;
    }

    /// What `fetch(url)` gives the page: "status N", or "failed" when no
    /// response came.
    pub async fn fetch_result(&self, url: &str) -> String {
        let script = format!(
            "fetch({}).then(r => done('status ' + r.status), () => done('failed'));",
            serde_json::to_string(url).unwrap()
        );
        self.js_async(&script)
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// The names of the page's Cache Storage caches.
    /// Asks the page's worker registration to check for a new `sw.js` now.
    pub async fn look_for_a_new_worker(&self) {
        let checked = self
            .js_async("navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => done('ok'), e => done(String(e)));")
            .await;
        assert_eq!(
            checked,
            json!("ok"),
            "the registration looked for a new worker"
        );
    }

    /// Whether the page marked with `window.__firstLoad = true` is replaced
    /// by a new load within 10 seconds.
    pub async fn wait_for_reload(&self) -> bool {
        for _ in 0..200 {
            if self.js("return window.__firstLoad !== true;").await == json!(true) {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        false
    }

    /// Waits for the start page under a worker again, then checks that the
    /// only cache left is `version`'s.
    pub async fn assert_only_version_cached(&self, version: &str) {
        self.wait_for_heading("Your phone has been stolen or lost")
            .await;
        self.wait_for_service_worker().await;
        let caches = self.cache_names().await;
        assert!(
            caches.len() == 1 && caches[0].ends_with(version),
            "only {version} is cached: {caches:?}"
        );
    }

    /// How many service worker registrations this origin has.
    pub async fn registrations(&self) -> usize {
        let count = self
            .js_async(
                "navigator.serviceWorker.getRegistrations().then(r => done(r.length), e => done(-1));",
            )
            .await;
        usize::try_from(count.as_i64().unwrap_or(-1)).unwrap_or(usize::MAX)
    }

    pub async fn cache_names(&self) -> Vec<String> {
        strings(&self.js_async("caches.keys().then(done);").await)
    }

    /// The id of the focused element (or its tag if it has none).
    pub async fn focused(&self) -> String {
        let v = self
            .js("const a = document.activeElement; return a.id || a.tagName.toLowerCase();")
            .await;
        v.as_str().unwrap_or_default().to_owned()
    }

    /// The checks every page must pass, then a screenshot named `name`.
    pub async fn check_page(&self, name: &str) {
        self.screenshot(name).await;
        let violations = self.axe_violations().await;
        assert!(
            violations.is_empty(),
            "axe found problems on {name}:\n{}",
            violations.join("\n")
        );
        let csp = self
            .js("return window.__cspViolations || ['the CSP watcher did not run'];")
            .await;
        assert_eq!(csp, json!([]), "CSP violations on {name}");
        let foreign = self.foreign_requests().await;
        assert!(
            foreign.is_empty(),
            "requests to other origins on {name}: {foreign:?}"
        );
    }

    /// Every resource the page fetched whose origin is not the page's own.
    pub async fn foreign_requests(&self) -> Vec<String> {
        let all = self
            .js("return performance.getEntriesByType('resource').map(e => e.name);")
            .await;
        let own = format!("{}/", origin());
        all.as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .filter(|u| !u.starts_with(&own) && !u.starts_with("data:") && !u.starts_with("blob:"))
            .map(str::to_owned)
            .collect()
    }

    /// axe-core's violations for WCAG 2.0, 2.1 and 2.2 A and AA.
    pub async fn axe_violations(&self) -> Vec<String> {
        let axe =
            std::fs::read_to_string(xtask::repo_root().join("node_modules/axe-core/axe.min.js"))
                .expect("axe-core is installed by `cargo xtask test`");
        let loaded = self.js("return typeof window.axe !== 'undefined';").await;
        if loaded != json!(true) {
            self.client
                .execute(&format!("{axe}\nreturn true;"), vec![])
                .await
                .expect("inject axe-core");
        }
        let script = r#"
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: "tag",
                values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } })
              .then(r => done(r.violations.map(v => v.id + ": " + v.help + " at " +
                 v.nodes.map(n => n.target.join(" ")).join(", "))))
              .catch(e => done(["axe failed: " + e]));
        "#;
        let result = self
            .client
            .execute_async(script, vec![])
            .await
            .expect("run axe-core");
        strings(&result)
    }

    pub async fn screenshot(&self, name: &str) {
        let png = self.client.screenshot().await.expect("take a screenshot");
        let dir = xtask::repo_root().join("target/e2e");
        std::fs::create_dir_all(&dir).expect("create target/e2e");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("save the screenshot");
    }

    /// Ends the session and stops chromedriver and Chromium.
    pub async fn finish(self) {
        let _ = self.client.clone().close().await;
        // Drop kills the process group.
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // `kill -s KILL -- -PGID` ends chromedriver and the Chromium it started,
        // even when a test panics half way.
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &format!("-{}", self.driver.id())])
            .status();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Pages in a PDF: `/Type /Page` objects, not the `/Pages` tree.
pub fn pdf_page_count(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    let compact = text.replace("/Type /Page", "/Type/Page");
    compact
        .match_indices("/Type/Page")
        .filter(|(at, m)| !compact[at + m.len()..].starts_with('s'))
        .count()
}

/// `text` as an XPath string literal, whatever quotes it holds.
fn xpath_literal(text: &str) -> String {
    if !text.contains('"') {
        return format!("\"{text}\"");
    }
    let parts: Vec<String> = text.split('"').map(|p| format!("\"{p}\"")).collect();
    format!("concat({})", parts.join(", '\"', "))
}

/// The strings in a JSON array, such as a script's list of messages.
fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("find a free port")
}

/// chromedriver's endpoint for Chrome DevTools Protocol commands.
#[derive(Debug)]
struct Cdp {
    method: String,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.method, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// The heading of the page that asks whose device the victim is using.
pub const WHOSE_DEVICE: &str = "Whose phone or computer are you using now?";

/// Answers for a whole journey, by the labels and values the pages show.
pub struct Journey<'a> {
    /// The label of the "whose device" option.
    pub whose_device: &'a str,
    /// The label of the "what happened" option.
    pub incident: &'a str,
    /// Day, month, year.
    pub date: [&'a str; 3],
    pub time: &'a str,
    pub place: &'a str,
    /// The label of the make option.
    pub make: &'a str,
    pub model: &'a str,
    pub phone_number: &'a str,
    /// The label of the network option.
    pub network: &'a str,
    /// The label of the dual-SIM option.
    pub dual_sim: &'a str,
    /// One IMEI, or two for a dual-SIM phone.
    pub imeis: &'a [&'a str],
    pub provider_reference: &'a str,
    /// A police force id from the directory.
    pub police_force: &'a str,
    /// The label of the "have you reported it" option.
    pub how_reported: &'a str,
    /// `None`: "I'll add it later".
    pub crime_reference: Option<&'a str>,
    /// Insurer, policy number, claim reference; `None`: not insured.
    pub insurance: Option<[&'a str; 3]>,
}

impl Browser {
    /// Walks a crime's journey from the start page to "Your report".
    pub async fn walk_journey(&self, j: &Journey<'_>) {
        self.walk_journey_from("", j).await;
    }

    /// The same, from a link with `query` (such as `?config=…`).
    pub async fn walk_journey_from(&self, query: &str, j: &Journey<'_>) {
        self.client
            .goto(&format!("{}/{query}", origin()))
            .await
            .expect("navigate");
        // The page's own heading, not the hidden one of the crash message.
        self.wait_for("main h1").await;
        self.wait_for_heading("Your phone has been stolen or lost")
            .await;
        self.answer_up_to_when(j.whose_device, j.incident).await;
        for (id, part) in ["date-day", "date-month", "date-year"]
            .into_iter()
            .zip(j.date)
        {
            self.fill(id, part).await;
        }
        self.fill("time", j.time).await;
        self.submit().await;
        self.wait_for_heading("Where did it happen?").await;
        self.fill("place", j.place).await;
        self.submit().await;
        self.wait_for_heading("About your phone").await;
        self.choose(j.make).await;
        self.fill("model", j.model).await;
        self.submit().await;
        self.wait_for_heading("What is the phone’s number?").await;
        self.fill("phone-number", j.phone_number).await;
        self.submit().await;
        self.wait_for_heading("Which network provider is the phone with?")
            .await;
        self.choose(j.network).await;
        self.submit().await;
        self.wait_for_heading("Does the phone have 2 SIMs, or an eSIM?")
            .await;
        self.choose(j.dual_sim).await;
        self.submit().await;
        self.wait_for_heading("Find your phone’s IMEI number").await;
        self.submit().await;
        self.wait_for_heading("What is your phone’s IMEI number?")
            .await;
        for (id, imei) in ["imei-1", "imei-2"].into_iter().zip(j.imeis) {
            self.fill(id, imei).await;
        }
        self.submit().await;
        self.wait_for_heading("This IMEI number is correct").await;
        self.submit().await;
        self.wait_for_heading("Block the phone with your network provider")
            .await;
        self.fill("provider-reference", j.provider_reference).await;
        self.submit().await;
        self.wait_for_heading("Report it to the police").await;
        self.client
            .find(Locator::Id("police-force"))
            .await
            .expect("the police force list")
            .select_by_value(j.police_force)
            .await
            .expect("choose the police force");
        self.choose(j.how_reported).await;
        self.submit().await;
        self.wait_for_heading("What is your crime reference number?")
            .await;
        match j.crime_reference {
            Some(reference) => self.fill("crime-reference", reference).await,
            None => self.choose("I’ll add it later").await,
        }
        self.submit().await;
        self.wait_for_heading("Is the phone insured?").await;
        match j.insurance {
            Some([insurer, policy, claim]) => {
                self.choose("Yes").await;
                self.submit().await;
                // The details page shares the question's heading.
                self.wait_for("#insurer").await;
                self.fill("insurer", insurer).await;
                self.fill("policy-number", policy).await;
                self.fill("claim-reference", claim).await;
            }
            None => self.choose("No").await,
        }
        self.submit().await;
        self.wait_for_heading("Check your answers").await;
        self.submit().await;
        self.wait_for_heading("Your report").await;
    }
}

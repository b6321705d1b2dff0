//! The release build served by real nginx with `deploy/nginx.conf`, as a host
//! runs it: every file with the right type, encoding and headers; the page
//! under its CSP; the service worker on the victim's own device; a second
//! load from the cache; and a new release, copied into the same folder,
//! reaching the page.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use e2e::{Browser, worker_with_version};
use serde_json::json;
use xtask::headers::{COMMON, STATIC_HOST_FILE, cache_control};
use xtask::tools::{NGINX, NGINX_BROTLI_MODULE};

/// nginx on a free loopback port, serving a copy of `dist/` from a folder
/// of its own with the repository's configuration. Stopped when dropped.
struct Nginx {
    child: Child,
    port: u16,
    site: PathBuf,
}

impl Nginx {
    fn start() -> Nginx {
        let dir = xtask::repo_root().join(format!("target/e2e-nginx-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let site = dir.join("site");
        copy_dir(&xtask::dist_dir(), &site);
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let server = std::fs::read_to_string(xtask::repo_root().join("deploy/nginx.conf"))
            .expect("read deploy/nginx.conf")
            .replace("listen 8080;", &format!("listen 127.0.0.1:{port};"))
            .replace(
                "root /var/www/stolen-phone;",
                &format!("root {};", site.display()),
            );
        std::fs::write(dir.join("site.conf"), server).unwrap();
        let d = dir.display();
        let main = format!(
            "daemon off;\nmaster_process off;\npid {d}/nginx.pid;\nerror_log {d}/error.log warn;\n\
             load_module {NGINX_BROTLI_MODULE};\nevents {{ worker_connections 64; }}\n\
             http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n  access_log off;\n\
               client_body_temp_path {d}/body;\n  proxy_temp_path {d}/proxy;\n  fastcgi_temp_path {d}/fastcgi;\n\
               uwsgi_temp_path {d}/uwsgi;\n  scgi_temp_path {d}/scgi;\n  include {d}/site.conf;\n}}\n"
        );
        std::fs::write(dir.join("nginx.conf"), main).unwrap();
        let child = Command::new(NGINX)
            .arg("-p")
            .arg(&dir)
            .arg("-c")
            .arg(dir.join("nginx.conf"))
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start nginx (the test command installs it)");
        // Owned at once, so that it is stopped even if it never answers.
        let server = Nginx { child, port, site };
        for _ in 0..100 {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return server;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "nginx did not start: {}",
            std::fs::read_to_string(dir.join("error.log")).unwrap_or_default()
        );
    }

    fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Status and headers (names in lower case) of a GET for `path`.
    fn get(&self, path: &str, accept_encoding: &str) -> (u16, Vec<(String, String)>) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect to nginx");
        write!(
            stream,
            "GET /{path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: {accept_encoding}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let text = String::from_utf8_lossy(&response);
        let head = text.split("\r\n\r\n").next().unwrap_or_default();
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        (status, headers)
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// The type nginx sends for a file, from Debian's mime.types.
fn expected_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, e)| e).unwrap_or("") {
        "html" => "text/html",
        "js" => "application/javascript",
        "css" => "text/css",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

#[tokio::test]
async fn nginx_serves_every_file_with_its_headers_and_a_new_release_reaches_the_page() {
    let nginx = Nginx::start();
    let dist = xtask::dist_dir();
    let mut names: Vec<String> = xtask::dist::assets(&dist)
        .expect("list dist/")
        .iter()
        .map(|f| {
            f.strip_prefix(&dist)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    names.push(String::new()); // the folder itself: index.html
    let mut failures = Vec::new();
    let mut checked = 0;
    for name in &names {
        let shown = if name.is_empty() { "/" } else { name.as_str() };
        let as_file = if name.is_empty() {
            "index.html"
        } else {
            name.as_str()
        };
        for (accept, encoding) in [("br, gzip", "br"), ("gzip", "gzip"), ("identity", "")] {
            let (status, headers) = nginx.get(name, accept);
            checked += 1;
            let mut wrong = |what: String| failures.push(format!("{shown} ({accept}): {what}"));
            if status != 200 {
                wrong(format!("status {status}"));
                continue;
            }
            let media = header(&headers, "content-type").unwrap_or_default();
            if media.split(';').next() != Some(expected_type(as_file)) {
                wrong(format!("Content-Type {media}"));
            }
            if header(&headers, "content-encoding").unwrap_or_default() != encoding {
                wrong(format!(
                    "Content-Encoding {:?}, not {encoding:?}",
                    header(&headers, "content-encoding")
                ));
            }
            if header(&headers, "cache-control") != Some(cache_control(as_file)) {
                wrong(format!(
                    "Cache-Control {:?}",
                    header(&headers, "cache-control")
                ));
            }
            for (name, value) in COMMON {
                if header(&headers, &name.to_ascii_lowercase()) != Some(value) {
                    wrong(format!(
                        "{name} {:?}",
                        header(&headers, &name.to_ascii_lowercase())
                    ));
                }
            }
            if header(&headers, "x-frame-options").is_some() {
                wrong("X-Frame-Options would stop sites embedding the widget".to_owned());
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} responses were wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        dist.join(STATIC_HOST_FILE).is_file(),
        "the build writes {STATIC_HOST_FILE} for Netlify and Cloudflare Pages"
    );
    eprintln!(
        "nginx: {} files, {checked} responses checked, 0 wrong",
        names.len()
    );

    // The page under its CSP, on the victim's own device.
    let b = Browser::start(390, 844).await;
    b.client
        .goto(&format!("{}/", nginx.origin()))
        .await
        .unwrap();
    b.wait_for_heading("Your phone has been stolen or lost")
        .await;
    b.start_as("My own").await;
    b.wait_for_service_worker().await;
    assert_eq!(b.js("return window.__cspViolations;").await, json!([]));
    b.js("location.hash = '#/';").await;
    b.wait_for_heading("Your phone has been stolen or lost")
        .await;

    // A second load comes from the cache: it works with the network off.
    b.set_offline(true).await;
    b.client.refresh().await.unwrap();
    b.wait_for_heading("Your phone has been stolen or lost")
        .await;
    b.set_offline(false).await;
    b.screenshot("nginx-01-start").await;

    // A new release copied into the same folder: nothing is typed, so the
    // page takes it at once.
    b.js("window.__firstLoad = true; return 0;").await;
    let worker_path = nginx.site.join("sw.js");
    let worker = std::fs::read_to_string(&worker_path).unwrap();
    let new_version = "nginx-new-release";
    std::fs::write(&worker_path, worker_with_version(&worker, new_version)).unwrap();
    for suffix in ["br", "gz"] {
        let _ = std::fs::remove_file(nginx.site.join(format!("sw.js.{suffix}")));
    }
    b.look_for_a_new_worker().await;
    assert!(
        b.wait_for_reload().await,
        "the new release reaches the page"
    );
    b.assert_only_version_cached(new_version).await;
    b.finish().await;
}

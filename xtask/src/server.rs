//! A small static file server for `dist/`: it sends the strict CSP header,
//! prefers the pre-compressed copies, and never serves outside its folder.

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread;

use tiny_http::{Header, Request, Response, Server};

use crate::dist::with_suffix;
use crate::{CSP, Result};

/// A running server. It stops when the process ends.
pub struct Running {
    pub port: u16,
}

impl Running {
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

/// Serves `root` on 127.0.0.1:`port` in background threads. Port 0 picks a
/// free port.
pub fn spawn(root: PathBuf, port: u16) -> Result<Running> {
    spawn_with_policy(root, port, CSP.to_owned())
}

/// Serves `root` with another Content-Security-Policy, such as a demo host
/// page's own.
pub fn spawn_with_policy(root: PathBuf, port: u16, csp: String) -> Result<Running> {
    let server = Arc::new(Server::http(("127.0.0.1", port))?);
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .unwrap_or(port);
    let csp = Arc::new(csp);
    // One thread per request: a browser may hold a large response half read
    // (a preload it does not need yet), and a fixed pool of workers would
    // then stall every other request behind it.
    thread::spawn(move || {
        for request in server.incoming_requests() {
            let root = root.clone();
            let csp = Arc::clone(&csp);
            thread::spawn(move || respond(&root, &csp, request));
        }
    });
    Ok(Running { port })
}

fn respond(root: &Path, csp: &str, request: Request) {
    let accepts = |encoding: &str| {
        request.headers().iter().any(|h| {
            h.field.equiv("Accept-Encoding")
                && h.value
                    .as_str()
                    .split(',')
                    .any(|e| e.trim().starts_with(encoding))
        })
    };
    let Some(file) = resolve(root, request.url()) else {
        let _ = request.respond(Response::from_string("Not found").with_status_code(404));
        return;
    };
    let (body_path, encoding) = [("br", "br"), ("gz", "gzip")]
        .into_iter()
        .map(|(suffix, name)| (with_suffix(&file, suffix), name))
        .find(|(p, name)| accepts(name) && p.is_file())
        .map(|(p, name)| (p, Some(name)))
        .unwrap_or((file.clone(), None));
    let Ok(body) = fs::read(&body_path) else {
        let _ = request.respond(Response::from_string("Not found").with_status_code(404));
        return;
    };
    let mut response = Response::from_data(body)
        .with_header(header("Content-Type", content_type(&file)))
        .with_header(header("Content-Security-Policy", csp))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header("Referrer-Policy", "no-referrer"))
        .with_header(header("Vary", "Accept-Encoding"))
        // Revalidate everything: a stale page must never pair with new assets.
        .with_header(header("Cache-Control", "no-cache"));
    if let Some(e) = encoding {
        response = response.with_header(header("Content-Encoding", e));
    }
    let _ = request.respond(response);
}

/// Maps a URL path to a file under `root`, or None if it would leave it.
fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let mut file = root.to_path_buf();
    for component in Path::new(path.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" | "webmanifest" => "application/json",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("header names and values are ASCII")
}

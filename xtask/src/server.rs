//! A small static file server for `dist/`: it sends the strict CSP header,
//! prefers the pre-compressed copies, and never serves outside its folder.
//! Plain `std::net`, one request per connection.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

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
///
/// One thread per connection and one request per connection: a browser may
/// hold a response half read or keep a connection open for minutes, and
/// neither may ever hold up another request. (A pooled server that kept
/// connections alive did exactly that: now and then a page load waited
/// minutes for a free worker.) Loopback connections cost next to nothing.
pub fn spawn_with_policy(root: PathBuf, port: u16, csp: String) -> Result<Running> {
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    let port = listener.local_addr()?.port();
    let root = Arc::new(root);
    let csp = Arc::new(csp);
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = Arc::clone(&root);
            let csp = Arc::clone(&csp);
            thread::spawn(move || {
                let _ = respond(&root, &csp, stream);
            });
        }
    });
    Ok(Running { port })
}

/// What the server needs of a request: its method, path and whether the
/// browser takes brotli or gzip.
struct Request {
    method: String,
    url: String,
    accept_encoding: String,
}

/// Reads the request line and headers; a static site needs no body.
fn read_request(stream: &TcpStream) -> Option<Request> {
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_owned();
    let url = parts.next()?.to_owned();
    let mut accept_encoding = String::new();
    // Headers end at an empty line; 100 is far more than a browser sends.
    for _ in 0..100 {
        line.clear();
        if reader.read_line(&mut line).ok()? == 0 || line.trim().is_empty() {
            return Some(Request {
                method,
                url,
                accept_encoding,
            });
        }
        if let Some((name, value)) = line.split_once(':')
            && name.trim().eq_ignore_ascii_case("accept-encoding")
        {
            accept_encoding = value.trim().to_owned();
        }
    }
    None
}

fn respond(root: &Path, csp: &str, mut stream: TcpStream) -> std::io::Result<()> {
    let Some(request) = read_request(&stream) else {
        return write_response(&mut stream, "400 Bad Request", &[], b"Bad request", true);
    };
    let send_body = match request.method.as_str() {
        "GET" => true,
        "HEAD" => false,
        _ => {
            return write_response(&mut stream, "405 Method Not Allowed", &[], b"", true);
        }
    };
    let accepts = |encoding: &str| {
        request
            .accept_encoding
            .split(',')
            .any(|e| e.trim().starts_with(encoding))
    };
    let not_found = |stream: &mut TcpStream| {
        write_response(stream, "404 Not Found", &[], b"Not found", send_body)
    };
    let Some(file) = resolve(root, &request.url) else {
        return not_found(&mut stream);
    };
    let (body_path, encoding) = [("br", "br"), ("gz", "gzip")]
        .into_iter()
        .map(|(suffix, name)| (with_suffix(&file, suffix), name))
        .find(|(p, name)| accepts(name) && p.is_file())
        .map(|(p, name)| (p, Some(name)))
        .unwrap_or((file.clone(), None));
    let Ok(body) = fs::read(&body_path) else {
        return not_found(&mut stream);
    };
    // The headers every host sends (`headers.rs`), with this server's policy,
    // which the bench may loosen.
    let mut headers: Vec<(&str, &str)> = crate::headers::COMMON
        .iter()
        .map(|&(name, value)| match name {
            "Content-Security-Policy" => (name, csp),
            _ => (name, value),
        })
        .collect();
    headers.extend([
        ("Content-Type", content_type(&file)),
        ("Vary", "Accept-Encoding"),
        // Revalidate everything, even content-named files: the tests replace
        // files in place, and a stale page must never pair with new assets.
        ("Cache-Control", "no-cache"),
    ]);
    if let Some(e) = encoding {
        headers.push(("Content-Encoding", e));
    }
    write_response(&mut stream, "200 OK", &headers, &body, send_body)
}

fn write_response(
    stream: &mut TcpStream,
    status: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    send_body: bool,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if send_body {
        stream.write_all(body)?;
    }
    stream.flush()?;
    stream.shutdown(std::net::Shutdown::Write)
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

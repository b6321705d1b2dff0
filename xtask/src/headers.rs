//! The response headers a host sends with the widget's files, in one place:
//! the test server, the nginx configuration in `deploy/` and the `_headers`
//! file that Netlify and Cloudflare Pages read (written by the release build)
//! all come from here.

use crate::CSP;

/// What the widget uses of the browser's powerful features: copying a
/// report code to the clipboard. Everything else is off.
pub const PERMISSIONS_POLICY: &str = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), bluetooth=(), serial=(), hid=(), clipboard-read=(), clipboard-write=(self)";

/// Sent with every response. There is no frame policy (no
/// `X-Frame-Options`, no `frame-ancestors`) on purpose: any site may embed
/// the widget's page in an iframe, as EMBEDDING.md describes.
pub const COMMON: [(&str, &str); 4] = [
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", PERMISSIONS_POLICY),
];

/// Files named by their contents (`main-0123456789abcdef.css`) never change.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Everything else (`index.html`, `sw.js`, `embed.js`, `config.json`, the
/// TAC table) is checked with the server on every use, so that a new
/// release, and a safety fix, reaches the next visit.
pub const REVALIDATE: &str = "no-cache";

/// Whether a file name is content-named: `-`, 16 hexadecimal digits, an
/// optional `_bg`, then the extension.
pub fn is_content_named(name: &str) -> bool {
    let Some((stem, _extension)) = name.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    hash.len() == 16
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The Cache-Control a file is served with.
pub fn cache_control(name: &str) -> &'static str {
    if is_content_named(name) {
        IMMUTABLE
    } else {
        REVALIDATE
    }
}

/// nginx's pattern for content-named files, the same rule as `is_content_named`.
const NGINX_CONTENT_NAMED: &str = r#""-[0-9a-f]{16}(_bg)?\.[a-z0-9]+$""#;

/// `deploy/nginx.conf`: a server block that serves `dist/`.
pub fn nginx_conf() -> String {
    let common: String = COMMON
        .iter()
        .map(|(name, value)| format!("        add_header {name} \"{value}\" always;\n"))
        .collect();
    format!(
        "# The widget's nginx server block. Written by `cargo xtask deploy-files` from
# xtask/src/headers.rs, the same source as the test server's headers: do not
# edit it here (the tests fail if it differs). Set `listen`, `server_name` and
# `root` (the folder holding dist/'s files), then include it from nginx's
# http block, e.g. as /etc/nginx/conf.d/stolen-phone.conf. It needs Debian's
# libnginx-mod-http-brotli-static for the pre-compressed .br files.
server {{
    listen 8080;
    server_name _;
    root /var/www/stolen-phone;
    index index.html;
    charset utf-8;
    charset_types text/css text/plain application/javascript application/json image/svg+xml;

    # Send the .br or .gz file beside each asset when the browser accepts it.
    brotli_static on;
    gzip_static on;
    gzip_vary on;

    # Named by their contents: never change, cached for a year.
    location ~ {NGINX_CONTENT_NAMED} {{
        add_header Cache-Control \"{IMMUTABLE}\" always;
{common}    }}

    # index.html, sw.js, embed.js, config.json and the rest: checked on every
    # visit, so that a new release reaches victims at once.
    location / {{
        add_header Cache-Control \"{REVALIDATE}\" always;
{common}        try_files $uri $uri/ =404;
    }}
}}
"
    )
}

/// The name of the file Netlify and Cloudflare Pages read their headers
/// from, in the published folder. It is not one of the widget's files.
pub const STATIC_HOST_FILE: &str = "_headers";

/// `_headers` for `files` (paths relative to the published folder, with `/`):
/// the common headers for every path, then each file's own Cache-Control,
/// by exact name, so that no two rules set the same header for one file.
pub fn static_host_headers(files: &[String]) -> String {
    let mut out = String::from(
        "# The widget's headers for Netlify and Cloudflare Pages, written by the\n\
         # release build from xtask/src/headers.rs. Publish it with the other files.\n/*\n",
    );
    for (name, value) in COMMON {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    let mut paths = vec![("/".to_owned(), REVALIDATE)];
    paths.extend(files.iter().map(|f| (format!("/{f}"), cache_control(f))));
    for (path, cache) in paths {
        out.push_str(&format!("{path}\n  Cache-Control: {cache}\n"));
    }
    out
}

/// Writes `deploy/nginx.conf` from the source above.
pub fn write_deploy_files() -> crate::Result {
    let dir = crate::repo_root().join("deploy");
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("nginx.conf"), nginx_conf())?;
    println!("Wrote deploy/nginx.conf");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_named_files_are_told_apart() {
        for named in [
            "main-2a6ea46b271f6c0d.css",
            "stolen-phone-451da6abe54e86ef_bg.wasm",
            "locales/cy-b5788a5c06d0ea41.json",
            "split-chunk-3-8eaec28e608be27c.wasm",
        ] {
            assert!(is_content_named(named), "{named}");
            assert_eq!(cache_control(named), IMMUTABLE);
        }
        for plain in [
            "index.html",
            "sw.js",
            "embed.js",
            "config.json",
            "data/tac.bin",
            "boot.js",
        ] {
            assert!(!is_content_named(plain), "{plain}");
            assert_eq!(cache_control(plain), REVALIDATE);
        }
    }

    #[test]
    fn the_pages_meta_policy_is_the_header_policy() {
        let page = std::fs::read_to_string(crate::repo_root().join("index.html")).unwrap();
        let meta = page
            .split("http-equiv=\"Content-Security-Policy\" content=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next());
        assert_eq!(
            meta,
            Some(CSP),
            "index.html's CSP meta tag must be xtask's CSP"
        );
    }

    /// `trunk serve` sends the same policy, with the nonce of Trunk's
    /// reload script added to `script-src`.
    #[test]
    fn trunks_development_policy_is_the_header_policy_with_its_nonce() {
        let trunk = std::fs::read_to_string(crate::repo_root().join("Trunk.toml")).unwrap();
        let list = trunk
            .split("csp = [")
            .nth(1)
            .and_then(|rest| rest.split(']').next())
            .expect("Trunk.toml's [serve] csp");
        let served: Vec<&str> = list
            .lines()
            .filter_map(|line| line.trim().strip_prefix('"')?.strip_suffix("\","))
            .collect();
        let expected = CSP.replace(
            "script-src 'self' 'wasm-unsafe-eval'",
            "script-src 'self' 'wasm-unsafe-eval' 'nonce-{{NONCE}}'",
        );
        assert_eq!(served.join("; "), expected);
    }

    #[test]
    fn the_nginx_configuration_is_what_the_source_writes() {
        let have = std::fs::read_to_string(crate::repo_root().join("deploy/nginx.conf"))
            .unwrap_or_default();
        assert!(
            have == nginx_conf(),
            "deploy/nginx.conf differs from xtask/src/headers.rs: run `cargo xtask deploy-files`"
        );
    }

    #[test]
    fn the_static_host_file_gives_each_file_one_cache_rule() {
        let files = [
            "index.html".to_owned(),
            "main-2a6ea46b271f6c0d.css".to_owned(),
        ];
        let text = static_host_headers(&files);
        assert!(text.contains("/*\n  Content-Security-Policy: default-src 'none';"));
        assert!(text.contains("/index.html\n  Cache-Control: no-cache\n"));
        assert!(text.contains(&format!(
            "/main-2a6ea46b271f6c0d.css\n  Cache-Control: {IMMUTABLE}\n"
        )));
        assert_eq!(text.matches("Cache-Control").count(), 3);
    }
}

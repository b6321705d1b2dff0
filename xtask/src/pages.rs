//! The pre-rendered pages: the start page and Act now, in every language,
//! written into `dist/` as plain HTML by the widget's own components
//! (`stolen_phone::ui::prerender`), so that they show before the wasm and
//! without it. The page shell is `index.html` as the release writes it.

use std::fs;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use stolen_phone::ui::prerender::{Rendered, render, theme_css};
use stolen_phone_core::fnv::fnv1a;
use stolen_phone_core::host::config::{self, HostConfig};
use stolen_phone_core::i18n::{Catalog, Locale};
use stolen_phone_core::journey::{Page, Place};
use stolen_phone_core::values::date::Date;

use crate::Result;

/// What the shell's mount element holds before the build fills it.
const EMPTY_MOUNT: &str =
    "<div id=\"app\" class=\"widget-host\">\n    <p class=\"loading\">Loading…</p>\n  </div>";

/// What the shell's crash message and description hold before the build
/// fills them, in the page's language.
const EMPTY_CRASH: &str = "<div id=\"crash\" class=\"crash\" role=\"alert\" hidden></div>";
const EMPTY_DESCRIPTION: &str = "<meta name=\"description\" content=\"\">";

/// Writes `index.html` (the start page in English, whose language the link
/// or the browser may still change once scripts run) and, for each
/// language, `<tag>/index.html` and `<tag>/act-now/index.html`, with the
/// host's built-in configuration (`config.json` as built).
pub fn write_pre_rendered(dist: &Path, shell: &str) -> Result {
    for (part, name) in [
        (EMPTY_MOUNT, "the mount element"),
        (EMPTY_CRASH, "the crash message's element"),
        (EMPTY_DESCRIPTION, "the description"),
    ] {
        if shell.matches(part).count() != 1 {
            return Err(format!(
                "index.html must hold {name} exactly as the build expects: {part}"
            )
            .into());
        }
    }
    let (config, mut problems) = config::parse(&fs::read_to_string(dist.join("config.json"))?);
    let (directories, directory_problems) = config::directories_for(&config);
    problems.extend(directory_problems);
    if !problems.is_empty() {
        let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
        return Err(format!("config.json: {}", listed.join("; ")).into());
    }
    let theme = write_theme(dist, &config)?;
    let today = today()?;
    let mut written = 0;
    for (locale, keyed) in crate::dist::locale_texts()? {
        let catalog =
            Catalog::parse(locale, &keyed).map_err(|e| format!("locales/{}: {e}", locale.tag()))?;
        for page in Page::PRE_RENDERED {
            let place = Place::of(page, locale);
            let rendered = render(&place, catalog.clone(), &directories, &config, today);
            let path = page
                .pre_rendered_path(locale)
                .ok_or("a pre-rendered page has a path")?;
            let folder = dist.join(&path);
            fs::create_dir_all(&folder)?;
            fs::write(
                folder.join("index.html"),
                document(shell, &place, &rendered, theme.as_deref()),
            )?;
            written += 1;
            if locale == Locale::EnGb && page == Page::Start {
                let root = Place::default();
                let rendered = render(&root, catalog.clone(), &directories, &config, today);
                fs::write(
                    dist.join("index.html"),
                    document(shell, &root, &rendered, theme.as_deref()),
                )?;
            }
        }
    }
    write_embed_folders(dist)?;
    eprintln!("Pre-rendered pages: {written}, and index.html");
    Ok(())
}

/// What embed.js holds where the build lists the languages' folders.
const EMBED_FOLDERS: &str = "/* language folders */ {}";

/// Lists each language's start page folder in `embed.js`, by its primary
/// language, so that an embed with `data-lang` opens that folder.
fn write_embed_folders(dist: &Path) -> Result {
    let file = dist.join("embed.js");
    let script = fs::read_to_string(&file)?;
    if script.matches(EMBED_FOLDERS).count() != 1 {
        return Err(format!("embed.js must hold {EMBED_FOLDERS:?} exactly once").into());
    }
    let entries: Vec<String> = Locale::ALL
        .into_iter()
        .filter_map(|locale| {
            let primary = locale.tag().split('-').next()?.to_ascii_lowercase();
            Some(format!(
                "\"{primary}\": \"{}\"",
                Page::Start.pre_rendered_path(locale)?
            ))
        })
        .collect();
    let folders = format!("{{{}}}", entries.join(", "));
    fs::write(file, script.replacen(EMBED_FOLDERS, &folders, 1))?;
    Ok(())
}

/// The host's colours as a style sheet named by its contents, if it sets any.
fn write_theme(dist: &Path, config: &HostConfig) -> Result<Option<String>> {
    let Some(css) = theme_css(config) else {
        return Ok(None);
    };
    let name = format!("theme-{:016x}.css", fnv1a(css.as_bytes()));
    fs::write(dist.join(&name), css)?;
    Ok(Some(name))
}

/// The shell with `rendered` in its mount element, its language and title,
/// and every address of the shell's own files made relative to `place`.
fn document(shell: &str, place: &Place, rendered: &Rendered, theme: Option<&str>) -> String {
    let attributes: String = place
        .attributes()
        .iter()
        .map(|(name, value)| format!(" {name}=\"{}\"", escape(value)))
        .collect();
    let mount = format!(
        "<div id=\"app\" class=\"widget-host\"{attributes}>{}</div>",
        rendered.app
    );
    let mut page = shell
        .replacen(
            "<html lang=\"en-GB\">",
            &format!("<html lang=\"{}\" dir=\"{}\">", rendered.lang, rendered.dir),
            1,
        )
        .replacen(EMPTY_MOUNT, &mount, 1)
        .replacen(
            EMPTY_CRASH,
            &EMPTY_CRASH.replacen("</div>", &format!("{}</div>", rendered.crash), 1),
            1,
        )
        .replacen(
            EMPTY_DESCRIPTION,
            &EMPTY_DESCRIPTION.replacen(
                "content=\"\"",
                &format!("content=\"{}\"", escape(&rendered.description)),
                1,
            ),
            1,
        );
    if let (Some(start), Some(end)) = (page.find("<title>"), page.find("</title>")) {
        page.replace_range(start + "<title>".len()..end, &escape(&rendered.title));
    }
    if let Some(theme) = theme {
        page = page.replacen(
            "</head>",
            &format!("  <link rel=\"stylesheet\" href=\"./{theme}\">\n</head>"),
            1,
        );
    }
    // The shell's own files sit in the widget's folder. "./" stays in it:
    // boot.js imports the glue by this name, and a bare name is not a module.
    if place.depth == 0 {
        return page;
    }
    let root = "../".repeat(place.depth);
    page.replace("=\"./", &format!("=\"{root}"))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Today's date in UTC, for the pages' state (neither page shows or checks
/// a date).
fn today() -> Result<Date> {
    let days = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs() / 86_400;
    let days = i64::try_from(days)?;
    for year in 2020..=2200u16 {
        for month in 1..=12u8 {
            for day in 1..=31u8 {
                if let Ok(date) = Date::new(year, month, day)
                    && date.days_since_1970() == days
                {
                    return Ok(date);
                }
            }
        }
    }
    Err("the clock is outside 2020 to 2200".into())
}

//! Where a document sits among the widget's pre-rendered pages: the page and
//! the language its address names, and how many folders below the widget's
//! own folder it is. The links between the plain HTML pages are made here.

use crate::i18n::Locale;
use crate::journey::{Page, route};

/// The deepest a pre-rendered page sits (`cy/act-now/`).
const DEEPEST: usize = 2;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// The page the address names when it has no hash.
    pub page: Page,
    /// The language the address names, if it is a language's folder.
    pub locale: Option<Locale>,
    /// Folders between this document and the widget's own folder.
    pub depth: usize,
}

impl Default for Place {
    /// The widget's own `index.html`: the start page, in the language the
    /// link or the browser asks for.
    fn default() -> Place {
        Place {
            page: Page::Start,
            locale: None,
            depth: 0,
        }
    }
}

impl Place {
    /// The place of `page`'s copy in `locale`, as the build writes it.
    pub fn of(page: Page, locale: Locale) -> Place {
        let depth = page
            .pre_rendered_path(locale)
            .map_or(0, |path| path.matches('/').count());
        Place {
            page,
            locale: Some(locale),
            depth,
        }
    }

    /// Reads the attributes the build writes on the page's mount element:
    /// the page's hash, its language's tag and its depth. Anything missing
    /// or unexpected reads as the widget's own folder.
    pub fn from_attributes(page: Option<&str>, lang: Option<&str>, depth: Option<&str>) -> Place {
        let depth = depth
            .and_then(|d| d.parse::<usize>().ok())
            .filter(|d| *d <= DEEPEST);
        match depth {
            Some(depth) => Place {
                page: page.map_or(Page::Start, route),
                locale: lang.and_then(Locale::from_tag),
                depth,
            },
            None => Place::default(),
        }
    }

    /// The address from here of `page`'s plain HTML copy in `locale`, or of
    /// that language's start page when `page` has none.
    pub fn href(&self, page: Page, locale: Locale) -> String {
        let path = page
            .pre_rendered_path(locale)
            .or_else(|| Page::Start.pre_rendered_path(locale))
            .unwrap_or_default();
        format!("{}{path}", "../".repeat(self.depth))
    }

    /// The widget's own folder in `pathname` (this document's path), for
    /// links made to the widget: `/help/cy/act-now/` is in `/help/`.
    pub fn widget_folder<'a>(&self, pathname: &'a str) -> &'a str {
        let mut end = pathname.rfind('/').map_or(0, |i| i + 1);
        for _ in 0..self.depth {
            end = pathname[..end.saturating_sub(1)]
                .rfind('/')
                .map_or(0, |i| i + 1);
        }
        &pathname[..end]
    }

    /// The attributes `from_attributes` reads back, for the build to write.
    pub fn attributes(&self) -> [(&'static str, String); 3] {
        [
            ("data-page", self.page.hash().to_owned()),
            (
                "data-lang",
                self.locale.map(|l| l.tag().to_owned()).unwrap_or_default(),
            ),
            ("data-depth", self.depth.to_string()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_between_the_copies_climb_out_of_the_folder_first() {
        let act_now = Place::of(Page::ActNow, Locale::Cy);
        assert_eq!(act_now.depth, 2);
        assert_eq!(act_now.href(Page::Start, Locale::Cy), "../../cy/");
        assert_eq!(act_now.href(Page::ActNow, Locale::Ar), "../../ar/act-now/");
        assert_eq!(
            Place::default().href(Page::ActNow, Locale::EnGb),
            "en-gb/act-now/"
        );
        // A page with no copy links to its language's start page.
        assert_eq!(
            Place::of(Page::Start, Locale::Pl).href(Page::When, Locale::Bn),
            "../bn/"
        );
    }

    #[test]
    fn the_widget_folder_is_found_from_any_copy() {
        let act_now = Place::of(Page::ActNow, Locale::Cy);
        assert_eq!(act_now.widget_folder("/help/cy/act-now/"), "/help/");
        assert_eq!(act_now.widget_folder("/cy/act-now/index.html"), "/");
        assert_eq!(Place::default().widget_folder("/help/index.html"), "/help/");
        assert_eq!(Place::default().widget_folder("/"), "/");
        // A path shorter than the depth says is the site's root.
        assert_eq!(act_now.widget_folder("/"), "");
        assert_eq!(act_now.widget_folder(""), "");
    }

    #[test]
    fn the_attributes_read_back_as_written() {
        for locale in Locale::ALL {
            for page in Page::PRE_RENDERED {
                let place = Place::of(page, locale);
                let [(_, p), (_, l), (_, d)] = place.attributes();
                assert_eq!(Place::from_attributes(Some(&p), Some(&l), Some(&d)), place);
            }
        }
    }

    #[test]
    fn unexpected_attributes_read_as_the_widget_folder() {
        for depth in [
            None,
            Some(""),
            Some("3"),
            Some("-1"),
            Some("../"),
            Some("1e9"),
        ] {
            assert_eq!(
                Place::from_attributes(Some("#/act-now"), Some("cy"), depth),
                Place::default()
            );
        }
        let odd = Place::from_attributes(Some("#/nope"), Some("xx"), Some("1"));
        assert_eq!((odd.page, odd.locale, odd.depth), (Page::Start, None, 1));
    }
}

//! The languages the widget speaks, and picking one from what the browser
//! or a link asks for.

/// A supported language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Locale {
    EnGb,
    Cy,
    Pl,
    Ro,
    Ar,
    Bn,
}

/// Writing direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Ltr,
    Rtl,
}

impl Locale {
    pub const ALL: [Locale; 6] = [
        Locale::EnGb,
        Locale::Cy,
        Locale::Pl,
        Locale::Ro,
        Locale::Ar,
        Locale::Bn,
    ];

    /// The BCP 47 tag, used for `lang` and for the locale file's name.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::EnGb => "en-GB",
            Locale::Cy => "cy",
            Locale::Pl => "pl",
            Locale::Ro => "ro",
            Locale::Ar => "ar",
            Locale::Bn => "bn",
        }
    }

    /// The language's name in itself, for the language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::EnGb => "English",
            Locale::Cy => "Cymraeg",
            Locale::Pl => "Polski",
            Locale::Ro => "Română",
            Locale::Ar => "العربية",
            Locale::Bn => "বাংলা",
        }
    }

    pub fn dir(self) -> Dir {
        match self {
            Locale::Ar => Dir::Rtl,
            _ => Dir::Ltr,
        }
    }

    /// A supported locale for a language tag such as `cy`, `pl-PL`, `en-US`
    /// or `AR`. Only the primary language matters.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Locale::EnGb),
            "cy" => Some(Locale::Cy),
            "pl" => Some(Locale::Pl),
            "ro" => Some(Locale::Ro),
            "ar" => Some(Locale::Ar),
            "bn" => Some(Locale::Bn),
            _ => None,
        }
    }
}

/// The first supported locale among the browser's languages, in its order of
/// preference; English when none is supported.
pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Locale {
    preferred
        .into_iter()
        .find_map(Locale::from_tag)
        .unwrap_or(Locale::EnGb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_supported_browser_language_wins() {
        assert_eq!(negotiate(["fr-FR", "pl-PL", "cy"]), Locale::Pl);
        assert_eq!(negotiate(["en-US"]), Locale::EnGb);
        assert_eq!(negotiate(["de", "xx"]), Locale::EnGb);
        assert_eq!(negotiate([]), Locale::EnGb);
    }

    #[test]
    fn tags_round_trip() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        }
    }
}

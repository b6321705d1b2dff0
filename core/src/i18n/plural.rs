//! CLDR plural categories for whole numbers in each supported language.

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    pub fn from_key(key: &str) -> Option<PluralCategory> {
        Some(match key {
            "zero" => PluralCategory::Zero,
            "one" => PluralCategory::One,
            "two" => PluralCategory::Two,
            "few" => PluralCategory::Few,
            "many" => PluralCategory::Many,
            "other" => PluralCategory::Other,
            _ => return None,
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }
}

/// The categories a language uses for whole numbers; each plural message in
/// that language must give every one of them.
pub fn categories(locale: super::Locale) -> &'static [PluralCategory] {
    use super::Locale::*;
    use PluralCategory::*;
    match locale {
        EnGb | Bn => &[One, Other],
        Cy | Ar => &[Zero, One, Two, Few, Many, Other],
        Pl => &[One, Few, Many],
        Ro => &[One, Few, Other],
    }
}

/// The category of a whole number `n` (CLDR rules, integers only).
pub fn plural_category(locale: super::Locale, n: u64) -> PluralCategory {
    use super::Locale::*;
    use PluralCategory::*;
    let n10 = n % 10;
    let n100 = n % 100;
    match locale {
        EnGb => {
            if n == 1 {
                One
            } else {
                Other
            }
        }
        // Bengali: "one" is i = 0 or n = 1.
        Bn => {
            if n <= 1 {
                One
            } else {
                Other
            }
        }
        Cy => match n {
            0 => Zero,
            1 => One,
            2 => Two,
            3 => Few,
            6 => Many,
            _ => Other,
        },
        Ar => match n {
            0 => Zero,
            1 => One,
            2 => Two,
            _ if (3..=10).contains(&n100) => Few,
            _ if (11..=99).contains(&n100) => Many,
            _ => Other,
        },
        Pl => {
            if n == 1 {
                One
            } else if (2..=4).contains(&n10) && !(12..=14).contains(&n100) {
                Few
            } else {
                Many
            }
        }
        Ro => {
            if n == 1 {
                One
            } else if n == 0 || (1..=19).contains(&n100) {
                Few
            } else {
                Other
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Locale;
    use super::*;

    #[test]
    fn welsh_uses_six_forms() {
        let got: Vec<_> = [0, 1, 2, 3, 6, 4]
            .map(|n| plural_category(Locale::Cy, n))
            .into();
        use PluralCategory::*;
        assert_eq!(got, vec![Zero, One, Two, Few, Many, Other]);
    }

    #[test]
    fn polish_few_and_many() {
        use PluralCategory::*;
        assert_eq!(plural_category(Locale::Pl, 22), Few);
        assert_eq!(plural_category(Locale::Pl, 12), Many);
        assert_eq!(plural_category(Locale::Pl, 5), Many);
    }

    #[test]
    fn arabic_and_romanian() {
        use PluralCategory::*;
        assert_eq!(plural_category(Locale::Ar, 103), Few);
        assert_eq!(plural_category(Locale::Ar, 111), Many);
        assert_eq!(plural_category(Locale::Ar, 100), Other);
        assert_eq!(plural_category(Locale::Ro, 15), Few);
        assert_eq!(plural_category(Locale::Ro, 20), Other);
    }

    #[test]
    fn every_number_lands_in_a_category_its_language_uses() {
        for locale in Locale::ALL {
            for n in 0..300 {
                assert!(
                    categories(locale).contains(&plural_category(locale, n)),
                    "{locale:?} {n}"
                );
            }
        }
    }
}

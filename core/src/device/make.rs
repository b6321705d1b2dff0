//! Makers: the makes the journey asks about, the names they go by, and
//! whether two maker names mean the same company (a TAC table, a victim and
//! a shop do not write them alike).

/// The make of the phone, as the victim gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Make {
    Apple,
    Samsung,
    Google,
    Other,
    DontKnow,
}

impl Make {
    pub const ALL: [Make; 5] = [
        Make::Apple,
        Make::Samsung,
        Make::Google,
        Make::Other,
        Make::DontKnow,
    ];

    /// The maker's name as providers, insurers and the TAC table write it
    /// (brand names are not translated); none for "other" or "don't know".
    pub fn name(self) -> Option<&'static str> {
        match self {
            Make::Apple => Some("Apple"),
            Make::Samsung => Some("Samsung"),
            Make::Google => Some("Google"),
            Make::Other | Make::DontKnow => None,
        }
    }
}

/// A maker's name reduced to what identifies it: lower case, without
/// punctuation or company suffixes, with known aliases folded.
pub fn canonical_maker(name: &str) -> String {
    const SUFFIXES: &[&str] = &[
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "plc",
        "co",
        "corp",
        "corporation",
        "company",
        "gmbh",
        "ag",
        "sa",
        "electronics",
        "mobile",
        "mobility",
        "communications",
        "technologies",
        "technology",
    ];
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = cleaned
        .split_whitespace()
        .filter(|w| !SUFFIXES.contains(w))
        .collect();
    let joined = words.join(" ");
    match joined.as_str() {
        "apple computer" | "iphone" => "apple".to_owned(),
        "samsung mobile" | "samsung electro mechanics" => "samsung".to_owned(),
        "google pixel" | "pixel" => "google".to_owned(),
        "lge" | "lg" => "lg".to_owned(),
        _ => joined,
    }
}

/// Whether two maker names mean the same company.
pub fn same_maker(a: &str, b: &str) -> bool {
    canonical_maker(a) == canonical_maker(b)
}

/// Whether the make the victim gave disagrees with the maker the TAC names.
/// "Other", "don't know" and blank say nothing, so never disagree.
pub fn makes_disagree(stated: &str, tac_maker: &str) -> bool {
    let stated = canonical_maker(stated);
    let unknown = [
        "",
        "other",
        "don t know",
        "dont know",
        "not sure",
        "unknown",
    ];
    if unknown.contains(&stated.as_str()) || canonical_maker(tac_maker).is_empty() {
        return false;
    }
    stated != canonical_maker(tac_maker)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_named_make_is_its_own_maker() {
        for make in Make::ALL {
            let Some(name) = make.name() else { continue };
            assert_eq!(canonical_maker(name), name.to_ascii_lowercase());
            assert!(!makes_disagree(name, name));
        }
        assert_eq!(Make::Other.name(), None);
    }

    #[test]
    fn folds_maker_names_and_aliases() {
        assert!(same_maker("Apple", "Apple Inc"));
        assert!(same_maker("apple inc.", "APPLE"));
        assert!(same_maker("Samsung", "Samsung Electronics Co., Ltd."));
        assert!(same_maker("Google", "Google Inc"));
        assert!(same_maker("LG", "LG Electronics"));
        assert!(!same_maker("Apple", "Samsung"));
    }

    #[test]
    fn says_when_the_stated_make_disagrees_with_the_tac() {
        assert!(makes_disagree("Apple", "Samsung Electronics"));
        assert!(makes_disagree("Google", "Apple Inc"));
        assert!(!makes_disagree("Apple", "Apple Inc"));
        assert!(!makes_disagree("samsung", "Samsung"));
        assert!(!makes_disagree("Other", "Nokia"));
        assert!(!makes_disagree("", "Nokia"));
        assert!(!makes_disagree("Apple", ""));
    }
}

//! Why a QR code found in a photo gave no text, and the names the QR
//! worker and the page call those reasons between them.

/// Why a QR code that was found gave no text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unread {
    /// It holds bytes that are not text: not a report code.
    NotText,
    /// Too much of it is blurred, dirty or missing for its error correction.
    Damaged,
    /// It is unclear, or not a standard QR code.
    Unclear,
}

/// What one QR code in a photo held.
pub type Found = Result<String, Unread>;

const NAMES: [(Unread, &str); 3] = [
    (Unread::NotText, "not-text"),
    (Unread::Damaged, "damaged"),
    (Unread::Unclear, "unclear"),
];

impl Unread {
    pub fn name(self) -> &'static str {
        match self {
            Unread::NotText => NAMES[0].1,
            Unread::Damaged => NAMES[1].1,
            Unread::Unclear => NAMES[2].1,
        }
    }

    /// The reason a name stands for; a name it does not know is unclear.
    pub fn from_name(name: &str) -> Unread {
        NAMES
            .iter()
            .find(|(_, n)| *n == name)
            .map_or(Unread::Unclear, |(u, _)| *u)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_reason_comes_back_from_its_name() {
        for (unread, _) in NAMES {
            assert_eq!(Unread::from_name(unread.name()), unread);
        }
        assert_eq!(Unread::from_name("something new"), Unread::Unclear);
    }
}

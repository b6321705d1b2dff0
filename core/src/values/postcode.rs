//! UK postcodes as people type them.

/// A UK postcode in its usual form (`SW1A 1AA`), if the text looks like one:
/// an outward code (`A9`, `A99`, `AA9`, `AA99`, `A9A` or `AA9A`), then an
/// inward code (`9AA`). Spaces and case do not matter.
pub fn normalise_postcode(text: &str) -> Option<String> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if !compact.is_ascii() || !(5..=7).contains(&compact.len()) {
        return None;
    }
    let (outward, inward) = compact.split_at(compact.len() - 3);
    let shape = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                'A'..='Z' => 'A',
                '0'..='9' => '9',
                _ => '?',
            })
            .collect()
    };
    let outward_ok = matches!(
        shape(outward).as_str(),
        "A9" | "A99" | "AA9" | "AA99" | "A9A" | "AA9A"
    ) || outward == "GIR";
    (outward_ok && shape(inward) == "9AA").then(|| format!("{outward} {inward}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_postcodes_of_every_shape() {
        for (typed, expected) in [
            ("sw1a1aa", "SW1A 1AA"),
            ("M1 1AE", "M1 1AE"),
            ("b33 8th", "B33 8TH"),
            ("cr2 6xh", "CR2 6XH"),
            ("DN55 1PT", "DN55 1PT"),
            ("W1A 0AX", "W1A 0AX"),
        ] {
            assert_eq!(normalise_postcode(typed).as_deref(), Some(expected));
        }
    }

    #[test]
    fn refuses_text_that_is_not_a_postcode() {
        for text in ["", "London", "12345", "SW1A 1A", "SW1A-1AA", "ÄB1 1AA"] {
            assert_eq!(normalise_postcode(text), None, "{text}");
        }
    }
}

//! Which page the URL hash names. The hash keeps the browser's back button
//! working without taking over the host page's links.

/// A page of the journey.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Start,
    EnterImei,
    ImeiChecked,
}

impl Step {
    /// The hash that names this step, e.g. `#/imei`.
    pub fn hash(self) -> &'static str {
        match self {
            Step::Start => "#/",
            Step::EnterImei => "#/imei",
            Step::ImeiChecked => "#/imei/checked",
        }
    }
}

/// The step a hash names. Anything unknown is the start page, so a mangled
/// link still lands somewhere useful.
pub fn route(hash: &str) -> Step {
    let path = hash.trim_start_matches('#').trim_end_matches('/');
    match path {
        "/imei" => Step::EnterImei,
        "/imei/checked" => Step::ImeiChecked,
        _ => Step::Start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_round_trips_through_its_hash() {
        for step in [Step::Start, Step::EnterImei, Step::ImeiChecked] {
            assert_eq!(route(step.hash()), step);
        }
    }

    #[test]
    fn unknown_or_empty_hashes_go_to_the_start() {
        for hash in ["", "#", "#/nope", "#<script>", "imei"] {
            assert_eq!(route(hash), Step::Start);
        }
    }
}

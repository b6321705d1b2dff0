//! The journey as a state machine: the pages, the answers, which page comes
//! next, what is wrong with an answer, the check-answers rows, and the draft
//! saved on the victim's own device. No clock and no browser: "today" and
//! "now" are passed in.

mod answers;
mod check_answers;
mod draft;
mod flow;
pub mod imei_help;
mod page;
mod place;
mod to_report;
mod validate;

pub use answers::{
    Answers, Choice, DualSim, Field, HowReported, Network, WhoseDevice, is_plausible_id,
};
pub use check_answers::{Missing, SummaryRow, Value, missing, summary};
pub use draft::{
    DRAFT_LIFETIME_SECONDS, DRAFT_MAX_CHARS, DRAFT_VERSION, DraftLoad, Dropped, Rejection,
    RestoredDraft, draft_from_json, draft_to_json,
};
pub use flow::{Checked, Mode, next, path, previous};
pub use page::{Page, route};
pub use place::Place;
pub use to_report::{BuiltReport, NotReady, build_report, has_insurer_code};
pub use validate::{FieldError, Problem, validate, warnings};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;

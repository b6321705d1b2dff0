//! The directory fields that hold a number the victim is told to call or
//! text. `build.rs` reads this file too: the widget's copy of the
//! directories leaves out any of them whose only source is secondary.

/// Every field, in any directory, whose value is a number to call or text.
pub const NUMBER_FIELDS: [&str; 5] = [
    "non_emergency",
    "non_emergency_text",
    "phone",
    "lost_stolen_uk",
    "lost_stolen_abroad",
];

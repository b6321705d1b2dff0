//! The widget's decisions, with no browser and no Leptos: it builds and is
//! tested natively. One module a domain:

/// Plain values the domains share: dates and times, phone numbers and
/// postcodes.
pub mod values;

/// The phone itself: reading and checking an IMEI, and the TAC table that
/// names its make and model.
pub mod device;

/// The victim's journey as a state machine, from the first question to the
/// report.
pub mod journey;

/// The report a victim hands over: its model, its text code and the QR code
/// that carries it.
pub mod report;

/// What a host page sets: its configuration and its signposting links.
pub mod host;

/// Police forces, network providers and support services, with their sources.
pub mod directory;

/// Languages, plural rules and the message catalogues.
pub mod i18n;

/// The strict JSON reader and writer every document goes through, and the
/// field reader that names each wrong field by its path.
pub mod json;

/// FNV-1a, the one stable hash for file and version names.
pub mod fnv;

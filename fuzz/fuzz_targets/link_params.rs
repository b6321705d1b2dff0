#![no_main]
//! Any bytes, as text, through the link parameter reader: a link may be
//! typed, cut short or crafted, and must give parameters, never a panic.
//! Whatever it keeps must be plain enough to use without escaping.
use libfuzzer_sys::fuzz_target;
use stolen_phone_core::host::link::{parse_params, signpost_link};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (params, _problems) = parse_params(text);
    let plain = |value: &str| !value.contains(['<', '>', '"', '\'', '\\']);
    for value in [&params.force, &params.crn, &params.source, &params.config]
        .into_iter()
        .flatten()
    {
        assert!(plain(value), "{value:?}");
    }
    // A link built from what was kept reads back to the same values.
    let link = signpost_link(
        "https://help.example.org/",
        params.force.as_deref(),
        params.lang,
        params.source.as_deref(),
    );
    let query = link.split_once('?').map_or("", |(_, q)| q);
    let (again, problems) = parse_params(query);
    assert!(problems.is_empty(), "{link}: {problems:?}");
    assert_eq!(
        (again.force, again.lang, again.source),
        (params.force, params.lang, params.source)
    );
});

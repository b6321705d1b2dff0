#![no_main]
//! Any bytes, as text, through the host configuration reader: a deployer's
//! file may be broken or hostile, and must give a config, never a panic.
//! Whatever it keeps must pass the same checks again.
use libfuzzer_sys::fuzz_target;
use stolen_phone_core::host::config::{self, parse, theme_from_pairs};
use stolen_phone_core::directory;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (config, _problems) = parse(text);
    // Nothing kept may change the text's direction or break out of CSS.
    let hidden = |c: char| c.is_control() || ('\u{202A}'..='\u{202E}').contains(&c);
    if let Some(org) = &config.organisation {
        assert!(!org.name.chars().any(hidden), "{:?}", org.name);
    }
    if let Some(font) = &config.theme.font {
        assert!(!font.contains([';', '{', '}', '(', ')', '<', '>']), "{font:?}");
    }
    if let Some(section) = &config.directory {
        let (host, _problems) = config::read_directory(section);
        static SHIPPED: std::sync::OnceLock<directory::Directories> = std::sync::OnceLock::new();
        let _ = config::apply_directory(SHIPPED.get_or_init(directory::shipped), &host);
    }
    // The same text as one embed-snippet theme value for every key.
    let pairs: Vec<(String, String)> = ["text", "background", "font", "shadow"]
        .into_iter()
        .map(|key| (key.to_owned(), text.to_owned()))
        .collect();
    let _ = theme_from_pairs(&pairs);
});

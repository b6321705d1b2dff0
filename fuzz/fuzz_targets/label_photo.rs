#![no_main]
//! Any bytes as a grey photo (the first byte picks the width) through the
//! whole label reading: every pass, the verdict. A photo may hold
//! anything, and must give checked IMEIs or none, never a panic.
use libfuzzer_sys::fuzz_target;
use stolen_phone_core::device::label;
use stolen_phone_core::device::scan::{self, Photo};
use stolen_phone_fuzz::grey_photo;

fuzz_target!(|data: &[u8]| {
    let Some((width, height, pixels)) = grey_photo(data) else {
        return;
    };
    let Ok(photo) = Photo::new(width, height, pixels) else {
        return;
    };
    let found = scan::read(&photo);
    let read = label::read(&found.texts);
    let _ = read.verdict(found.unread.is_some());
});

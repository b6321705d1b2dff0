//! Box label photos drawn by `test-photos`, read the way the widget reads
//! them: every barcode found across the photo, then the label's verdict.
//! No photo may ever offer an IMEI the label does not hold.

use stolen_phone_core::device::label::{self, Verdict};
use stolen_phone_core::device::scan::{self, Photo};
use test_photos::{Grey, LabelSpec, Variant, label_photo};

/// A photo as the widget reads it first: 1600 pixels along its long side.
const WIDTH: usize = 1600;
const HEIGHT: usize = 1200;

fn verdict(photo: &Grey) -> Verdict {
    let photo = Photo::new(photo.width, photo.height, &photo.pixels).unwrap();
    let found = scan::read(&photo);
    label::read(&found.texts).verdict(found.unread.is_some())
}

/// What the photo offers, as digits, or nothing.
fn offered(verdict: &Verdict) -> Vec<String> {
    match verdict {
        Verdict::Found { first, second, .. } => std::iter::once(first)
            .chain(second)
            .map(|i| i.to_string())
            .collect(),
        _ => Vec::new(),
    }
}

#[test]
fn every_sharp_or_mildly_flawed_label_gives_its_imeis_in_order() {
    let readable = [
        Variant::Sharp,
        Variant::Blurred,
        Variant::Rotated(10.0),
        Variant::Rotated(20.0),
        Variant::Rotated(90.0),
        Variant::Rotated(180.0),
        Variant::Perspective,
        Variant::UnevenLight,
        Variant::Glare,
    ];
    let mut failed = Vec::new();
    for spec in [LabelSpec::one_imei(), LabelSpec::two_imeis()] {
        for variant in readable {
            let verdict = verdict(&label_photo(&spec, variant, WIDTH, HEIGHT));
            if offered(&verdict) != spec.imeis() {
                failed.push(format!(
                    "{} IMEIs, {}: {verdict:?}",
                    spec.imeis().len(),
                    variant.name()
                ));
            }
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_cut_off_or_very_blurred_barcode_is_never_guessed() {
    for spec in [LabelSpec::one_imei(), LabelSpec::two_imeis()] {
        let all = spec.imeis();
        let cut = verdict(&label_photo(&spec, Variant::CutOff, WIDTH, HEIGHT));
        // The last IMEI is cut through: only those before it may come.
        assert_eq!(offered(&cut), all[..all.len() - 1], "{cut:?}");
        for variant in [Variant::VeryBlurred, Variant::Far, Variant::Distant] {
            let verdict = verdict(&label_photo(&spec, variant, WIDTH, HEIGHT));
            let got = offered(&verdict);
            assert!(
                got.is_empty() || got == all,
                "{}: {verdict:?}",
                variant.name()
            );
        }
    }
}

#[test]
fn a_photo_without_a_label_finds_no_barcode() {
    let plain = Grey::new(WIDTH, HEIGHT, 200);
    assert_eq!(verdict(&plain), Verdict::NoBarcode);
}

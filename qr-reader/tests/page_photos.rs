//! Photos of a printed report (two QR codes side by side), drawn in code
//! with the flaws of a phone photo, read as the widget's worker reads them.

use qr_reader::{Found, Grey, Unread, read};
use test_photos::{Variant, page_photo, report_codes};

fn read_page(codes: &[String], variant: Variant) -> Vec<Found> {
    let texts: Vec<&str> = codes.iter().map(String::as_str).collect();
    let photo = page_photo(&texts, variant, 1600, 1200).unwrap();
    read(Grey::new(photo.width, photo.height, &photo.pixels).unwrap())
}

#[test]
fn a_photo_a_person_would_take_gives_both_codes_left_to_right() {
    let codes = report_codes();
    let expected: Vec<Found> = codes.iter().cloned().map(Ok).collect();
    for variant in [
        Variant::Sharp,
        Variant::Blurred,
        Variant::Rotated(10.0),
        Variant::Rotated(20.0),
        Variant::Rotated(90.0),
        Variant::Perspective,
        Variant::UnevenLight,
    ] {
        assert_eq!(read_page(&codes, variant), expected, "{}", variant.name());
    }
}

#[test]
fn a_code_half_hidden_is_said_to_be_there_and_a_code_cut_off_is_not() {
    let codes = report_codes();
    assert_eq!(
        read_page(&codes, Variant::Glare),
        [Ok(codes[0].clone()), Err(Unread::Damaged)]
    );
    assert_eq!(read_page(&codes, Variant::CutOff), [Ok(codes[0].clone())]);
}

#[test]
fn a_poor_photo_never_gives_a_wrong_code() {
    let codes = report_codes();
    for variant in Variant::all() {
        for text in read_page(&codes, variant).into_iter().flatten() {
            assert!(codes.contains(&text), "{}: {text:?}", variant.name());
        }
    }
}

#[test]
fn a_page_with_no_code_gives_none() {
    let photo = page_photo(&[], Variant::Sharp, 800, 600).unwrap();
    let grey = Grey::new(photo.width, photo.height, &photo.pixels).unwrap();
    assert_eq!(read(grey), []);
}

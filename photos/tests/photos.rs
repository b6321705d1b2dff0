//! The photos' sizes, files and determinism, and how long one takes.

use std::io::Cursor;
use std::time::Instant;
use test_photos::{Grey, LabelSpec, Variant, label_photo, page_photo};

/// The pixels of a PNG file, and its size.
fn decode(bytes: &[u8]) -> (usize, usize, Vec<u8>) {
    let decoder = png::Decoder::new(Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(info.color_type, png::ColorType::Grayscale);
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    pixels.truncate(info.buffer_size());
    (info.width as usize, info.height as usize, pixels)
}

/// How many pixels are darker than `below`, and how many lighter than `above`.
fn dark_and_light(photo: &Grey, below: u8, above: u8) -> (usize, usize) {
    let dark = photo.pixels.iter().filter(|&&p| p < below).count();
    let light = photo.pixels.iter().filter(|&&p| p > above).count();
    (dark, light)
}

#[test]
fn the_same_arguments_give_the_same_pixels_and_variants_differ() {
    let spec = LabelSpec::two_imeis();
    let photos: Vec<Grey> = Variant::all()
        .into_iter()
        .map(|variant| {
            let photo = label_photo(&spec, variant, 400, 300);
            assert_eq!(
                photo,
                label_photo(&spec, variant, 400, 300),
                "{}",
                variant.name()
            );
            photo
        })
        .collect();
    let names: Vec<String> = Variant::all().iter().map(Variant::name).collect();
    for i in 0..photos.len() {
        for j in 0..i {
            assert_ne!(photos[i], photos[j], "{} and {}", names[i], names[j]);
        }
    }
    assert_ne!(
        label_photo(&LabelSpec::one_imei(), Variant::Sharp, 400, 300),
        photos[0]
    );
}

#[test]
fn a_label_photo_has_its_size_and_comes_back_from_its_png() {
    for (width, height) in [(320, 240), (241, 377), (1, 1)] {
        let photo = label_photo(
            &LabelSpec::one_imei(),
            Variant::Rotated(20.0),
            width,
            height,
        );
        assert_eq!((photo.width, photo.height), (width, height));
        assert_eq!(photo.pixels.len(), width * height);
        assert_eq!(photo.rgba().len(), 4 * width * height);
        assert_eq!(decode(&photo.png()), (width, height, photo.pixels.clone()));
    }
}

#[test]
fn every_label_photo_shows_ink_paper_and_table() {
    for variant in Variant::all() {
        let photo = label_photo(&LabelSpec::two_imeis(), variant, 640, 480);
        let (dark, light) = dark_and_light(&photo, 70, 200);
        // A very blurred photo keeps only the widest bars' dark middles.
        let least = if variant == Variant::VeryBlurred {
            100
        } else {
            500
        };
        assert!(
            dark > least && light > 5000,
            "{}: {dark} {light}",
            variant.name()
        );
        // The table shows at the top left corner, except where the label is cut off.
        let corner = photo.get(0, 0);
        assert!((90..=150).contains(&corner), "{}: {corner}", variant.name());
    }
}

#[test]
fn glare_saturates_and_cut_off_reaches_the_right_edge() {
    let spec = LabelSpec::two_imeis();
    let sharp = label_photo(&spec, Variant::Sharp, 800, 600);
    let glare = label_photo(&spec, Variant::Glare, 800, 600);
    let white = |p: &Grey| p.pixels.iter().filter(|&&v| v >= 250).count();
    assert!(white(&glare) > 5000 && white(&sharp) == 0);
    let cut = label_photo(&spec, Variant::CutOff, 800, 600);
    let edge: Vec<u8> = (0..600).map(|y| cut.get(799, y)).collect();
    assert!(edge.iter().filter(|&&v| v > 200).count() > 100);
    assert!(
        edge.iter().filter(|&&v| v < 70).count() > 10,
        "bars at the edge"
    );
}

#[test]
fn uneven_light_dims_one_side() {
    let photo = label_photo(&LabelSpec::one_imei(), Variant::UnevenLight, 800, 600);
    let brightest = |x0: usize, x1: usize| {
        (0..600)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .map(|(x, y)| photo.get(x, y))
            .max()
            .unwrap()
    };
    let (left, right) = (brightest(170, 230), brightest(570, 630));
    assert!(left > 220 && right < 160, "{left} {right}");
}

#[test]
fn a_page_photo_holds_its_qr_codes() {
    let photo = page_photo(&["hello"], Variant::Sharp, 800, 600).unwrap();
    assert_eq!(photo.pixels.len(), 800 * 600);
    let (dark, light) = dark_and_light(&photo, 70, 200);
    assert!(dark > 1000 && light > 10000, "{dark} {light}");
    assert_eq!(
        photo,
        page_photo(&["hello"], Variant::Sharp, 800, 600).unwrap()
    );
    let two = ["STOLEN-PHONE REPORT 1", "STOLEN-PHONE REPORT 2"];
    for variant in Variant::all() {
        let photo = page_photo(&two, variant, 400, 300).unwrap();
        assert_eq!(decode(&photo.png()), (400, 300, photo.pixels.clone()));
    }
    assert!(page_photo(&[], Variant::Sharp, 80, 60).is_some());
}

#[test]
fn a_text_too_long_for_a_qr_code_has_no_photo() {
    let long = "x".repeat(5000);
    assert_eq!(page_photo(&[&long], Variant::Sharp, 800, 600), None);
    assert_eq!(
        page_photo(&["hello", &long], Variant::Blurred, 800, 600),
        None
    );
}

#[test]
fn a_photo_1600_by_1200_renders_quickly() {
    let started = Instant::now();
    let photo = label_photo(&LabelSpec::two_imeis(), Variant::Sharp, 1600, 1200);
    let sharp = started.elapsed();
    assert_eq!(photo.pixels.len(), 1600 * 1200);
    for variant in [
        Variant::VeryBlurred,
        Variant::Perspective,
        Variant::Rotated(20.0),
    ] {
        let started = Instant::now();
        label_photo(&LabelSpec::two_imeis(), variant, 1600, 1200);
        eprintln!("{}: {:?}", variant.name(), started.elapsed());
    }
    let started = Instant::now();
    page_photo(
        &["STOLEN-PHONE REPORT 1", "STOLEN-PHONE REPORT 2"],
        Variant::Sharp,
        1600,
        1200,
    );
    eprintln!("page sharp: {:?}", started.elapsed());
    eprintln!("label sharp: {sharp:?}");
    // Generous, for slow machines; a debug build takes well under a second.
    assert!(sharp.as_secs() < 10, "{sharp:?}");
}

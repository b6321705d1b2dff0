//! Writes sample photos to look at: `cargo test -p test-photos --test samples -- --ignored`.

use test_photos::{LabelSpec, Variant, label_photo};

#[test]
#[ignore = "writes files to the temporary directory"]
fn write_sample_photos() {
    let dir = std::env::temp_dir();
    let samples = [
        ("one-imei-sharp", LabelSpec::one_imei(), Variant::Sharp),
        (
            "two-imeis-rotated-20",
            LabelSpec::two_imeis(),
            Variant::Rotated(20.0),
        ),
    ];
    for (name, spec, variant) in samples {
        let path = dir.join(format!("photos-sample-{name}.png"));
        std::fs::write(&path, label_photo(&spec, variant, 1600, 1200).png()).unwrap();
        eprintln!("{}", path.display());
    }
}

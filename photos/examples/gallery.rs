//! Writes every variant of both labels and of a page as PNG files into a
//! folder: `cargo run -p test-photos --example gallery -- FOLDER [WIDTH HEIGHT]`.

use test_photos::{LabelSpec, Variant, label_photo, page_photo};

fn main() {
    let mut args = std::env::args().skip(1);
    let folder = std::path::PathBuf::from(args.next().unwrap_or_else(|| "gallery".into()));
    let width = args
        .next()
        .map_or(1600, |w| w.parse().expect("a width in pixels"));
    let height = args
        .next()
        .map_or(1200, |h| h.parse().expect("a height in pixels"));
    std::fs::create_dir_all(&folder).expect("a folder to write to");
    for variant in Variant::all() {
        for (name, spec) in [
            ("one-imei", LabelSpec::one_imei()),
            ("two-imeis", LabelSpec::two_imeis()),
        ] {
            let photo = label_photo(&spec, variant, width, height);
            let path = folder.join(format!("label-{name}-{}.png", variant.name()));
            std::fs::write(&path, photo.png()).expect("the file written");
        }
        let page = page_photo(
            &[
                "STOLEN-PHONE REPORT 1 CRIME REFERENCE 01/234567/26",
                "STOLEN-PHONE REPORT 2 IMEI 352099001761481",
            ],
            variant,
            width,
            height,
        )
        .expect("texts that fit a QR code");
        let path = folder.join(format!("page-{}.png", variant.name()));
        std::fs::write(&path, page.png()).expect("the file written");
    }
    println!("{}", folder.display());
}

//! Test photos made in code: phone box labels carrying Code 128 barcodes and
//! printed pages carrying QR codes, photographed with the flaws a victim's
//! phone photo has (blur, rotation, an angle, uneven light, glare, a code
//! cut off by the frame, a label far away).
//!
//! This crate only draws; the tests of the crates that read photos decode
//! what it draws. Every photo is deterministic: the same arguments give the
//! same pixels.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod code128;
mod label;
mod page;
mod render;

pub use label::{LabelSpec, label_photo};
pub use page::{page_photo, report_codes};

/// A grey picture, row by row, one byte a pixel (0 black, 255 white).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grey {
    /// Pixels a row.
    pub width: usize,
    /// Rows.
    pub height: usize,
    /// `width * height` bytes, the top row first.
    pub pixels: Vec<u8>,
}

impl Grey {
    /// A picture of `width` x `height` pixels, all of them `fill`.
    pub fn new(width: usize, height: usize, fill: u8) -> Grey {
        Grey {
            width,
            height,
            pixels: vec![fill; width * height],
        }
    }

    /// The pixel in column `x` of row `y` (panics outside the picture).
    pub fn get(&self, x: usize, y: usize) -> u8 {
        assert!(
            x < self.width && y < self.height,
            "({x}, {y}) is outside {}x{}",
            self.width,
            self.height
        );
        self.pixels[y * self.width + x]
    }

    /// The bytes of an 8-bit greyscale PNG file of the picture (panics if the picture has no pixels).
    pub fn png(&self) -> Vec<u8> {
        let width = u32::try_from(self.width).expect("a PNG is at most 2^31 pixels wide");
        let height = u32::try_from(self.height).expect("a PNG is at most 2^31 pixels high");
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder
            .write_header()
            .expect("a PNG of a picture with pixels");
        writer
            .write_image_data(&self.pixels)
            .expect("the picture's pixels fit its size");
        writer.finish().expect("writing to memory does not fail");
        out
    }

    /// The same pixels as RGBA, four bytes a pixel, opaque (as a browser's canvas hands them over).
    pub fn rgba(&self) -> Vec<u8> {
        self.pixels.iter().flat_map(|&v| [v, v, v, 255]).collect()
    }
}

/// The flaws of a photo.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Variant {
    /// Straight, even light, a little sensor noise.
    Sharp,
    /// A slight blur: a gaussian 0.6 module wide at half its height (sigma 0.25 module).
    Blurred,
    /// A gaussian blur 2 modules wide at half its height (sigma 0.85 module): expected to be unreadable.
    VeryBlurred,
    /// Turned clockwise by this many degrees in the photo, the whole of it still in the frame.
    Rotated(f32),
    /// Taken at an angle: the far (top) edge is 80% as wide as the near (bottom) one.
    Perspective,
    /// Light falling off across it: one side 45% as bright as the other, plus noise.
    UnevenLight,
    /// A saturated white reflection over one code (a label's serial number, a page's last QR code), not the others.
    Glare,
    /// The photo's right edge cuts through one code (a label's last IMEI, a page's last QR code), the others whole.
    CutOff,
    /// Small in the frame: about 1.2 pixels a module.
    Far,
    /// Taken from twice as far: half its usual size in the frame, so about
    /// 1.25 pixels a module at 1600 pixels wide and 3 at 4000 (a photo
    /// that reads once the part holding the label is looked at closer).
    Distant,
}

impl Variant {
    /// Every variant, with the rotations 10, 20, 90 and 180 degrees.
    pub fn all() -> Vec<Variant> {
        vec![
            Variant::Sharp,
            Variant::Blurred,
            Variant::VeryBlurred,
            Variant::Rotated(10.0),
            Variant::Rotated(20.0),
            Variant::Rotated(90.0),
            Variant::Rotated(180.0),
            Variant::Perspective,
            Variant::UnevenLight,
            Variant::Glare,
            Variant::CutOff,
            Variant::Far,
            Variant::Distant,
        ]
    }

    /// A short name for file names and messages, such as "sharp" or "rotated-10".
    pub fn name(&self) -> String {
        match self {
            Variant::Sharp => "sharp".into(),
            Variant::Blurred => "blurred".into(),
            Variant::VeryBlurred => "very-blurred".into(),
            Variant::Rotated(degrees) if *degrees < 0.0 => format!("rotated-minus-{}", -degrees),
            Variant::Rotated(degrees) => format!("rotated-{degrees}"),
            Variant::Perspective => "perspective".into(),
            Variant::UnevenLight => "uneven-light".into(),
            Variant::Glare => "glare".into(),
            Variant::CutOff => "cut-off".into(),
            Variant::Far => "far".into(),
            Variant::Distant => "distant".into(),
        }
    }
}

/// A small deterministic random number generator (splitmix64).
#[derive(Clone, Debug)]
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator whose numbers follow from `seed` alone.
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in [0, 1).
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A number in [low, high).
    pub(crate) fn range(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.unit()
    }
}

/// A seed from some bytes (FNV-1a), for photos that follow from their arguments.
pub(crate) fn seed_of(parts: &[&[u8]]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for part in parts {
        for &byte in *part {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        // A separator, so that ["ab", "c"] and ["a", "bc"] differ.
        hash = (hash ^ 0xff).wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_hands_over_its_pixels_as_png_and_rgba() {
        let mut grey = Grey::new(3, 2, 200);
        grey.pixels[4] = 7;
        assert_eq!(grey.get(1, 1), 7);
        assert_eq!(grey.get(2, 1), 200);
        assert_eq!(grey.rgba()[16..20], [7, 7, 7, 255]);
        assert_eq!(grey.rgba().len(), 24);
        assert_eq!(&grey.png()[..8], b"\x89PNG\r\n\x1a\n");
    }

    #[test]
    #[should_panic(expected = "outside")]
    fn a_pixel_outside_the_picture_panics() {
        Grey::new(3, 2, 0).get(3, 0);
    }

    #[test]
    fn variants_have_distinct_names() {
        let names: Vec<String> = Variant::all().iter().map(Variant::name).collect();
        assert_eq!(names[3], "rotated-10");
        assert_eq!(Variant::Rotated(-7.5).name(), "rotated-minus-7.5");
        for (i, name) in names.iter().enumerate() {
            assert!(!names[..i].contains(name), "{name}");
        }
    }
}

//! Writes inputs to measure the verifier with, all invented:
//!
//!     cargo run --release -p report-code --example sample_inputs -- DIR [PHOTOS]
//!
//! `DIR/codes.txt` holds 10,000 codes, each with its own IMEIs and crime
//! reference, between blank lines; `DIR/photos/` holds PHOTOS (default 100)
//! phone-sized pictures, 3000 × 4000, of one printed code each on uneven,
//! noisy paper, half of them JPEG (colour) and half PNG (grey);
//! `DIR/large.png` is a 50 MB colour PNG with a code in it.

use std::path::Path;

use image::{GrayImage, ImageFormat, Luma, Rgb, RgbImage};
use stolen_phone_core::device::imei::{self, Imei};
use stolen_phone_core::report::code::{Recipient, encode};
use stolen_phone_core::report::qr;
use stolen_phone_core::report::{
    Imeis, Insurance, MakerName, Model, PoliceForce, Reference, Report, Victim, WhatHappened,
};
use stolen_phone_core::values::date::When;
use stolen_phone_core::values::phone::PhoneNumber;

const CODES: usize = 10_000;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        return Err("usage: sample_inputs DIR [PHOTOS]".into());
    };
    let photos: usize = args.get(1).map_or(Ok(100), |n| n.parse())?;
    let dir = Path::new(dir);
    std::fs::create_dir_all(dir.join("photos"))?;

    let mut text = String::new();
    for n in 0..CODES {
        text.push_str(&encode(&report(n), Recipient::NetworkProvider));
        text.push_str("\n\n");
    }
    std::fs::write(dir.join("codes.txt"), text)?;

    let mut noise = Noise(0x2545_F491_4F6C_DD1D);
    for n in 0..photos {
        let recipient = if n % 2 == 0 {
            Recipient::NetworkProvider
        } else {
            Recipient::Insurer
        };
        let photo = photo(&encode(&report(n), recipient), 3000, 4000, &mut noise);
        if n % 2 == 0 {
            let colour = tinted(&photo);
            colour.save_with_format(
                dir.join(format!("photos/photo-{n:03}.jpg")),
                ImageFormat::Jpeg,
            )?;
        } else {
            photo.save_with_format(
                dir.join(format!("photos/photo-{n:03}.png")),
                ImageFormat::Png,
            )?;
        }
    }

    // Noise does not compress, so 4600 × 4600 in colour is about 50 MB.
    let large = photo(
        &encode(&report(1), Recipient::Insurer),
        4600,
        4600,
        &mut noise,
    );
    let mut large = tinted(&large);
    for pixel in large.pixels_mut() {
        let grain = noise.next_byte() % 24;
        pixel.0 = pixel.0.map(|c| c.saturating_sub(grain));
    }
    large.save_with_format(dir.join("large.png"), ImageFormat::Png)?;
    Ok(())
}

/// The `n`th invented report: its own IMEI serials and crime reference.
fn report(n: usize) -> Report {
    let imei = |tac: &str| -> Imei {
        let body = format!("{tac}{:06}", n % 1_000_000);
        let digits: Vec<u8> = body.bytes().map(|b| b - b'0').collect();
        let check = imei::luhn_check_digit(&digits.try_into().unwrap_or([0; 14]));
        imei::parse(&format!("{body}{check}")).expect("a computed check digit is right")
    };
    Report {
        imeis: Imeis::Two(imei("35209900"), imei("49015420")),
        phone: PhoneNumber::parse(&format!("07700 900{:03}", n % 1000)).ok(),
        make: MakerName::new("Apple").ok(),
        model: Model::new("iPhone 15 Pro").ok(),
        what_happened: WhatHappened::Robbery,
        when: When::parse_iso("2026-11-24T21:30+00:00").expect("a valid date"),
        reference: Reference::new(&format!("01/{:06}/26", n)).ok(),
        police_force: PoliceForce::new("Metropolitan Police Service").ok(),
        insurance: Insurance::default(),
        victim: Victim::default(),
    }
}

/// A code printed 70 mm wide, photographed from 30 cm: about a third of
/// the picture's width, on paper lit from one side, with sensor noise.
fn photo(code: &str, width: u32, height: u32, noise: &mut Noise) -> GrayImage {
    let matrix = qr::render(code).expect("a report fits a QR code");
    let module = (width / 3) / matrix.size() as u32;
    let side = module * matrix.size() as u32;
    let (left, top) = ((width - side) / 2, (height - side) / 3);
    GrayImage::from_fn(width, height, |x, y| {
        let light = 150 + (80 * x / width) as u8;
        let inside = x >= left && y >= top && x < left + side && y < top + side;
        let dark = inside
            && matrix.is_dark(
                ((x - left) / module) as usize,
                ((y - top) / module) as usize,
            );
        let level = if dark { 35 } else { light };
        Luma([level.saturating_add(noise.next_byte() % 16)])
    })
}

fn tinted(grey: &GrayImage) -> RgbImage {
    RgbImage::from_fn(grey.width(), grey.height(), |x, y| {
        let v = grey.get_pixel(x, y).0[0];
        Rgb([v, v.saturating_sub(6), v.saturating_sub(14)])
    })
}

/// xorshift64: cheap noise, the same every run.
struct Noise(u64);

impl Noise {
    fn next_byte(&mut self) -> u8 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 56) as u8
    }
}

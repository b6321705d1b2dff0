//! The command as a user runs it: files, folders, standard input and
//! pictures in, JSON lines and an exit status out.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use image::{GrayImage, Luma};
use serde_json::Value;
use stolen_phone_core::report::qr;

/// A code from the conformance vectors, by name: HANDOVER.md's own examples.
fn vector(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../handover/vectors.json");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let found = file["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == name);
    found.unwrap_or_else(|| panic!("no vector {name}"))["code"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// HANDOVER.md's robbery, as its network provider's code.
fn network_code() -> String {
    vector("handover-robbery-for-network-provider")
}

/// HANDOVER.md's robbery, as its insurer's code.
fn insurer_code() -> String {
    vector("handover-robbery-for-insurer")
}

/// What one run printed and how it ended.
struct Run {
    stdout: String,
    lines: Vec<Value>,
    stderr: String,
    status: i32,
}

fn run(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_report-code"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    // Every line of results is JSON; help and version are not results.
    let lines = match args.first() {
        Some(&"verify") => stdout
            .lines()
            .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
            .collect(),
        _ => Vec::new(),
    };
    Run {
        stdout,
        lines,
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        status: output.status.code().unwrap_or(-1),
    }
}

/// A fresh folder for one test, removed when it ends.
struct Folder(PathBuf);

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl std::ops::Deref for Folder {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

fn folder(name: &str) -> Folder {
    let dir = std::env::temp_dir().join(format!("report-code-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Folder(dir)
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The widget's text file: a title, each code under its heading, notes.
fn widget_text_file() -> String {
    let (network, insurer) = (network_code(), insurer_code());
    format!(
        "Phone theft report\n\nFor your network provider\n\n{network}\n\nFor your insurer\n\n{insurer}\n\nStill to do\n- Add the crime reference\n"
    )
}

#[test]
fn the_widgets_text_file_gives_both_codes() {
    let dir = folder("widget");
    let file = dir.join("phone-report.txt");
    std::fs::write(&file, widget_text_file().replace('\n', "\r\n")).unwrap();
    let run = run(&["verify", path(&file)], b"");
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.lines.len(), 2);
    let first = &run.lines[0];
    assert_eq!(first["file"], path(&file));
    assert_eq!(first["line"], 5);
    assert_eq!(first["valid"], true);
    assert_eq!(first["recipient"], "network provider");
    assert_eq!(first["checksum_ok"], true);
    assert_eq!(first["imeis"][0]["imei"], "352099001761481");
    assert_eq!(first["imeis"][0]["words"], "Check digit is right");
    assert_eq!(first["fields"]["POLICE"], "Metropolitan Police Service");
    assert_eq!(
        first["words"],
        "This code is complete and has not been changed."
    );
    let second = &run.lines[1];
    assert_eq!(
        (second["line"].as_u64(), second["recipient"].as_str()),
        (Some(20), Some("insurer"))
    );
    assert_eq!(
        second["fields"]["ADDRESS"],
        "Flat 2, 10 High St\nLondon E1 6AN"
    );
}

#[test]
fn a_refused_code_names_its_line_and_the_run_fails() {
    let network = network_code();
    let changed = network.replace("IMEI: 490154203237518", "IMEI: 490154203237517");
    let text = format!("notes\n\n{network}\n\n{changed}\n");
    let run = run(&["verify", "-"], text.as_bytes());
    assert_eq!(run.status, 1);
    assert_eq!(run.lines.len(), 2);
    assert_eq!(run.lines[0]["valid"], true);
    let refused = &run.lines[1];
    assert_eq!(refused["file"], "-");
    assert_eq!(refused["line"], 16);
    assert_eq!(refused["valid"], false);
    assert_eq!(refused["checksum_ok"], false);
    let error = &refused["error"];
    assert_eq!(error["line"], 12);
    assert_eq!(error["file_line"], 27);
    assert_eq!(error["reason"], "checksum-mismatch");
    assert_eq!(
        error["words"],
        "Line 12: The CRC32 check does not match. Something in the code was changed or misread."
    );
}

#[test]
fn a_wrong_imei_check_digit_is_flagged_in_a_valid_code() {
    let body = "PHONE-THEFT-REPORT/1\nFOR: network provider\nIMEI: 352099001761482\nEVENT: theft\nWHEN: 2026-11-24\n";
    let code = format!(
        "{body}CRC32: {:08X}",
        stolen_phone_core::report::code::crc32(body.as_bytes())
    );
    let run = run(&["verify", "-"], code.as_bytes());
    assert_eq!(run.status, 0);
    let imei = &run.lines[0]["imeis"][0];
    assert_eq!(imei["check_digit_ok"], false);
    assert_eq!(imei["expected_check_digit"], 1);
    assert_eq!(
        imei["words"],
        "The last digit is wrong. It should be 1. Ask the customer to check this IMEI."
    );
}

#[test]
fn folders_are_walked_in_name_order_and_other_files_passed_over() {
    let dir = folder("walk");
    std::fs::create_dir_all(dir.join("b/inner")).unwrap();
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    let (network, insurer) = (network_code(), insurer_code());
    let (network, insurer) = (network.as_str(), insurer.as_str());
    for (name, text) in [
        ("z.txt", network),
        ("a.TXT", insurer),
        ("b/inner/c.txt", network),
        ("b/d.txt", "no code"),
        ("notes.md", network),
        (".hidden.txt", network),
        (".git/e.txt", network),
    ] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let run = run(&["verify", path(&dir)], b"");
    let files: Vec<String> = run
        .lines
        .iter()
        .map(|l| l["file"].as_str().unwrap().to_owned())
        .collect();
    let expected: Vec<String> = ["a.TXT", "b/d.txt", "b/inner/c.txt", "z.txt"]
        .iter()
        .map(|name| dir.join(name).display().to_string())
        .collect();
    assert_eq!(files, expected);
    assert_eq!(run.lines[1]["error"]["reason"], "no-code");
    assert_eq!(run.status, 1);
}

#[test]
fn every_unreadable_input_is_one_line_saying_why() {
    let dir = folder("bad");
    std::fs::write(dir.join("binary.txt"), [0x50, 0x48, 0xC3, 0x28, 0x00, 0xFF]).unwrap();
    std::fs::write(dir.join("utf16.txt"), [0xFF, 0xFE, 0x50, 0x00]).unwrap();
    std::fs::write(dir.join("scan.pdf"), b"%PDF-1.7\n\xE2\xE3\xCF\xD3").unwrap();
    std::fs::write(
        dir.join("cut.png"),
        &png_bytes(&page(&[&network_code()], 4))[..200],
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    let missing = dir.join("missing.txt");
    let cases = [
        (
            dir.join("binary.txt"),
            "not-text",
            "line 1 has bytes that are not UTF-8",
        ),
        (dir.join("utf16.txt"), "not-utf-8", "UTF-16"),
        (dir.join("scan.pdf"), "unsupported-picture", "PDF document"),
        (
            dir.join("cut.png"),
            "picture-unreadable",
            "PNG picture could not be read",
        ),
        (dir.join("empty"), "empty-folder", "no file to read"),
        (missing, "unreadable", "no such file"),
    ];
    for (file, reason, says) in cases {
        let run = run(&["verify", path(&file)], b"");
        assert_eq!(run.status, 1, "{file:?}");
        assert_eq!(run.lines.len(), 1, "{file:?}");
        let error = &run.lines[0]["error"];
        assert_eq!(error["reason"], reason, "{file:?}");
        let words = error["words"].as_str().unwrap();
        assert!(words.contains(says), "{file:?}: {words}");
    }
}

#[test]
fn the_command_line_is_checked() {
    let help = run(&["--help"], b"");
    assert_eq!(help.status, 0);
    assert!(help.stdout.contains("usage: report-code verify PATH..."));
    let cases: [&[&str]; 4] = [
        &[],
        &["check", "a.txt"],
        &["verify"],
        &["verify", "--json", "a.txt"],
    ];
    for args in cases {
        let run = run(args, b"");
        assert_eq!(run.status, 2, "{args:?}");
        assert!(run.stdout.is_empty());
        assert!(run.stderr.starts_with("report-code: "), "{}", run.stderr);
        assert_eq!(run.stderr.lines().count(), 2, "{}", run.stderr);
    }
}

// ---------------------------------------------------------------------------
// Pictures

/// QR codes drawn `module` pixels a module side by side on a white page,
/// as the printed report lays them out.
fn page(codes: &[&str], module: u32) -> GrayImage {
    let matrices: Vec<qr::QrMatrix> = codes.iter().map(|c| qr::render(c).unwrap()).collect();
    let side = |m: &qr::QrMatrix| m.size() as u32 * module;
    let width = matrices.iter().map(|m| side(m) + 40).sum::<u32>() + 40;
    let height = matrices.iter().map(side).max().unwrap_or(0) + 200;
    let mut image = GrayImage::from_pixel(width, height, Luma([255]));
    let mut left = 40;
    for matrix in &matrices {
        for y in 0..side(matrix) {
            for x in 0..side(matrix) {
                if matrix.is_dark((x / module) as usize, (y / module) as usize) {
                    image.put_pixel(left + x, 100 + y, Luma([20]));
                }
            }
        }
        left += side(matrix) + 40;
    }
    image
}

fn png_bytes(image: &GrayImage) -> Vec<u8> {
    let mut bytes = Vec::new();
    image
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
    bytes
}

#[test]
fn a_printed_page_gives_both_codes_left_to_right() {
    let dir = folder("page");
    let file = dir.join("scan.png");
    std::fs::write(
        &file,
        png_bytes(&page(&[&network_code(), &insurer_code()], 5)),
    )
    .unwrap();
    let run = run(&["verify", path(&file)], b"");
    assert_eq!(run.status, 0, "{:?}", run.lines);
    let found: Vec<(u64, &str)> = run
        .lines
        .iter()
        .map(|l| {
            (
                l["index"].as_u64().unwrap(),
                l["recipient"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(found, [(1, "network provider"), (2, "insurer")]);
    assert!(run.lines[0].get("line").is_none());
}

#[test]
fn a_large_jpeg_photo_is_shrunk_and_read() {
    // Grey paper and soft ink, 2000 pixels wide: searched at half size.
    let mut photo = GrayImage::from_pixel(2000, 1500, Luma([200]));
    let code = page(&[&insurer_code()], 9);
    image::imageops::overlay(&mut photo, &code, 500, 200);
    let photo = image::imageops::blur(&photo, 1.5);
    let mut bytes = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 80);
    photo.write_with_encoder(encoder).unwrap();
    let dir = folder("photo");
    let file = dir.join("photo.JPG");
    std::fs::write(&file, &bytes).unwrap();
    let run = run(&["verify", path(&dir)], b"");
    assert_eq!(run.status, 0, "{:?}", run.lines);
    assert_eq!(run.lines.len(), 1);
    assert_eq!(run.lines[0]["index"], 1);
    assert_eq!(run.lines[0]["fields"]["NAME"], "Zoë O'Brien");
}

#[test]
fn a_picture_without_a_code_or_too_large_says_so() {
    let dir = folder("no-code");
    let blank = dir.join("blank.png");
    std::fs::write(
        &blank,
        png_bytes(&GrayImage::from_pixel(300, 200, Luma([255]))),
    )
    .unwrap();
    // A PNG that says it is 60,000 pixels square: refused before any
    // memory is set aside for it.
    let mut huge = png_bytes(&GrayImage::from_pixel(1, 1, Luma([255])));
    huge[16..20].copy_from_slice(&60_000u32.to_be_bytes());
    huge[20..24].copy_from_slice(&60_000u32.to_be_bytes());
    let ihdr_crc = stolen_phone_core::report::code::crc32(&huge[12..29]);
    huge[29..33].copy_from_slice(&ihdr_crc.to_be_bytes());
    let large = dir.join("large.png");
    std::fs::write(&large, &huge).unwrap();
    for (file, reason, says) in [
        (blank, "no-qr-code", "No QR code was found"),
        (
            large,
            "picture-too-large",
            "more than 16384 pixels along a side",
        ),
    ] {
        let run = run(&["verify", path(&file)], b"");
        assert_eq!(run.status, 1);
        let error = &run.lines[0]["error"];
        assert_eq!(error["reason"], reason);
        assert!(error["words"].as_str().unwrap().contains(says), "{error}");
    }
}

#[test]
fn ten_thousand_codes_in_one_file_are_each_one_line() {
    let network = network_code();
    let mut text = String::new();
    for i in 0..10_000 {
        let code = if i == 7777 {
            network.replace("Apple", "Apples")
        } else {
            network.clone()
        };
        text.push_str(&code);
        text.push_str("\n\n");
    }
    let run = run(&["verify", "-"], text.as_bytes());
    assert_eq!(run.status, 1);
    assert_eq!(run.lines.len(), 10_000);
    let refused: Vec<u64> = run
        .lines
        .iter()
        .filter(|l| l["valid"] == false)
        .map(|l| l["line"].as_u64().unwrap())
        .collect();
    assert_eq!(refused, [7777 * 13 + 1]);
}

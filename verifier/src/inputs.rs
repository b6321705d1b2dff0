//! The inputs named on the command line: files, folders (walked in name
//! order) and standard input, read into memory one at a time, and what
//! each holds: text or a picture.

use std::ffi::OsString;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::output::Problem;

/// Far above any real file of codes (10,000 codes take 7 MB) or photo,
/// and small enough to hold in memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// What a folder's walk reads; other files there (notes, spreadsheets,
/// a desktop's own files) are passed over. A file named on the command
/// line is read whatever its name.
const FOLDER_EXTENSIONS: [&str; 4] = ["txt", "png", "jpg", "jpeg"];

/// One input: its name for the output and its bytes, or why there are none.
pub struct Input {
    pub name: String,
    pub bytes: Result<Vec<u8>, Problem>,
}

/// Each of `paths` in turn; a folder gives its files, recursively, in
/// name order. Lazy, so a folder of thousands of files is never held
/// whole in memory, and its first results come at once.
pub fn walk(paths: Vec<OsString>) -> impl Iterator<Item = Input> {
    let mut pending: Vec<Pending> = paths.into_iter().rev().map(Pending::Named).collect();
    let mut files_read = 0;
    std::iter::from_fn(move || {
        loop {
            let (path, named) = match pending.pop()? {
                Pending::Named(arg) if arg == "-" => {
                    return Some(Input {
                        name: "-".to_owned(),
                        bytes: read_all(io::stdin().lock()),
                    });
                }
                Pending::Named(arg) => (PathBuf::from(arg), true),
                Pending::Found(path) => (path, false),
                Pending::FolderEnd { name, files_before } if files_read == files_before => {
                    let words = format!(
                        "This folder holds no file to read: none ending {}.",
                        extension_list()
                    );
                    return Some(Input {
                        name,
                        bytes: Err(Problem::new("empty-folder", words)),
                    });
                }
                Pending::FolderEnd { .. } => continue,
            };
            let name = path.display().to_string();
            // A link to a folder is followed only when named, so a walk
            // cannot loop.
            let is_folder = if named {
                path.is_dir()
            } else {
                fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir())
            };
            if !is_folder {
                files_read += 1;
                return Some(Input {
                    bytes: read_file(&path),
                    name,
                });
            }
            match folder_entries(&path) {
                Ok(entries) => {
                    if named {
                        pending.push(Pending::FolderEnd {
                            name,
                            files_before: files_read,
                        });
                    }
                    pending.extend(entries.into_iter().rev().map(Pending::Found));
                }
                Err(error) => {
                    return Some(Input {
                        name,
                        bytes: Err(unreadable(&error)),
                    });
                }
            }
        }
    })
}

enum Pending {
    /// As given on the command line.
    Named(OsString),
    /// Found in a folder.
    Found(PathBuf),
    /// After a named folder's files: says so if there were none.
    FolderEnd { name: String, files_before: usize },
}

/// A folder's sub-folders and readable files, by name; hidden ones (such
/// as `.git`) are left out.
fn folder_entries(folder: &Path) -> io::Result<Vec<PathBuf>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(folder)? {
        let entry = entry?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let wanted = entry.file_type().is_ok_and(|t| t.is_dir())
            || path
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase())
                .is_some_and(|e| FOLDER_EXTENSIONS.contains(&e.as_str()));
        if wanted {
            entries.push(path);
        }
    }
    entries.sort();
    Ok(entries)
}

fn extension_list() -> String {
    let names: Vec<String> = FOLDER_EXTENSIONS.iter().map(|e| format!(".{e}")).collect();
    names.join(", ")
}

fn read_file(path: &Path) -> Result<Vec<u8>, Problem> {
    let file = fs::File::open(path).map_err(|e| unreadable(&e))?;
    read_all(file)
}

/// Everything `reader` holds, up to the size limit.
fn read_all(reader: impl Read) -> Result<Vec<u8>, Problem> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Problem::new(
            "too-large",
            format!(
                "This is larger than {} MB, far larger than any file of report codes or photo.",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    Ok(bytes)
}

fn unreadable(error: &io::Error) -> Problem {
    let why = match error.kind() {
        io::ErrorKind::NotFound => "there is no such file or folder".to_owned(),
        io::ErrorKind::PermissionDenied => "permission was refused".to_owned(),
        io::ErrorKind::IsADirectory => "it is a folder".to_owned(),
        io::ErrorKind::InvalidData => "it is not UTF-8 text".to_owned(),
        _ => error.to_string(),
    };
    Problem::new("unreadable", format!("This could not be read: {why}."))
}

/// What an input holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content<'a> {
    Text(&'a str),
    Picture(image::ImageFormat),
}

/// Text or a picture, told by its first bytes; anything else is refused
/// with what it seems to be and what to do.
pub fn content(bytes: &[u8]) -> Result<Content<'_>, Problem> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(Content::Picture(image::ImageFormat::Png));
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(Content::Picture(image::ImageFormat::Jpeg));
    }
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(Content::Text(text)),
        Err(error) => error,
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Problem::new(
            "not-utf-8",
            "This is UTF-16 text. Save it as UTF-8 (plain text) and check it again.",
        ));
    }
    if let Some(format) = other_picture(bytes) {
        return Err(Problem::new(
            "unsupported-picture",
            format!(
                "This is a {format}. Only PNG and JPEG pictures are read: save or export it as one of those."
            ),
        ));
    }
    let at = utf8_error.valid_up_to();
    let line = 1 + bytes.iter().take(at).filter(|&&b| b == b'\n').count();
    Err(Problem::new(
        "not-text",
        format!(
            "This is neither UTF-8 text nor a PNG or JPEG picture: line {line} has bytes that are not UTF-8 (the first at byte {at})."
        ),
    ))
}

/// Formats that scanners and phones also write.
fn other_picture(bytes: &[u8]) -> Option<&'static str> {
    let brand = bytes.get(4..12);
    if bytes.starts_with(b"%PDF-") {
        Some("PDF document")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("GIF picture")
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Some("WebP picture")
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        Some("TIFF picture")
    } else if bytes.starts_with(b"BM") {
        Some("BMP picture")
    } else if let Some(brand) = brand
        && brand.starts_with(b"ftyp")
    {
        match &brand[4..] {
            b"heic" | b"heix" | b"mif1" | b"msf1" | b"hevc" => Some("HEIC picture"),
            b"avif" | b"avis" => Some("AVIF picture"),
            _ => None,
        }
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_is_told_by_its_first_bytes() {
        assert_eq!(content(b"hello"), Ok(Content::Text("hello")));
        assert_eq!(
            content(b"\x89PNG\r\n\x1a\n..."),
            Ok(Content::Picture(image::ImageFormat::Png))
        );
        assert_eq!(
            content(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Ok(Content::Picture(image::ImageFormat::Jpeg))
        );
        let reason = |bytes: &[u8]| content(bytes).err().map(|p| p.reason);
        assert_eq!(reason(b"\xFF\xFEP\0H\0"), Some("not-utf-8"));
        assert_eq!(
            reason(b"%PDF-1.7\n\xE2\xE3\xCF\xD3"),
            Some("unsupported-picture")
        );
        assert_eq!(
            reason(b"\0\0\0\x18ftypheic\0\0\0\0\xFF"),
            Some("unsupported-picture")
        );
        let binary = content(b"line one\nline two \xC3\x28").unwrap_err();
        assert_eq!(binary.reason, "not-text");
        assert!(binary.words.contains("line 2"), "{}", binary.words);
    }
}

//! `report-code verify`: reads report codes from text files, photos and
//! scans, checks each with core's strict decoder, and prints one line of
//! JSON a code. One module a job:

/// The command line.
pub mod args;
/// One code checked and put into words.
pub mod check;
/// Files, folders and standard input, and what each holds.
pub mod inputs;
/// The JSON lines.
pub mod output;
/// Codes in photos and scans.
pub mod picture;
/// Codes in text.
pub mod text;

use std::cell::RefCell;
use std::ffi::OsString;
use std::io::{self, Write};

use stolen_phone_core::i18n::{Catalog, CompiledEnglish};

use crate::inputs::Content;
use crate::output::{Outcome, Problem, Record};
use crate::picture::PictureLimits;

/// Every code in one input's bytes, checked; or one record saying why
/// there is none. Never panics, whatever the bytes.
pub fn verify_bytes(
    file: &str,
    bytes: &[u8],
    limits: &PictureLimits,
    catalog: &Catalog,
) -> Vec<Record> {
    let mut records = Vec::new();
    let kept: Result<(), std::convert::Infallible> =
        verify_each(file, bytes, limits, catalog, |record| {
            records.push(record);
            Ok(())
        });
    let Ok(()) = kept;
    records
}

/// As `verify_bytes`, giving each record to `emit` as soon as it is made,
/// so that a file of millions of codes is never held as records; stops at
/// the first error `emit` gives.
pub fn verify_each<E>(
    file: &str,
    bytes: &[u8],
    limits: &PictureLimits,
    catalog: &Catalog,
    mut emit: impl FnMut(Record) -> Result<(), E>,
) -> Result<(), E> {
    let content = match inputs::content(bytes) {
        Ok(content) => content,
        Err(problem) => return emit(Record::unread(file, None, problem)),
    };
    match content {
        Content::Text(text) => {
            let codes = text::codes(text);
            if codes.is_empty() {
                return emit(Record::unread(file, None, no_code_in(text)));
            }
            for code in codes {
                let outcome = check::check(code.text, Some(code.line), catalog);
                emit(record(file, Some(code.line), None, outcome))?;
            }
        }
        Content::Picture(format) => match picture::codes(bytes, format, limits) {
            Ok(found) => {
                for (text, index) in found.into_iter().zip(1..) {
                    emit(match text {
                        Ok(text) => {
                            record(file, None, Some(index), check::check(&text, None, catalog))
                        }
                        Err(problem) => Record::unread(file, Some(index), problem),
                    })?;
                }
            }
            Err(problem) => emit(Record::unread(file, None, problem))?,
        },
    }
    Ok(())
}

fn record(file: &str, line: Option<usize>, index: Option<usize>, outcome: Outcome) -> Record {
    Record {
        file: file.to_owned(),
        line,
        index,
        valid: matches!(outcome, Outcome::Valid { .. }),
        outcome,
    }
}

fn no_code_in(text: &str) -> Problem {
    let hint = if text::mentions_the_format(text) {
        " PHONE-THEFT-REPORT/ appears, but a code's first line must start at the beginning of its line (not quoted or indented)."
    } else {
        ""
    };
    Problem::new(
        "no-code",
        format!(
            "There is no report code in this text: a code starts with a line PHONE-THEFT-REPORT/1.{hint}"
        ),
    )
}

thread_local! {
    /// The input being read, for the panic hook's message.
    static READING: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Runs the command with the arguments after the program's name, writing
/// the results to `out` and problems with the command line to standard
/// error; gives the exit status.
pub fn run(args: &[OsString], out: &mut impl Write) -> i32 {
    let paths = match args::parse(args) {
        Ok(args::Command::Verify(paths)) => paths,
        Ok(args::Command::Help) => return write_or_fail(out, args::HELP),
        Ok(args::Command::Version) => {
            return write_or_fail(out, &format!("report-code {}", env!("CARGO_PKG_VERSION")));
        }
        Err(error) => {
            eprintln!("report-code: {error}\n(report-code --help says more)");
            return 2;
        }
    };
    let catalog = Catalog::compiled_english(CompiledEnglish::Whole);
    let mut all_valid = true;
    for input in inputs::walk(paths) {
        READING.with(|name| name.replace(input.name.clone()));
        let mut emit = |record: Record| {
            all_valid &= record.valid;
            writeln!(out, "{}", record.to_json_line())
        };
        let written = match &input.bytes {
            Ok(bytes) => verify_each(&input.name, bytes, &picture::LIMITS, &catalog, &mut emit),
            Err(problem) => emit(Record::unread(&input.name, None, problem.clone())),
        };
        if let Err(error) = written.and_then(|()| out.flush()) {
            return output_failed(&error);
        }
    }
    if all_valid { 0 } else { 1 }
}

fn write_or_fail(out: &mut impl Write, text: &str) -> i32 {
    match writeln!(out, "{text}") {
        Ok(()) => 0,
        Err(error) => output_failed(&error),
    }
}

/// A closed pipe (`| head`) is an ordinary end; anything else is said.
fn output_failed(error: &io::Error) -> i32 {
    if error.kind() != io::ErrorKind::BrokenPipe {
        eprintln!("report-code: could not write the results: {error}");
    }
    1
}

/// Turns a panic inside the QR decoder into one plain line. Where panics
/// unwind, the picture is reported unreadable and the run goes on, so the
/// hook keeps quiet; where they abort (the workspace's release profile),
/// the hook says which file stopped the run and exits with status 1.
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !picture::in_decoder() {
            default(info);
        } else if cfg!(panic = "abort") {
            let _ = io::stdout().flush();
            let file = READING.with(|name| name.borrow().clone());
            eprintln!(
                "report-code: {file}: the QR code reader failed on this picture, so the run stopped here; inputs after it were not read"
            );
            std::process::exit(1);
        }
    }));
}

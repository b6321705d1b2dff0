//! The command line: `report-code verify PATH...`.

use std::ffi::OsString;

pub const HELP: &str =
    "report-code: checks the report codes that a victim of phone theft hands to a
network provider or an insurer (HANDOVER.md describes them).

usage: report-code verify PATH...

Each PATH is a text file, a PNG or JPEG photo or scan, a folder (its .txt,
.png, .jpg and .jpeg files, in name order, sub-folders too), or - for
standard input. A text file may hold many codes, each from its
PHONE-THEFT-REPORT/1 line to its CRC32 line; a picture may hold many QR codes.

For each code it prints one line of JSON: where it is, whether it is valid,
every field, whether each IMEI's check digit is right, or else the line that
is wrong and why.

Exit status: 0 if every code is valid, 1 if any is not or an input could not
be read, 2 for a wrong command line.";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Help,
    Version,
    /// The paths, in order; `-` is standard input.
    Verify(Vec<OsString>),
}

/// Reads the arguments after the program's name. An error is one line
/// saying what is wrong.
pub fn parse(args: &[OsString]) -> Result<Command, String> {
    let Some((first, rest)) = args.split_first() else {
        return Err("no command given: try report-code verify FILE".to_owned());
    };
    match first.to_str() {
        Some("verify") => {}
        Some("help" | "--help" | "-h") => return Ok(Command::Help),
        Some("--version" | "-V") => return Ok(Command::Version),
        _ => {
            return Err(format!(
                "unknown command {:?}: the command is verify",
                first.to_string_lossy()
            ));
        }
    }
    let mut paths = Vec::new();
    let mut options_end = false;
    for arg in rest {
        match arg.to_str() {
            _ if options_end => paths.push(arg.clone()),
            Some("--") => options_end = true,
            Some("--help" | "-h") => return Ok(Command::Help),
            Some(flag) if flag.starts_with('-') && flag != "-" => {
                return Err(format!(
                    "unknown option {flag}: verify takes only paths (put -- before a path that starts with -)"
                ));
            }
            _ => paths.push(arg.clone()),
        }
    }
    if paths.is_empty() {
        return Err("verify needs at least one file, folder, or - for standard input".to_owned());
    }
    Ok(Command::Verify(paths))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(line: &str) -> Result<Command, String> {
        let args: Vec<OsString> = line.split_whitespace().map(OsString::from).collect();
        parse(&args)
    }

    fn paths(list: &[&str]) -> Result<Command, String> {
        Ok(Command::Verify(list.iter().map(OsString::from).collect()))
    }

    #[test]
    fn commands_are_read() {
        assert_eq!(parsed("verify a.txt - dir"), paths(&["a.txt", "-", "dir"]));
        assert_eq!(parsed("verify -- -odd.txt --"), paths(&["-odd.txt", "--"]));
        assert_eq!(parsed("--help"), Ok(Command::Help));
        assert_eq!(parsed("verify a.txt -h"), Ok(Command::Help));
        assert_eq!(parsed("--version"), Ok(Command::Version));
    }

    #[test]
    fn mistakes_are_named() {
        for (line, says) in [
            ("", "no command"),
            ("check a.txt", "unknown command \"check\""),
            ("verify", "at least one file"),
            ("verify --json a.txt", "unknown option --json"),
        ] {
            let error = parsed(line).unwrap_err();
            assert!(error.contains(says), "{line:?}: {error}");
        }
    }
}

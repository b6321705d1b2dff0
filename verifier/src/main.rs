//! `report-code verify PATH...`; `report-code --help` explains it.

fn main() {
    report_code::install_panic_hook();
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let status = report_code::run(&args, &mut std::io::stdout().lock());
    std::process::exit(status);
}

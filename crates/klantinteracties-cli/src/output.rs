//! Output that cannot be written ends the program with exit code 2 and one line on standard
//! error, not a panic with a backtrace or a silent death: standard output closed (`… | head
//! -3`), a full disk (`> /dev/full`), the file-size limit (`ulimit -f`).

use std::io::Write as _;

/// Installs the handling; call first thing in `main`.
pub(crate) fn fail_quietly_on_write_errors() {
    // Past the file-size limit the OS sends SIGXFSZ, which ends the process without a word;
    // ignored, the write fails with EFBIG and is reported like any other write error.
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to SIG_IGN before any thread is started.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        // `print!` and `println!` panic with "failed printing to stdout: <error>".
        if let Some(why) = message.strip_prefix("failed printing to stdout: ") {
            let _ = writeln!(
                std::io::stderr(),
                "error: cannot write to standard output: {why}"
            );
            std::process::exit(2);
        }
        default(info);
    }));
}

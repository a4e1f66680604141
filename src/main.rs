fn main() {
    // A reader process (see `submission::isolate`): read workbooks, nothing else.
    if std::env::args_os().nth(1).as_deref()
        == Some(std::ffi::OsStr::new(
            citystar::submission::isolate::READER_ARG,
        ))
    {
        std::process::exit(citystar::submission::isolate::reader_main());
    }
    // Like other Unix tools, stop quietly when the reader of stdout goes away
    // (`citystar … | head`) instead of panicking on a broken pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    std::process::exit(citystar::cli::main());
}

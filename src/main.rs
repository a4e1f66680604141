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
    // (`citystar … | head`). Rust leaves SIGPIPE ignored, so a write to a
    // closed pipe fails with `BrokenPipe`: the writers pass that up and
    // `cli::main` ends quietly (as ripgrep does); a `println!` that meets it
    // panics, and that panic, too, is a quiet exit.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if citystar::cli::is_broken_pipe_panic(info) {
            std::process::exit(0);
        }
        default_hook(info)
    }));
    std::process::exit(citystar::cli::main());
}

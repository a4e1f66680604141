fn main() {
    std::process::exit(citystar::cli::main());
}

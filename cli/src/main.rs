//! The `tandem` binary: the command line of src/lib.rs.

fn main() -> std::process::ExitCode {
    tandem_cli::main_with(std::env::args_os())
}

//! The `stitch` command line: `stitch run FILE [ARGS...]` and `stitch dis FILE`.

use clap::{Parser, Subcommand};

/// Python programs allocate many small, short-lived buffers (tuple items, list storage,
/// generator frames); mimalloc handles that pattern much faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "stitch", version, about = "A copy-and-patch JIT for a subset of Python")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a Python program (FILE `-` reads the program from stdin).
    Run {
        /// The program to run.
        file: String,
        /// Arguments passed to the program as sys.argv[1:].
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Show the bytecode of a program, like `python3 -m dis`.
    Dis {
        /// The program to disassemble.
        file: String,
    },
}

fn main() {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Run { file, args } => stitch::cli::run_file(&file, &args),
        Command::Dis { file } => match stitch::cli::dis_file(&file) {
            Ok(listing) => {
                print!("{listing}");
                0
            }
            Err((msg, code)) => {
                eprintln!("{msg}");
                code
            }
        },
    };
    std::process::exit(status);
}

//! The `stitch` command line: `stitch [-c CODE | FILE | -] [ARGS...]` as `python3` takes them
//! (no program: the interactive prompt), `stitch run` (the same, with the JIT's options spelled
//! out), `stitch dis FILE` and `stitch stencils [--target ARCH] [--disasm] [NAME...]`.

use clap::{Parser, Subcommand};

/// Python programs allocate many small, short-lived buffers (tuple items, list storage,
/// generator frames); mimalloc handles that pattern much faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "stitch",
    version,
    about = "A copy-and-patch JIT for a subset of Python",
    args_conflicts_with_subcommands = true,
    after_help = "With no program and a terminal, stitch starts the interactive prompt (:help there \
                  lists the commands that show each stage of the JIT)."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: RunArgs,
}

/// How to run a program: `stitch [OPTIONS] [-c CODE | FILE | -] [ARGS...]` or the same after
/// `stitch run`.
#[derive(clap::Args)]
struct RunArgs {
    /// Run CODE (a string of Python statements) as the program; sys.argv[0] is '-c'.
    #[arg(short = 'c', value_name = "CODE", allow_hyphen_values = true)]
    code: Option<String>,
    /// Start the interactive prompt after the program (or with none, even when stdin is not a
    /// terminal).
    #[arg(short = 'i')]
    inspect: bool,
    /// Unbuffered stdout and stderr (also with the environment variable PYTHONUNBUFFERED).
    #[arg(short = 'u')]
    unbuffered: bool,
    #[command(flatten)]
    jit: JitArgs,
    /// The program to run (`-` reads it from stdin; none: the interactive prompt).
    file: Option<String>,
    /// Arguments passed to the program as sys.argv[1:].
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Switch {
    On,
    Off,
}

/// `--jit-opt`: the optimizer on, off, or on without some passes.
#[derive(Clone, Debug, PartialEq, Eq)]
enum JitOpt {
    On,
    Off,
    Without(Vec<&'static str>),
}

fn parse_jit_opt(s: &str) -> Result<JitOpt, String> {
    let passes = || stitch::jit::opt::PASSES.iter().map(|p| p.0);
    match s {
        "on" => return Ok(JitOpt::On),
        "off" => return Ok(JitOpt::Off),
        _ => {}
    }
    let mut without = Vec::new();
    for part in s.split(',') {
        let name = part.strip_prefix('-').ok_or_else(|| {
            format!("expected on, off, or passes to leave out as -PASS (e.g. -virtuals), not {part:?}")
        })?;
        let Some(pass) = passes().find(|p| *p == name) else {
            return Err(format!("no pass {name:?}; the passes are {}", passes().collect::<Vec<_>>().join(", ")));
        };
        without.push(pass);
    }
    Ok(JitOpt::Without(without))
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Dump {
    /// Each trace as recorded and as optimized (`rec` and `opt`).
    Trace,
    /// Each trace as the recorder made it.
    Rec,
    /// Each trace as the optimizer left it, with what each pass removed.
    Opt,
    /// The machine code of each trace, uop by uop, holes marked with what was patched in.
    Asm,
}

/// The JIT's options.
#[derive(clap::Args)]
struct JitArgs {
    /// Compile hot loops to machine code (`off`: interpret everything).
    #[arg(long, value_enum, default_value = "on", value_name = "on|off")]
    jit: Switch,
    /// How many times a loop's back-edge runs before the JIT records it. 1 is a stress mode
    /// for testing: every loop is recorded at once, and traces are compiled even when they
    /// are expected to be slower than the interpreter.
    /// (At least 1: a loop is recorded on one of its back-edges.)
    #[arg(long, default_value_t = stitch::jit::engine::DEFAULT_THRESHOLD, value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..))]
    jit_threshold: u32,
    /// Run the trace optimizer between the recorder and the backend (`off`: compile traces
    /// as recorded, to compare; `-PASS[,-PASS...]`: every pass but those, e.g.
    /// `--jit-opt=-virtuals`; passes: fold, guards, virtuals, forward, dce, fuse, unbox).
    #[arg(long, default_value = "on", value_name = "on|off|-PASS,...", value_parser = parse_jit_opt)]
    jit_opt: JitOpt,
    /// Keep the top values of the stack in registers in machine code (top-of-stack
    /// caching: each uop's stencil variant for how many are there; `off`: every uop reads
    /// and writes the stack in memory, to compare).
    #[arg(long, value_enum, default_value = "on", value_name = "on|off")]
    jit_cache: Switch,
    /// Print JIT statistics to stderr when the program ends: traces, aborts by reason,
    /// exits taken, compile time, code size.
    #[arg(long)]
    stats: bool,
    /// Print each trace to stderr as it is compiled: `rec` (its uops, guards and exits as
    /// recorded), `opt` (as optimized, with what each pass removed), `trace` (both), `asm`
    /// (its machine code from entry to exit stubs, holes marked); `--dump=trace,asm` for all.
    #[arg(long, value_delimiter = ',', value_name = "WHAT")]
    dump: Vec<Dump>,
}

#[derive(Subcommand)]
enum Command {
    /// Run a Python program (FILE `-` reads the program from stdin; `-c CODE` runs CODE).
    Run(RunArgs),
    /// Show the bytecode of a program, like `python3 -m dis`.
    Dis {
        /// The program to disassemble.
        file: String,
    },
    /// List the stencils of the copy-and-patch backend: sizes, holes and, with --disasm,
    /// their machine code with the holes marked.
    Stencils {
        /// The instruction set (x86_64 or aarch64); the host's by default.
        #[arg(long)]
        target: Option<String>,
        /// Disassemble each stencil, marking the instructions that hold holes.
        #[arg(long)]
        disasm: bool,
        /// Stencils (or uops) to list; all of them by default.
        names: Vec<String>,
    },
}

/// Writes a listing to stdout. A closed pipe (`stitch stencils | head`) is not an error worth a
/// panic, which is what `print!` would do: the reader has what it wanted.
fn emit(text: &str) -> i32 {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("stitch: cannot write the listing: {e}");
            1
        }
    }
}

fn main() {
    let cli = Cli::parse();
    let status = match cli.command {
        None => run(cli.run),
        Some(Command::Run(args)) => {
            if args.code.is_none() && args.file.is_none() && !args.inspect {
                eprintln!("stitch run: a program is required (FILE, `-` for stdin, or -c CODE)");
                std::process::exit(2);
            }
            run(args)
        }
        Some(Command::Dis { file }) => match stitch::cli::dis_file(&file) {
            Ok(listing) => emit(&listing),
            Err((msg, code)) => {
                eprintln!("{msg}");
                code
            }
        },
        Some(Command::Stencils { target, disasm, names }) => {
            match stitch::cli::stencils_listing(target.as_deref(), disasm, &names) {
                Ok(listing) => emit(&listing),
                Err((msg, code)) => {
                    eprintln!("{msg}");
                    code
                }
            }
        }
    };
    std::process::exit(status);
}

/// Runs a program (or the prompt) as `args` say.
fn run(args: RunArgs) -> i32 {
    let RunArgs { code, inspect, unbuffered, jit, file, args } = args;
    let JitArgs { jit, jit_threshold, jit_opt, jit_cache, stats, dump } = jit;
    let config = stitch::cli::JitConfig {
        enabled: jit == Switch::On,
        threshold: jit_threshold,
        options: stitch::jit::engine::Options {
            stats,
            dump_recorded: dump.contains(&Dump::Trace) || dump.contains(&Dump::Rec),
            dump_optimized: dump.contains(&Dump::Trace) || dump.contains(&Dump::Opt),
            dump_asm: dump.contains(&Dump::Asm),
            optimize: jit_opt != JitOpt::Off,
            passes_off: match jit_opt {
                JitOpt::Without(passes) => passes,
                _ => Vec::new(),
            },
            cache: jit_cache == Switch::On,
            log: None,
        },
    };
    // After -c CODE, every word is an argument of the program, as in python3.
    let (program, args) = match (code, file) {
        (Some(code), file) => (stitch::cli::Program::Command(code), file.into_iter().chain(args).collect()),
        (None, Some(file)) => (stitch::cli::Program::File(file), args),
        (None, None) => (stitch::cli::Program::Prompt, args),
    };
    let how = stitch::cli::Launch { jit: config, unbuffered, inspect };
    stitch::cli::launch(program, &args, how)
}

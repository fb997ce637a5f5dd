//! Running programs the way the `stitch` command does: compile, load, execute, and turn the
//! outcome into output, a traceback or an error message and an exit status.
//!
//! Exit statuses: 0 on success (or `sys.exit()`/`sys.exit(0)`), 1 for an uncaught exception
//! (after a CPython-style traceback on stderr), 2 for a syntax error or unsupported construct
//! (`FILE:LINE:COL: message`), and the given code for `sys.exit(n)`.

use std::path::Path;

use crate::interpreter::Vm;
use crate::runtime::object::ObjKind;
use crate::runtime::value::Value;

/// Native stack for the interpreter thread: deep Python recursion never recurses natively,
/// but Rust→Python callbacks (dunder methods, sort keys) do, a bounded number of times.
const INTERPRETER_STACK: usize = 512 << 20;

/// Reads a program from a path, or from stdin for `-`.
pub fn read_source(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| format!("stitch: cannot read stdin: {e}"))?;
        return Ok(s);
    }
    std::fs::read_to_string(path).map_err(|e| format!("stitch: can't open file '{path}': {e}"))
}

/// How `stitch run` uses the JIT.
#[derive(Clone, Debug)]
pub struct JitConfig {
    pub enabled: bool,
    /// Back-edge count that starts recording a loop.
    pub threshold: u32,
    pub options: crate::jit::engine::Options,
}

impl Default for JitConfig {
    fn default() -> Self {
        JitConfig { enabled: true, threshold: crate::jit::engine::DEFAULT_THRESHOLD, options: Default::default() }
    }
}

/// What `stitch` runs: a file (`-` for stdin), a command (`-c`), or nothing (the prompt).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Program {
    File(String),
    Command(String),
    Prompt,
}

/// How the interpreter thread is set up, beyond the JIT.
#[derive(Clone, Debug, Default)]
pub struct Launch {
    pub jit: JitConfig,
    /// `-u` (or `PYTHONUNBUFFERED`): stdout and stderr unbuffered.
    pub unbuffered: bool,
    /// `-i`: the prompt after the program (or instead of reading one from a piped stdin).
    pub inspect: bool,
}

/// `stitch run FILE ARGS...`: returns the process exit status.
pub fn run_file(path: &str, args: &[String], jit: JitConfig) -> i32 {
    launch(Program::File(path.to_string()), args, Launch { jit, ..Launch::default() })
}

/// Runs `program` with `args` as `sys.argv[1:]` on the interpreter thread; the exit status.
pub fn launch(program: Program, args: &[String], how: Launch) -> i32 {
    // No program: the prompt on a terminal, as python3 does; a piped stdin is the program.
    // SAFETY: isatty only inspects the descriptor.
    let program = match program {
        Program::Prompt if !how.inspect && unsafe { libc::isatty(0) } != 1 => Program::File("-".into()),
        p => p,
    };
    let (source, filename, argv0) = match &program {
        Program::File(path) => {
            let source = match read_source(path) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("{e}");
                    return 2;
                }
            };
            // Code objects carry the absolute path, as CPython (3.9+) shows it in tracebacks.
            let filename = if path == "-" {
                "<stdin>".to_string()
            } else {
                std::path::absolute(path).map(|p| p.to_string_lossy().into_owned()).unwrap_or(path.clone())
            };
            (Some(source), filename, path.clone())
        }
        Program::Command(code) => (Some(code.clone()), "<string>".to_string(), "-c".to_string()),
        Program::Prompt => (None, "<stdin>".to_string(), String::new()),
    };
    // sys.argv[0] is the path as given ('-' for stdin, '-c', '' at the prompt), as in CPython.
    let mut argv = vec![argv0];
    argv.extend(args.iter().cloned());
    let handle = std::thread::Builder::new().stack_size(INTERPRETER_STACK).spawn(move || {
        let mut vm = new_vm(argv, &filename, &how);
        crate::interpreter::interrupt::install(&vm);
        let dict = main_module(&mut vm);
        let mut status = 0;
        if let Some(source) = source {
            if matches!(program, Program::File(_)) {
                let file_key = vm.sym_value(crate::runtime::interner::sym::FILE);
                let file_val = vm.new_str(&filename);
                let _ = crate::runtime::dictops::set(&mut vm, dict, file_key, file_val);
            }
            // CPython flushes the streams before it reports how a file ended, not a command.
            let flush_first = matches!(program, Program::File(_));
            status = match run_in(&mut vm, dict, &source, &filename, flush_first) {
                Ok(s) => s,
                Err(()) => return 2,
            };
        }
        if how.inspect || program == Program::Prompt {
            status = crate::repl::run(&mut vm, dict);
        }
        status = flush_at_exit(&mut vm, status);
        vm.with_jit(|jit, vm| jit.finish(vm));
        crate::interpreter::interrupt::uninstall();
        status
    });
    crate::interpreter::interrupt::leave_to_interpreter_thread();
    match handle.map(|h| h.join()) {
        Ok(Ok(KILLED_BY_SIGINT)) => crate::interpreter::interrupt::die_of_sigint(),
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("stitch: internal error (the interpreter thread failed)");
            3
        }
    }
}

/// A VM with the JIT as configured, `sys.argv` and the directory imports look in first.
fn new_vm(argv: Vec<String>, filename: &str, how: &Launch) -> Box<Vm> {
    let mut vm = Vm::new();
    if how.unbuffered {
        vm.stdio.set_unbuffered();
    }
    if how.jit.enabled {
        crate::jit::engine::Jit::install(&mut vm, how.jit.threshold, how.jit.options.clone());
    }
    vm.argv = argv;
    vm.script_dir = Path::new(filename).parent().map(|p| p.to_path_buf()).unwrap_or_default();
    if vm.script_dir.as_os_str().is_empty() || filename.starts_with('<') {
        vm.script_dir = ".".into();
    }
    vm
}

/// The `__main__` module's namespace.
fn main_module(vm: &mut Vm) -> crate::runtime::value::ObjRef {
    let module = crate::runtime::modules::make_module(vm, "__main__", vec![]);
    vm.modules.insert("__main__".into(), module);
    match module.obj().map(|o| &o.kind) {
        Some(ObjKind::Module(m)) => m.dict,
        _ => unreachable!("make_module makes a module"),
    }
}

/// Compiles and runs `source` in `dict`: the exit status, or Err after a compile error
/// (reported as `FILE:LINE:COL: message`, the path as the user gave it).
fn run_in(
    vm: &mut Vm,
    dict: crate::runtime::value::ObjRef,
    source: &str,
    filename: &str,
    flush_first: bool,
) -> Result<i32, ()> {
    let code = match crate::frontend::compile(source, filename) {
        Ok(c) => c,
        Err(e) => {
            let shown = match vm.argv.first().map(|s| s.as_str()) {
                Some("-" | "-c") | None => filename,
                Some(given) => given,
            }
            .to_string();
            vm.flush_stdout();
            eprintln!("{shown}:{e}");
            return Err(());
        }
    };
    // CPython shows no source lines for `-c` and a piped program: it has no file to read.
    if !filename.starts_with('<') {
        vm.sources.insert(filename.to_string(), source.to_string());
    }
    let code = vm.load_code(&code);
    Ok(match vm.run_module(code, dict) {
        Ok(()) => 0,
        Err(e) => {
            if flush_first {
                vm.flush_stdout();
            }
            exit_status_for(vm, e.0)
        }
    })
}

/// Writes out the standard streams when the program ends. If stdout cannot take what is left
/// (its reader went away: `stitch prog.py | head`), CPython's message, and status 120 where it
/// would have been 0, as CPython's shutdown gives.
fn flush_at_exit(vm: &mut Vm, status: i32) -> i32 {
    let Err(e) = vm.stdio.flush_all() else { return status };
    let stdout = vm.stdio.objects[1];
    let shown = crate::runtime::ops::repr(vm, stdout).unwrap_or_default();
    let err = crate::runtime::binaryio::io_error(vm, &e);
    let text = crate::runtime::ops::str_of(vm, Value::Obj(err.0)).unwrap_or_default();
    let name = crate::runtime::ops::type_name(vm, Value::Obj(err.0));
    let _ = std::io::Write::write_all(
        &mut std::io::stderr(),
        format!("Exception ignored in: {shown}\n{name}: {text}\n").as_bytes(),
    );
    if status == 0 {
        120
    } else {
        status
    }
}

/// Compiles and runs `source` as the `__main__` module (the unit tests' entry); returns the
/// exit status.
pub fn run_source(source: &str, filename: &str, argv: Vec<String>, jit: &JitConfig) -> i32 {
    let how = Launch { jit: jit.clone(), ..Launch::default() };
    let mut vm = new_vm(argv, filename, &how);
    let dict = main_module(&mut vm);
    let status = run_in(&mut vm, dict, source, filename, true).unwrap_or(2);
    let status = flush_at_exit(&mut vm, status);
    vm.with_jit(|jit, vm| jit.finish(vm));
    status
}

/// The status [`exit_status_for`] gives an uncaught `KeyboardInterrupt`: the process then ends
/// by SIGINT, as CPython's does.
pub const KILLED_BY_SIGINT: i32 = i32::MIN;

/// Handles an uncaught exception: `SystemExit` gives its code, anything else a traceback (and
/// for `KeyboardInterrupt`, [`KILLED_BY_SIGINT`]).
pub fn exit_status_for(vm: &mut Vm, exc: crate::runtime::value::ObjRef) -> i32 {
    use crate::runtime::stdio::Std;
    if vm.isinstance(Value::Obj(exc), vm.types.system_exit) {
        let args = exc.as_exception().map(|d| d.borrow().args).unwrap_or(Value::None);
        let items = args.obj().and_then(|a| a.as_tuple()).map(|t| t.to_vec()).unwrap_or_default();
        return match items.first() {
            None | Some(Value::None) => 0,
            Some(Value::Int(n)) => *n as i32,
            Some(Value::Bool(b)) => *b as i32,
            Some(v) => {
                let s = crate::runtime::ops::str_of(vm, *v).unwrap_or_default();
                let _ = vm.stdio.write(Std::Err, &format!("{s}\n"));
                1
            }
        };
    }
    let text = vm.format_exception(exc);
    let _ = vm.stdio.write(Std::Err, &text);
    if vm.isinstance(Value::Obj(exc), vm.types.keyboard_interrupt) {
        return KILLED_BY_SIGINT;
    }
    1
}

/// `stitch dis FILE`: the listing, or an error message and status 2.
pub fn dis_file(path: &str) -> Result<String, (String, i32)> {
    let source = read_source(path).map_err(|e| (e, 2))?;
    let filename = if path == "-" { "<stdin>" } else { path };
    match crate::frontend::compile(&source, filename) {
        Ok(code) => Ok(crate::dis::disassemble(&code)),
        Err(e) => Err((format!("{filename}:{e}"), 2)),
    }
}

/// `stitch stencils [--target ARCH] [--disasm] [NAME...]`: the listing of the stencils built
/// into this binary for `target` (the host by default). A NAME may also be a uop, which lists the
/// stencil that implements it (several uops share one).
pub fn stencils_listing(target: Option<&str>, disasm: bool, names: &[String]) -> Result<String, (String, i32)> {
    use crate::jit::backend::stencil::{check::stencil_of, extract::Arch, listing, tables as stencils};
    use crate::jit::ir::uops;
    let arch = match target {
        None => stencils::HOST,
        Some(name) => Arch::from_name(name)
            .ok_or_else(|| (format!("stitch: unknown target '{name}' (the targets are x86_64 and aarch64)"), 2))?,
    };
    let set = stencils::for_arch(arch).ok_or_else(|| {
        (
            format!(
                "stitch: this build has no {} stencils: build.rs found no C compiler for {} \
                 (install clang-19, or gcc-{}-linux-gnu, and rebuild)",
                arch.name(),
                arch.name(),
                arch.name().replace('_', "-")
            ),
            2,
        )
    })?;
    let mut notes = String::new();
    let mut chosen = Vec::new();
    for name in names {
        if set.get(name).is_none() {
            if let Some(&uop) = uops::ALL.iter().find(|u| u.name() == name) {
                let stencil = stencil_of(uop);
                notes.push_str(&format!("uop {name} is implemented by stencil {stencil}\n"));
                if !chosen.iter().any(|c: &String| c == stencil) {
                    chosen.push(stencil.to_string());
                }
                continue;
            }
        }
        chosen.push(name.clone());
    }
    let listing = listing::render(set, &chosen, disasm)
        .map_err(|e| (format!("stitch: {e} (`stitch stencils` lists them all)"), 2))?;
    Ok(notes + &listing)
}

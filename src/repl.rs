//! The interactive prompt: what `stitch` runs with no program, or after one with `-i`.
//!
//! It reads an input the way CPython's prompt does (`>>>`, then `...` while a bracket or a
//! triple-quoted string is open, or until a blank line ends a compound statement), compiles it
//! in interactive mode (each expression statement shows its repr and binds `_`), and runs it in
//! the `__main__` namespace with the JIT on, as a program would run. An exception prints its
//! traceback and the session goes on; `sys.exit()` or end of input (Ctrl-D) ends it. Ctrl-C
//! drops the line being typed, and stops running code with `KeyboardInterrupt` (its traceback,
//! then the prompt again). On a terminal, lines are edited and remembered with `rustyline`
//! (history in `~/.stitch_history`); from a pipe they are read plainly and the prompts go to
//! stderr, as CPython does. Learners get meta-commands that show each stage of the pipeline for
//! what they typed: `:dis` (bytecode), `:trace` and `:asm` (the traces the last input compiled,
//! as optimized and as machine code), `:stats` (the JIT's statistics so far).

use std::io::Write;
use std::sync::{Arc, Mutex};

use crate::interpreter::Vm;
use crate::runtime::object::ObjKind;
use crate::runtime::value::{ObjRef, Value};

const HELP: &str = "\
Type Python statements; an expression shows its value. A blank line ends a block.
Meta-commands show each stage of stitch for what you typed:
  :dis [NAME]  bytecode of function or class NAME, or of the last input
  :trace       the traces the last input compiled, as the optimizer left them
  :asm         the machine code of those traces, holes marked with what was patched in
  :stats       the JIT's statistics so far (traces, exits, compile time, code size)
  :help        this text
Ctrl-D (or exit()) leaves; Ctrl-C drops the line being typed or stops the running code.
";

/// One line typed, or why there is none.
enum Line {
    Text(String),
    Interrupted,
    End,
}

/// The line editor, completing names with Tab.
type Editor = rustyline::Editor<Names, rustyline::history::DefaultHistory>;

/// Where lines come from: an editor on a terminal, or plain reads of stdin.
enum Reader {
    Editor(Box<Editor>, Option<std::path::PathBuf>),
    Plain,
}

/// Tab completion: the names of the namespace and the builtins, and the keywords (refreshed
/// before each line); on a blank line, Tab indents.
struct Names(Vec<String>);

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del", "elif", "else",
    "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
    "pass", "raise", "return", "try", "while", "with", "yield",
];

/// What Tab offers at `pos` of `line`: where the word being completed starts, and the
/// candidates (four spaces when only blanks precede the cursor; nothing after a `.`).
fn complete(names: &[String], line: &str, pos: usize) -> (usize, Vec<String>) {
    let before = &line[..pos];
    if before.trim().is_empty() {
        return (pos, vec!["    ".to_string()]);
    }
    let start = before.rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
    let word = &before[start..];
    if word.is_empty() || before[..start].ends_with('.') {
        return (pos, Vec::new());
    }
    let mut found: Vec<String> = names
        .iter()
        .map(String::as_str)
        .chain(KEYWORDS.iter().copied())
        .filter(|n| n.starts_with(word) && (word.starts_with('_') || !n.starts_with('_')))
        .map(str::to_string)
        .collect();
    found.sort();
    found.dedup();
    (start, found)
}

impl rustyline::completion::Completer for Names {
    type Candidate = String;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &rustyline::Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        Ok(complete(&self.0, line, pos))
    }
}

impl rustyline::hint::Hinter for Names {
    type Hint = String;
}
impl rustyline::highlight::Highlighter for Names {}
impl rustyline::validate::Validator for Names {}
impl rustyline::Helper for Names {}

/// The str keys of `dict`.
fn keys_of(dict: ObjRef) -> Vec<String> {
    let Some(d) = dict.as_dict() else { return Vec::new() };
    let keys: Vec<Value> = d.borrow().iter().map(|(k, _)| k).collect();
    keys.into_iter().filter_map(|k| crate::runtime::strings::as_str(k).map(str::to_string)).collect()
}

impl Reader {
    fn new() -> Reader {
        // SAFETY: isatty only inspects the descriptor.
        if unsafe { libc::isatty(0) } != 1 {
            return Reader::Plain;
        }
        match Editor::new() {
            Ok(mut editor) => {
                let history = std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".stitch_history"));
                if let Some(path) = &history {
                    let _ = editor.load_history(path);
                }
                Reader::Editor(Box::new(editor), history)
            }
            Err(_) => Reader::Plain,
        }
    }

    fn read(&mut self, vm: &mut Vm, dict: ObjRef, prompt: &str) -> Line {
        vm.flush_stdout();
        match self {
            Reader::Editor(editor, _) => {
                let mut names = keys_of(dict);
                names.extend(keys_of(vm.builtins));
                editor.set_helper(Some(Names(names)));
                match editor.readline(prompt) {
                    Ok(line) => {
                        if !line.trim().is_empty() {
                            let _ = editor.add_history_entry(line.as_str());
                        }
                        Line::Text(line)
                    }
                    Err(rustyline::error::ReadlineError::Interrupted) => Line::Interrupted,
                    Err(_) => Line::End,
                }
            }
            Reader::Plain => {
                let _ = std::io::stderr().write_all(prompt.as_bytes());
                match crate::runtime::stdio::read_stdin(true) {
                    Ok(buf) if buf.is_empty() => Line::End,
                    Ok(buf) => {
                        let text = String::from_utf8_lossy(&buf);
                        Line::Text(text.trim_end_matches(['\n', '\r']).to_string())
                    }
                    Err(_) => Line::Interrupted,
                }
            }
        }
    }

    fn save(&mut self) {
        if let Reader::Editor(editor, Some(path)) = self {
            let _ = editor.save_history(path);
        }
    }
}

/// Whether `line` opens a compound statement, which only a blank line ends at the prompt.
fn opens_block(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with('@') {
        return true;
    }
    let word: String = t.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    matches!(word.as_str(), "if" | "for" | "while" | "def" | "class" | "with" | "try" | "async")
        || (word == "match" && t.trim_end().ends_with(':'))
}

/// `str(sys.ps1)` or `str(sys.ps2)` (a program may change them), or `default`.
fn prompt(vm: &mut Vm, name: &str, default: &str) -> String {
    let Some(sys) = vm.stdio.sys_dict else { return default.to_string() };
    let key = vm.new_str(name);
    match crate::runtime::dictops::get(vm, sys, key) {
        Ok(Some(v)) => crate::runtime::ops::str_of(vm, v).unwrap_or_else(|_| default.to_string()),
        _ => default.to_string(),
    }
}

/// Runs the prompt in `dict` (the `__main__` namespace) until the user leaves; the exit status.
pub fn run(vm: &mut Vm, dict: ObjRef) -> i32 {
    let log = Arc::new(Mutex::new(String::new()));
    let logging = vm.with_jit(|jit, vm| jit.keep_dumps(vm, log.clone())).is_some();
    let mut session = Session { dict, log, logging, last: None, traces: String::new() };
    let mut reader = Reader::new();
    // As in CPython, `sys.ps1` and `sys.ps2` exist in an interactive session (programs test
    // `hasattr(sys, "ps1")`) and are the prompts.
    let sys_name = vm.intern("sys");
    if let Ok(sys) = crate::runtime::modules::import(vm, sys_name) {
        for (name, text) in [("ps1", ">>> "), ("ps2", "... ")] {
            let (sym, value) = (vm.intern(name), vm.new_str(text));
            let _ = crate::runtime::attr::setattr(vm, sys, sym, value);
        }
    }
    eprintln!(
        "stitch {} (a copy-and-patch JIT for a subset of Python 3.11) on {}-linux\n\
         Type :help for the commands that show each stage of the JIT.",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::ARCH
    );
    let status = loop {
        let ps1 = prompt(vm, "ps1", ">>> ");
        let first = match reader.read(vm, dict, &ps1) {
            Line::Text(t) => t,
            Line::Interrupted => {
                eprintln!("KeyboardInterrupt");
                continue;
            }
            Line::End => {
                eprintln!();
                break 0;
            }
        };
        if first.trim_start().starts_with(':') {
            session.meta(vm, first.trim());
            continue;
        }
        if first.trim().is_empty() {
            continue;
        }
        let block = opens_block(&first);
        let mut source = first;
        let mut dropped = false;
        loop {
            let done = if block {
                source.ends_with('\n') && source.lines().last().is_some_and(|l| l.trim().is_empty())
            } else {
                !crate::frontend::is_incomplete(&source)
            };
            if done {
                break;
            }
            let ps2 = prompt(vm, "ps2", "... ");
            match reader.read(vm, dict, &ps2) {
                Line::Text(t) => {
                    let blank = t.trim().is_empty();
                    source.push('\n');
                    source.push_str(&t);
                    if blank {
                        source.push('\n');
                        if !block {
                            break;
                        }
                    }
                }
                Line::Interrupted => {
                    eprintln!("KeyboardInterrupt");
                    dropped = true;
                    break;
                }
                Line::End => break,
            }
        }
        if dropped {
            continue;
        }
        if let Some(status) = session.execute(vm, &source) {
            break status;
        }
    };
    reader.save();
    status
}

/// The namespace and what the last input left for the meta-commands.
struct Session {
    dict: ObjRef,
    /// The JIT's dumps (each compiled trace as optimized and as machine code) go here.
    log: Arc<Mutex<String>>,
    logging: bool,
    /// The bytecode of the last input.
    last: Option<crate::bytecode::Code>,
    /// The dumps of the traces the last input compiled.
    traces: String,
}

impl Session {
    /// Compiles and runs one input; `Some(status)` when it ended the session (`sys.exit`).
    fn execute(&mut self, vm: &mut Vm, source: &str) -> Option<i32> {
        let source = if source.ends_with('\n') { source.to_string() } else { format!("{source}\n") };
        let code = match crate::frontend::compile_interactive(&source, "<stdin>") {
            Ok(c) => c,
            Err(e) => {
                vm.flush_stdout();
                eprintln!("<stdin>:{e}");
                return None;
            }
        };
        self.last = Some(code.clone());
        if let Ok(mut log) = self.log.lock() {
            log.clear();
        }
        let code = vm.load_code(&code);
        let result = vm.run_module(code, self.dict);
        self.traces = self.log.lock().map(|l| l.clone()).unwrap_or_default();
        match result {
            Ok(()) => None,
            Err(e) => {
                vm.flush_stdout();
                if vm.isinstance(Value::Obj(e.0), vm.types.system_exit) {
                    return Some(crate::cli::exit_status_for(vm, e.0));
                }
                crate::cli::exit_status_for(vm, e.0);
                vm.flush_stdout();
                None
            }
        }
    }

    /// A meta-command (a line starting with `:`).
    fn meta(&mut self, vm: &mut Vm, line: &str) {
        let mut words = line[1..].split_whitespace();
        let command = words.next().unwrap_or("");
        let arg = words.next();
        let text = match command {
            "help" | "h" | "" => HELP.to_string(),
            "dis" => self.dis(vm, arg),
            "trace" | "asm" => {
                if !self.logging {
                    "the JIT is off (--jit=off)\n".to_string()
                } else if self.traces.is_empty() {
                    "the last input compiled no trace: a loop becomes hot after --jit-threshold \
                     back-edges (200 by default), and the JIT leaves loops at the top level to \
                     the interpreter (their variables are globals, read with LOAD_NAME); put the \
                     loop in a function and call it\n"
                        .to_string()
                } else {
                    sections(&self.traces, command == "asm")
                }
            }
            "stats" => {
                vm.with_jit(|jit, vm| jit.statistics(vm)).unwrap_or_else(|| "the JIT is off (--jit=off)\n".into())
            }
            other => format!("unknown command :{other} (:help lists them)\n"),
        };
        vm.flush_stdout();
        let _ = std::io::stdout().write_all(text.as_bytes());
        let _ = std::io::stdout().flush();
    }

    /// `:dis [NAME]`: the bytecode of a function or class in the namespace (a class: each of
    /// its methods), or of the last input.
    fn dis(&self, vm: &mut Vm, name: Option<&str>) -> String {
        let Some(name) = name else {
            return match &self.last {
                Some(code) => crate::dis::disassemble(code),
                None => "nothing typed yet\n".into(),
            };
        };
        let key = vm.new_str(name);
        let value = match crate::runtime::dictops::get(vm, self.dict, key) {
            Ok(Some(v)) => v,
            _ => return format!("no name '{name}' in the namespace\n"),
        };
        match value.obj().map(|o| &o.kind) {
            Some(ObjKind::Function(f)) => crate::dis::disassemble(&f.code.code),
            Some(ObjKind::Class(c)) => {
                let mut out = String::new();
                let names: Vec<_> = c.order.borrow().clone();
                for name in names {
                    let Some(v) = c.dict.borrow().get(&name).copied() else { continue };
                    if let Some(ObjKind::Function(f)) = v.obj().map(|o| &o.kind) {
                        out.push_str(&crate::dis::disassemble(&f.code.code));
                        out.push('\n');
                    }
                }
                if out.is_empty() {
                    format!("class '{name}' has no methods\n")
                } else {
                    out
                }
            }
            _ => format!("'{name}' is not a function or class\n"),
        }
    }
}

/// The optimized traces (`asm` false) or their machine code (`asm` true) out of the JIT's
/// dumps, which hold both for each trace.
fn sections(dumps: &str, asm: bool) -> String {
    let mut out = String::new();
    let mut keep = false;
    for line in dumps.split_inclusive('\n') {
        if line.starts_with("---- ") {
            keep = line.starts_with("---- machine code of") == asm;
        }
        if keep {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::complete;

    fn names() -> Vec<String> {
        ["print", "primes", "_private", "total", "__name__"].iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn tab_completes_names_and_keywords_from_the_start_of_the_word() {
        assert_eq!(complete(&names(), "x = pri", 7), (4, vec!["primes".to_string(), "print".to_string()]));
        assert_eq!(complete(&names(), "for t in to", 11), (9, vec!["total".to_string()]));
        assert_eq!(complete(&names(), "whi", 3), (0, vec!["while".to_string()]));
        // Private names only when asked for.
        assert_eq!(complete(&names(), "_", 1), (0, vec!["__name__".to_string(), "_private".to_string()]));
        assert_eq!(complete(&names(), "p", 1).1, vec!["pass", "primes", "print"]);
    }

    #[test]
    fn tab_indents_a_blank_line_and_offers_nothing_after_a_dot() {
        assert_eq!(complete(&names(), "    ", 4), (4, vec!["    ".to_string()]));
        assert_eq!(complete(&names(), "", 0), (0, vec!["    ".to_string()]));
        assert_eq!(complete(&names(), "total.pr", 8), (8, vec![]));
        assert_eq!(complete(&names(), "print(", 6), (6, vec![]));
    }
}

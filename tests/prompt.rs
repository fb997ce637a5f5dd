//! The interactive prompt, driven as a user would from a pipe (`stitch -i`): the transcript of
//! prompts, results and tracebacks (prompts go to stderr, as CPython writes them when stdin is
//! not a terminal; both streams share one pipe here, so the order is the user's), and the
//! meta-commands that show each stage of the JIT.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

/// The session's transcript after the banner's two lines, and the exit status.
fn session(args: &[&str], input: &str) -> (String, Option<i32>) {
    let args: Vec<&str> = std::iter::once("-i").chain(args.iter().copied()).collect();
    let (out, status) = common::run_merged(&common::stitch().to_string_lossy(), &args, input);
    let banner: Vec<&str> = out.splitn(3, '\n').collect();
    assert!(banner[0].starts_with("stitch "), "no banner: {out}");
    assert!(banner[1].contains(":help"), "no banner: {out}");
    (banner.get(2).copied().unwrap_or("").to_string(), status)
}

/// The expected transcript is, line for line, what `python3 -i` printed after its banner for
/// the same input.
#[test]
fn a_session_echoes_values_runs_blocks_and_survives_exceptions() {
    let input = "\
print('hi')
1 + 1
_ * 10
None
x = [1,
     2]
x
for i in range(2):
    i

s = '''a
b'''
s
def f(n):
    return 10 // n

f(5)
f(0)
f(2)
class P:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'P({self.v})'

[P(1), P(2)]
undefined_name
'still here'
";
    let expected = "\
>>> hi
>>> 2
>>> 20
>>> >>> ... >>> [1, 2]
>>> ... ... 0
1
>>> ... >>> 'a\\nb'
>>> ... ... >>> 2
>>> Traceback (most recent call last):
  File \"<stdin>\", line 1, in <module>
  File \"<stdin>\", line 2, in f
ZeroDivisionError: integer division or modulo by zero
>>> 5
>>> ... ... ... ... ... >>> [P(1), P(2)]
>>> Traceback (most recent call last):
  File \"<stdin>\", line 1, in <module>
NameError: name 'undefined_name' is not defined
>>> 'still here'
>>> \n";
    assert_eq!(session(&[], input), (expected.to_string(), Some(0)));
}

#[test]
fn syntax_errors_are_reported_and_the_session_goes_on() {
    let (out, status) = session(&[], "x = = 1\nprint('ok')\n");
    assert_eq!(status, Some(0));
    assert!(out.starts_with(">>> <stdin>:1:"), "got {out}");
    assert!(out.contains("SyntaxError"), "got {out}");
    assert!(out.ends_with(">>> ok\n>>> \n"), "got {out}");
}

#[test]
fn sys_exit_ends_the_session_with_its_status() {
    assert_eq!(
        session(&[], "print(1)\nimport sys; sys.exit(4)\nprint('not reached')\n"),
        (">>> 1\n>>> ".into(), Some(4))
    );
    assert_eq!(session(&[], "exit()\n"), (">>> ".into(), Some(0)));
}

#[test]
fn dash_i_keeps_the_programs_namespace() {
    let (out, status) = session(&["-c", "greeting = 'hello'\nprint('ran')"], "greeting.upper()\n");
    assert_eq!((out.as_str(), status), ("ran\n>>> 'HELLO'\n>>> \n", Some(0)));
}

#[test]
fn meta_commands_show_bytecode_traces_machine_code_and_statistics() {
    let input = "\
def total(n):
    t = 0
    for i in range(n):
        t += i * 2
    return t

:dis total
total(3000)
:trace
:asm
:stats
1 + 1
:trace
:nonsense
:help
";
    let (out, status) = session(&[], input);
    assert_eq!(status, Some(0));
    // :dis: the function's bytecode, named as python3 -m dis names it.
    assert!(out.contains("Disassembly of <code object total, file \"<stdin>\", line 1>:"), "{out}");
    assert!(out.contains("FOR_ITER"), "{out}");
    // :trace: the loop's trace as optimized; :asm: its machine code.
    let trace = out.find("---- trace 0: total line 3, loop").expect("the :trace listing");
    assert!(out[trace..].contains("_FOR_ITER_RANGE"), "{out}");
    let asm = out.find("---- machine code of trace 0").expect("the :asm listing");
    assert!(asm > trace, "{out}");
    // :stats: counted from the start of the session.
    let stats = out.find("---- JIT statistics ----").expect("the :stats report");
    assert!(out[stats..].contains("traces compiled:     1"), "{out}");
    assert!(out[stats..].contains("in machine code:"), "{out}");
    // An input that compiled nothing has no traces to show.
    assert!(out.contains(">>> 2\n>>> the last input compiled no trace"), "{out}");
    assert!(out.contains("unknown command :nonsense"), "{out}");
    assert!(out.contains(":dis [NAME]"), "{out}");
}

#[test]
fn with_the_jit_off_the_meta_commands_say_so() {
    let (out, _) = session(&["--jit=off"], ":trace\n:stats\n");
    assert_eq!(out, ">>> the JIT is off (--jit=off)\n>>> the JIT is off (--jit=off)\n>>> \n");
}

/// A session on a pseudo-terminal, as a user at a terminal has it: stitch sees a terminal on
/// stdin, so lines go through the line editor (`rustyline`: editing keys, Tab completion and
/// indentation), the prompts appear on the terminal, and a compound statement, an expression,
/// an exception and Ctrl-D behave as on a pipe. Each
/// line is typed only once the prompt for it is there, as a person would.
#[test]
fn a_terminal_session_goes_through_the_line_editor() {
    use std::os::fd::{FromRawFd, OwnedFd};
    use std::time::{Duration, Instant};

    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty writes two descriptors into the locals; the null pointers ask for no
    // name, terminal settings or window size.
    let rc =
        unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), std::ptr::null()) };
    assert_eq!(rc, 0, "openpty failed");
    // SAFETY: both descriptors were just opened and are owned by nothing else.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let mut child = Command::new(common::stitch())
        .env("TERM", "xterm")
        .env_remove("PYTHONUNBUFFERED")
        .env("HOME", std::env::temp_dir())
        .stdin(Stdio::from(slave.try_clone().expect("dup")))
        .stdout(Stdio::from(slave.try_clone().expect("dup")))
        .stderr(Stdio::from(slave))
        .spawn()
        .expect("spawn");
    let mut terminal = std::fs::File::from(master);
    let limit = Duration::from_secs(20 * common::scale() as u64);
    // What the terminal has shown so far; `expect` waits until `needle` appears after `from`.
    let (tx, rx) = std::sync::mpsc::channel::<Vec<u8>>();
    let mut reader = terminal.try_clone().expect("dup");
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        loop {
            match std::io::Read::read(&mut reader, &mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if tx.send(buf[..n].to_vec()).is_err() {
                        break;
                    }
                }
            }
        }
    });
    let mut shown = String::new();
    let expect = |shown: &mut String, needle: &str| -> usize {
        let start = Instant::now();
        loop {
            if let Some(i) = shown.find(needle) {
                let end = i + needle.len();
                let rest = shown.split_off(end);
                *shown = rest;
                return end;
            }
            let left = limit.checked_sub(start.elapsed()).unwrap_or_default();
            match rx.recv_timeout(left.max(Duration::from_millis(1))) {
                Ok(bytes) => shown.push_str(&String::from_utf8_lossy(&bytes)),
                Err(_) => panic!("the terminal never showed {needle:?}; it shows {shown:?}"),
            }
        }
    };
    let mut typed = |text: &str| terminal.write_all(text.as_bytes()).expect("type");

    expect(&mut shown, "Type :help");
    expect(&mut shown, ">>> ");
    typed("answer_value = 21\r");
    expect(&mut shown, ">>> ");
    // Tab completes the name.
    typed("answer_v\t * 2\r");
    expect(&mut shown, "42\r\n");
    expect(&mut shown, ">>> ");
    typed("for i in range(3):\r");
    expect(&mut shown, "... ");
    // Tab on a blank line indents.
    typed("\tprint(i * 10)\r");
    expect(&mut shown, "... ");
    typed("\r");
    expect(&mut shown, "0\r\n10\r\n20\r\n");
    expect(&mut shown, ">>> ");
    typed("1/0\r");
    expect(&mut shown, "ZeroDivisionError: division by zero\r\n");
    expect(&mut shown, ">>> ");
    // Line editing: type, move left over the parenthesis, insert, then Enter.
    typed("print(12)\x1b[D3\r");
    expect(&mut shown, "123\r\n");
    expect(&mut shown, ">>> ");
    typed("\x04");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        assert!(start.elapsed() < limit, "stitch did not leave at Ctrl-D");
        std::thread::sleep(Duration::from_millis(10));
    };
    assert_eq!(status.code(), Some(0));
}

/// As in CPython, an interactive session has `sys.ps1` and `sys.ps2`, and they are its prompts
/// (the transcript is `python3 -i`'s).
#[test]
fn sys_ps1_and_ps2_exist_and_are_the_prompts() {
    let input =
        "import sys\nhasattr(sys, 'ps1'), sys.ps2\nsys.ps1 = 'py> '\nsys.ps2 = '  | '\n1 + 1\nif True:\n    7\n\n";
    let expected = ">>> >>> (True, '... ')\n>>> py> py> 2\npy>   |   | 7\npy> \n";
    assert_eq!(session(&[], input), (expected.to_string(), Some(0)));
}

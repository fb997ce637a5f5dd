//! Error behaviour of the `stitch` command: syntax errors and unsupported constructs give
//! `FILE:LINE:COL: message` with exit status 2; uncaught exceptions give a CPython-style
//! traceback with status 1; no input, however malformed, makes stitch panic or crash.

mod common;

use std::time::Duration;

use common::*;

#[test]
fn syntax_error_is_reported_with_location() {
    let run = run_source("bad_syntax.py", "x = 1\nif x\n    print(x)\n");
    assert_eq!(run.status, Some(2), "stderr: {}", run.stderr);
    let line = run.stderr.lines().next().unwrap_or("");
    assert!(line.contains("bad_syntax.py:2:"), "got {line:?}");
    assert!(line.contains("SyntaxError"), "got {line:?}");
    assert!(run.stdout.is_empty());
}

#[test]
fn unsupported_construct_is_named() {
    let run = run_source("unsupported.py", "print(1)\nasync def f():\n    pass\n");
    assert_eq!(run.status, Some(2), "stderr: {}", run.stderr);
    let line = run.stderr.lines().next().unwrap_or("");
    assert!(line.contains("unsupported.py:2:1:"), "got {line:?}");
    assert!(line.contains("unsupported"), "got {line:?}");
    assert!(line.contains("async"), "got {line:?}");
}

#[test]
fn return_outside_function_is_a_syntax_error() {
    let run = run_source("ret.py", "x = 1\nreturn x\n");
    assert_eq!(run.status, Some(2));
    assert!(run.stderr.contains("ret.py:2:1: SyntaxError: 'return' outside function"), "got {}", run.stderr);
}

#[test]
fn uncaught_exception_prints_traceback() {
    let src = "def inner(x):\n    return 10 // x\n\ndef outer():\n    return inner(0)\n\nprint('before')\nouter()\n";
    let run = run_source("tb.py", src);
    assert_eq!(run.status, Some(1));
    assert_eq!(run.stdout, "before\n");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.first().copied(), Some("Traceback (most recent call last):"));
    assert!(lines.iter().any(|l| l.ends_with("line 8, in <module>")), "{}", run.stderr);
    assert!(lines.iter().any(|l| l.ends_with("line 5, in outer")), "{}", run.stderr);
    assert!(lines.iter().any(|l| l.ends_with("line 2, in inner")), "{}", run.stderr);
    assert!(lines.contains(&"    return 10 // x"), "{}", run.stderr);
    assert_eq!(lines.last().copied(), Some("ZeroDivisionError: integer division or modulo by zero"));
}

#[test]
fn deep_recursion_raises_recursion_error() {
    let run = run_source("rec.py", "def f(n):\n    return f(n + 1) + 1\nf(0)\n");
    assert_eq!(run.status, Some(1), "stderr tail: {:?}", run.stderr.lines().last());
    assert_eq!(run.stderr.lines().last(), Some("RecursionError: maximum recursion depth exceeded"));
}

/// A traceback through deep recursion prints three copies of the repeated entry and a count,
/// as CPython does (the count is CPython's too: its default limit is 1000 frames).
#[test]
fn recursion_traceback_elides_repeated_lines() {
    let run = run_source("rec.py", "def f(n):\n    return f(n + 1)\nf(0)\n");
    assert_eq!(run.status, Some(1));
    let lines: Vec<&str> = run.stderr.lines().collect();
    let copies = lines.iter().filter(|l| l.ends_with("line 2, in f")).count();
    assert_eq!(copies, 3, "{}", run.stderr);
    assert!(lines.contains(&"  [Previous line repeated 996 more times]"), "{}", run.stderr);
    assert_eq!(lines.last().copied(), Some("RecursionError: maximum recursion depth exceeded"));
}

#[test]
fn missing_file_exits_with_status_2() {
    let run = run_stitch(std::path::Path::new("/nonexistent/prog.py"), &[], Duration::from_secs(10));
    assert_eq!(run.status, Some(2));
    assert!(run.stderr.contains("can't open file"));
}

/// A tiny deterministic PRNG (xorshift) so the fuzz test needs no crates.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Malformed and random sources never make stitch panic, crash or hang: each run ends with
/// status 0, 1 or 2 within a time limit.
#[test]
fn fuzzed_sources_never_crash() {
    let seeds: Vec<String> =
        corpus(&repo_root().join("tests/programs")).iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    let tokens = [
        "def", "class", "(", ")", ":", "\n", "    ", "x", "y", "=", "+", "-", "*", "**", "/", "//", "[", "]", "{", "}",
        ",", "1", "0", "2.5", "'s'", "if", "else", "for", "in", "while", "return", "yield", "lambda", "try", "except",
        "raise", "None", "True", ".", "import", "from", "not", "and", "or", "is", "<", ">=", "@", "*args", "global",
        "nonlocal", "del", "pass", "break", "continue", "assert", "f'{x}'", "print", "range", "len",
    ];
    let mut rng = Rng(0x9E3779B97F4A7C15);
    let dir = std::env::temp_dir().join(format!("stitch-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut failures = Vec::new();
    for case in 0..150 {
        let src: String = match case % 3 {
            0 if !seeds.is_empty() => {
                // Truncate a real program at a random byte (on a char boundary).
                let s = &seeds[rng.below(seeds.len())];
                let mut cut = rng.below(s.len().max(1));
                while !s.is_char_boundary(cut) {
                    cut -= 1;
                }
                s[..cut].to_string()
            }
            1 if !seeds.is_empty() => {
                // Mutate a real program: replace a few bytes with random tokens.
                let s = &seeds[rng.below(seeds.len())];
                let mut out = s.clone();
                for _ in 0..3 {
                    let mut at = rng.below(out.len().max(1));
                    while !out.is_char_boundary(at) {
                        at -= 1;
                    }
                    out.insert_str(at, tokens[rng.below(tokens.len())]);
                }
                out
            }
            _ => (0..rng.below(60)).map(|_| tokens[rng.below(tokens.len())]).collect::<Vec<_>>().join(" "),
        };
        let path = dir.join(format!("fuzz{case}.py"));
        std::fs::write(&path, &src).expect("write");
        // (In the temporary directory: a truncated file test must not leave files in the tree.)
        let run = run_stitch_in_place(&path, Duration::from_secs(20));
        // A crash is death by a signal, a Rust panic (101) or an abort (134); any other status
        // is the program's own (`sys.exit(3)` survives some mutations of the corpus).
        let ok_status = matches!(run.status, Some(s) if s != 101 && s != 134);
        // A mutated program may legitimately loop forever; only crashes are failures.
        if !run.timed_out && (!ok_status || run.stderr.contains("panicked")) {
            failures.push(format!("case {case}: status {:?}\n{}\n--- source ---\n{src}", run.status, run.stderr));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Every construct the README lists as unsupported is a compile-time `unsupported:` error at
/// its position (exit 2, nothing run), never a silent difference at run time.
#[test]
fn each_unsupported_construct_is_reported_where_it_is() {
    let cases: &[(&str, &str, &str)] = &[
        ("print(1)\nasync def f():\n    pass\n", "2:1", "async functions"),
        ("print(1)\nclass A:\n    pass\nclass B(A, **{}):\n    pass\n", "4:12", "'**' in class keyword arguments"),
        ("print(1)\nbases = ()\nclass B(*bases):\n    pass\n", "3:9", "starred class bases"),
        ("print(1)\nfrom . import sibling\n", "2:1", "relative imports"),
        ("print(1)\ntry:\n    pass\nexcept* ValueError:\n    pass\n", "2:1", "'except*'"),
        ("print(1)\nclass S(str):\n    pass\n", "2:9", "subclasses of the built-in type 'str'"),
        ("print(1)\nclass R:\n    def __del__(self):\n        pass\n", "3:9", "'__del__' finalizers"),
    ];
    for (i, (src, at, what)) in cases.iter().enumerate() {
        let run = run_source(&format!("unsupported_{i}.py"), src);
        assert_eq!(run.status, Some(2), "{src}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{src}: ran and printed {:?}", run.stdout);
        let line = run.stderr.lines().next().unwrap_or("");
        assert!(line.contains(&format!("unsupported_{i}.py:{at}: unsupported: {what}")), "{src}: got {line:?}");
    }
}

/// Sizes a program chooses are asked of the allocator first: a request it refuses (far beyond
/// any machine's memory here) is CPython's `MemoryError`, and the program goes on.
#[test]
fn huge_allocations_raise_memory_error() {
    let cases = [
        "'a' * 10 ** 12",
        "' ' * 2 ** 62",
        "[0] * 10 ** 11",
        "[None] * 2 ** 62",
        "(1, 2) * 10 ** 11",
        "b'ab' * 10 ** 12",
        "bytes(10 ** 12)",
        "bytearray(2 ** 62)",
        "list(range(10 ** 11))",
        "tuple(range(2 ** 62))",
    ];
    let mut src = String::new();
    for case in cases {
        src.push_str(&format!(
            "try:\n    v = {case}\n    print('no error', len(v))\nexcept MemoryError as e:\n    print('MemoryError', repr(e))\n"
        ));
    }
    src.push_str("print('still running', len([0] * 3))\n");
    let run = run_source("huge.py", &src);
    assert_eq!(run.status, Some(0), "stderr: {}", run.stderr);
    let expected = "MemoryError MemoryError()\n".repeat(cases.len()) + "still running 3\n";
    assert_eq!(run.stdout, expected);
}

//! Shared helpers for the integration tests: running the `stitch` binary on a program.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Path of the built `stitch` binary.
pub fn stitch() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_stitch"))
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The outcome of running a program.
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub status: Option<i32>,
    pub timed_out: bool,
}

/// Runs `cmd` with a time limit, capturing its output. The limit is multiplied by
/// `STITCH_TEST_TIME_SCALE` when set (a number: `scripts/test-aarch64.sh` sets it, because
/// programs run emulated there); it guards against hangs, not for speed. Under emulation a run
/// that times out is repeated once: qemu-user 7.2 occasionally hangs a process for good (seen
/// once in about a thousand runs of the corpus), while a hang of stitch itself happens again.
pub fn run_with_timeout(cmd: Command, limit: Duration) -> Run {
    let scale = std::env::var("STITCH_TEST_TIME_SCALE").ok().and_then(|s| s.parse::<u32>().ok()).unwrap_or(1);
    let limit = limit * scale.max(1);
    let mut cmd = cmd;
    let run = run_once(&mut cmd, limit);
    if run.timed_out && scale > 1 {
        eprintln!("note: {cmd:?} timed out under emulation; running it once more");
        return run_once(&mut cmd, limit);
    }
    run
}

fn run_once(cmd: &mut Command, limit: Duration) -> Run {
    run_once_with(cmd, None, limit)
}

/// Runs `cmd` like [`run_with_timeout`] with `input` as its stdin.
pub fn run_with_input(cmd: Command, input: &[u8], limit: Duration) -> Run {
    let mut cmd = cmd;
    run_once_with(&mut cmd, Some(input), limit)
}

fn run_once_with(cmd: &mut Command, input: Option<&[u8]>, limit: Duration) -> Run {
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() });
    let mut child = cmd.spawn().expect("spawn");
    if let (Some(data), Some(mut stdin)) = (input, child.stdin.take()) {
        let data = data.to_vec();
        // A program that stops reading early closes the pipe: not an error here.
        std::thread::spawn(move || {
            use std::io::Write;
            let _ = stdin.write_all(&data);
        });
    }
    let stdout = child.stdout.take().expect("stdout");
    let stderr = child.stderr.take().expect("stderr");
    let out_t = std::thread::spawn(move || read_all(stdout));
    let err_t = std::thread::spawn(move || read_all(stderr));
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s.code();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            timed_out = true;
            break child.wait().ok().and_then(|s| s.code());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Run { stdout: out_t.join().unwrap_or_default(), stderr: err_t.join().unwrap_or_default(), status, timed_out }
}

fn read_all(mut r: impl std::io::Read) -> String {
    let mut buf = Vec::new();
    let _ = r.read_to_end(&mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// Runs `stitch run FILE`.
pub fn run_stitch(file: &Path, extra: &[&str], limit: Duration) -> Run {
    run_stitch_env(file, extra, &[], limit)
}

/// Runs `stitch run FILE` with extra environment variables.
pub fn run_stitch_env(file: &Path, extra: &[&str], env: &[(&str, &str)], limit: Duration) -> Run {
    let mut cmd = Command::new(stitch());
    cmd.arg("run");
    cmd.args(extra);
    cmd.arg(file);
    for (k, v) in env {
        cmd.env(k, v);
    }
    // A program's `.in` file, if it has one, is its stdin.
    match std::fs::read(file.with_extension("in")) {
        Ok(input) => run_with_input(cmd, &input, limit * scale()),
        Err(_) => run_with_timeout(cmd, limit),
    }
}

/// Runs `stitch run FILE` in the directory that holds FILE (for programs that may leave files
/// behind, such as mutated copies of the corpus's file tests).
#[allow(dead_code)]
pub fn run_stitch_in_place(file: &Path, limit: Duration) -> Run {
    let mut cmd = Command::new(stitch());
    cmd.arg("run").arg(file);
    if let Some(dir) = file.parent() {
        cmd.current_dir(dir);
    }
    // A program's `.in` file, if it has one, is its stdin.
    match std::fs::read(file.with_extension("in")) {
        Ok(input) => run_with_input(cmd, &input, limit * scale()),
        Err(_) => run_with_timeout(cmd, limit),
    }
}

/// `STITCH_TEST_TIME_SCALE`, at least 1.
pub fn scale() -> u32 {
    std::env::var("STITCH_TEST_TIME_SCALE").ok().and_then(|s| s.parse::<u32>().ok()).unwrap_or(1).max(1)
}

/// Runs stitch on source text given through a temporary file.
pub fn run_source(name: &str, source: &str) -> Run {
    let dir = std::env::temp_dir().join(format!("stitch-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, source).expect("write program");
    run_stitch(&path, &[], Duration::from_secs(60))
}

/// The programs of a corpus directory (skipping the modules listed in its `SKIP` file).
pub fn corpus(dir: &Path) -> Vec<PathBuf> {
    let skip: Vec<String> = std::fs::read_to_string(dir.join("SKIP"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    files.retain(|p| {
        p.extension().map(|e| e == "py").unwrap_or(false)
            && !skip.iter().any(|s| p.file_name().map(|f| f.to_string_lossy() == *s).unwrap_or(false))
    });
    files.sort();
    files
}

/// What a corpus program is expected to do.
pub struct Expected {
    pub stdout: String,
    pub status: i32,
    /// The last line of stderr, for programs that fail.
    pub last_stderr: Option<String>,
}

pub fn expected(program: &Path) -> Expected {
    let stdout = std::fs::read_to_string(program.with_extension("out")).unwrap_or_default();
    match std::fs::read_to_string(program.with_extension("err")) {
        Ok(err) => {
            let mut lines = err.lines();
            let status =
                lines.next().and_then(|l| l.strip_prefix("exit: ")).and_then(|n| n.trim().parse().ok()).unwrap_or(1);
            let last = lines.next().map(|l| l.to_string());
            Expected { stdout, status, last_stderr: last }
        }
        Err(_) => Expected { stdout, status: 0, last_stderr: None },
    }
}

/// Compares a run against expectations; returns a description of the mismatch.
pub fn check(program: &Path, run: &Run, exp: &Expected) -> Option<String> {
    let name = program.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    if run.timed_out {
        return Some(format!("{name}: timed out"));
    }
    if run.stderr.contains("panicked") {
        return Some(format!("{name}: panic: {}", run.stderr.trim()));
    }
    if run.stdout != exp.stdout {
        return Some(format!("{name}: stdout differs\n{}", first_difference(&exp.stdout, &run.stdout)));
    }
    if run.status != Some(exp.status) {
        return Some(format!(
            "{name}: exit status {:?}, expected {}; stderr: {}",
            run.status,
            exp.status,
            run.stderr.trim()
        ));
    }
    if let Some(last) = &exp.last_stderr {
        let got = run.stderr.lines().last().unwrap_or("");
        if got != last {
            return Some(format!("{name}: last stderr line {got:?}, expected {last:?}"));
        }
    }
    None
}

/// The first differing line of two outputs, for readable failures.
pub fn first_difference(expected: &str, got: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    for i in 0..e.len().max(g.len()) {
        let (a, b) = (e.get(i), g.get(i));
        if a != b {
            return format!("  line {}: expected {:?}\n  line {}:      got {:?}", i + 1, a, i + 1, b);
        }
    }
    "  (difference in trailing newline)".to_string()
}

/// The `.py` programs in `dir`, sorted (the inputs of a snapshot test).
pub fn programs_in(dir: &Path) -> Vec<PathBuf> {
    let mut programs: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    programs.sort();
    programs
}

/// Compares `got` with the snapshot file `snapshot`, adding the first difference to `failures`;
/// with `STITCH_BLESS` set, rewrites the snapshot instead.
pub fn check_snapshot(snapshot: &Path, got: &str, failures: &mut Vec<String>) {
    if std::env::var_os("STITCH_BLESS").is_some() {
        std::fs::write(snapshot, got).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(snapshot).unwrap_or_default();
    if got != expected {
        failures.push(format!("{}:\n{}", snapshot.display(), first_difference(&expected, got)));
    }
}

/// Runs `program` with `args` and `input` on stdin; stdout and stderr go to one pipe, as in a
/// terminal or `2>&1`, so the caller sees the order in which output reached the system. The
/// environment's PYTHONUNBUFFERED (set on some machines) is removed: the tests check CPython's
/// default buffering. Returns the output and the exit status.
pub fn run_merged(program: &str, args: &[&str], input: &str) -> (String, Option<i32>) {
    use std::io::Write;
    let (mut reader, writer) = std::io::pipe().expect("pipe");
    let mut child = Command::new(program)
        .args(args)
        .env_remove("PYTHONUNBUFFERED")
        .stdin(Stdio::piped())
        .stdout(writer.try_clone().expect("clone pipe"))
        .stderr(writer)
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.as_bytes().to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let mut out = String::new();
    std::io::Read::read_to_string(&mut reader, &mut out).expect("read output");
    let status = child.wait().expect("wait").code();
    let _ = feeder.join();
    (out, status)
}

/// Writes `source` to a file `name` in a temporary directory of this test process (`tag` keeps
/// test files apart); its path.
pub fn temp_program(tag: &str, name: &str, source: &str) -> String {
    let dir = std::env::temp_dir().join(format!("stitch-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, source).expect("write");
    path.to_string_lossy().into_owned()
}

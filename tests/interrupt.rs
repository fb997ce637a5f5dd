//! Ctrl-C: SIGINT raises `KeyboardInterrupt` at the next safepoint, in the interpreter and in
//! machine code, in a blocking read and in `time.sleep`; uncaught, it prints CPython's traceback
//! and ends the process by SIGINT (status 130 in a shell), as CPython does; caught, the program
//! goes on; at the prompt, the session goes on.

mod common;

use std::io::Write;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A running stitch whose stdout and stderr are collected as they come.
struct Running {
    child: Child,
    out: Arc<Mutex<String>>,
    err: Arc<Mutex<String>>,
}

fn limit() -> Duration {
    Duration::from_secs(30 * common::scale() as u64)
}

fn start(args: &[&str]) -> Running {
    let mut cmd = Command::new(common::stitch());
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    // SAFETY: between fork and exec the closure only calls signal(2), which is
    // async-signal-safe. A SIGINT the test runner ignores would stay ignored in the child.
    unsafe {
        cmd.pre_exec(|| {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            Ok(())
        });
    }
    let mut child = cmd.spawn().expect("spawn");
    let collect = |stream: Box<dyn std::io::Read + Send>| {
        let text = Arc::new(Mutex::new(String::new()));
        let sink = text.clone();
        std::thread::spawn(move || {
            let mut stream = stream;
            let mut buf = [0u8; 4096];
            while let Ok(n) = stream.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().expect("lock").push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        text
    };
    let out = collect(Box::new(child.stdout.take().expect("stdout")));
    let err = collect(Box::new(child.stderr.take().expect("stderr")));
    Running { child, out, err }
}

impl Running {
    /// Waits until stdout holds `needle`.
    fn wait_for(&self, needle: &str) {
        let start = Instant::now();
        while !self.out.lock().expect("lock").contains(needle) {
            assert!(start.elapsed() < limit(), "never printed {needle:?}; stderr: {}", self.err.lock().expect("lock"));
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until stderr holds `needle`.
    fn wait_for_err(&self, needle: &str) {
        let start = Instant::now();
        while !self.err.lock().expect("lock").contains(needle) {
            assert!(start.elapsed() < limit(), "never wrote {needle:?} to stderr: {}", self.err.lock().expect("lock"));
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn interrupt(&self) {
        // Give the program time to be deep in its loop (and the JIT to have compiled it).
        std::thread::sleep(Duration::from_millis(300));
        // SAFETY: kill(2) on the child's pid, which has not been waited for.
        let rc = unsafe { libc::kill(self.child.id() as libc::pid_t, libc::SIGINT) };
        assert_eq!(rc, 0);
    }

    fn type_line(&mut self, line: &str) {
        self.child.stdin.as_mut().expect("stdin").write_all(line.as_bytes()).expect("write");
    }

    /// Closes stdin and waits for the end: (exit status, stdout, stderr).
    fn finish(mut self) -> (std::process::ExitStatus, String, String) {
        drop(self.child.stdin.take());
        let start = Instant::now();
        let status = loop {
            if let Some(s) = self.child.try_wait().expect("wait") {
                break s;
            }
            if start.elapsed() > limit() {
                let _ = self.child.kill();
                panic!("did not end after SIGINT; stderr: {}", self.err.lock().expect("lock"));
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        // (The collecting threads see the end of both pipes right after the exit.)
        std::thread::sleep(Duration::from_millis(100));
        let out = self.out.lock().expect("lock").clone();
        let err = self.err.lock().expect("lock").clone();
        (status, out, err)
    }
}

fn program(name: &str, source: &str) -> String {
    common::temp_program("interrupt", name, source)
}

const SPIN: &str = "def spin():\n    n = 0\n    while True:\n        n += 1\n\nprint('ready', flush=True)\nspin()\n";

fn assert_killed_by_sigint(status: std::process::ExitStatus, err: &str) {
    assert_eq!(status.signal(), Some(libc::SIGINT), "status {status:?}; stderr: {err}");
    assert!(err.starts_with("Traceback (most recent call last):\n"), "stderr: {err}");
    assert!(err.ends_with("\nKeyboardInterrupt\n"), "stderr: {err}");
}

#[test]
fn ctrl_c_stops_a_loop_in_machine_code() {
    let file = program("spin_jit.py", SPIN);
    let run = start(&[&file]);
    run.wait_for("ready");
    run.interrupt();
    let (status, out, err) = run.finish();
    assert_eq!(out, "ready\n");
    assert_killed_by_sigint(status, &err);
    assert!(err.contains(", in spin\n"), "stderr: {err}");
}

#[test]
fn ctrl_c_stops_a_loop_in_the_interpreter() {
    let file = program("spin_interp.py", SPIN);
    let run = start(&["--jit=off", &file]);
    run.wait_for("ready");
    run.interrupt();
    let (status, _, err) = run.finish();
    assert_killed_by_sigint(status, &err);
}

#[test]
fn ctrl_c_ends_a_sleep_and_can_be_caught() {
    let source = "import time\ntry:\n    print('sleeping', flush=True)\n    time.sleep(120)\nexcept KeyboardInterrupt:\n    print('woken')\nprint('after')\n";
    let file = program("sleep.py", source);
    let started = Instant::now();
    let run = start(&[&file]);
    run.wait_for("sleeping");
    run.interrupt();
    let (status, out, err) = run.finish();
    assert_eq!((status.code(), out.as_str(), err.as_str()), (Some(0), "sleeping\nwoken\nafter\n", ""));
    assert!(started.elapsed() < Duration::from_secs(60), "the sleep was not cut short");
}

#[test]
fn ctrl_c_interrupts_input() {
    let source = "print('asking', flush=True)\ntry:\n    input()\nexcept KeyboardInterrupt as e:\n    print('interrupted', repr(e))\n";
    let file = program("ask.py", source);
    let run = start(&[&file]);
    run.wait_for("asking");
    run.interrupt();
    // (stdin stays open until then: closing it at once could end the read before the signal.)
    run.wait_for("interrupted");
    let (status, out, err) = run.finish();
    assert_eq!((status.code(), out.as_str(), err.as_str()), (Some(0), "asking\ninterrupted KeyboardInterrupt()\n", ""));
}

#[test]
fn ctrl_c_at_the_prompt_stops_the_running_code_and_the_session_goes_on() {
    let mut run = start(&["-i"]);
    run.type_line("def spin():\n    while True:\n        pass\n\nprint('go', flush=True); spin()\n");
    run.wait_for("go");
    run.interrupt();
    run.wait_for_err("KeyboardInterrupt\n>>> ");
    run.type_line("print('alive')\n");
    let (status, out, err) = run.finish();
    assert_eq!(status.code(), Some(0), "stderr: {err}");
    assert!(out.ends_with("go\nalive\n"), "stdout: {out}");
    assert!(err.contains("\nKeyboardInterrupt\n>>> "), "stderr: {err}");
}

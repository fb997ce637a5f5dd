//! The collector keeps memory bounded: a loop that allocates an instance and a list on every
//! one of 10 million iterations must not grow the process beyond a small fixed size.

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

/// Peak resident set size (VmHWM, in KiB) of a running process, read from /proc.
fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn allocation_loop_runs_in_bounded_memory() {
    let src = "\
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

total = 0
i = 0
while i < 10_000_000:
    p = Point(i, i + 1)
    pair = [p.x, p.y]
    total += pair[1] - pair[0]
    i += 1
print(total)
";
    let dir = std::env::temp_dir().join(format!("stitch-mem-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("alloc_loop.py");
    std::fs::write(&path, src).expect("write");
    let mut child = Command::new(common::stitch())
        .arg("run")
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let pid = child.id();
    let mut peak = 0;
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(kib) = peak_rss_kib(pid) {
            peak = peak.max(kib);
        }
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        assert!(start.elapsed() < Duration::from_secs(600), "allocation loop timed out");
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = child.wait_with_output().expect("output");
    assert!(status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "10000000\n");
    eprintln!("peak RSS of the 10M-iteration allocation loop: {} MiB", peak / 1024);
    assert!(peak < 100 * 1024, "peak RSS {} MiB exceeds 100 MiB", peak / 1024);
}

//! Snapshot tests for `stitch dis`: the listing of each program in `tests/dis/` must equal the
//! checked-in `.dis` file next to it. After an intended change to the compiler or the listing
//! format, re-bless with `STITCH_BLESS=1 cargo test --test dis_snapshots` and review the diff
//! like code.

mod common;

use std::process::Command;

#[test]
fn dis_listings_match_snapshots() {
    let dir = common::repo_root().join("tests/dis");
    let programs = common::programs_in(&dir);
    assert!(!programs.is_empty());
    let mut failures = Vec::new();
    for p in programs {
        // Run from the directory so the listing shows a relative file name.
        let out = Command::new(common::stitch())
            .current_dir(&dir)
            .arg("dis")
            .arg(p.file_name().expect("file name"))
            .output()
            .expect("run stitch dis");
        assert!(out.status.success(), "stitch dis {} failed: {}", p.display(), String::from_utf8_lossy(&out.stderr));
        let listing = String::from_utf8_lossy(&out.stdout).into_owned();
        common::check_snapshot(&p.with_extension("dis"), &listing, &mut failures);
    }
    assert!(failures.is_empty(), "dis listings changed (re-bless with STITCH_BLESS=1):\n{}", failures.join("\n"));
}

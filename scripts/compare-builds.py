#!/usr/bin/env python3
"""Whole-process comparison of two builds of stitch's JIT (a change against its base).

Runs each program N rounds, alternating `--jit=off` (with the new build), the base build's JIT
and the new build's JIT, and prints the median wall times and each JIT's speed-up over the
interpreter, so that a change is judged against its base in one run on the same machine state.
Build the base in a worktree, e.g.:

    git worktree add /tmp/base HEAD~1 && (cd /tmp/base && CARGO_TARGET_DIR=/tmp/base-target cargo build --release)
    scripts/compare-builds.py --base /tmp/base-target/release/stitch [--rounds N] [program.py ...]
"""
import statistics

from benchlib import name, parse_args, timed


def main():
    args = parse_args(__doc__, lambda ap: ap.add_argument("--base", required=True))
    print("| program | interpreter (s) | base JIT (s) | base speed-up | new JIT (s) | new speed-up |")
    print("|---|---|---|---|---|---|")
    for prog in args.programs:
        runs = {"off": [], "base": [], "new": []}
        for _ in range(args.rounds):
            runs["off"].append(timed([args.stitch, "run", "--jit=off", prog]))
            runs["base"].append(timed([args.base, "run", prog]))
            runs["new"].append(timed([args.stitch, "run", prog]))
        off, base, new = (statistics.median(runs[k]) for k in ("off", "base", "new"))
        print(f"| {name(prog)} | {off:.3f} | {base:.3f} | {off / base:.2f} | {new:.3f} | {off / new:.2f} |",
              flush=True)


if __name__ == "__main__":
    main()

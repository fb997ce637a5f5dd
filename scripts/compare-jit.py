#!/usr/bin/env python3
"""Whole-process comparison of stitch's JIT against its interpreter on the benchmark programs.

Runs each program alternately with `--jit=off` and `--jit=on` (N rounds), takes the median wall
time of each, and prints a Markdown table with the speedup interpreter/JIT (> 1 means the JIT
is faster), the geometric mean, and, from one `--stats` run, how many traces and side traces
were compiled and the share of bytecodes completed in machine code. With `--callgrind`, it
counts instructions instead (`valgrind --tool=callgrind`, one run per mode: steadier than wall
time on a noisy machine, and much slower). Usage:

    scripts/compare-jit.py [--rounds N] [--callgrind] [--stitch PATH] [program.py ...]
"""
import re
import statistics
import subprocess

from benchlib import geomean, instructions, name, parse_args, timed


def stats(stitch, prog):
    """(traces, side traces, share of bytecodes in machine code) from `stitch run --stats`."""
    err = subprocess.run([stitch, "run", "--stats", prog], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True, check=True).stderr
    loops = sum(1 for line in err.splitlines() if line.startswith("trace "))
    sides = sum(1 for line in err.splitlines() if line.startswith("side trace "))
    share = re.search(r"in machine code:\s+\d+ \(([\d.]+%)\)", err)
    return loops, sides, share.group(1) if share else "-"


def main():
    args = parse_args(__doc__, lambda ap: ap.add_argument("--callgrind", action="store_true"))
    unit = "G instructions" if args.callgrind else "s"
    print(f"| program | interpreter ({unit}) | JIT ({unit}) | interpreter/JIT | traces (side) "
          "| bytecodes in machine code |")
    print("|---|---|---|---|---|---|")
    ratios = []
    for prog in args.programs:
        off_cmd = [args.stitch, "run", "--jit=off", prog]
        on_cmd = [args.stitch, "run", "--jit=on", prog]
        if args.callgrind:
            o, j = instructions(off_cmd) / 1e9, instructions(on_cmd) / 1e9
        else:
            off, on = [], []
            for _ in range(args.rounds):
                off.append(timed(off_cmd))
                on.append(timed(on_cmd))
            o, j = statistics.median(off), statistics.median(on)
        ratios.append(o / j)
        loops, sides, share = stats(args.stitch, prog)
        print(f"| {name(prog)} | {o:.3f} | {j:.3f} | {o / j:.2f} | {loops} ({sides}) | {share} |",
              flush=True)
    print(f"| **geomean** | | | **{geomean(ratios):.2f}** | | |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Whole-process time of each benchmark program at `--jit-threshold=1` against the default.

At threshold 1 every loop is recorded at its first back-edge and every exit grows a side trace
the first time it is taken: the JIT's worst case for recording and compile time, and for traces
specialized on a loop's first iteration. Runs each program N rounds, alternating the default
threshold and threshold 1, and prints the median wall times and their ratio (threshold 1 /
default; the target is below 2 for every program). Usage:

    scripts/compare-threshold.py [--rounds N] [--stitch PATH] [program.py ...]
"""
import statistics

from benchlib import name, parse_args, timed


def main():
    args = parse_args(__doc__)
    print("| program | default (s) | threshold 1 (s) | threshold 1 / default |")
    print("|---|---|---|---|")
    worst = 0.0
    for prog in args.programs:
        default, one = [], []
        for _ in range(args.rounds):
            default.append(timed([args.stitch, "run", prog]))
            one.append(timed([args.stitch, "run", "--jit-threshold=1", prog]))
        d, o = statistics.median(default), statistics.median(one)
        worst = max(worst, o / d)
        print(f"| {name(prog)} | {d:.3f} | {o:.3f} | {o / d:.2f} |", flush=True)
    print(f"| **worst** | | | **{worst:.2f}** |")


if __name__ == "__main__":
    main()

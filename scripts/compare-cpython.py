#!/usr/bin/env python3
"""Whole-process timing of stitch against CPython on the benchmark programs.

Runs each program alternately under `stitch run` and `python3` (N rounds), takes the median
wall time of each, and prints a Markdown table with the ratio CPython/stitch (> 1 means stitch
is faster) and the geometric mean. Usage:

    scripts/compare-cpython.py [--rounds N] [--stitch PATH] [program.py ...]
"""
import statistics
import sys

from benchlib import geomean, name, parse_args, timed


def main():
    args = parse_args(__doc__)
    print(f"| program | CPython {sys.version.split()[0]} (s) | stitch (s) | CPython/stitch |")
    print("|---|---|---|---|")
    ratios = []
    for prog in args.programs:
        ours, theirs = [], []
        for _ in range(args.rounds):
            ours.append(timed([args.stitch, "run", prog]))
            theirs.append(timed([sys.executable, prog]))
        o, t = statistics.median(ours), statistics.median(theirs)
        ratios.append(t / o)
        print(f"| {name(prog)} | {t:.3f} | {o:.3f} | {t / o:.2f} |", flush=True)
    print(f"| **geomean** | | | **{geomean(ratios):.2f}** |")


if __name__ == "__main__":
    main()

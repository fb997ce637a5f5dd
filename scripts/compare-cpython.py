#!/usr/bin/env python3
"""Whole-process timing of stitch against CPython on the benchmark programs.

Runs each program alternately under `stitch run` and `python3` (N rounds), takes the median
wall time of each, and prints a Markdown table with the ratio CPython/stitch (> 1 means stitch
is faster) and the geometric mean. Usage:

    scripts/compare-cpython.py [--rounds N] [--stitch PATH] [program.py ...]
"""
import argparse
import glob
import math
import os
import statistics
import subprocess
import sys
import time


def timed(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--stitch", default=os.path.join(root, "target/release/stitch"))
    ap.add_argument("programs", nargs="*")
    args = ap.parse_args()
    programs = args.programs or sorted(glob.glob(os.path.join(root, "benches/programs/*.py")))
    print(f"| program | CPython {sys.version.split()[0]} (s) | stitch (s) | CPython/stitch |")
    print("|---|---|---|---|")
    ratios = []
    for prog in programs:
        ours, theirs = [], []
        for _ in range(args.rounds):
            ours.append(timed([args.stitch, "run", prog]))
            theirs.append(timed([sys.executable, prog]))
        o, t = statistics.median(ours), statistics.median(theirs)
        ratios.append(t / o)
        name = os.path.splitext(os.path.basename(prog))[0]
        print(f"| {name} | {t:.3f} | {o:.3f} | {t / o:.2f} |", flush=True)
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f"| **geomean** | | | **{geo:.2f}** |")


if __name__ == "__main__":
    main()

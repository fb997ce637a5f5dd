#!/usr/bin/env python3
"""Whole-process timing of stitch's JIT against its interpreter on the benchmark programs.

Runs each program alternately with `--jit=off` and `--jit=on` (N rounds), takes the median wall
time of each, and prints a Markdown table with the speedup interpreter/JIT (> 1 means the JIT
is faster), the geometric mean, and, from one `--stats` run, how many traces and side traces
were compiled. Usage:

    scripts/compare-jit.py [--rounds N] [--stitch PATH] [program.py ...]
"""
import argparse
import glob
import math
import os
import statistics
import subprocess
import time


def timed(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def traces(stitch, prog):
    err = subprocess.run([stitch, "run", "--stats", prog], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True, check=True).stderr
    loops = sum(1 for line in err.splitlines() if line.startswith("trace "))
    sides = sum(1 for line in err.splitlines() if line.startswith("side trace "))
    return loops, sides


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--stitch", default=os.path.join(root, "target/release/stitch"))
    ap.add_argument("programs", nargs="*")
    args = ap.parse_args()
    programs = args.programs or sorted(glob.glob(os.path.join(root, "benches/programs/*.py")))
    print("| program | interpreter (s) | JIT (s) | interpreter/JIT | traces (side) |")
    print("|---|---|---|---|---|")
    ratios = []
    for prog in programs:
        off, on = [], []
        for _ in range(args.rounds):
            off.append(timed([args.stitch, "run", "--jit=off", prog]))
            on.append(timed([args.stitch, "run", "--jit=on", prog]))
        o, j = statistics.median(off), statistics.median(on)
        ratios.append(o / j)
        loops, sides = traces(args.stitch, prog)
        name = os.path.splitext(os.path.basename(prog))[0]
        print(f"| {name} | {o:.3f} | {j:.3f} | {o / j:.2f} | {loops} ({sides}) |", flush=True)
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f"| **geomean** | | | **{geo:.2f}** | |")


if __name__ == "__main__":
    main()

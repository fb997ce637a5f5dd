#!/usr/bin/env python3
"""What the trace optimizer buys, per benchmark program: work per loop iteration and wall time.

For each program, one `--stats` run with `--jit-opt=off` and one with `--jit-opt=on` give the
uops and guards (checks: `_GUARD_*`, `_CHECK_FUNCTION`) in the body of each loop trace, averaged
over the loop traces weighted by the iterations that reached their back-edge. Then N rounds of
alternating runs (`--jit=off`, `--jit-opt=off`, `--jit-opt=on`) give median wall times and the
ratios interpreter/JIT with the optimizer off and on (> 1: the JIT is faster), and on/off
(> 1: the optimizer made it faster). Prints a Markdown table and the geometric means. With
`--callgrind`, it counts instructions instead of timing (one run per mode under `valgrind
--tool=callgrind`: steadier than wall time on a noisy machine, and much slower). Usage:

    scripts/compare-opt.py [--rounds N] [--callgrind] [--stitch PATH] [program.py ...]
"""
import re
import statistics
import subprocess

from benchlib import geomean, instructions, name, parse_args, timed

PER_ITERATION = re.compile(r"^\s+(\d+) iterations to the back-edge, (\d+) uops and (\d+) guards? per iteration")


def per_iteration(stitch, prog, opt):
    """(uops, guards) per loop iteration, weighted by iterations, from one `--stats` run."""
    err = subprocess.run([stitch, "run", "--stats", f"--jit-opt={opt}", prog], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True, check=True).stderr
    n = uops = guards = 0
    for line in err.splitlines():
        m = PER_ITERATION.match(line)
        if m:
            k = int(m.group(1))
            n += k
            uops += k * int(m.group(2))
            guards += k * int(m.group(3))
    return (uops / n, guards / n) if n else (float("nan"), float("nan"))


def main():
    args = parse_args(__doc__, lambda ap: ap.add_argument("--callgrind", action="store_true"))
    print("| program | uops/iter off | on | guards/iter off | on | interp/JIT opt off | opt on | on/off |")
    print("|---|---|---|---|---|---|---|---|")
    off_ratios, on_ratios, gains = [], [], []
    for prog in args.programs:
        u_off, g_off = per_iteration(args.stitch, prog, "off")
        u_on, g_on = per_iteration(args.stitch, prog, "on")
        interp_cmd = [args.stitch, "run", "--jit=off", prog]
        off_cmd = [args.stitch, "run", "--jit-opt=off", prog]
        on_cmd = [args.stitch, "run", "--jit-opt=on", prog]
        if args.callgrind:
            i, o, n = instructions(interp_cmd), instructions(off_cmd), instructions(on_cmd)
        else:
            interp, off, on = [], [], []
            for _ in range(args.rounds):
                interp.append(timed(interp_cmd))
                off.append(timed(off_cmd))
                on.append(timed(on_cmd))
            i, o, n = statistics.median(interp), statistics.median(off), statistics.median(on)
        off_ratios.append(i / o)
        on_ratios.append(i / n)
        gains.append(o / n)
        print(f"| {name(prog)} | {u_off:.1f} | {u_on:.1f} | {g_off:.1f} | {g_on:.1f} "
              f"| {i / o:.2f} | {i / n:.2f} | {o / n:.2f} |")
    print(f"| **geomean** | | | | | **{geomean(off_ratios):.2f}** | **{geomean(on_ratios):.2f}** "
          f"| **{geomean(gains):.2f}** |")
    if args.callgrind:
        print("\nInstructions counted by callgrind, one run per mode.")
    else:
        print(f"\n{args.rounds} rounds, alternating; medians of wall time.")


if __name__ == "__main__":
    main()

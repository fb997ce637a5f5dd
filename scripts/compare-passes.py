#!/usr/bin/env python3
"""What each JIT feature that can be switched off buys, per benchmark program.

For each program, N rounds of alternating runs: the interpreter (`--jit=off`), the JIT with
everything on, and the JIT with one feature off at a time (the optimizer `--jit-opt=off`,
allocation removal `--jit-opt=-virtuals`, compare-and-branch fusion `--jit-opt=-fuse`,
unboxed locals and their registers `--jit-opt=-unbox`, top-of-stack caching `--jit-cache=off`). Prints a Markdown table of median wall times with
interpreter/JIT for everything on, and for each feature off/on (> 1: the feature made the JIT
faster), then the geometric means. With `--callgrind`, it counts instructions instead (one run
per mode under `valgrind --tool=callgrind`: steadier than wall time on a noisy machine, and much
slower). When `pypy3` is installed (and without --callgrind), each round also runs the program
under PyPy, and two more columns give PyPy's median time and stitch JIT time / PyPy time (> 1:
PyPy is faster). Usage:

    scripts/compare-passes.py [--rounds N] [--callgrind] [--stitch PATH] [program.py ...]
"""
import shutil
import statistics

from benchlib import geomean, instructions, name, parse_args, timed

FEATURES = [
    ("optimizer", "--jit-opt=off"),
    ("virtuals", "--jit-opt=-virtuals"),
    ("fuse", "--jit-opt=-fuse"),
    ("unbox", "--jit-opt=-unbox"),
    ("stack in registers", "--jit-cache=off"),
]


def main():
    args = parse_args(__doc__, lambda ap: ap.add_argument("--callgrind", action="store_true"))
    unit = "G instructions" if args.callgrind else "s"
    pypy = None if args.callgrind else shutil.which("pypy3")
    head = f"| program | interpreter ({unit}) | JIT ({unit}) | interpreter/JIT |"
    head += "".join(f" {feature} off/on |" for feature, _ in FEATURES)
    if pypy:
        head += " PyPy (s) | JIT/PyPy |"
    print(head)
    print("|---" * (4 + len(FEATURES) + (2 if pypy else 0)) + "|")
    ratios, gains, behind = [], [[] for _ in FEATURES], []
    for prog in args.programs:
        cmds = [[args.stitch, "run", "--jit=off", prog], [args.stitch, "run", prog]]
        cmds += [[args.stitch, "run", flag, prog] for _, flag in FEATURES]
        if pypy:
            cmds.append([pypy, prog])
        if args.callgrind:
            results = [instructions(cmd) / 1e9 for cmd in cmds]
        else:
            times = [[] for _ in cmds]
            for _ in range(args.rounds):
                for t, cmd in zip(times, cmds):
                    t.append(timed(cmd))
            results = [statistics.median(t) for t in times]
        interp, jit, offs = results[0], results[1], results[2:2 + len(FEATURES)]
        ratios.append(interp / jit)
        row = f"| {name(prog)} | {interp:.3f} | {jit:.3f} | {interp / jit:.2f} |"
        for g, off in zip(gains, offs):
            g.append(off / jit)
            row += f" {off / jit:.2f} |"
        if pypy:
            behind.append(jit / results[-1])
            row += f" {results[-1]:.3f} | {jit / results[-1]:.2f} |"
        print(row, flush=True)
    row = f"| geomean | | | {geomean(ratios):.2f} |"
    row += "".join(f" {geomean(g):.2f} |" for g in gains)
    if pypy:
        row += f" | {geomean(behind):.2f} |"
    print(row)


if __name__ == "__main__":
    main()

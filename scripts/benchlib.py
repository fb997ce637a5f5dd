"""What the comparison scripts share: the command line, timing a process, the geometric mean."""
import argparse
import glob
import math
import os
import re
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def parse_args(description, extra=None):
    """--rounds N, --stitch PATH and the programs (default: benches/programs/*.py)."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--stitch", default=os.path.join(ROOT, "target/release/stitch"))
    ap.add_argument("programs", nargs="*")
    if extra:
        extra(ap)
    args = ap.parse_args()
    args.programs = args.programs or sorted(glob.glob(os.path.join(ROOT, "benches/programs/*.py")))
    return args


def timed(cmd):
    """Wall time of running `cmd` to completion (output discarded)."""
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def name(prog):
    return os.path.splitext(os.path.basename(prog))[0]


def geomean(ratios):
    return math.exp(sum(math.log(r) for r in ratios) / len(ratios))


def instructions(cmd):
    """Instructions executed by `cmd`, counted by callgrind."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "callgrind.out")
        err = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + cmd,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             check=True).stderr
    return int(re.search(r"I\s+refs:\s+([\d,]+)", err).group(1).replace(",", ""))

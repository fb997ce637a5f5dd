#!/usr/bin/env bash
# Regenerate the expected outputs of the Python test corpus from CPython.
#
# For every tests/programs/*.py (except the module files listed in
# tests/programs/SKIP) run `python3 <file>` with cwd=tests/programs, write its
# stdout to <name>.out, and if the exit status is non-zero write <name>.err
# containing `exit: N` and the last line of stderr (omitted when stderr is
# empty, e.g. sys.exit(3)). A stale .err is removed when the program exits 0.
#
# Usage (from anywhere): scripts/bless-corpus.sh [python-interpreter]
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/tests/programs"
py="${1:-python3}"
export PYTHONDONTWRITEBYTECODE=1
export PYTHONIOENCODING=utf-8

cd "$dir" || exit 1
skip_file="$dir/SKIP"
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT

count=0
failed=0
for f in *.py; do
    if [ -f "$skip_file" ] && grep -qxF "$f" "$skip_file"; then
        continue
    fi
    name="${f%.py}"
    "$py" "$f" >"$name.out" 2>"$tmp"
    rc=$?
    if [ "$rc" -ne 0 ]; then
        {
            printf 'exit: %d\n' "$rc"
            last="$(tail -n 1 "$tmp")"
            if [ -n "$last" ]; then
                printf '%s\n' "$last"
            fi
        } >"$name.err"
        failed=$((failed + 1))
    else
        rm -f "$name.err"
    fi
    count=$((count + 1))
done
rm -rf "$dir/__pycache__"
echo "blessed $count programs ($failed with non-zero exit)"

#!/usr/bin/env bash
# Runs every corpus program through a stitch binary and reports which differ from the
# expected CPython output. Usage: scripts/check-corpus.sh [path/to/stitch] [dir...]
bin=${1:-target/release/stitch}
shift || true
dirs=${*:-tests/programs benches/programs}
pass=0; fail=0; failed=()
for dir in $dirs; do
  for f in "$dir"/*.py; do
    name=$(basename "$f")
    grep -qx "$name" "$dir/SKIP" 2>/dev/null && continue
    out=$(timeout 60 "$bin" run "$f" 2>/tmp/check-corpus.err); status=$?
    expected_status=0
    [ -f "${f%.py}.err" ] && expected_status=$(head -1 "${f%.py}.err" | sed 's/exit: //')
    if [ "$out" == "$(cat "${f%.py}.out")" ] && [ "$status" == "$expected_status" ]; then
      pass=$((pass+1))
    else
      fail=$((fail+1)); failed+=("$name($status)")
    fi
  done
done
echo "pass $pass fail $fail"
printf '%s\n' "${failed[@]}"

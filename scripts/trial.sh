#!/usr/bin/env bash
# Developer helper: build the work tree with the compiler from /tmp/fe (in progress) in /tmp/trial.
set -e
rm -rf /tmp/trial && mkdir /tmp/trial && cd /work/main
cp -r Cargo.toml Cargo.lock build.rs src tests benches /tmp/trial/
if [ -d /tmp/fe/src/frontend ] && ! [ -f src/frontend/compiler.rs ]; then
  rm -rf /tmp/trial/src/frontend && cp -r /tmp/fe/src/frontend /tmp/trial/src/ && cp /tmp/fe/src/dis.rs /tmp/trial/src/dis.rs
fi
cd /tmp/trial && CARGO_TARGET_DIR=/work/main/target-trial cargo build --release 2>&1 | grep -E "^error" -A5 | head -30

#!/usr/bin/env bash
# Builds stitch for aarch64-unknown-linux-gnu and runs the whole test suite under qemu-user:
# the unit tests (the AArch64 patcher, the backend running AArch64 stencils), the program corpus
# in every mode (--jit=off, --jit=on, --jit=on --jit-threshold=1), the JIT tests, the W^X test and
# the differential fuzzer. Run as root on Debian 12 (x86-64); installs what is missing.
#
# rustup's toolchain has only the x86-64 standard library, so the cross build uses Debian's
# rustc/cargo (rustc-web, 1.96) with Debian's arm64 standard library (multiarch). The binaries
# link with aarch64-linux-gnu-gcc against Debian's arm64 C library (libc6:arm64, the one
# qemu-aarch64 loads them with: `-L /usr/aarch64-linux-gnu` hangs on the first thread spawn with
# qemu 7.2). binfmt-support registers qemu-aarch64 with the kernel, so the tests can spawn the
# aarch64 `stitch` binary like any other program. build.rs compiles the stencils for AArch64
# (clang-19 if present, else aarch64-linux-gnu-gcc).
#
# Extra arguments go to `cargo test`, e.g. `scripts/test-aarch64.sh --test jit`.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(rustc-web cargo-web libstd-rust-web-dev:arm64 libc6:arm64 gcc-aarch64-linux-gnu
  libc6-dev-arm64-cross qemu-user qemu-user-binfmt binfmt-support)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" != 0 ]; then
    echo "test-aarch64.sh: missing packages (${missing[*]}); run as root to install them" >&2
    exit 1
  fi
  dpkg --add-architecture arm64
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi
# Make sure the kernel runs aarch64 binaries through qemu (binfmt-support does this when it is
# installed; on a machine where it was installed before, enable it again).
if [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] && [ "$(id -u)" = 0 ]; then
  mountpoint -q /proc/sys/fs/binfmt_misc || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  update-binfmts --enable qemu-aarch64
fi

# Debian's toolchain, in its own target directory (its build artifacts differ from rustup's).
export RUSTC=/usr/bin/rustc
export RUSTDOC=/usr/bin/rustdoc
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target/cross}"
# Emulation is slower: give each program of the corpus more time (see tests/common).
export STITCH_TEST_TIME_SCALE="${STITCH_TEST_TIME_SCALE:-5}"
/usr/bin/cargo --version
/usr/bin/cargo test --target aarch64-unknown-linux-gnu "$@"

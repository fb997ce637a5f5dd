#!/usr/bin/env bash
# Rewrites the golden stencil tables under tests/stencils/ (one per architecture and compiler)
# from the current stencils/ sources. Review the diff like code before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
STITCH_BLESS=1 STITCH_REQUIRE_CROSS=1 cargo test --test stencils -- --exact golden_tables
git status --short tests/stencils/

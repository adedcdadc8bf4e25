#!/usr/bin/env bash
# The project's full check (what CI runs via .ci/run):
#   1. setup (tools + headless Chromium, installed only if missing)
#   2. cargo fmt --check, cargo test      (formatting; native model tests)
#   3. trunk build --release --offline    (wasm app into dist/, wasm-opt -Oz), and its size
#   4. browser tests (node --test tests/browser/*.test.mjs against dist/)
# Exits non-zero as soon as any step fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n==> %s\n' "$*" >&2; }

step "setup"
# shellcheck source=scripts/setup.sh
source scripts/setup.sh --browser

step "cargo fmt --check"
# The toolchain's rustfmt, with rustfmt.toml; a toolchain without it is said, not failed.
if cargo fmt --version >/dev/null 2>&1; then cargo fmt --check; else echo "rustfmt is not installed: formatting not checked" >&2; fi

step "cargo test"
cargo test

step "trunk build --release --offline"
trunk build --release --offline
ls -l dist/

step "download size"
node scripts/check-size.mjs

step "browser tests"
shopt -s nullglob
browser_tests=(tests/browser/*.test.mjs)
if ((${#browser_tests[@]} == 0)); then
  echo "no browser tests found in tests/browser/" >&2
  exit 1
fi
node --test --test-concurrency=1 "${browser_tests[@]}"

step "all checks passed"

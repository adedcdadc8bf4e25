#!/usr/bin/env bash
# A copy of dist/ whose app WebAssembly keeps its function names, for a CPU profile that names
# Rust functions (bench/profile.mjs) rather than wasm-function[N]: the release build has no name
# section (Cargo strips debug info by default, and wasm-opt drops names), and neither Trunk's
# data-keep-debug nor CARGO_PROFILE_RELEASE_STRIP=none alone kept them. Built with the release
# profile's optimisation (opt-level z, LTO) but no wasm-opt pass, so timings differ a little from
# the shipped page; where the time goes is what this is for. Not part of the tests or of
# BENCHMARKS.md.
#
#   bash bench/named.sh [OUT]     # default target/named-dist; needs a built dist/
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=${1:-target/named-dist}
source scripts/setup.sh --build >/dev/null
CARGO_TARGET_DIR=target/named CARGO_PROFILE_RELEASE_DEBUG=1 CARGO_PROFILE_RELEASE_STRIP=none \
  cargo build -q --release --target wasm32-unknown-unknown --bin qualys-what-if --features csr
wasm-bindgen --target web --keep-debug --out-dir target/named/bindgen \
  target/named/wasm32-unknown-unknown/release/qualys-what-if.wasm
rm -rf "$out" && cp -r dist "$out"
# The page loads the app by its hashed names (index.html): the named files take them.
cp target/named/bindgen/qualys-what-if.js "$(ls "$out"/qualys-what-if-*.js)"
cp target/named/bindgen/qualys-what-if_bg.wasm "$(ls "$out"/qualys-what-if-*_bg.wasm)"
echo "$out"

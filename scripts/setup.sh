#!/usr/bin/env bash
# Install (only if missing) everything needed to build, serve and test the app.
#
#   bash scripts/setup.sh            # build tools only (same as --build)
#   bash scripts/setup.sh --browser  # build tools + headless Chromium for the browser tests
#   source scripts/setup.sh --build|--browser   # same, and keep the PATH it exports
# (When sourcing from a script, always pass --build or --browser: a bare
# `source` hands the calling script's own arguments to this file.)
#
# Idempotent: when everything is present it only checks versions (a second or two).
# Installs when missing:
#   - rustup target wasm32-unknown-unknown
#   - trunk 0.21.x                         (cargo install --locked)
#   - wasm-bindgen-cli == version in Cargo.lock (trunk requires an exact match)
#   - node_modules (binaryen -> wasm-opt, esbuild -> the JS glue minified, playwright-core) via npm ci
#   - all crates in Cargo.lock, for every target (cargo fetch), so
#     `trunk build --offline` works on a fresh machine
#   - with --browser: Debian's chromium (apt-get) if /usr/bin/chromium is missing
# Exports PATH with ~/.cargo/bin and node_modules/.bin in front.

# Sourced or executed? Only change shell options / exit when executed.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  _setup_sourced=0
else
  _setup_sourced=1
fi

_setup_main() {
  local want_browser=0 arg
  for arg in "$@"; do
    case "$arg" in
      --browser) want_browser=1 ;;
      --build) ;;
      *) echo "setup.sh: unknown argument: $arg" >&2; return 2 ;;
    esac
  done
  [[ "${SETUP_BROWSER:-0}" == 1 ]] && want_browser=1

  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  local cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"

  case ":$PATH:" in *":$root/node_modules/.bin:"*) ;; *) PATH="$root/node_modules/.bin:$PATH" ;; esac
  case ":$PATH:" in *":$cargo_bin:"*) ;; *) PATH="$cargo_bin:$PATH" ;; esac
  export PATH

  local t0=$SECONDS
  say() { echo "setup: $*" >&2; }

  # --- Rust toolchain + wasm target -------------------------------------------
  if ! command -v cargo >/dev/null 2>&1; then
    say "cargo not found; install rustup (https://rustup.rs) first"; return 1
  fi
  if command -v rustup >/dev/null 2>&1; then
    local targets
    targets="$(rustup target list --installed 2>/dev/null || true)"
    if ! grep -qx 'wasm32-unknown-unknown' <<<"$targets"; then
      say "adding rust target wasm32-unknown-unknown"
      rustup target add wasm32-unknown-unknown || return 1
    fi
  else
    say "warning: rustup not found; assuming the wasm32-unknown-unknown target is installed"
  fi

  # --- trunk 0.21 -----------------------------------------------------------------
  local trunk_ver=""
  if command -v trunk >/dev/null 2>&1; then
    trunk_ver="$(trunk --version 2>/dev/null | awk '{print $2}')"
  fi
  if [[ "$trunk_ver" != 0.21.* ]]; then
    say "installing trunk ~0.21 (found: ${trunk_ver:-none}); this takes several minutes"
    cargo install trunk --version '~0.21' --locked --force || return 1
    trunk_ver="$(trunk --version 2>/dev/null | awk '{print $2}')"
  fi

  # --- wasm-bindgen-cli == Cargo.lock's wasm-bindgen ------------------------------
  local wbg_want wbg_have=""
  wbg_want="$(awk '
      /^\[\[package\]\]/ { in_wbg = 0 }
      /^name = "wasm-bindgen"$/ { in_wbg = 1; next }
      in_wbg && /^version = / { gsub(/"/, "", $3); print $3; exit }
    ' "$root/Cargo.lock")"
  if [[ -z "$wbg_want" ]]; then
    say "could not find wasm-bindgen in Cargo.lock"; return 1
  fi
  if command -v wasm-bindgen >/dev/null 2>&1; then
    wbg_have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')"
  fi
  if [[ "$wbg_have" != "$wbg_want" ]]; then
    say "installing wasm-bindgen-cli $wbg_want (found: ${wbg_have:-none}); this takes a few minutes"
    # Not --locked: installing 0.2.130 with its published Cargo.lock fails.
    cargo install wasm-bindgen-cli --version "=$wbg_want" --force || return 1
  fi

  # --- crates for every target (trunk --offline passes --offline to cargo) --------
  # Cheap when everything is already in ~/.cargo/registry.
  (cd "$root" && cargo fetch -q) || { say "cargo fetch failed"; return 1; }

  # --- npm: binaryen (wasm-opt) + esbuild + playwright-core ---------------------------------
  local stamp="$root/node_modules/.setup-stamp" want_stamp
  want_stamp="$(cd "$root" && cat package.json package-lock.json 2>/dev/null | sha256sum | awk '{print $1}')"
  if [[ ! -x "$root/node_modules/.bin/wasm-opt" || ! -d "$root/node_modules/playwright-core" \
        || ! -x "$root/node_modules/.bin/esbuild" \
        || "$(cat "$stamp" 2>/dev/null)" != "$want_stamp" ]]; then
    if ! command -v npm >/dev/null 2>&1; then
      say "npm not found; install Node.js >= 20"; return 1
    fi
    say "installing node packages"
    if [[ -f "$root/package-lock.json" ]]; then
      (cd "$root" && npm ci --no-audit --no-fund --loglevel=error) || return 1
    else
      (cd "$root" && npm install --no-audit --no-fund --loglevel=error) || return 1
    fi
    echo "$want_stamp" >"$stamp"
  fi

  # --- Chromium for the browser tests ----------------------------------------------
  if [[ "$want_browser" == 1 && ! -x /usr/bin/chromium ]]; then
    say "installing Debian chromium"
    local sudo=""
    [[ "$(id -u)" != 0 ]] && sudo="sudo"
    $sudo apt-get update -q || return 1
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends chromium || return 1
  fi

  local binaryen_ver
  binaryen_ver="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$root/node_modules/binaryen/package.json" | head -n1)"
  say "ready in $((SECONDS - t0))s (trunk $trunk_ver, wasm-bindgen $wbg_want, binaryen/wasm-opt $binaryen_ver)"
}

if [[ "$_setup_sourced" == 1 ]]; then
  _setup_main "$@"
else
  _setup_main "$@"
  exit $?
fi

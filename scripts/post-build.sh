#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): runs on the staged build, after the assets are hashed
# and before dist/ is replaced. Trunk sets TRUNK_STAGING_DIR. Steps that rewrite the staged
# files go here, in order (hooks of one stage would run at the same time).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
: "${TRUNK_STAGING_DIR:?run by trunk build (the post_build hook in Trunk.toml)}"

# The JavaScript glue, minified; index.html's inline script, minified from its source (the same
# on every build).
node scripts/minify-js.mjs

# The early figures' files (src/early.rs) named by their content, and index.html's loader after them.
node scripts/early-names.mjs

# The stylesheet, into index.html: it blocks the first paint, and linked it is a round trip more.
node scripts/inline-css.mjs

# The page at the release's figures, into index.html. Natively, in the dev profile: it renders
# one page, in milliseconds, and builds far sooner than an optimised binary (BENCHMARKS.md).
# Not --offline: with every crate already fetched (scripts/setup.sh), cargo needs no network.
cargo run --quiet --locked --features ssr --bin prerender -- "$TRUNK_STAGING_DIR/index.html"

//! Browser entry point. The page is only built with feature `csr`, which Trunk passes for the
//! wasm (index.html); without it this binary is empty, so `cargo test` of the model stays fast.

#[cfg(feature = "csr")]
fn main() {
    qualys_what_if::app::run();
}

#[cfg(not(feature = "csr"))]
fn main() {}

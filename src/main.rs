//! Browser entry point. The page is only built for `wasm32`; natively this binary is empty so
//! `cargo test` of the model stays fast.

#[cfg(target_arch = "wasm32")]
fn main() {
    qualys_what_if::app::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}

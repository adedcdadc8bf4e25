//! The early figures' WebAssembly (src/early.rs): the model and what a field and a link read,
//! without Yew, recomputing the prerendered page as a visitor types before the live page is up.
//! Trunk builds it with feature `early` (index.html).

fn main() {
    qualys_what_if::early::run();
}

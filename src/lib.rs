pub mod model;
/// The page: in the browser, and natively for the prerender (feature `ssr`).
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod app;

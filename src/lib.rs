/// The page: in the browser (feature `csr`), and natively for the prerender (feature `ssr`).
#[cfg(feature = "page")]
pub mod app;
pub mod model;

/// The page: in the browser (feature `csr`), and natively for the prerender (feature `ssr`).
#[cfg(feature = "page")]
pub mod app;
/// The figures before the page is live (feature `early`): a WebAssembly of its own, without Yew.
#[cfg(feature = "early")]
pub mod early;
pub mod model;

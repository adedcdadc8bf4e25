//! What reads and writes the scenario outside the page's memory: the share link (`link`), the
//! documents the browser keeps and the scenario file (`saved`), changes to the list of named
//! scenarios as several tabs share it (`named`), and the tables as CSV (`export`). Each says
//! what it refuses, and why; none of it touches the browser itself (that is `src/app/`).

pub mod export;
pub mod link;
pub mod named;
pub mod saved;

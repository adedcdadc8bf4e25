//! The release as a model: every figure, reported or computed, and how edits move them.
//! Plain Rust with no browser imports, so all of it is tested natively. The folders are its
//! roles:
//!
//! - `release`: what the release prints, as data: its figures and their definitions, its
//!   tables' layout, its guidance and its highlights.
//! - `engine`: what makes figures of that data: cells, periods and units, formulas and their
//!   evaluation, scenarios and what an edit means, derivations, and numbers read and shown.
//! - `analysis`: questions asked of the model: goal seek, sensitivity, the bridges, the
//!   tie-out, where the estimates fall against the guidance.
//! - `io`: what reads and writes the share link, the browser's saved scenarios and the files
//!   (the scenario file, the CSV exports).
//!
//! The engine's core types are re-exported here: `crate::model::{Cell, Model, Scenario, ...}`.

pub mod analysis;
pub mod engine;
pub mod io;
pub mod release;

pub use engine::cell::{Cell, Undefined, Value};
pub use engine::derivation::Step;
pub use engine::evaluator::{Def, Figures, Line, Model};
pub use engine::expr::{Expr, Sign};
pub use engine::period::Period;
pub use engine::scenario::{EditError, SbcReading, Scenario};
pub use engine::unit::{EntryError, Unit};

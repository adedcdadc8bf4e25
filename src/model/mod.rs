//! The release as a model: every figure, reported or computed, and how edits move them.
//! Plain Rust with no browser imports, so all of it is tested natively.

pub mod analysis;
pub mod bridge;
mod derivation;
mod engine;
pub mod export;
mod expr;
pub mod format;
pub mod guidance;
pub mod link;
pub mod named;
mod narrative;
pub mod parse;
mod period;
mod release;
pub mod saved;
mod scenario;
pub mod tables;
pub mod ties;
mod unit;

pub use derivation::Step;
pub use engine::{Def, Figures, Line, Model};
pub use expr::{Expr, Sign};
pub use guidance::{Guidance, GuidanceRange, GUIDANCE};
pub use narrative::{Highlight, Style, HIGHLIGHTS};
pub use period::Period;
pub use scenario::{EditError, SbcReading, Scenario};
pub use unit::{EntryError, Unit};

/// One figure: a line of the release in one period, as the contract names it
/// (`q3-2012.revenue`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cell {
    pub period: Period,
    pub line: &'static str,
}

impl Cell {
    pub const fn new(period: Period, line: &'static str) -> Cell {
        Cell { period, line }
    }

    /// The contract key, `<period>.<line>`.
    pub fn key(self) -> String {
        format!("{}.{}", self.period.id(), self.line)
    }
}

/// Why a figure has no value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undefined {
    /// It divides by zero (a margin when revenue is zero).
    ZeroDivisor,
    /// Cannot happen within the entry bounds; kept so arithmetic never panics.
    Overflow,
    /// The model has no such figure (or it sits on a cycle, which the tests rule out).
    Missing,
}

/// A figure's exact value, or why it has none.
pub type Value = Result<rust_decimal::Decimal, Undefined>;

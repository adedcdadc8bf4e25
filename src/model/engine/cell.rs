//! A figure's name and its value: a line of the release in one period, and the exact decimal
//! it holds, or why it has none.

use super::period::Period;

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

impl Undefined {
    /// Why, in words: "it divides by zero".
    pub fn why(self) -> &'static str {
        match self {
            Undefined::ZeroDivisor => "it divides by zero",
            Undefined::Overflow => "it is out of range",
            Undefined::Missing => "it is not defined here",
        }
    }
}

/// A figure's exact value, or why it has none.
pub type Value = Result<rust_decimal::Decimal, Undefined>;

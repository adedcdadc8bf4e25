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
    /// A ratio to a base below zero: growth over a loss, a margin on negative revenue. Its sign
    /// says the opposite of what happened (a loss halved is growth of −50%), so releases print
    /// "n.m.", not meaningful. The exact quotient is kept: it is the figure's `data-value`.
    NotMeaningful(rust_decimal::Decimal),
}

impl Undefined {
    /// Why, in words: "it divides by zero".
    pub fn why(self) -> &'static str {
        match self {
            Undefined::ZeroDivisor => "it divides by zero",
            Undefined::Overflow => "it is out of range",
            Undefined::Missing => "it is not defined here",
            Undefined::NotMeaningful(_) => {
                "it is a ratio to a base below zero, which releases print as n.m. (not meaningful); its sign would say the opposite of what happened"
            }
        }
    }
}

/// A figure's exact value, or why it has none.
pub type Value = Result<rust_decimal::Decimal, Undefined>;

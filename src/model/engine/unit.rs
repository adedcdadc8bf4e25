//! What a figure measures, how far an entry may go, and how it is shown.

use rust_decimal::{Decimal, RoundingStrategy};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Thousands of dollars.
    Money,
    /// Thousands of shares.
    Shares,
    /// Dollars per share.
    PerShare,
    /// Percentage points: 80.47 means 80.47 %.
    Percent,
}

/// Entries are bounded so that no formula can overflow a `Decimal` (96-bit mantissa): the
/// largest product the model forms is about (sum of 30 entries) × shares × a four-digit
/// constant, far below 7.9e28. A trillion dollars, or a trillion shares, is beyond any scenario.
pub const MAX_ENTRY: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);
/// Thousands to three places is whole dollars (or whole shares).
pub const MAX_ENTRY_DECIMALS: u32 = 3;

impl Unit {
    /// The places shown once rounded for display.
    pub fn display_places(self) -> u32 {
        match self {
            Unit::Money | Unit::Shares => 0,
            Unit::PerShare => 2,
            Unit::Percent => 1,
        }
    }

    /// Share counts cannot be negative; money can.
    pub fn allows_negative(self) -> bool {
        !matches!(self, Unit::Shares)
    }

    /// Why `value` cannot be entered for a figure of this unit, if it cannot.
    pub fn check_entry(self, value: Decimal) -> Result<Decimal, EntryError> {
        if value.scale() > MAX_ENTRY_DECIMALS && value.normalize().scale() > MAX_ENTRY_DECIMALS {
            return Err(EntryError::TooManyDecimals);
        }
        if value.abs() > MAX_ENTRY {
            return Err(EntryError::OutOfRange);
        }
        if value.is_sign_negative() && !value.is_zero() && !self.allows_negative() {
            return Err(EntryError::Negative);
        }
        Ok(value.normalize())
    }
}

/// Why a typed value was refused, in words a person understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryError {
    Empty,
    NotANumber,
    /// A link's or a file's value that is not a plain decimal (`1,234`, `(5)`, `abc`).
    NotPlain,
    Grouping,
    /// A minus and brackets, or two of either: `(-5)`, `-(5)`, `--5`.
    TwoSigns,
    /// A minus after the figure (`24,000-`).
    MinusAfter,
    /// A minus with no figure yet.
    SignOnly,
    /// A bracket opened and not closed: `(1,234`, or `(` alone, as a negative is begun.
    Unclosed,
    TooManyDecimals,
    /// A percentage or a multiple (`+10%`, `*1.1`) with more places than a change takes.
    ChangeDecimals,
    OutOfRange,
    Negative,
    /// Looks like a change to the value (`10%`, `+5`, `x1.1`) written in a way that is not read.
    Arithmetic,
    /// Several figures at once: a pasted row or column (tabs or lines between them).
    Several,
    /// A change (`+10%`) of a figure that has no value now (goal seek's target for a margin on
    /// no revenue).
    NothingToChange,
}

impl std::fmt::Display for EntryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            EntryError::Empty => "Enter a number.",
            EntryError::NotANumber => "Not a number. Use digits, e.g. 1,234 or (1,234).",
            EntryError::NotPlain => "Not a plain decimal: a link or file writes numbers as 1234.5 or -38, with no commas, brackets or symbols.",
            EntryError::Grouping => "Commas go between groups of three digits, e.g. 1,234,567.",
            EntryError::MinusAfter => "The minus goes before the figure, e.g. -24,000 or (24,000).",
            EntryError::SignOnly => "A minus alone: the figure goes after it, e.g. -1,234.",
            EntryError::Unclosed => "A bracket to close, e.g. (1,234).",
            EntryError::TwoSigns => "Two signs: a negative figure takes brackets or a minus, not both, e.g. (1,234) or -1,234.",
            EntryError::TooManyDecimals => "Too many decimals: at most 3.",
            EntryError::ChangeDecimals => "A percentage or multiple takes at most 6 decimals.",
            EntryError::OutOfRange => "Out of range: at most 1,000,000,000 either way.",
            EntryError::Negative => "A share count cannot be negative.",
            EntryError::Arithmetic => "To change the value it had, type +10%, -5% or *1.1.",
            EntryError::Several => "One figure at a time: this holds several (a pasted row or column).",
            EntryError::NothingToChange => "A change of the value needs one: this figure has none now. Type the figure itself.",
        })
    }
}

/// Rounds for display only: half away from zero, as the release rounds.
pub fn round_for_display(value: Decimal, places: u32) -> Decimal {
    value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
}

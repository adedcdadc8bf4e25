//! The release's outlook for the fourth quarter and the full year 2012, as it states it, and
//! the lines of what the full-year range implies for the fourth quarter. The estimates
//! themselves are declared in `figures.rs` (contract: "The fourth quarter and the year"); where
//! they fall against the ranges is `analysis::guidance`.

use crate::model::Period::{self, *};
use crate::model::{Cell, Unit};
use rust_decimal::Decimal;

/// A guided range for one figure, in the contract's units (thousands of dollars, dollars per
/// share), as the release states it.
#[derive(Clone, Copy, Debug)]
pub struct GuidanceRange {
    /// The figure guided, in the guidance's period.
    pub line: &'static str,
    pub label: &'static str,
    pub low: Decimal,
    pub high: Decimal,
    pub unit: Unit,
}

/// The outlook for one period.
#[derive(Clone, Copy, Debug)]
pub struct Guidance {
    pub period: Period,
    pub title: &'static str,
    /// Revenue, GAAP diluted EPS, non-GAAP diluted EPS.
    pub ranges: [GuidanceRange; 3],
    /// The weighted average diluted shares the EPS guidance assumes, in thousands.
    pub diluted_shares: Decimal,
}

const fn dec(units: u32, scale: u32) -> Decimal {
    Decimal::from_parts(units, 0, 0, false, scale)
}

const fn money(line: &'static str, label: &'static str, low: u32, high: u32) -> GuidanceRange {
    GuidanceRange { line, label, low: dec(low, 0), high: dec(high, 0), unit: Unit::Money }
}

const fn cents(line: &'static str, label: &'static str, low: u32, high: u32) -> GuidanceRange {
    GuidanceRange { line, label, low: dec(low, 2), high: dec(high, 2), unit: Unit::PerShare }
}

pub const Q4: Guidance = Guidance {
    period: Q4_2012,
    title: "Fourth quarter 2012",
    ranges: [
        money("revenue", "Revenues", 24_000, 24_600),
        cents("eps_diluted", "GAAP diluted EPS", 0, 2),
        cents("non_gaap_eps_diluted", "Non-GAAP diluted EPS", 3, 5),
    ],
    diluted_shares: dec(35_200, 0),
};

pub const FULL_YEAR: Guidance = Guidance {
    period: FY_2012,
    title: "Full year 2012",
    ranges: [
        money("revenue", "Revenues", 90_800, 91_400),
        cents("eps_diluted", "GAAP diluted EPS", 4, 6),
        cents("non_gaap_eps_diluted", "Non-GAAP diluted EPS", 17, 19),
    ],
    diluted_shares: dec(28_400, 0),
};

pub const GUIDANCE: [Guidance; 2] = [Q4, FULL_YEAR];

impl GuidanceRange {
    pub fn cell(&self, period: Period) -> Cell {
        Cell::new(period, self.line)
    }
}

/// The guided range of a figure, if the release guides it.
pub fn range_of(cell: Cell) -> Option<&'static GuidanceRange> {
    GUIDANCE.iter().filter(|g| g.period == cell.period).flat_map(|g| g.ranges.iter()).find(|r| r.line == cell.line)
}

/// What the full-year range implies for the fourth quarter, given the scenario's nine months:
/// lines of `q4-2012`, one per end of the range, declared in `figures.rs`.
pub struct Implied {
    pub label: &'static str,
    /// The line id and label of each end.
    pub low: (&'static str, &'static str),
    pub high: (&'static str, &'static str),
    /// The fourth quarter's own estimate of the same figure.
    pub estimate: &'static str,
}

impl Implied {
    pub fn cells(&self) -> [Cell; 3] {
        [Cell::new(Q4_2012, self.low.0), Cell::new(Q4_2012, self.high.0), Cell::new(Q4_2012, self.estimate)]
    }
}

/// The implied range of one figure: its lines `implied_<estimate>_low` and `_high`, labelled with
/// `named`, the figure as a sentence names it.
macro_rules! implied {
    ($label:literal, $estimate:literal, $named:literal) => {
        Implied {
            label: $label,
            low: (concat!("implied_", $estimate, "_low"), concat!("Fourth-quarter ", $named, " implied by the full-year guidance, low")),
            high: (concat!("implied_", $estimate, "_high"), concat!("Fourth-quarter ", $named, " implied by the full-year guidance, high")),
            estimate: $estimate,
        }
    };
}

/// Revenue, GAAP net income and EPS, non-GAAP net income and EPS, in that order.
pub const IMPLIED: [Implied; 5] = [
    implied!("Revenues", "revenue", "revenues"),
    implied!("GAAP net income", "net_income", "net income"),
    implied!("GAAP diluted EPS", "eps_diluted", "diluted EPS"),
    implied!("Non-GAAP net income", "non_gaap_net_income", "non-GAAP net income"),
    implied!("Non-GAAP diluted EPS", "non_gaap_eps_diluted", "non-GAAP diluted EPS"),
];

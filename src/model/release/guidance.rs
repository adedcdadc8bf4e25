//! The release's outlook for the fourth quarter and the full year 2012, and where the
//! scenario's estimates fall against it. The estimates themselves are declared in `figures.rs`
//! (contract: "The fourth quarter and the year").

use crate::model::engine::format::display;
use crate::model::engine::unit::round_for_display;
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

/// Where a figure, as displayed, falls against its guided range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    Below,
    Within,
    Above,
}

impl Position {
    /// The contract's `data-guidance` value.
    pub fn id(self) -> &'static str {
        match self {
            Position::Below => "below",
            Position::Within => "within",
            Position::Above => "above",
        }
    }
}

/// Where a figure falls, and how far outside the range (zero within it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    pub position: Position,
    pub by: Decimal,
}

impl GuidanceRange {
    pub fn cell(&self, period: Period) -> Cell {
        Cell::new(period, self.line)
    }

    /// Where `value` falls against the range, as the page displays both.
    pub fn place(&self, value: Decimal) -> Placement {
        place(value, self.low, self.high, self.unit)
    }

    /// "$24,000 to $24,600 thousand", "$0.00 to $0.02".
    pub fn describe(&self) -> String {
        span(self.low, self.high, self.unit)
    }
}

/// Where `value` falls between `low` and `high`, compared as the page displays them
/// (thousands; EPS to the cent), the way an analyst reads a figure against a range. The range
/// includes its ends.
pub fn place(value: Decimal, low: Decimal, high: Decimal, unit: Unit) -> Placement {
    let shown = |v: Decimal| round_for_display(v, unit.display_places());
    let (value, low, high) = (shown(value), shown(low), shown(high));
    if value < low {
        Placement { position: Position::Below, by: low - value }
    } else if value > high {
        Placement { position: Position::Above, by: value - high }
    } else {
        Placement { position: Position::Within, by: Decimal::ZERO }
    }
}

/// "$24,037 to $24,637 thousand", "$0.00 to $0.02": a range of figures as displayed.
pub fn span(low: Decimal, high: Decimal, unit: Unit) -> String {
    format!("${} to ${}{}", display(Ok(low), unit), display(Ok(high), unit), thousand(unit))
}

/// Money is in thousands of dollars; per-share figures in dollars.
fn thousand(unit: Unit) -> &'static str {
    if unit == Unit::Money {
        " thousand"
    } else {
        ""
    }
}

impl Placement {
    /// "within the range", "$0.05 above the top", "$263 thousand below the bottom".
    pub fn describe(&self, unit: Unit) -> String {
        let amount = || format!("${}{}", display(Ok(self.by), unit), thousand(unit));
        match self.position {
            Position::Within => "within the range".to_string(),
            Position::Above => format!("{} above the top", amount()),
            Position::Below => format!("{} below the bottom", amount()),
        }
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

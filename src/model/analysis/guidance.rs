//! Where the scenario's estimates fall against the release's guidance (`release::guidance`),
//! compared as the page displays them, and the ranges written out.

use crate::model::engine::format::display;
use crate::model::engine::unit::round_for_display;
use crate::model::release::guidance::{GuidanceRange, Implied};
use crate::model::{Cell, Figures, Model, Period, Unit};
use rust_decimal::Decimal;

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
    /// Where `value` falls against the range, as the page displays both.
    pub fn place(&self, value: Decimal) -> Placement {
        place(value, self.low, self.high, self.unit)
    }

    /// "$24,000 to $24,600 thousand", "$0.00 to $0.02".
    pub fn describe(&self) -> String {
        span(self.low, self.high, self.unit)
    }
}

/// The fourth quarter's estimate against what the year's guidance leaves for it, in a scenario.
pub struct Against {
    pub estimate: Decimal,
    pub low: Decimal,
    pub high: Decimal,
    pub unit: Unit,
    pub placed: Placement,
}

impl Implied {
    /// The scenario's fourth-quarter estimate against the range the year's guidance leaves for
    /// it; None where one of them has no value (no revenue, say).
    pub fn against(&self, model: &Model, figures: &Figures) -> Option<Against> {
        let [low, high, estimate] = self.cells().map(|c| figures.get(model, c).ok());
        let (estimate, low, high) = (estimate?, low?, high?);
        let unit = model.unit(Cell::new(Period::Q4_2012, self.estimate)).unwrap_or(Unit::Money);
        Some(Against { estimate, low, high, unit, placed: place(estimate, low, high, unit) })
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

//! Bridge (waterfall) charts read from the model's declarations: a figure declared as a sum is
//! its first term plus each further term, so the chart of non-GAAP income from operations is
//! income from operations plus the stock-based compensation it adds back, line by line.

use crate::model::{Cell, Def, Expr, Figures, Model, Period, Sign};
use rust_decimal::Decimal;

pub struct Bridge {
    pub id: &'static str,
    pub title: &'static str,
    /// The figure the bridge ends at; its declaration is a sum of figures.
    pub line: &'static str,
    /// Terms shown by their own terms (total stock-based compensation, by expense line).
    pub expand: &'static [&'static str],
    pub periods: &'static [Period],
}

pub const BRIDGES: [Bridge; 3] = [
    Bridge {
        id: "bridge-operations",
        title: "Income from operations: GAAP to non-GAAP",
        line: "non_gaap_income_from_operations",
        expand: &["sbc_total"],
        periods: &Period::OPERATIONS,
    },
    Bridge {
        id: "bridge-net-income",
        title: "Net income: GAAP to non-GAAP",
        line: "non_gaap_net_income",
        expand: &["sbc_total"],
        periods: &Period::OPERATIONS,
    },
    Bridge {
        id: "bridge-bookings",
        title: "Four-Quarter Bookings: revenue and the change in deferred revenue",
        line: "four_quarter_bookings",
        expand: &[],
        periods: &Period::FOUR_QUARTERS,
    },
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A figure measured from zero: where the bridge starts and ends.
    Total,
    /// A term added (or taken away) from the running total.
    Step(Sign),
}

/// One bar: a figure and the span it covers, from the running total before it to after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bar {
    pub cell: Cell,
    pub kind: Kind,
    pub value: Decimal,
    pub from: Decimal,
    pub to: Decimal,
}

impl Bar {
    /// What a step does to the running total: positive where it rises, whatever its sign in
    /// the formula (a fall in deferred revenue, added, is a fall). A total's own value.
    pub fn change(&self) -> Decimal {
        match self.kind {
            Kind::Step(Sign::Minus) => -self.value,
            Kind::Total | Kind::Step(Sign::Plus) => self.value,
        }
    }
}

/// The short names the charts' axis uses, where the release's label is too long for it.
const SHORT: [(&str, &str); 9] = [
    ("sbc_cost_of_revenue", "SBC: cost of revenues"),
    ("sbc_research_and_development", "SBC: R&D"),
    ("sbc_sales_and_marketing", "SBC: sales & marketing"),
    ("sbc_general_and_administrative", "SBC: G&A"),
    ("non_gaap_income_from_operations", "Non-GAAP income from operations"),
    ("non_gaap_net_income", "Non-GAAP net income"),
    ("deferred_revenue_current_change", "Change in current deferred revenues"),
    ("revenue", "Four-quarter revenues"),
    ("four_quarter_bookings", "Four-Quarter Bookings"),
];

pub fn short_label(model: &Model, line: &'static str) -> &'static str {
    SHORT.iter().find(|(l, _)| *l == line).map_or_else(|| model.line(line).map_or(line, |l| l.label), |(_, s)| *s)
}

impl Bridge {
    /// The bars for one period, or None when a figure is undefined or the declaration is not a
    /// sum of figures.
    pub fn bars(&self, model: &Model, figures: &Figures, period: Period) -> Option<Vec<Bar>> {
        let end = Cell::new(period, self.line);
        let mut terms = sum_terms(model, end)?.into_iter();
        let (_, first) = terms.next()?;
        let start = figures.get(model, first).ok()?;
        let mut bars = vec![Bar { cell: first, kind: Kind::Total, value: start, from: Decimal::ZERO, to: start }];
        let mut running = start;
        for (sign, cell) in terms {
            let parts = match sum_terms(model, cell) {
                Some(parts) if self.expand.contains(&cell.line) => parts,
                _ => vec![(Sign::Plus, cell)],
            };
            for (inner, part) in parts {
                let value = figures.get(model, part).ok()?;
                let sign = if inner == sign { Sign::Plus } else { Sign::Minus };
                let to = match sign {
                    Sign::Plus => running.checked_add(value)?,
                    Sign::Minus => running.checked_sub(value)?,
                };
                bars.push(Bar { cell: part, kind: Kind::Step(sign), value, from: running, to });
                running = to;
            }
        }
        let value = figures.get(model, end).ok()?;
        bars.push(Bar { cell: end, kind: Kind::Total, value, from: Decimal::ZERO, to: value });
        Some(bars)
    }
}

/// The terms of a figure declared as a sum of figures.
fn sum_terms(model: &Model, cell: Cell) -> Option<Vec<(Sign, Cell)>> {
    let Some(Def::Formula(Expr::Sum(terms))) = model.def(cell) else { return None };
    terms
        .iter()
        .map(|(sign, term)| match term {
            Expr::Cell(c) => Some((*sign, *c)),
            _ => None,
        })
        .collect()
}

/// A bar's rectangle in the chart's coordinates, rounded to a tenth of a unit for drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rect {
    pub x: Decimal,
    pub y: Decimal,
    pub width: Decimal,
    pub height: Decimal,
}

/// The plot area: bars side by side across `width`, values scaled into `height` with room
/// for zero, the lowest and the highest running total.
pub struct Scale {
    pub width: Decimal,
    pub height: Decimal,
    lo: Decimal,
    hi: Decimal,
}

impl Scale {
    pub fn new(bars: &[Bar], width: Decimal, height: Decimal) -> Scale {
        let ends = bars.iter().flat_map(|b| [b.from, b.to]);
        let lo = ends.clone().fold(Decimal::ZERO, Decimal::min);
        let hi = ends.fold(Decimal::ZERO, Decimal::max);
        Scale { width, height, lo, hi }
    }

    /// The vertical position of a value: the highest value at 0, the lowest at `height`.
    pub fn y(&self, v: Decimal) -> Decimal {
        let span = self.hi - self.lo;
        if span.is_zero() {
            return self.height;
        }
        let y = (self.hi - v).checked_mul(self.height).and_then(|n| n.checked_div(span)).unwrap_or(Decimal::ZERO);
        y.round_dp(1)
    }

    /// Bar `i` of `n`: a slot of the width, the bar filling 60% of it.
    pub fn rect(&self, i: usize, n: usize, bar: &Bar) -> Rect {
        let slot = self.width.checked_div(Decimal::from(n.max(1))).unwrap_or(self.width);
        let width = (slot * Decimal::new(6, 1)).round_dp(1);
        let x = (slot * Decimal::from(i) + (slot - width) / Decimal::TWO).round_dp(1);
        let (top, bottom) = (self.y(bar.from.max(bar.to)), self.y(bar.from.min(bar.to)));
        Rect { x, y: top, width, height: bottom - top }
    }

    /// The centre of slot `i` of `n`, for its label.
    pub fn centre(&self, i: usize, n: usize) -> Decimal {
        let slot = self.width.checked_div(Decimal::from(n.max(1))).unwrap_or(self.width);
        (slot * Decimal::from(i) + slot / Decimal::TWO).round_dp(1)
    }
}

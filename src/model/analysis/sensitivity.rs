//! How a figure moves with its inputs: a two-way table over two inputs (Excel's data table)
//! and a tornado of every input moved by the same percentage, sorted by the swing it causes.

use crate::model::analysis::solve::named;
use crate::model::engine::format::{exported, plain};
use crate::model::engine::unit::{round_for_display, MAX_ENTRY_DECIMALS};
use crate::model::io::export::record;
use crate::model::{Cell, EditError, Model, Scenario, Unit, Value};
use rust_decimal::{Decimal, RoundingStrategy};

/// The table's default size: seven values of each input, the current one in the middle.
pub const DEFAULT_COUNT: usize = 7;
/// At most this many values per input: 15 × 15 figures is still one screen.
pub const MAX_COUNT: usize = 15;
/// The tornado's default move: ±10 %.
pub const DEFAULT_PERCENT: Decimal = Decimal::TEN;

/// One input's values along a side of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub input: Cell,
    pub values: Vec<Decimal>,
}

/// A two-way table: the figure for each pair of values of two inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub figure: Cell,
    pub rows: Axis,
    pub columns: Axis,
    /// By row, then column: the figure, or why that pair of values cannot be entered.
    pub cells: Vec<Vec<Result<Value, EditError>>>,
    /// The row and column of the scenario as it is (the current values of both inputs).
    pub current: usize,
    /// For a guided figure, by row then column: whether the figure as displayed is within
    /// the guidance. Empty when the figure is not guided.
    pub within_guidance: Vec<Vec<bool>>,
}

/// A sensible step for an input whose value is `x`: about 5 % of it, rounded to 1, 2 or 5
/// times a power of ten (at least 1).
pub fn default_step(x: Decimal) -> Decimal {
    let target = x.abs() / Decimal::from(20);
    let mut best = Decimal::ONE;
    let mut power = Decimal::ONE;
    // Whole thousands up to a billion: powers of ten to 10^9.
    for _ in 0..10 {
        for m in [1, 2, 5] {
            let candidate = power * Decimal::from(m);
            if candidate <= target * Decimal::new(15, 1) {
                best = candidate;
            }
        }
        power *= Decimal::TEN;
    }
    best
}

/// `count` values around `current`, `step` apart, the current one at index `count / 2`.
pub fn values_around(current: Decimal, step: Decimal, count: usize) -> Vec<Decimal> {
    let middle = (count / 2) as i64;
    (0..count as i64).map(|i| current.checked_add(step.checked_mul(Decimal::from(i - middle)).unwrap_or(Decimal::MAX)).unwrap_or(Decimal::MAX)).collect()
}

/// Why a table cannot be built with these settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableError {
    Count,
    Step,
    Percent,
}

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TableError::Count => write!(f, "The number of values is from 1 to {MAX_COUNT}."),
            TableError::Step => write!(f, "A step is a positive number with at most {MAX_ENTRY_DECIMALS} decimals."),
            TableError::Percent => f.write_str("The move is a percentage above 0 and at most 100."),
        }
    }
}

/// The figure for `count` values of `rows.0` by `count` values of `columns.0`, each `.1`
/// apart around its current value; cells within `guidance` (low, high), compared as displayed,
/// are flagged.
pub fn two_way(
    model: &Model,
    scenario: &Scenario,
    figure: Cell,
    rows: (Cell, Decimal),
    columns: (Cell, Decimal),
    count: usize,
    guidance: Option<(Decimal, Decimal)>,
) -> Result<Table, TableError> {
    if count == 0 || count > MAX_COUNT {
        return Err(TableError::Count);
    }
    for step in [rows.1, columns.1] {
        if step <= Decimal::ZERO || step.normalize().scale() > MAX_ENTRY_DECIMALS {
            return Err(TableError::Step);
        }
    }
    let figures = model.evaluate(scenario);
    let axis = |(input, step): (Cell, Decimal)| {
        let input = model.canonical(input);
        let current = figures.get(model, input).unwrap_or_default();
        Axis { input, values: values_around(current, step, count) }
    };
    let (rows, columns) = (axis(rows), axis(columns));
    let cells: Vec<Vec<Result<Value, EditError>>> = rows
        .values
        .iter()
        .map(|r| {
            let across = scenario.with(model, rows.input, *r);
            columns
                .values
                .iter()
                .map(|c| {
                    let s = across.as_ref().map_err(|e| *e)?.with(model, columns.input, *c)?;
                    Ok(model.evaluate(&s).get(model, figure))
                })
                .collect()
        })
        .collect();
    let places = model.unit(figure).unwrap_or(Unit::Money).display_places();
    let within_guidance = match guidance {
        None => Vec::new(),
        Some((low, high)) => {
            cells.iter().map(|row| row.iter().map(|v| matches!(v, Ok(Ok(v)) if (low..=high).contains(&round_for_display(*v, places)))).collect()).collect()
        }
    };
    Ok(Table { figure, rows, columns, cells, current: count / 2, within_guidance })
}

/// One input of the tornado: the figure with the input moved down and up.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub input: Cell,
    /// The input's values moved down and up (to three decimals, as an entry holds).
    pub low: Decimal,
    pub high: Decimal,
    /// The figure at each, or why that value cannot be entered.
    pub at_low: Result<Value, EditError>,
    pub at_high: Result<Value, EditError>,
    /// How far apart the two are; None when either is undefined or cannot be entered.
    pub swing: Option<Decimal>,
}

/// A tornado's move, if usable: above 0 and at most 100 % (a share count cannot go below zero).
pub fn check_percent(percent: Decimal) -> Result<Decimal, TableError> {
    match percent > Decimal::ZERO && percent <= Decimal::ONE_HUNDRED {
        true => Ok(percent),
        false => Err(TableError::Percent),
    }
}

/// Every input `figure` is built from, moved by ±`percent` %, the largest swing first. An input
/// only one end of which can be entered (or leaves the figure defined) is ranked by that end's
/// move from the figure now, rather than last: it may be the input that matters most. Inputs
/// the move leaves the figure undefined at both ends come last. For an estimate, its own
/// inputs come first: what the year would take is a question about the fourth quarter, not
/// the nine months already reported.
pub fn tornado(model: &Model, scenario: &Scenario, figure: Cell, percent: Decimal) -> Vec<Bar> {
    let figures = model.evaluate(scenario);
    let now = figures.get(model, figure).ok();
    let bars = model.built_from(figure, scenario).into_iter().map(|input| {
        let x = figures.get(model, input).unwrap_or_default();
        let moved = |sign: Decimal| {
            let change = x.checked_mul(percent).and_then(|m| m.checked_div(Decimal::ONE_HUNDRED)).unwrap_or_default();
            x.checked_add(sign * change).unwrap_or(x).round_dp_with_strategy(MAX_ENTRY_DECIMALS, RoundingStrategy::MidpointAwayFromZero).normalize()
        };
        let (low, high) = (moved(-Decimal::ONE), moved(Decimal::ONE));
        let at = |v: Decimal| scenario.with(model, input, v).map(|s| model.evaluate(&s).get(model, figure));
        let (at_low, at_high) = (at(low), at(high));
        let swing = match (&at_low, &at_high) {
            (Ok(Ok(a)), Ok(Ok(b))) => b.checked_sub(*a).map(|s| s.abs()),
            _ => None,
        };
        Bar { input, low, high, at_low, at_high, swing }
    });
    // How far the bar reaches: its swing, or where one end has no figure, the other's move.
    let rank = |bar: &Bar| {
        bar.swing.or_else(|| {
            let one_end = [&bar.at_low, &bar.at_high].into_iter().find_map(|at| at.as_ref().ok()?.as_ref().ok().copied());
            one_end?.checked_sub(now?).map(|d| d.abs())
        })
    };
    let mut ranked: Vec<(Option<Decimal>, Bar)> = bars.map(|bar| (rank(&bar), bar)).collect();
    // Stable: equal swings keep the derivation's order.
    ranked.sort_by(|(a, _), (b, _)| match (a, b) {
        (Some(x), Some(y)) => y.cmp(x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    // A partition, not a stable sort: the sort's code for one more type costs 2 KB of wasm.
    let (mut first, then): (Vec<Bar>, Vec<Bar>) = ranked.into_iter().map(|(_, bar)| bar).partition(|bar| !reported_behind(figure, bar.input));
    first.extend(then);
    first
}

/// Whether `input` is a reported figure behind the estimate `figure`: the tornado and the
/// levers list such inputs after the estimate's own.
pub fn reported_behind(figure: Cell, input: Cell) -> bool {
    figure.period.is_estimate() && !input.period.is_estimate()
}

/// The inputs `figure` is built from in the tornado's order: the lever that goal seek and the
/// sensitivity table offer first (revenue for EPS, not the share count nearest it in the
/// derivation; the fourth quarter's revenue for the year's).
pub fn levers(model: &Model, scenario: &Scenario, figure: Cell) -> Vec<Cell> {
    tornado(model, scenario, figure, DEFAULT_PERCENT).into_iter().map(|bar| bar.input).collect()
}

fn cell_text(v: &Result<Value, EditError>) -> String {
    match v {
        Ok(v) => exported(*v),
        Err(_) => String::new(),
    }
}

/// The table as CSV (RFC 4180, as the tables' export): the corner names the figure and the two
/// inputs by their keys, the first row holds the column input's values, each row starts with
/// the row input's value. Exact plain decimals; empty where the figure is undefined or the
/// values cannot be entered.
pub fn table_csv(table: &Table) -> String {
    let mut out = String::new();
    let corner = format!("{} by {} (rows) and {} (columns)", table.figure.key(), table.rows.input.key(), table.columns.input.key());
    let mut header = vec![corner];
    header.extend(table.columns.values.iter().map(|v| plain(Ok(*v))));
    record(&mut out, &header);
    for (value, row) in table.rows.values.iter().zip(&table.cells) {
        let mut fields = vec![plain(Ok(*value))];
        fields.extend(row.iter().map(cell_text));
        record(&mut out, &fields);
    }
    out
}

/// The tornado as CSV, in its order. An input's label names its period: the third quarter's
/// and the estimate's sales and marketing are two rows. The ends are named by the move, not
/// "low" and "high": −10 % of a negative input is the higher value.
pub fn tornado_csv(model: &Model, figure: Cell, bars: &[Bar], percent: Decimal) -> String {
    let mut out = String::new();
    let p = plain(Ok(percent));
    let header = [
        "figure".to_string(),
        "input".to_string(),
        "label".to_string(),
        format!("input at -{p}%"),
        format!("input at +{p}%"),
        format!("figure at -{p}%"),
        format!("figure at +{p}%"),
        "swing".to_string(),
    ];
    record(&mut out, &header);
    for bar in bars {
        record(
            &mut out,
            &[
                figure.key(),
                bar.input.key(),
                named(model, bar.input),
                plain(Ok(bar.low)),
                plain(Ok(bar.high)),
                cell_text(&bar.at_low),
                cell_text(&bar.at_high),
                bar.swing.map(|s| plain(Ok(s))).unwrap_or_default(),
            ],
        );
    }
    out
}

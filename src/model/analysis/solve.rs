//! Goal seek: the value of one input at which a figure, as the page shows it, is a target.
//!
//! Excel's Goal Seek iterates to a tolerance and can stop on a value that displays the wrong
//! figure. Here the answer is the value, to three decimals (what an entry holds), nearest the
//! input's current value at which the figure *displays* the target: the smallest change that
//! makes the page show it. Beside it, the exact solution, where the figure equals the target.
//!
//! The search only evaluates scenarios, so it follows every rule the model declares: sums
//! (linear, most paths), share counts that divide, the two-class split, a rule that changes
//! at a loss. From the current value it steps outwards both ways, doubling the step, until the
//! figure shows the target or passes it; then it bisects that bracket on the thousandths.
//! A step can also carry the search over a pole (a margin as revenue crosses zero, EPS as the
//! shares reach zero) or a peak (the two-class split's share of earnings grows with the shares
//! that divide them), where the figure passes the target and comes back within one step: the
//! figure then turns back, or has no value, and that step is searched again the same way, from
//! its near end, before the search goes on. Whatever it returns shows the target (a property
//! test checks it). The exact solution is the secant method from that bracket: one step where
//! the figure is linear in the input, a few where the input divides.

use crate::model::engine::format::exact as grouped;
use crate::model::engine::parse::parse_input;
use crate::model::engine::unit::MAX_ENTRY;
use crate::model::{Cell, EntryError, Model, Scenario, Undefined, Unit, Value};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use std::cmp::Ordering;

/// What the goal seek found.
#[derive(Clone, Debug, PartialEq)]
pub struct Solution {
    /// The input's value nearest its current one, to three decimals, at which the figure
    /// shows the target. The current value itself when the figure already shows it.
    pub nearest: Decimal,
    /// The figure's exact value there.
    pub reaches: Decimal,
    /// The input's value at which the figure equals the target exactly, if one was found.
    pub exact: Option<Exact>,
}

/// The input's value at which the figure equals the target exactly.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Exact {
    /// A value an input can hold: it may be applied instead of the nearest.
    Enterable(Decimal),
    /// It has more decimals than an input holds: shown, not applied. Kept to fifteen
    /// decimals, well within what the arithmetic's 28 significant digits settle.
    Finer(Decimal),
}

/// Why no value of the input makes the figure show the target.
#[derive(Clone, Debug, PartialEq)]
pub enum NoSolution {
    /// The figure is not built from that input.
    NotBuiltFrom,
    /// The figure does not change when the input does (its effects cancel out).
    Unmoved,
    /// The figure has no value, whatever the input, for this reason (it divides by zero).
    Undefined(Undefined),
    /// Only a value beyond a billion either way would do; `needed` is the nearest at which the
    /// figure shows the target, searched for as within the bounds, if one was found.
    BeyondBound { needed: Option<Decimal> },
    /// Only a share count below zero would do; `needed` as above. Past a share count's zero
    /// the figure may pass a pole (a divisor at zero), where the search can miss a value.
    NegativeShares { needed: Option<Decimal> },
    /// The figure never shows the target: over the values tried (the whole of what the input
    /// can hold, in steps), it showed from the lower to the higher of `seen`; `across`: the
    /// target lies between them (the figure jumps it, at a pole).
    Unreachable { seen: Option<(Decimal, Decimal)>, across: bool },
    /// The figure passes the target between two values a thousandth apart, so no value an
    /// entry can hold shows it; `exact` is where it equals the target.
    BetweenEntries { below: Decimal, above: Decimal, exact: Option<Decimal> },
}

/// Reads a target typed for `figure`, which shows `now`: what an input of its unit takes (the
/// contract), a change to `now` included (`+10%`, `-5%`, `*1.1`), and for a margin a trailing
/// `%` too (the page shows margins with one): `80.5%` is 80.5 points, `(3.3%)` minus 3.3, and
/// `+10%` a tenth more.
pub fn read_target(model: &Model, figure: Cell, text: &str, now: Option<Decimal>) -> Result<Decimal, EntryError> {
    let unit = model.unit(figure).unwrap_or(Unit::Money);
    let text = text.trim();
    match unit {
        Unit::Percent if !text.starts_with(['+', '-', '−']) => parse_input(&text.replacen("%)", ")", 1).replacen('%', "", 1), unit, now),
        _ => parse_input(text, unit, now),
    }
}

/// Finds the value of `input` at which `figure` shows `target` (see the module's notes).
pub fn goal_seek(model: &Model, scenario: &Scenario, figure: Cell, input: Cell, target: Decimal) -> Result<Solution, NoSolution> {
    let input = model.canonical(input);
    if !model.built_from(figure, scenario).contains(&input) {
        return Err(NoSolution::NotBuiltFrom);
    }
    let figures = model.evaluate(scenario);
    let x0 = figures.get(model, input).map_err(NoSolution::Undefined)?;
    let unit = model.unit(input).unwrap_or(Unit::Money);
    let bound = thousandths(MAX_ENTRY).unwrap_or(i64::MAX / 4);
    let lo = if unit.allows_negative() { -bound } else { 0 };
    let n0 = thousandths(x0).unwrap_or(0).clamp(lo, bound);
    let mut seek = Seek {
        model,
        scenario,
        figure,
        input,
        target,
        shown: model.display(figure, Ok(target)),
        lo,
        hi: bound,
        n0,
        f0: figures.get(model, figure),
        moved: false,
        defined: false,
        between: None,
        seen: None,
    };
    let Some(n) = seek.nearest() else { return Err(seek.why_not()) };
    let reaches = seek.at(entry(n)).map_err(NoSolution::Undefined)?;
    // Seeds for the secant: the answer and its neighbour towards the current value (or, when
    // nothing moved, the next thousandth).
    let toward = if n == n0 {
        n.saturating_add(1)
    } else if n > n0 {
        n - 1
    } else {
        n + 1
    };
    let exact = seek.exact(entry(toward), entry(n)).map(|x| seek.classify(x));
    Ok(Solution { nearest: entry(n), reaches, exact })
}

/// Where a figure stands against the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    /// It shows the target.
    Inside,
    Below,
    Above,
    Undefined,
}

struct Seek<'a> {
    model: &'a Model,
    scenario: &'a Scenario,
    figure: Cell,
    input: Cell,
    target: Decimal,
    /// The target as the figure would show it.
    shown: String,
    /// The input's range, in thousandths.
    lo: i64,
    hi: i64,
    /// The input's current value, in thousandths.
    n0: i64,
    /// The figure now.
    f0: Value,
    /// Whether any value tried changed the figure.
    moved: bool,
    /// Whether the figure had a value anywhere tried.
    defined: bool,
    /// Two neighbouring entries the figure passes the target between, the first found.
    between: Option<(i64, i64)>,
    /// The lowest and the highest figure seen, for saying why none shows the target.
    seen: Option<(Decimal, Decimal)>,
}

impl Seek<'_> {
    /// The figure with the input at `x`.
    fn at(&self, x: Decimal) -> Value {
        let scenario = self.scenario.with_unchecked(self.input, x);
        self.model.evaluate(&scenario).get(self.model, self.figure)
    }

    fn side(&self, v: Value) -> Side {
        match v {
            Err(_) => Side::Undefined,
            Ok(v) if self.model.display(self.figure, Ok(v)) == self.shown => Side::Inside,
            Ok(v) if v < self.target => Side::Below,
            Ok(_) => Side::Above,
        }
    }

    /// The figure with the input at `n` thousandths, and where it stands.
    fn probe(&mut self, n: i64) -> (Value, Side) {
        let v = self.at(entry(n));
        self.moved |= v != self.f0;
        if let Ok(x) = v {
            self.seen = Some(self.seen.map_or((x, x), |(lo, hi)| (lo.min(x), hi.max(x))));
        }
        let side = self.side(v);
        self.defined |= side != Side::Undefined;
        (v, side)
    }

    /// The entry nearest the current value at which the figure shows the target, searched both
    /// ways within the bounds.
    fn nearest(&mut self) -> Option<i64> {
        let s0 = self.side(self.f0);
        self.defined |= s0 != Side::Undefined;
        if s0 == Side::Inside {
            return Some(self.n0);
        }
        match (self.scan(1, s0), self.scan(-1, s0)) {
            (Some(u), Some(d)) => Some(if self.n0.abs_diff(d) < self.n0.abs_diff(u) { d } else { u }),
            (u, d) => u.or(d),
        }
    }

    /// The nearest value past the bounds (a negative share count, or beyond a billion either
    /// way, up to a thousand times that) at which the figure shows the target, searched for as
    /// within them: a value said to the user is one that shows the target.
    fn beyond(&self) -> Option<Decimal> {
        let wide = self.hi.saturating_mul(1000);
        let mut far = Seek { lo: -wide, hi: wide, shown: self.shown.clone(), between: None, ..*self };
        let n = far.nearest()?;
        (n < self.lo || n > self.hi).then(|| entry(n))
    }

    /// Steps away from the current value in direction `d` (±1), to the bound.
    fn scan(&mut self, d: i64, s0: Side) -> Option<i64> {
        let bound = if d > 0 { self.hi } else { self.lo };
        self.scan_from(self.n0, self.f0, s0, d, bound, None)
    }

    /// Steps from `start` (the figure `v` there, on side `s`) towards `end`, in direction `d`,
    /// doubling the step, until the figure shows the target or passes it; returns the nearest
    /// entry that shows it. `trend`: which way the figure was moving as the input did. Where it
    /// turns back over a step, or loses its value, it passed a pole or a peak in between, maybe
    /// the target too: that step is searched the same way first. Each such search is over at
    /// most half the last one's stretch, so it ends.
    fn scan_from(&mut self, start: i64, v: Value, s: Side, d: i64, end: i64, mut trend: Option<Ordering>) -> Option<i64> {
        let (mut prev_n, mut prev_v, mut prev) = (start, v, s);
        let mut step: i64 = 1;
        loop {
            let n = start.saturating_add(d.saturating_mul(step)).clamp(start.min(end), start.max(end));
            if n == prev_n {
                return None;
            }
            let (v, s) = self.probe(n);
            let crossed = prev != Side::Undefined && s != Side::Undefined && s != prev;
            if s == Side::Inside || crossed {
                let (before, after, side) = self.bisect(prev_n, prev, n, s);
                if side == Side::Inside {
                    return Some(after);
                }
                if s == Side::Inside {
                    // Not monotonic in between: `n` shows the target, if not the nearest.
                    return Some(n);
                }
                if side != Side::Undefined && self.between.is_none() {
                    self.between = Some((before, after));
                }
            }
            let moving = match (prev_v, v) {
                (Ok(a), Ok(b)) => Some(b.cmp(&a)).filter(|o| o.is_ne()),
                _ => None,
            };
            let turned = matches!((trend, moving), (Some(t), Some(m)) if t != m);
            let lost = prev != Side::Undefined && s == Side::Undefined;
            if (turned || lost) && prev_n.abs_diff(n) > 1 {
                if let Some(found) = self.scan_from(prev_n, prev_v, prev, d, n, trend) {
                    return Some(found);
                }
            }
            trend = moving.or(trend);
            (prev_n, prev_v, prev) = (n, v, s);
            step = step.saturating_mul(2);
        }
    }

    /// Narrows `p` (on side `ps`) and `q` (on side `qs`) to neighbouring thousandths where
    /// the side changes; returns them and the side after the change.
    fn bisect(&mut self, mut p: i64, ps: Side, mut q: i64, mut qs: Side) -> (i64, i64, Side) {
        while p.abs_diff(q) > 1 {
            let m = p + (q - p) / 2;
            let (_, s) = self.probe(m);
            if s == ps {
                p = m;
            } else {
                (q, qs) = (m, s);
            }
        }
        (p, q, qs)
    }

    /// The input's value where the figure equals the target, by the secant method from `a`
    /// and `b`; None if it does not settle.
    fn exact(&self, a: Decimal, b: Decimal) -> Option<Decimal> {
        let t = self.target;
        let (mut xa, mut fa) = (a, self.at(a).ok()?);
        let (mut xb, mut fb) = (b, self.at(b).ok()?);
        for _ in 0..64 {
            if fb == t {
                return Some(xb.normalize());
            }
            let rise = fb.checked_sub(fa)?;
            if rise.is_zero() {
                break;
            }
            let shift = fb.checked_sub(t)?.checked_mul(xb.checked_sub(xa)?)?.checked_div(rise)?;
            let x = xb.checked_sub(shift)?;
            if x.abs() > MAX_ENTRY || (self.lo == 0 && x.is_sign_negative()) {
                return None;
            }
            let fx = self.at(x).ok()?;
            (xa, fa, xb, fb) = (xb, fb, x, fx);
            if xa == xb {
                break;
            }
        }
        // Settled to the arithmetic's precision (28 significant digits) without landing on
        // the target to the last digit: near enough, within the last digits of the figure.
        let close = Decimal::new(1, 16) * t.abs().max(Decimal::ONE);
        (fb.checked_sub(t)?.abs() <= close).then(|| xb.normalize())
    }

    /// An exact solution an input can hold, or one finer than that.
    fn classify(&self, x: Decimal) -> Exact {
        let r = x.round_dp_with_strategy(3, RoundingStrategy::MidpointAwayFromZero);
        match self.at(r) {
            Ok(v) if v == self.target => Exact::Enterable(r.normalize()),
            _ => Exact::Finer(x.round_dp(15).normalize()),
        }
    }

    /// Why nothing was found, once both directions are searched.
    fn why_not(&self) -> NoSolution {
        if !self.defined {
            return NoSolution::Undefined(self.f0.err().unwrap_or(Undefined::ZeroDivisor));
        }
        if !self.moved {
            return NoSolution::Unmoved;
        }
        if let Some((a, b)) = self.between {
            let (below, above) = (entry(a.min(b)), entry(a.max(b)));
            return NoSolution::BetweenEntries { below, above, exact: self.exact(below, above) };
        }
        // Which way the target lies: where the straight line through the current value and
        // its neighbour meets it (only a direction: the figure need not be a straight line).
        let x0 = entry(self.n0);
        let line = (|| {
            let f0 = self.f0.ok()?;
            let next = entry(self.n0.saturating_add(1));
            let rise = self.at(next).ok()?.checked_sub(f0)?;
            let run = next.checked_sub(x0)?;
            x0.checked_add(self.target.checked_sub(f0)?.checked_mul(run)?.checked_div(rise)?)
        })();
        let needed = self.beyond();
        match needed.or(line) {
            Some(x) if self.lo == 0 && x.is_sign_negative() => NoSolution::NegativeShares { needed },
            Some(x) if x.abs() > MAX_ENTRY => NoSolution::BeyondBound { needed },
            _ if self.n0 == self.lo || self.n0 == self.hi => NoSolution::BeyondBound { needed },
            _ => NoSolution::Unreachable { seen: self.seen, across: self.seen.is_some_and(|(lo, hi)| lo < self.target && self.target < hi) },
        }
    }
}

/// A value in thousandths, if it fits.
fn thousandths(x: Decimal) -> Option<i64> {
    x.checked_mul(Decimal::ONE_THOUSAND)?.round().to_i64()
}

fn entry(n: i64) -> Decimal {
    Decimal::new(n, 3).normalize()
}

/// A figure's name with its period: "Net income, Q3 2012".
pub fn named(model: &Model, cell: Cell) -> String {
    format!("{}, {}", model.name(cell, cell.period), cell.period.short())
}

/// An exact solution to every digit, or to twelve decimals and "…" when it has more.
pub fn full_precision(x: Decimal) -> String {
    let cut = x.round_dp_with_strategy(12, RoundingStrategy::ToZero);
    if cut == x {
        grouped(x)
    } else {
        format!("{}…", grouped(cut))
    }
}

impl NoSolution {
    /// The reason in words: `target` is the target as the figure would show it.
    pub fn describe(&self, model: &Model, figure: Cell, input: Cell, target: &str) -> String {
        let (f, i) = (named(model, figure), named(model, input));
        match self {
            NoSolution::NotBuiltFrom => format!("{f} is not built from {i}."),
            NoSolution::Unmoved => format!("{f} does not change with {i}: their effects cancel out, so no value of it shows {target}."),
            NoSolution::Undefined(why) => format!("{f} has no value whatever {i} is: {}.", why.why()),
            NoSolution::NegativeShares { needed: Some(x) } => {
                format!("{f} would show {target} only with a negative share count ({i} at {}).", grouped(*x))
            }
            NoSolution::NegativeShares { needed: None } => format!("{f} would show {target} only with {i} below zero, a negative share count."),
            NoSolution::BeyondBound { needed: Some(x) } => {
                format!("{f} would show {target} only with {i} at {}, beyond what an input holds (at most 1,000,000,000 either way).", grouped(*x))
            }
            NoSolution::BeyondBound { needed: None } => {
                format!("{f} would show {target} only with {i} beyond what an input holds (at most 1,000,000,000 either way).")
            }
            NoSolution::Unreachable { seen: Some((lo, hi)), across } => {
                let (lo, hi) = (model.display(figure, Ok(*lo)), model.display(figure, Ok(*hi)));
                match across {
                    true => {
                        format!("No value of {i} makes {f} show {target}: it jumps across it, where it has no value or turns (it shows from {lo} to {hi}).")
                    }
                    false => format!("No value of {i} makes {f} show {target}: over every value an input holds, it shows from {lo} to {hi}."),
                }
            }
            NoSolution::Unreachable { .. } => format!("No value of {i} makes {f} show {target}."),
            NoSolution::BetweenEntries { below, above, exact } => {
                let at = exact.map(|x| format!(" (exactly at {})", full_precision(x))).unwrap_or_default();
                format!(
                    "{f} passes {target} between {i} {} and {}{at}: a thousandth apart, and an input holds no value in between.",
                    grouped(*below),
                    grouped(*above)
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Period::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    #[test]
    fn full_precision_cuts_after_twelve_decimals() {
        assert_eq!(full_precision(d("846.1429086538461538")), "846.142908653846…");
        assert_eq!(full_precision(d("21715")), "21,715");
        assert_eq!(full_precision(d("-0.5")), "(0.5)");
    }

    #[test]
    fn a_target_reads_like_an_input_and_a_margin_may_carry_its_percent_sign() {
        let model = Model::release();
        let margin = Cell::new(Q3_2012, "gross_margin");
        let eps = Cell::new(Q3_2012, "non_gaap_eps_diluted");
        let revenue = Cell::new(Q3_2012, "revenue");
        let (m, e, r) = (Some(d("80.2")), Some(d("0.10")), Some(d("23382")));
        // (figure, what it shows now, typed, read)
        let rows: &[(Cell, Option<Decimal>, &str, Result<Decimal, EntryError>)] = &[
            (margin, m, "80.5%", Ok(d("80.5"))),
            (margin, m, "80.5", Ok(d("80.5"))),
            (margin, m, "(5)", Ok(d("-5"))),
            (margin, m, "(3.3%)", Ok(d("-3.3"))),
            // A change, as an input takes it: a tenth more of the margin, not 10 points.
            (margin, m, "+10%", Ok(d("88.22"))),
            (margin, m, "-5%", Ok(d("76.19"))),
            (eps, e, "$0.12", Ok(d("0.12"))),
            (eps, e, "0.12%", Err(EntryError::Arithmetic)),
            (eps, e, "", Err(EntryError::Empty)),
            (eps, e, "*2", Ok(d("0.2"))),
            (eps, e, "*-1", Ok(d("-0.1"))),
            (eps, None, "*2", Err(EntryError::NothingToChange)),
            (revenue, r, "+10%", Ok(d("25720.2"))),
            (revenue, r, "*1.0000001", Err(EntryError::ChangeDecimals)),
            (revenue, r, "*1.000001", Ok(d("23382.023"))),
        ];
        for (figure, now, typed, read) in rows {
            assert_eq!(&read_target(model, *figure, typed, *now), read, "{typed} for {}", figure.key());
        }
    }
}

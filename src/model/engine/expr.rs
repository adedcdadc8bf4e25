//! Formulas as data: one declaration per figure answers "what is it", "what is it built from"
//! and "how is it computed".

use super::cell::{Cell, Undefined, Value};
use super::format::exact;
use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    Plus,
    Minus,
}

/// A formula over figures named by `C`: declared with `Cell`s (the release's names), evaluated
/// with the engine's indexes, so a keystroke does no lookups by name.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr<C = Cell> {
    /// Another figure.
    Cell(C),
    /// A plain number, such as 100 for a percentage.
    Number(Decimal),
    /// A number the release implies and the model holds fixed, kept as an exact fraction.
    Fixed {
        name: &'static str,
        num: Decimal,
        den: Decimal,
    },
    Sum(Vec<(Sign, Expr<C>)>),
    Product(Vec<Expr<C>>),
    /// Undefined when the divisor is zero.
    Quotient(Box<Expr<C>>, Box<Expr<C>>),
    /// `negative` when `test` is below zero, else `otherwise`: a loss is allocated differently
    /// from a profit (the participating preferred stock does not share in losses).
    IfNegative {
        test: Box<Expr<C>>,
        negative: Box<Expr<C>>,
        otherwise: Box<Expr<C>>,
    },
}

/// A value kept as numerator and denominator while a formula is evaluated, so that a formula
/// divides once, at the end: 1,667 × 415 ÷ 1,667 is exactly 415, not 414.999….
/// No denominator means a whole number, the common case: sums of figures then only add.
#[derive(Clone, Copy)]
struct Fraction {
    num: Decimal,
    den: Option<Decimal>,
}

impl Fraction {
    fn whole(num: Decimal) -> Fraction {
        Fraction { num, den: None }
    }

    fn plus(self, t: Fraction) -> Result<Fraction, Undefined> {
        Ok(match (self.den, t.den) {
            (a, b) if a == b => Fraction { num: add(self.num, t.num)?, den: a },
            (a, b) => {
                let (a, b) = (a.unwrap_or(Decimal::ONE), b.unwrap_or(Decimal::ONE));
                Fraction { num: add(mul(self.num, b)?, mul(t.num, a)?)?, den: Some(mul(a, b)?) }
            }
        })
    }

    fn times(self, f: Fraction) -> Result<Fraction, Undefined> {
        Ok(Fraction { num: mul(self.num, f.num)?, den: times(self.den, f.den)? })
    }
}

/// The product of two denominators, either of which may be one (`None`).
fn times(a: Option<Decimal>, b: Option<Decimal>) -> Result<Option<Decimal>, Undefined> {
    Ok(match (a, b) {
        (Some(a), Some(b)) => Some(mul(a, b)?),
        (a, None) | (None, a) => a,
    })
}

fn mul(a: Decimal, b: Decimal) -> Result<Decimal, Undefined> {
    a.checked_mul(b).ok_or(Undefined::Overflow)
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal, Undefined> {
    a.checked_add(b).ok_or(Undefined::Overflow)
}

impl<C: Copy> Expr<C> {
    /// The value of the formula, given the values of the figures it reads.
    pub fn evaluate(&self, get: &dyn Fn(C) -> Value) -> Value {
        // Most formulas add and subtract figures: no fractions needed.
        if let Some(value) = self.sum_of_figures(get) {
            return value;
        }
        let f = self.fraction(get)?;
        let value = match f.den {
            // Dividing by one would change nothing.
            None => Ok(f.num),
            Some(d) if d == Decimal::ONE => Ok(f.num),
            Some(d) if d.is_zero() => Err(Undefined::ZeroDivisor),
            Some(d) => f.num.checked_div(d).ok_or(Undefined::Overflow),
        }?;
        // Every quotient the release declares is a ratio to a base: revenue, a prior year's
        // figure, a share count (never below zero).
        match self {
            Expr::Quotient(_, base) if base.evaluate(get).is_ok_and(|b| b.is_sign_negative() && !b.is_zero()) => Err(Undefined::NotMeaningful(value)),
            _ => Ok(value),
        }
    }

    /// The value of a figure, or of a sum of figures, as `fraction` would compute it; `None` as
    /// soon as a term is something else.
    fn sum_of_figures(&self, get: &dyn Fn(C) -> Value) -> Option<Value> {
        let terms = match self {
            Expr::Cell(cell) => return Some(get(*cell)),
            Expr::Sum(terms) => terms,
            _ => return None,
        };
        let mut sum: Option<Decimal> = None;
        for (sign, term) in terms {
            let value = match term {
                Expr::Cell(cell) => get(*cell),
                _ => return None,
            };
            let value = match value {
                Ok(v) if *sign == Sign::Minus => -v,
                Ok(v) => v,
                Err(why) => return Some(Err(why)),
            };
            sum = Some(match sum {
                None => value,
                Some(sum) => match add(sum, value) {
                    Ok(total) => total,
                    Err(why) => return Some(Err(why)),
                },
            });
        }
        Some(Ok(sum.unwrap_or(Decimal::ZERO)))
    }

    fn fraction(&self, get: &dyn Fn(C) -> Value) -> Result<Fraction, Undefined> {
        Ok(match self {
            Expr::Cell(cell) => Fraction::whole(get(*cell)?),
            Expr::Number(n) => Fraction::whole(*n),
            Expr::Fixed { num, den, .. } => Fraction { num: *num, den: Some(*den) },
            Expr::Sum(terms) => {
                let mut acc: Option<Fraction> = None;
                for (sign, term) in terms {
                    let mut t = term.fraction(get)?;
                    if *sign == Sign::Minus {
                        t.num = -t.num;
                    }
                    acc = Some(match acc {
                        None => t,
                        Some(acc) => acc.plus(t)?,
                    });
                }
                acc.unwrap_or(Fraction::whole(Decimal::ZERO))
            }
            Expr::Product(factors) => {
                let mut acc: Option<Fraction> = None;
                for factor in factors {
                    let f = factor.fraction(get)?;
                    acc = Some(match acc {
                        None => f,
                        Some(acc) => acc.times(f)?,
                    });
                }
                acc.unwrap_or(Fraction::whole(Decimal::ONE))
            }
            Expr::Quotient(a, b) => {
                let a = a.fraction(get)?;
                let b = b.fraction(get)?;
                if b.num.is_zero() {
                    return Err(Undefined::ZeroDivisor);
                }
                // a ÷ b = (a.num × b.den) ÷ (a.den × b.num)
                let num = match b.den {
                    Some(d) => mul(a.num, d)?,
                    None => a.num,
                };
                Fraction { num, den: times(a.den, Some(b.num))? }
            }
            Expr::IfNegative { test, negative, otherwise } => {
                let t = test.fraction(get)?;
                // The sign of num ÷ den.
                let below_zero = !t.num.is_zero() && (t.num.is_sign_negative() != t.den.is_some_and(|d| d.is_sign_negative()));
                if below_zero {
                    negative.fraction(get)?
                } else {
                    otherwise.fraction(get)?
                }
            }
        })
    }

    /// The branch a top-level `IfNegative` takes with `get`'s values (repeatedly, for nested
    /// ones), and whether it is the negative one; the formula itself otherwise.
    pub fn applied(&self, get: &dyn Fn(C) -> Value) -> (&Expr<C>, Option<bool>) {
        let mut expr = self;
        let mut took = None;
        while let Expr::IfNegative { test, negative, otherwise } = expr {
            let below_zero = test.evaluate(get).is_ok_and(|v| v.is_sign_negative() && !v.is_zero());
            took = Some(below_zero);
            expr = if below_zero { negative } else { otherwise };
        }
        (expr, took)
    }

    /// The same formula with each figure renamed by `rename`.
    pub fn map<D>(&self, rename: &dyn Fn(C) -> D) -> Expr<D> {
        match self {
            Expr::Cell(c) => Expr::Cell(rename(*c)),
            Expr::Number(n) => Expr::Number(*n),
            Expr::Fixed { name, num, den } => Expr::Fixed { name, num: *num, den: *den },
            Expr::Sum(terms) => Expr::Sum(terms.iter().map(|(s, t)| (*s, t.map(rename))).collect()),
            Expr::Product(factors) => Expr::Product(factors.iter().map(|f| f.map(rename)).collect()),
            Expr::Quotient(a, b) => Expr::Quotient(Box::new(a.map(rename)), Box::new(b.map(rename))),
            Expr::IfNegative { test, negative, otherwise } => {
                Expr::IfNegative { test: Box::new(test.map(rename)), negative: Box::new(negative.map(rename)), otherwise: Box::new(otherwise.map(rename)) }
            }
        }
    }
}

impl Expr {
    /// Every figure the formula reads, in the order it reads them.
    pub fn cells(&self, out: &mut Vec<Cell>) {
        self.leaves(&mut |leaf| {
            if let Expr::Cell(cell) = leaf {
                out.push(*cell);
            }
        });
    }

    /// Each number the formula holds fixed, in words, in the order it reads them (both ways of
    /// a rule for a loss): "the first six months as reported [8,789]".
    pub fn fixed(&self, out: &mut Vec<String>) {
        self.leaves(&mut |leaf| {
            if let Expr::Fixed { .. } = leaf {
                out.push(leaf.describe(&|_| String::new()));
            }
        });
    }

    /// Calls `visit` with each figure and number of the formula, in the order it reads them.
    fn leaves(&self, visit: &mut dyn FnMut(&Expr)) {
        match self {
            Expr::Cell(_) | Expr::Number(_) | Expr::Fixed { .. } => visit(self),
            Expr::Sum(terms) => terms.iter().for_each(|(_, t)| t.leaves(visit)),
            Expr::Product(factors) => factors.iter().for_each(|f| f.leaves(visit)),
            Expr::Quotient(a, b) => {
                a.leaves(visit);
                b.leaves(visit);
            }
            Expr::IfNegative { test, negative, otherwise } => {
                test.leaves(visit);
                negative.leaves(visit);
                otherwise.leaves(visit);
            }
        }
    }

    /// The formula in words, each figure named by `name`: "Revenues − Cost of revenues".
    pub fn describe(&self, name: &dyn Fn(Cell) -> String) -> String {
        match self {
            Expr::Cell(cell) => name(*cell),
            Expr::Number(n) => n.to_string(),
            Expr::Fixed { name, num, den } if *den == Decimal::ONE => format!("{name} [{}]", exact(*num)),
            // The quotient first, to three decimals: "[7,315,436 ÷ 415]" alone does not say that
            // the participating shares are about 17,628 thousand.
            Expr::Fixed { name, num, den } => {
                let quotient = num.checked_div(*den).unwrap_or_default();
                let shown = super::unit::round_for_display(quotient, 3);
                let about = if shown == quotient { "" } else { "≈ " };
                format!("{name} {about}{} [= {} ÷ {}]", exact(shown), exact(*num), exact(*den))
            }
            Expr::Sum(terms) => {
                let mut out = String::new();
                for (i, (sign, term)) in terms.iter().enumerate() {
                    match (i, sign) {
                        (0, Sign::Plus) => {}
                        (0, Sign::Minus) => out.push('−'),
                        (_, Sign::Plus) => out.push_str(" + "),
                        (_, Sign::Minus) => out.push_str(" − "),
                    }
                    out.push_str(&term.operand(name));
                }
                out
            }
            Expr::Product(factors) => factors.iter().map(|f| f.operand(name)).collect::<Vec<_>>().join(" × "),
            Expr::Quotient(a, b) => format!("{} ÷ {}", a.operand(name), b.operand(name)),
            Expr::IfNegative { test, negative, otherwise } => {
                format!("{} when {} is negative, otherwise {}", negative.operand(name), test.operand(name), otherwise.operand(name))
            }
        }
    }

    /// Like `describe`, with parentheses where the formula needs them inside another.
    fn operand(&self, name: &dyn Fn(Cell) -> String) -> String {
        match self {
            Expr::Sum(terms) if terms.len() > 1 => format!("({})", self.describe(name)),
            Expr::Product(_) | Expr::Quotient(..) | Expr::IfNegative { .. } => format!("({})", self.describe(name)),
            _ => self.describe(name),
        }
    }
}

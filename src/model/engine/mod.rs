//! The engine: what turns the release's declarations into figures, for any scenario. A figure
//! is a `Cell` (a line in a period) with a `Unit`; it is declared as an input or a formula
//! (`Expr`), and `Model` evaluates every figure in dependency order. A `Scenario` holds the
//! edits and says what an edit is allowed to be; a derivation walks a figure down to its
//! inputs. Numbers are read (`parse`) and shown (`format`) here too, as a unit says. It
//! declares no figure itself: the release's figures and formulas are `release`'s.

pub(crate) mod cell;
pub(crate) mod derivation;
pub(crate) mod evaluator;
pub(crate) mod expr;
pub mod format;
pub mod parse;
pub(crate) mod period;
pub(crate) mod scenario;
pub(crate) mod unit;

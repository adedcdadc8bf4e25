//! The statements' identities and the ties between them, checked against any scenario. Most
//! right-hand sides are the left figure's own declaration (its formula, the link it follows, or
//! the figure it repeats), so a tie is written once, in `release.rs`, and only named here.

use super::period::Period::{self, *};
use super::{Cell, Model, Value};
use super::{Def, Figures, Undefined};
use std::sync::OnceLock;

/// What the left figure should equal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Right {
    /// The left figure's own declaration: what it is computed from, or follows until edited.
    Declared,
    /// Another figure.
    Figure(Cell),
    /// One figure less another.
    Difference(Cell, Cell),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tie {
    pub group: &'static str,
    pub left: Cell,
    pub right: Right,
}

/// A tie checked against a scenario's figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Check {
    pub left: Value,
    pub right: Value,
}

impl Check {
    pub fn holds(&self) -> bool {
        self.left == self.right
    }

    /// Left less right, when both are defined.
    pub fn difference(&self) -> Value {
        let (l, r) = (self.left?, self.right?);
        l.checked_sub(r).ok_or(Undefined::Overflow)
    }
}

const fn tie(group: &'static str, period: Period, line: &'static str) -> Tie {
    Tie { group, left: Cell::new(period, line), right: Right::Declared }
}

const BALANCE: &str = "The balance sheets balance";
const CASH: &str = "Cash ties from statement to statement";
const WORKING: &str = "Operating cash flows follow the balance sheets";
const ROLL: &str = "Balances roll forward from December 31, 2011";
const INCOME: &str = "The statement of operations adds up";
const FIRST_HALF: &str = "Nine months less the third quarter are the first six months the release implies";

const TIES: &[Tie] = &[
    Tie { group: BALANCE, left: Cell::new(Bs2012, "total_assets"), right: Right::Figure(Cell::new(Bs2012, "total_liabilities_and_equity")) },
    Tie { group: BALANCE, left: Cell::new(Bs2011, "total_assets"), right: Right::Figure(Cell::new(Bs2011, "total_liabilities_and_equity")) },
    tie(CASH, M9_2012, "cash_ending"),
    tie(CASH, Bs2012, "cash"),
    tie(CASH, M9_2012, "cash_beginning"),
    tie(CASH, Bs2011, "cash"),
    tie(WORKING, M9_2012, "change_accounts_receivable"),
    tie(WORKING, M9_2012, "change_prepaid_and_other"),
    tie(WORKING, M9_2012, "change_accounts_payable"),
    tie(WORKING, M9_2012, "change_accrued_liabilities"),
    tie(WORKING, M9_2012, "change_deferred_revenue"),
    tie(WORKING, M9_2012, "change_income_taxes_payable"),
    tie(WORKING, M9_2012, "change_other_noncurrent_liabilities"),
    tie(WORKING, M9_2012, "capital_lease_payments"),
    tie(WORKING, M9_2012, "fx_effect_on_cash"),
    tie(WORKING, M9_2012, "depreciation_and_amortization"),
    tie(WORKING, F4_2012, "deferred_revenue_current_ending"),
    tie(WORKING, F4_2012, "deferred_revenue_current_beginning"),
    tie(ROLL, Bs2012, "accumulated_deficit"),
    tie(ROLL, Bs2012, "accumulated_oci"),
    tie(ROLL, Bs2012, "additional_paid_in_capital"),
    tie(ROLL, Bs2012, "common_stock"),
    tie(ROLL, Bs2012, "convertible_preferred_stock"),
    tie(ROLL, Bs2012, "property_and_equipment"),
    tie(ROLL, Bs2012, "intangible_assets"),
    tie(ROLL, Bs2012, "restricted_cash"),
    tie(ROLL, Bs2012, "goodwill"),
    tie(INCOME, Q3_2012, "sbc_total"),
    tie(INCOME, M9_2012, "sbc_total"),
    Tie {
        group: INCOME,
        left: Cell::new(Q3_2012, "net_income"),
        right: Right::Difference(Cell::new(Q3_2012, "net_income_to_common_basic"), Cell::new(Q3_2012, "net_income_to_participating")),
    },
    Tie {
        group: INCOME,
        left: Cell::new(M9_2012, "net_income"),
        right: Right::Difference(Cell::new(M9_2012, "net_income_to_common_basic"), Cell::new(M9_2012, "net_income_to_participating")),
    },
];

/// Every tie: those above, then each flow's nine months against its third quarter and the
/// first six months the release implies, found in the declarations (a nine-month input that
/// follows its quarter), so a flow declared later is checked without being named here.
pub fn all() -> &'static [Tie] {
    static ALL: OnceLock<Vec<Tie>> = OnceLock::new();
    ALL.get_or_init(|| {
        let model = Model::release();
        let mut all = TIES.to_vec();
        all.extend(model.cells().filter(|c| follows_its_quarter(model, *c)).map(|left| Tie { group: FIRST_HALF, left, right: Right::Declared }));
        all
    })
}

fn follows_its_quarter(model: &Model, cell: Cell) -> bool {
    let quarter = match cell.period {
        M9_2012 => Q3_2012,
        M9_2011 => Q3_2011,
        _ => return false,
    };
    matches!(model.def(cell), Some(Def::Input { link: Some(_), .. })) && model.reads(cell).contains(&Cell::new(quarter, cell.line))
}

impl Tie {
    pub fn check(&self, model: &Model, figures: &Figures) -> Check {
        let get = |c: Cell| figures.get(model, c);
        let right = match self.right {
            Right::Declared => model.declared(self.left, &get).unwrap_or(Err(Undefined::Missing)),
            Right::Figure(c) => get(c),
            Right::Difference(a, b) => get(a).and_then(|a| get(b).and_then(|b| a.checked_sub(b).ok_or(Undefined::Overflow))),
        };
        Check { left: get(self.left), right }
    }

    /// The right side in words, each figure written by `name`.
    pub fn describe(&self, model: &Model, name: &dyn Fn(Cell) -> String) -> String {
        match self.right {
            Right::Declared => model.formula_with(self.left, name).unwrap_or_default(),
            Right::Figure(c) => name(c),
            Right::Difference(a, b) => format!("{} − {}", name(a), name(b)),
        }
    }
}

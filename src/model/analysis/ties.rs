//! The statements' identities and the ties between them, checked against any scenario. Most
//! right-hand sides are the left figure's own declaration (its formula, the link it follows, or
//! the figure it repeats), so a tie is written once, in `release/figures.rs`, and only named here.

use crate::model::Period::{self, *};
use crate::model::{Cell, Def, Figures, Model, Undefined, Value};
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
const YEAR: &str = "The year is nine months plus the fourth quarter (estimates)";
/// Not an identity: which fourth-quarter estimates still follow the third quarter, and which
/// were set by hand. A difference here is a choice, not an error.
pub const FOLLOWS_Q3: &str = "The fourth quarter follows the third until edited (estimates)";

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
    tie(YEAR, FY_2012, "revenue"),
    tie(YEAR, FY_2012, "cost_of_revenue"),
    tie(YEAR, FY_2012, "research_and_development"),
    tie(YEAR, FY_2012, "sales_and_marketing"),
    tie(YEAR, FY_2012, "general_and_administrative"),
    tie(YEAR, FY_2012, "interest_expense"),
    tie(YEAR, FY_2012, "interest_income"),
    tie(YEAR, FY_2012, "other_income_expense_net"),
    tie(YEAR, FY_2012, "provision_for_income_taxes"),
    tie(YEAR, FY_2012, "sbc_cost_of_revenue"),
    tie(YEAR, FY_2012, "sbc_research_and_development"),
    tie(YEAR, FY_2012, "sbc_sales_and_marketing"),
    tie(YEAR, FY_2012, "sbc_general_and_administrative"),
    tie(YEAR, FY_2012, "depreciation_property_equipment"),
    tie(YEAR, FY_2012, "amortization_intangibles"),
    tie(FOLLOWS_Q3, Q4_2012, "cost_of_revenue"),
    tie(FOLLOWS_Q3, Q4_2012, "research_and_development"),
    tie(FOLLOWS_Q3, Q4_2012, "sales_and_marketing"),
    tie(FOLLOWS_Q3, Q4_2012, "general_and_administrative"),
    tie(FOLLOWS_Q3, Q4_2012, "interest_expense"),
    tie(FOLLOWS_Q3, Q4_2012, "interest_income"),
    tie(FOLLOWS_Q3, Q4_2012, "other_income_expense_net"),
    tie(FOLLOWS_Q3, Q4_2012, "provision_for_income_taxes"),
    tie(FOLLOWS_Q3, Q4_2012, "sbc_cost_of_revenue"),
    tie(FOLLOWS_Q3, Q4_2012, "sbc_research_and_development"),
    tie(FOLLOWS_Q3, Q4_2012, "sbc_sales_and_marketing"),
    tie(FOLLOWS_Q3, Q4_2012, "sbc_general_and_administrative"),
    tie(FOLLOWS_Q3, Q4_2012, "depreciation_property_equipment"),
    tie(FOLLOWS_Q3, Q4_2012, "amortization_intangibles"),
];

/// Every tie: those above and, before the estimates', each flow's nine months against its third quarter and the
/// first six months the release implies, found in the declarations (a nine-month input that
/// follows its quarter), so a flow declared later is checked without being named here.
pub fn all() -> &'static [Tie] {
    static ALL: OnceLock<Vec<Tie>> = OnceLock::new();
    ALL.get_or_init(|| {
        let model = Model::release();
        let mut all = TIES.to_vec();
        let halves = model.cells().filter(|c| follows_its_quarter(model, *c)).map(|left| Tie { group: FIRST_HALF, left, right: Right::Declared });
        // With the reported statements' ties, before the estimates'.
        let at = all.iter().position(|t| t.group == YEAR).unwrap_or(all.len());
        all.splice(at..at, halves);
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
    /// Whether a difference only reports a choice (an estimate set by hand), not a break.
    pub fn informational(&self) -> bool {
        self.group == FOLLOWS_Q3
    }

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

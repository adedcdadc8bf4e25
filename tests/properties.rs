//! Properties over any bounded edits: nothing panics or overflows, the statements' identities
//! hold, and share links carry a scenario exactly.

use proptest::prelude::*;
use qualys_what_if::model::analysis::ties;
use qualys_what_if::model::io::link::{decode, encode};
use qualys_what_if::model::{Cell, Def, Figures, Model, Period, Period::*, Scenario, Undefined, Unit};
use rust_decimal::Decimal;

/// Every figure a person can edit, as the canonical input it sets.
fn inputs() -> Vec<Cell> {
    let model = Model::release();
    model.cells().filter(|c| model.editable(*c) == Some(*c)).collect()
}

/// A value within the entry bounds: up to a billion, up to three decimals.
fn bounded_value() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (-1_000_000_000_000i64..=1_000_000_000_000i64, 0u32..=3).prop_map(|(m, s)| Decimal::new(m / 10i64.pow(3 - s), s)),
        Just(Decimal::from(1_000_000_000)),
        Just(Decimal::from(-1_000_000_000)),
        Just(Decimal::ZERO),
        Just(Decimal::new(1, 3)),
    ]
}

/// Inputs with no counterpart in the release's statements: an edit leaves the balance sheet
/// showing the difference (their other side is in lines the release does not itemise).
const UNBALANCING: [&str; 3] = ["non_cash_interest_expense", "acquisition_consideration_paid", "ipo_offering_costs_paid"];

fn unbalancing(c: &Cell) -> bool {
    c.period == M9_2012 && UNBALANCING.contains(&c.line)
}

/// Inputs whose edit keeps every tie: all but the linked figures the ties check (an edit
/// overrides the link) and the unbalancing ones.
fn tie_keeping_inputs() -> Vec<Cell> {
    let tied: Vec<Cell> = ties::all().iter().map(|t| t.left).collect();
    inputs().into_iter().filter(|c| !tied.contains(c) && !unbalancing(c)).collect()
}

fn scenario_strategy() -> impl Strategy<Value = Scenario> {
    scenario_of(inputs())
}

fn scenario_of(cells: Vec<Cell>) -> impl Strategy<Value = Scenario> {
    let n = cells.len();
    proptest::collection::vec((0..n, bounded_value()), 0..40).prop_map(move |edits| {
        let model = Model::release();
        let mut s = Scenario::default();
        for (i, v) in edits {
            let cell = cells[i];
            let v = if model.unit(cell) == Some(Unit::Shares) { v.abs() } else { v };
            s = s.with(model, cell, v).expect("bounded values are accepted");
        }
        s
    })
}

fn v(f: &Figures, p: Period, line: &'static str) -> Decimal {
    f.at(p, line).unwrap_or_else(|e| panic!("{}.{line} is {e:?}", p.id()))
}

fn sum(f: &Figures, p: Period, lines: &[&'static str]) -> Decimal {
    lines.iter().map(|l| v(f, p, l)).sum()
}

/// The statements' own arithmetic, written out independently of the model's declarations.
fn assert_identities(f: &Figures) {
    // The statement of operations and its reconciliations, the estimates included.
    for p in Period::OPERATIONS {
        assert_eq!(v(f, p, "gross_profit"), v(f, p, "revenue") - v(f, p, "cost_of_revenue"));
        let opex = sum(f, p, &["research_and_development", "sales_and_marketing", "general_and_administrative"]);
        assert_eq!(v(f, p, "total_operating_expenses"), opex);
        assert_eq!(v(f, p, "income_from_operations"), v(f, p, "gross_profit") - opex);
        let other = v(f, p, "interest_income") + v(f, p, "other_income_expense_net") - v(f, p, "interest_expense");
        assert_eq!(v(f, p, "total_other_income_expense"), other);
        assert_eq!(v(f, p, "income_before_taxes"), v(f, p, "income_from_operations") + other);
        assert_eq!(v(f, p, "net_income"), v(f, p, "income_before_taxes") - v(f, p, "provision_for_income_taxes"));
        let sbc = sum(f, p, &["sbc_cost_of_revenue", "sbc_research_and_development", "sbc_sales_and_marketing", "sbc_general_and_administrative"]);
        assert_eq!(v(f, p, "sbc_total"), sbc);
        let ebitda = sum(f, p, &["net_income", "depreciation_property_equipment", "amortization_intangibles", "provision_for_income_taxes"])
            + v(f, p, "interest_expense")
            - v(f, p, "interest_income");
        assert_eq!(v(f, p, "ebitda"), ebitda);
        assert_eq!(v(f, p, "adjusted_ebitda"), ebitda + sbc - v(f, p, "other_income_expense_net"));
        assert_eq!(v(f, p, "non_gaap_gross_profit"), v(f, p, "gross_profit") + v(f, p, "sbc_cost_of_revenue"));
        assert_eq!(v(f, p, "non_gaap_income_from_operations"), v(f, p, "income_from_operations") + sbc);
        assert_eq!(v(f, p, "non_gaap_net_income"), v(f, p, "net_income") + sbc);
    }
    for p in Period::INCOME {
        assert_eq!(v(f, p, "comprehensive_income"), v(f, p, "net_income") + v(f, p, "fx_translation"));
        let shares = sum(f, p, &["shares_basic", "dilutive_convertible_preferred", "dilutive_options", "dilutive_warrants", "dilutive_contingent_shares"]);
        assert_eq!(v(f, p, "shares_diluted"), shares);
        assert_eq!(v(f, p, "net_income_to_common_basic") - v(f, p, "net_income"), v(f, p, "net_income_to_participating"));
    }
    // The year is nine months plus the fourth quarter, flow by flow; estimate EPS has no
    // two-class allocation.
    for line in [
        "revenue",
        "cost_of_revenue",
        "research_and_development",
        "sales_and_marketing",
        "general_and_administrative",
        "interest_expense",
        "interest_income",
        "other_income_expense_net",
        "provision_for_income_taxes",
        "sbc_cost_of_revenue",
        "sbc_research_and_development",
        "sbc_sales_and_marketing",
        "sbc_general_and_administrative",
        "depreciation_property_equipment",
        "amortization_intangibles",
    ] {
        assert_eq!(v(f, FY_2012, line), v(f, M9_2012, line) + v(f, Q4_2012, line), "{line}");
    }
    for p in Period::ESTIMATES {
        let shares = v(f, p, "shares_diluted");
        if !shares.is_zero() {
            assert_eq!(v(f, p, "eps_diluted"), v(f, p, "net_income") / shares);
            assert_eq!(v(f, p, "non_gaap_eps_diluted"), v(f, p, "non_gaap_net_income") / shares);
        }
    }
    for p in Period::BALANCE {
        let tca = sum(f, p, &["cash", "accounts_receivable", "prepaid_and_other_current"]);
        assert_eq!(v(f, p, "total_current_assets"), tca);
        assert_eq!(
            v(f, p, "total_assets"),
            tca + sum(f, p, &["restricted_cash", "property_and_equipment", "intangible_assets", "goodwill", "other_noncurrent_assets"])
        );
        let tcl = sum(f, p, &["accounts_payable", "accrued_liabilities", "deferred_revenue_current", "capital_lease_current"]);
        assert_eq!(
            v(f, p, "total_liabilities"),
            tcl + sum(f, p, &["deferred_revenue_noncurrent", "income_taxes_payable_noncurrent", "other_noncurrent_liabilities", "capital_lease_noncurrent"])
        );
        let equity = sum(f, p, &["common_stock", "additional_paid_in_capital", "accumulated_oci", "accumulated_deficit"]);
        assert_eq!(v(f, p, "total_stockholders_equity"), equity);
        assert_eq!(v(f, p, "total_liabilities_and_equity"), v(f, p, "total_liabilities") + v(f, p, "convertible_preferred_stock") + equity);
    }
    for p in Period::NINE_MONTHS {
        let net = sum(f, p, &["cash_from_operations", "cash_from_investing", "cash_from_financing", "fx_effect_on_cash"]);
        assert_eq!(v(f, p, "net_change_in_cash"), net);
        assert_eq!(v(f, p, "cash_ending"), v(f, p, "cash_beginning") + net);
        assert_eq!(v(f, p, "depreciation_and_amortization"), sum(f, p, &["depreciation_property_equipment", "amortization_intangibles"]));
    }
    for p in Period::FOUR_QUARTERS {
        let change = v(f, p, "deferred_revenue_current_ending") - v(f, p, "deferred_revenue_current_beginning");
        assert_eq!(v(f, p, "four_quarter_bookings"), v(f, p, "revenue") + change);
    }
    // The ties between statements.
    assert_eq!(v(f, Bs2012, "cash"), v(f, M9_2012, "cash_ending"));
    assert_eq!(v(f, M9_2012, "cash_beginning"), v(f, Bs2011, "cash"));
    // Equity's roll-forward is a link, which an edit may override: `edits_with_a_counterpart_keep_every_tie`.
    assert_eq!(v(f, F4_2012, "deferred_revenue_current_ending"), v(f, Bs2012, "deferred_revenue_current"));
    assert_eq!(v(f, F4_2012, "deferred_revenue_current_beginning"), v(f, F4_2011, "deferred_revenue_current_ending"));
    assert_eq!(v(f, F4_2012, "revenue") - v(f, M9_2012, "revenue"), Decimal::from(20_653));
    assert_eq!(v(f, F4_2011, "revenue") - v(f, M9_2011, "revenue"), Decimal::from(17_256));
}

#[test]
fn the_model_is_sound() {
    assert_eq!(Model::release().faults(), &[] as &[String]);
}

#[test]
fn the_release_satisfies_every_identity_and_balances() {
    let f = Model::release().reported();
    assert_identities(f);
    for p in Period::BALANCE {
        assert_eq!(v(f, p, "total_assets"), v(f, p, "total_liabilities_and_equity"), "{}", p.id());
    }
}

#[test]
fn every_tie_holds_on_the_release() {
    let model = Model::release();
    for tie in ties::all() {
        let check = tie.check(model, model.reported());
        assert!(check.holds(), "{}: {:?}", tie.left.key(), check);
        assert!(check.left.is_ok(), "{}", tie.left.key());
    }
}

#[test]
fn overriding_a_link_or_an_unitemised_flow_shows_in_the_ties() {
    // Each edit breaks exactly the ties it should, by the amount edited.
    let model = Model::release();
    for (cell, value, broken) in [
        (Cell::new(M9_2012, "change_deferred_revenue"), 7_415, vec![("2012-09-30.total_assets", 1_000), ("9m-2012.change_deferred_revenue", 1_000)]),
        (Cell::new(Bs2012, "property_and_equipment"), 16_996, vec![("2012-09-30.total_assets", 100), ("2012-09-30.property_and_equipment", 100)]),
        (Cell::new(Bs2011, "cash"), 24_648, vec![("2012-09-30.total_assets", 100), ("2011-12-31.total_assets", 100), ("2011-12-31.cash", 100)]),
        (Cell::new(M9_2012, "non_cash_interest_expense"), 124, vec![("2012-09-30.total_assets", 100)]),
    ] {
        let s = Scenario::default().with(model, cell, Decimal::from(value)).unwrap();
        let f = model.evaluate(&s);
        let got: Vec<(String, Decimal)> = ties::all()
            .iter()
            .filter_map(|t| {
                let check = t.check(model, &f);
                (!check.holds()).then(|| (t.left.key(), check.difference().unwrap()))
            })
            .collect();
        // In the order of the ties: balance sheets first.
        let want: Vec<(String, Decimal)> = broken.into_iter().map(|(k, d)| (k.to_string(), Decimal::from(d))).collect();
        assert_eq!(got, want, "editing {}", cell.key());
    }
}

#[test]
fn every_reported_input_is_its_own_reported_value() {
    // Nine-month flows are linked inputs: unedited, their link must give the reported figure.
    let model = Model::release();
    for cell in inputs() {
        if let Some(Def::Input { reported, .. }) = model.def(cell) {
            assert_eq!(model.reported().get(model, cell), Ok(*reported), "{}", cell.key());
        }
    }
}

#[test]
fn edits_to_income_and_deferred_revenue_keep_the_balance_sheet_balanced() {
    // Flows through net income reach cash and the accumulated deficit alike; deferred revenue
    // reaches cash (through operations) and liabilities alike.
    let model = Model::release();
    let mut s = Scenario::default();
    for (p, line, value) in [
        (Q3_2012, "revenue", 30_000),
        (Q3_2012, "general_and_administrative", 1_000),
        (M9_2012, "provision_for_income_taxes", 500),
        (Q3_2012, "other_income_expense_net", -300),
        (Bs2012, "deferred_revenue_current", 40_000),
        (Bs2012, "deferred_revenue_noncurrent", 9_000),
    ] {
        s = s.with(model, Cell::new(p, line), Decimal::from(value)).unwrap();
    }
    let f = model.evaluate(&s);
    assert_eq!(v(&f, Bs2012, "total_assets"), v(&f, Bs2012, "total_liabilities_and_equity"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn bounded_edits_never_overflow_and_keep_every_identity(s in scenario_strategy()) {
        let model = Model::release();
        let f = model.evaluate(&s);
        for cell in model.cells() {
            prop_assert_ne!(f.get(model, cell), Err(Undefined::Overflow), "{}", cell.key());
            prop_assert_ne!(f.get(model, cell), Err(Undefined::Missing), "{}", cell.key());
        }
        assert_identities(&f);
    }

    #[test]
    fn edits_with_a_counterpart_keep_every_tie(s in scenario_of(tie_keeping_inputs())) {
        // Revenue, costs, taxes, SBC, D&A, deferred revenue, any balance-sheet line...: every
        // such edit reaches both sides of the balance sheets and keeps cash tied.
        let model = Model::release();
        let f = model.evaluate(&s);
        for tie in ties::all() {
            let check = tie.check(model, &f);
            prop_assert!(check.holds(), "{}: {:?} after {:?}", tie.left.key(), check, s);
        }
    }

    #[test]
    fn a_share_link_carries_its_scenario_exactly(s in scenario_strategy()) {
        let model = Model::release();
        let (back, problems) = decode(model, &encode(&s));
        prop_assert!(problems.is_empty(), "{:?}", problems);
        prop_assert_eq!(back, s);
    }

    #[test]
    fn no_fragment_panics_the_link_reader(text in ".{0,80}", key in 0usize..200, value in "[-0-9.%a-z,()]{0,12}") {
        let model = Model::release();
        let _ = decode(model, &text);
        let cells = inputs();
        if let Some(cell) = cells.get(key) {
            let _ = decode(model, &format!("v=1&{}={value}", cell.key()));
        }
    }
}

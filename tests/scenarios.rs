//! Each rule of the contract's "What an edit means", with results worked out by hand from the
//! release's figures.

mod common;

use common::{d, edit, expect};
use qualys_what_if::model::engine::parse::Reading;
use qualys_what_if::model::engine::{format, parse};
use qualys_what_if::model::io::link::{decode, encode, is_link};
use qualys_what_if::model::release::tables::{Row, TABLES};
use qualys_what_if::model::{Cell, EditError, Model, Period, Period::*, SbcReading, Scenario};

#[test]
fn a_quarter_flow_edit_moves_nine_months_by_the_same_amount() {
    // Revenue +1,000 in Q3 2012; taxes as entered, so net income +1,000 too.
    let (_, f) = edit(&[(Q3_2012, "revenue", "24382")]);
    expect(
        &f,
        &[
            (Q3_2012, "revenue", "=24382"),
            (M9_2012, "revenue", "=67763"),
            (Q3_2012, "gross_profit", "19,748"),
            (M9_2012, "gross_profit", "54,340"),
            (Q3_2012, "net_income", "=2667"),
            (M9_2012, "net_income", "=2105"),
            // Four quarters: the fixed prior fourth quarter 20,653 + nine months.
            (F4_2012, "revenue", "=88416"),
            (F4_2012, "four_quarter_bookings", "99,696"),
            // Nine-month net income rolls the accumulated deficit and, through operating cash,
            // the cash balance: the balance sheet still balances.
            (Bs2012, "accumulated_deficit", "(74,267)"),
            (M9_2012, "cash_from_operations", "11,669"),
            (Bs2012, "cash", "26,804"),
            (Bs2012, "total_assets", "78,836"),
            (Bs2012, "total_liabilities_and_equity", "78,836"),
            // Two-class: 2,667 × 415 ÷ 1,667 = 663.95 to common; ÷ 5,843 = 0.1136.
            (Q3_2012, "net_income_to_common_basic", "664"),
            (Q3_2012, "eps_basic", "0.11"),
            // Diluted: 2,667 × 1,664 ÷ 1,667 = 2,662.20; ÷ 26,545 = 0.1003.
            (Q3_2012, "net_income_to_common_diluted", "2,662"),
            (Q3_2012, "eps_diluted", "0.10"),
            // The prior year does not move.
            (Q3_2011, "revenue", "=19375"),
            (M9_2011, "revenue", "=55560"),
        ],
    );
}

#[test]
fn a_nine_month_edit_changes_only_nine_months_and_holds() {
    let (scenario, f) = edit(&[(M9_2012, "revenue", "70000"), (Q3_2012, "revenue", "25000")]);
    expect(
        &f,
        &[
            (Q3_2012, "revenue", "=25000"),
            (M9_2012, "revenue", "=70000"),
            (F4_2012, "revenue", "=90653"),
            (Q3_2012, "gross_profit", "20,366"),
            (M9_2012, "gross_profit", "56,577"),
        ],
    );
    assert_eq!(scenario.edits().count(), 2);
}

#[test]
fn share_counts_are_each_periods_own() {
    let (_, f) = edit(&[(Q3_2012, "shares_basic", "6000")]);
    expect(
        &f,
        &[
            (M9_2012, "shares_basic", "=5540"),
            (Q3_2012, "shares_diluted", "=26702"),
            // 1,667 × 6,000 × 415 ÷ (6,000 × 415 + 5,843 × 1,252) = 423.33 to common.
            (Q3_2012, "net_income_to_common_basic", "423"),
            (Q3_2012, "eps_basic", "0.07"),
            (Q3_2012, "net_income_to_participating", "(1,244)"),
            // Diluted net income to common is held at the release's ratio: still 1,664.
            (Q3_2012, "net_income_to_common_diluted", "=1664"),
            (Q3_2012, "eps_diluted", "0.06"),
        ],
    );
}

#[test]
fn stock_compensation_moves_the_add_backs_not_the_gaap_lines() {
    // 349 → 500: +151 in Q3 2012 and nine months.
    let (_, f) = edit(&[(Q3_2012, "sbc_sales_and_marketing", "500")]);
    expect(
        &f,
        &[
            (Q3_2012, "sales_and_marketing", "=8797"),
            (Q3_2012, "income_from_operations", "=1721"),
            (Q3_2012, "net_income", "=1667"),
            (Q3_2012, "eps_diluted", "0.06"),
            (Q3_2012, "sbc_total", "=1178"),
            (M9_2012, "sbc_sales_and_marketing", "=1007"),
            (M9_2012, "sbc_total", "=2734"),
            (Q3_2012, "non_gaap_income_from_operations", "=2899"),
            (Q3_2012, "non_gaap_net_income", "=2845"),
            (Q3_2012, "adjusted_ebitda", "=4750"),
            (Q3_2012, "non_gaap_gross_profit", "=18816"),
            // 2,845 × 1,664 ÷ 1,667 = 2,839.88; ÷ 26,545 = 0.1070.
            (Q3_2012, "non_gaap_eps_diluted", "0.11"),
            // 2,845 × 415 ÷ 1,667 = 708.26; ÷ 5,843 = 0.1212.
            (Q3_2012, "non_gaap_net_income_to_common", "708"),
            (Q3_2012, "non_gaap_eps_basic", "0.12"),
            // The cash flow's stock-based compensation is the same figure.
            (M9_2012, "cash_from_operations", "10,820"),
        ],
    );
}

#[test]
fn deferred_revenue_links_bookings_cash_flow_and_balance_sheet() {
    // 51,693 → 55,000: +3,307.
    let (_, f) = edit(&[(Bs2012, "deferred_revenue_current", "55000")]);
    expect(
        &f,
        &[
            (F4_2012, "deferred_revenue_current_ending", "=55000"),
            (F4_2012, "deferred_revenue_current_change", "=14587"),
            (F4_2012, "four_quarter_bookings", "=102003"),
            (F4_2012, "four_quarter_bookings_growth", "29.3%"),
            (M9_2012, "change_deferred_revenue", "=9722"),
            (M9_2012, "cash_from_operations", "13,976"),
            (Bs2012, "cash", "29,111"),
            (Bs2012, "total_liabilities", "76,275"),
            (Bs2012, "total_assets", "81,143"),
            (Bs2012, "total_liabilities_and_equity", "81,143"),
            // Revenue is not touched.
            (Q3_2012, "revenue", "=23382"),
        ],
    );
}

#[test]
fn the_bookings_table_edits_the_balance_sheet_figure() {
    let (scenario, f) = edit(&[(F4_2012, "deferred_revenue_current_ending", "55000")]);
    assert_eq!(scenario.edits().collect::<Vec<_>>(), vec![(Cell::new(Bs2012, "deferred_revenue_current"), d("55000"))]);
    expect(&f, &[(Bs2012, "deferred_revenue_current", "=55000"), (F4_2012, "four_quarter_bookings", "=102003")]);
}

#[test]
fn the_2012_period_begins_where_the_2011_period_ends() {
    let (scenario, f) = edit(&[(F4_2012, "deferred_revenue_current_beginning", "41000")]);
    assert_eq!(scenario.edits().collect::<Vec<_>>(), vec![(Cell::new(F4_2011, "deferred_revenue_current_ending"), d("41000"))]);
    expect(
        &f,
        &[
            (F4_2011, "deferred_revenue_current_change", "=6630"),
            (F4_2011, "four_quarter_bookings", "=79446"),
            (F4_2012, "deferred_revenue_current_beginning", "=41000"),
            (F4_2012, "deferred_revenue_current_change", "=10693"),
            (F4_2012, "four_quarter_bookings", "=98109"),
        ],
    );
}

#[test]
fn cash_at_the_start_of_2012_is_the_december_balance_sheet() {
    let (scenario, f) = edit(&[(M9_2012, "cash_beginning", "25000")]);
    assert_eq!(scenario.edits().collect::<Vec<_>>(), vec![(Cell::new(Bs2011, "cash"), d("25000"))]);
    expect(&f, &[(Bs2011, "cash", "=25000"), (M9_2012, "cash_ending", "=26256"), (Bs2012, "cash", "=26256")]);
}

#[test]
fn other_comprehensive_income_rolls_into_accumulated_oci() {
    let (_, f) = edit(&[(Q3_2012, "fx_translation", "141")]);
    expect(&f, &[(M9_2012, "fx_translation", "=83"), (M9_2012, "comprehensive_income", "=1188"), (Bs2012, "accumulated_oci", "(901)")]);
}

#[test]
fn interest_is_entered_as_a_positive_expense() {
    let (_, f) = edit(&[(Q3_2012, "interest_expense", "138")]);
    expect(
        &f,
        &[
            (Q3_2012, "total_other_income_expense", "(77)"),
            (Q3_2012, "net_income", "=1567"),
            (Q3_2012, "interest_expense_net", "=137"),
            // EBITDA adds net interest back: unchanged.
            (Q3_2012, "ebitda", "=3632"),
        ],
    );
}

#[test]
fn undefined_figures_are_shown_as_a_dash_not_a_panic() {
    let (_, f) = edit(&[(Q3_2012, "revenue", "0"), (Q3_2012, "shares_basic", "0")]);
    let model = Model::release();
    for line in ["gross_margin", "operating_margin", "adjusted_ebitda_margin", "non_gaap_gross_margin", "eps_basic", "non_gaap_eps_basic"] {
        let value = f.get(model, Cell::new(Q3_2012, line));
        assert!(value.is_err(), "{line}");
        assert_eq!(format::display(value, model.unit(Cell::new(Q3_2012, line)).unwrap()), "—");
        assert_eq!(format::plain(value), "");
    }
    expect(&f, &[(M9_2012, "gross_margin", "69.1%"), (Q3_2012, "gross_profit", "(4,634)")]);
}

/// A ratio to a base below zero reads the opposite of what happened: "n.m.", as releases print
/// it, with its exact quotient still the figure's data-value. A base of zero is still "—", and a
/// base above zero a percentage, however small.
#[test]
fn a_ratio_to_a_base_below_zero_is_not_meaningful() {
    let rows: &[(&[(Period, &str, &str)], Period, &str, &str, &str)] = &[
        // Taxes 81 → 1,033 turn Q3 2011 net income 452 to −500: growth to 1,667 is (1,667 + 500) ÷ −500 = −433.4%.
        (&[(Q3_2011, "provision_for_income_taxes", "1033")], Q3_2012, "net_income_growth", "n.m.", "-433.4"),
        (&[(Q3_2011, "revenue", "-100")], Q3_2011, "gross_margin", "n.m.", ""),
        (&[(Q3_2011, "revenue", "-100")], Q3_2012, "revenue_growth", "n.m.", "-23482"),
        (&[(Q3_2011, "revenue", "0")], Q3_2012, "revenue_growth", "—", ""),
        (&[(Q3_2011, "revenue", "1")], Q3_2012, "revenue_growth", "2,338,100.0%", "2338100"),
        // A loss this year over a profit last year is a fall, and meaningful.
        (&[(Q3_2012, "revenue", "1000")], Q3_2012, "income_from_operations_growth", "(2,178.6%)", ""),
    ];
    let model = Model::release();
    for (edits, period, line, shown, value) in rows {
        let (_, f) = edit(edits);
        let cell = Cell::new(*period, line);
        let v = f.get(model, cell);
        assert_eq!(model.display(cell, v), *shown, "{line} after {edits:?}");
        if !value.is_empty() {
            assert_eq!(format::plain(v), *value, "{line}'s data-value after {edits:?}");
        }
    }
}

#[test]
fn an_edit_back_to_the_release_is_no_edit() {
    let model = Model::release();
    let (scenario, _) = edit(&[(Q3_2012, "revenue", "24382")]);
    let back = scenario.with(model, Cell::new(Q3_2012, "revenue"), d("23382.000")).unwrap();
    assert!(back.is_empty());
    // Nine months typed as what the quarter already makes them is an edit that holds them
    // there, whatever the quarter does next.
    let held = scenario.with(model, Cell::new(M9_2012, "revenue"), d("67763")).unwrap();
    assert_eq!(held.edits().count(), 2);
    let f = model.evaluate(&held.with(model, Cell::new(Q3_2012, "revenue"), d("20000")).unwrap());
    assert_eq!(f.at(M9_2012, "revenue"), Ok(d("67763")));
    // Typed as the release's figure, they hold that too: they follow the quarter only when
    // reset (the release's 66,763 while the quarter makes them 67,763).
    let typed = held.with(model, Cell::new(M9_2012, "revenue"), d("66763")).unwrap();
    assert_eq!(typed.edits().count(), 2);
    assert_eq!(model.evaluate(&typed).at(M9_2012, "revenue"), Ok(d("66763")));
    assert_eq!(typed.without(model, Cell::new(M9_2012, "revenue")), scenario);
    // The same for an estimate that follows the third quarter, and for a nine-month figure
    // typed before the quarter's edit: the order of the edits does not matter.
    let q4 = edit(&[(Q3_2012, "interest_income", "78"), (Q4_2012, "interest_income", "2")]);
    assert_eq!(q4.1.at(Q4_2012, "interest_income"), Ok(d("2")));
    let first = edit(&[(M9_2012, "revenue", "66763"), (Q3_2012, "revenue", "24382")]);
    assert_eq!(first.0, typed);
}

#[test]
fn computed_figures_and_bad_values_are_refused() {
    let model = Model::release();
    let s = Scenario::default();
    assert_eq!(s.with(model, Cell::new(Q3_2012, "gross_profit"), d("1")), Err(EditError::Computed));
    assert_eq!(s.with(model, Cell::new(Bs2012, "cash"), d("1")), Err(EditError::Computed));
    assert_eq!(s.with(model, Cell::new(Q3_2012, "no_such_line"), d("1")), Err(EditError::NoSuchFigure));
    assert!(matches!(s.with(model, Cell::new(Q3_2012, "shares_basic"), d("-1")), Err(EditError::Entry(_))));
    assert!(matches!(s.with(model, Cell::new(Q3_2012, "revenue"), d("1000000001")), Err(EditError::Entry(_))));
}

#[test]
fn the_contract_example_link_loads() {
    let model = Model::release();
    let (scenario, problems) = decode(model, "#v=1&q3-2012.sbc_sales_and_marketing=500&2012-09-30.deferred_revenue_current=55000");
    assert!(problems.is_empty(), "{problems:?}");
    let f = model.evaluate(&scenario);
    expect(&f, &[(Q3_2012, "sbc_total", "=1178"), (F4_2012, "four_quarter_bookings", "=102003")]);
    assert_eq!(encode(&scenario), "v=1&q3-2012.sbc_sales_and_marketing=500&2012-09-30.deferred_revenue_current=55000");
}

#[test]
fn unusable_parts_of_a_link_are_named_and_the_rest_loads() {
    let model = Model::release();
    let (scenario, problems) = decode(
        model,
        "v=1&q3-2012.revenue=24000&q3-2012.gross_profit=1&q9-2012.revenue=1&q3-2012.nothing=1&q3-2012.cost_of_revenue=abc&junk&q3-2012.shares_basic=-5&q3-2012.interest_income=%2D3",
    );
    assert_eq!(problems.len(), 6, "{problems:#?}");
    for fragment in ["gross_profit", "q9-2012", "nothing", "abc", "junk", "shares_basic"] {
        assert!(problems.iter().any(|p| p.contains(fragment)), "{fragment} not named in {problems:#?}");
    }
    let f = model.evaluate(&scenario);
    expect(&f, &[(Q3_2012, "revenue", "=24000"), (Q3_2012, "interest_income", "=-3")]);
}

#[test]
fn a_link_of_another_version_loads_nothing_and_says_so() {
    let (scenario, problems) = decode(Model::release(), "v=2&q3-2012.revenue=24000");
    assert!(scenario.is_empty());
    assert_eq!(problems.len(), 1);
    assert!(problems[0].contains("version 2"));
}

#[test]
fn an_empty_scenario_has_an_empty_fragment() {
    assert_eq!(encode(&Scenario::default()), "");
    let (scenario, problems) = decode(Model::release(), "");
    assert!(scenario.is_empty() && problems.is_empty());
}

#[test]
fn a_link_whose_separators_were_percent_escaped_whole_still_opens_and_a_section_is_no_link() {
    let model = Model::release();
    // (fragment, a link, the revenue it opens at)
    let rows = [
        ("#v=1&q3-2012.revenue=25000", true, Some("25000")),
        // A chat or mail program that escaped the whole fragment.
        ("#v%3D1%26q3-2012.revenue%3D25000", true, Some("25000")),
        ("v%3d1%26q3-2012.revenue%3d25000", true, Some("25000")),
        ("#balance_sheets", false, None),
        ("#cash_flows", false, None),
    ];
    for (fragment, link, revenue) in rows {
        assert_eq!(is_link(fragment), link, "{fragment}");
        if let Some(r) = revenue {
            let (scenario, problems) = decode(model, fragment);
            assert!(problems.is_empty(), "{fragment}: {problems:?}");
            assert_eq!(scenario.edit(Cell::new(Q3_2012, "revenue")), Some(d(r)), "{fragment}");
        }
    }
}

#[test]
fn stock_based_compensation_reaches_cash_and_paid_in_capital_alike() {
    // 349 → 500: +151 added back to operating cash, and +151 to paid-in capital.
    let (_, f) = edit(&[(Q3_2012, "sbc_sales_and_marketing", "500")]);
    expect(
        &f,
        &[
            (M9_2012, "sbc_total", "=2734"),
            (M9_2012, "cash_from_operations", "=10820"),
            (Bs2012, "cash", "=25955"),
            (Bs2012, "additional_paid_in_capital", "=17408"),
            (Bs2012, "total_assets", "=77987"),
            (Bs2012, "total_liabilities_and_equity", "=77987"),
        ],
    );
}

#[test]
fn depreciation_moves_cash_up_and_property_down() {
    // 1,739 → 2,739: nine months 6,066; property 13,861 + 8,104 − 6,066 − 3 = 15,896.
    let (_, f) = edit(&[(Q3_2012, "depreciation_property_equipment", "2739")]);
    expect(
        &f,
        &[
            (M9_2012, "depreciation_and_amortization", "=6397"),
            (M9_2012, "cash_from_operations", "=11669"),
            (Bs2012, "cash", "=26804"),
            (Bs2012, "property_and_equipment", "=15896"),
            (Bs2012, "total_assets", "=77836"),
            (Bs2012, "total_liabilities_and_equity", "=77836"),
        ],
    );
}

#[test]
fn a_balance_sheet_edit_reaches_cash_through_its_change() {
    // Receivables +2,000: the cash flow's change is 20,750 − 25,452 − 182 bad debt = −4,884.
    let (_, f) = edit(&[(Bs2012, "accounts_receivable", "25452")]);
    expect(
        &f,
        &[
            (M9_2012, "change_accounts_receivable", "=-4884"),
            (M9_2012, "cash_from_operations", "=8669"),
            (Bs2012, "cash", "=23804"),
            (Bs2012, "total_assets", "=77836"),
            (Bs2012, "total_liabilities_and_equity", "=77836"),
        ],
    );
}

#[test]
fn a_december_2011_edit_keeps_both_balance_sheets_balanced() {
    // Deferred revenue +1,000 at December 31, 2011: that balance sheet's cash is 1,000 higher,
    // 2012's change in deferred revenue 1,000 lower, and September 30, 2012 cash unchanged.
    let (_, f) = edit(&[(Bs2011, "deferred_revenue_current", "47717")]);
    expect(
        &f,
        &[
            (Bs2011, "cash", "=25548"),
            (Bs2011, "total_assets", "=69789"),
            (Bs2011, "total_liabilities_and_equity", "=69789"),
            (M9_2012, "cash_beginning", "=25548"),
            (M9_2012, "change_deferred_revenue", "=5415"),
            (M9_2012, "cash_from_operations", "=9669"),
            (Bs2012, "cash", "=25804"),
            (Bs2012, "total_assets", "=77836"),
        ],
    );
}

#[test]
fn translation_gains_reach_cash_and_accumulated_oci_alike() {
    let (_, f) = edit(&[(Q3_2012, "fx_translation", "141")]);
    expect(
        &f,
        &[
            (M9_2012, "fx_effect_on_cash", "=116"),
            (Bs2012, "cash", "=25904"),
            (Bs2012, "accumulated_oci", "=-901"),
            (Bs2012, "total_assets", "=77936"),
            (Bs2012, "total_liabilities_and_equity", "=77936"),
        ],
    );
}

#[test]
fn a_loss_is_all_the_common_stockholders_and_diluted_equals_basic() {
    // Revenue 21,000 in Q3 2012: net income 1,667 − 2,382 = (715), and nine months 1,105 − 2,382
    // = (1,277). The participating preferred does not share in losses.
    let (_, f) = edit(&[(Q3_2012, "revenue", "21000")]);
    expect(
        &f,
        &[
            (Q3_2012, "net_income", "=-715"),
            (Q3_2012, "net_income_to_common_basic", "=-715"),
            (Q3_2012, "net_income_to_common_diluted", "=-715"),
            (Q3_2012, "net_income_to_participating", "=0"),
            (Q3_2012, "eps_basic", "(0.12)"),
            (Q3_2012, "eps_diluted", "(0.12)"),
            (M9_2012, "net_income", "=-1277"),
            (M9_2012, "eps_basic", "(0.23)"),
            (M9_2012, "eps_diluted", "(0.23)"),
            // Non-GAAP net income is still a profit, (715) + 1,027 = 312: the two-class method
            // applies. 312 × 5,843 ÷ (5,843 + 17,627.98) = 77.67; × 1,664 ÷ 1,667 = 311.44.
            (Q3_2012, "non_gaap_net_income", "=312"),
            (Q3_2012, "non_gaap_net_income_to_common", "78"),
            (Q3_2012, "non_gaap_eps_basic", "0.01"),
            (Q3_2012, "non_gaap_eps_diluted", "0.01"),
        ],
    );
    // Which figures follow the rule for a loss (the tables say so above them): GAAP's in both
    // periods at a loss; not non-GAAP's, a profit; not the third quarter of 2011.
    let model = Model::release();
    for (cell, at_a_loss) in [
        (Cell::new(Q3_2012, "eps_diluted"), true),
        (Cell::new(Q3_2012, "net_income_to_common_diluted"), true),
        (Cell::new(M9_2012, "eps_diluted"), true),
        (Cell::new(Q3_2012, "non_gaap_eps_diluted"), false),
        (Cell::new(Q3_2011, "eps_diluted"), false),
        (Cell::new(Q3_2012, "net_income"), false),
    ] {
        assert_eq!(model.at_a_loss(cell, &f), at_a_loss, "{cell:?}");
    }
    // Revenue 20,000: non-GAAP net income (1,715) + 1,027 = (688), a loss too.
    let (_, f) = edit(&[(Q3_2012, "revenue", "20000")]);
    assert!(model.at_a_loss(Cell::new(Q3_2012, "non_gaap_eps_diluted"), &f));
    expect(
        &f,
        &[
            (Q3_2012, "non_gaap_net_income", "=-688"),
            (Q3_2012, "non_gaap_net_income_to_common", "=-688"),
            (Q3_2012, "non_gaap_eps_basic", "(0.12)"),
            (Q3_2012, "non_gaap_eps_diluted", "(0.12)"),
        ],
    );
    // The rule turns on the sign: at exactly zero net income nothing is allocated either way.
    let (_, f) = edit(&[(Q3_2012, "revenue", "21715")]);
    expect(&f, &[(Q3_2012, "net_income", "=0"), (Q3_2012, "eps_basic", "0.00"), (Q3_2012, "eps_diluted", "0.00")]);
}

#[test]
fn an_overridden_nine_months_shows_in_the_tie_out() {
    // The link: nine months 67,763 with the quarter at 22,382 implies a first half of
    // 45,381 against the 43,381 the release implies.
    let model = Model::release();
    let (s, problems) = decode(model, "v=1&9m-2012.revenue=67763&q3-2012.revenue=22382");
    assert!(problems.is_empty());
    let f = model.evaluate(&s);
    let broken: Vec<(String, String)> = qualys_what_if::model::analysis::ties::all()
        .iter()
        .map(|t| (t, t.check(model, &f)))
        .filter(|(_, c)| !c.holds())
        .map(|(t, c)| (t.left.key(), format::plain(c.difference())))
        .collect();
    assert!(broken.contains(&("9m-2012.revenue".to_string(), "2000".to_string())), "{broken:?}");
    // Every flow is checked, 2011 too: revenue, costs, SBC, taxes, D&A, OCI...
    let flows = qualys_what_if::model::analysis::ties::all().iter().filter(|t| t.left.period == M9_2011).count();
    assert!(flows >= 15, "{flows} nine-month 2011 flows checked");
}

#[test]
fn linked_equity_balances_are_inputs_like_the_others() {
    // Accumulated deficit and OCI at September 30, 2012 follow the nine months until edited;
    // an edit holds, and the balance sheet and the tie-out show the gap.
    let model = Model::release();
    for (line, value, reported) in [("accumulated_deficit", "-75167", "-75267"), ("accumulated_oci", "-901", "-1001")] {
        let cell = Cell::new(Bs2012, line);
        assert_eq!(model.editable(cell), Some(cell), "{line}");
        let (s, f) = edit(&[(Bs2012, line, value)]);
        assert_eq!(s.edits().count(), 1);
        expect(&f, &[(Bs2012, line, &format!("={value}")), (Bs2012, "total_assets", "77,836"), (Bs2012, "total_liabilities_and_equity", "77,936")]);
        let tie = qualys_what_if::model::analysis::ties::all().iter().find(|t| t.left == cell).unwrap().check(model, &f);
        assert_eq!(format::plain(tie.difference()), "100", "{line}");
        let (_, f) = edit(&[(Bs2012, line, reported)]);
        expect(&f, &[(Bs2012, "total_assets", "77,836"), (Bs2012, "total_liabilities_and_equity", "77,836")]);
    }
}

#[test]
fn a_link_says_each_kind_of_problem_once_with_a_count() {
    let model = Model::release();
    // 7,999 identical bad parts and one good one: one sentence, short, with the count.
    let junk = "x&".repeat(7_999);
    let (scenario, problems) = decode(model, &format!("v=1&{junk}q3-2012.revenue=24000"));
    assert_eq!(scenario.edits().count(), 1);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("7,999 parts") && problems[0].contains("“x”") && problems[0].len() < 200, "{}", problems[0]);
    // Three kinds, each counted, examples distinct and at most three.
    let (_, problems) = decode(model, "v=1&a&b&c&d&a&q3-2012.revenue=x&q3-2012.cost_of_revenue=y&q9-2012.revenue=1");
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems[0].starts_with("Skipped 5 parts: Not a key=value pair. For example “a”, “b”, “c” and 1 more."), "{}", problems[0]);
    assert!(problems[1].starts_with("Skipped 2 parts: Not a plain decimal: a link or file writes numbers as 1234.5 or -38"), "{}", problems[1]);
    assert_eq!(problems[2], "Skipped “q9-2012.revenue=1”: No such period.");
    // Escapes that do not spell text are shown as typed, never as a replacement character.
    let (_, problems) = decode(model, "v=1&q3-2012.revenue=%C3%A");
    assert_eq!(problems, ["Skipped “q3-2012.revenue=%C3%A”: Its percent-escapes do not spell text."]);
    // A figure given twice: the later value, said once.
    let (scenario, problems) = decode(model, "v=1&q3-2012.revenue=1&q3-2012.revenue=2");
    assert_eq!(scenario.edit(Cell::new(Q3_2012, "revenue")), Some(d("2")));
    assert_eq!(problems, ["Used the later value of “q3-2012.revenue”: It sets a figure given earlier in the link."]);
    // Given a thousand times: the count, and no "more" of others that are the same one.
    let (_, problems) = decode(model, &format!("v=1{}", "&q3-2012.revenue=1".repeat(1000)));
    assert_eq!(problems, ["Used the later value of 999 parts: It sets a figure given earlier in the link. For example “q3-2012.revenue”."]);
    // 100,000 parts, each its own: counted, and read in about as long as a short link takes per
    // part (each counted against those before it, this took minutes, the page frozen).
    let unknown: String = (0..100_000).map(|i| format!("&q3-2012.k{i}=1")).collect();
    let (_, problems) = decode(model, &format!("v=1{unknown}"));
    assert_eq!(problems, ["Skipped 100,000 parts: No such line. For example “q3-2012.k0=1”, “q3-2012.k1=1”, “q3-2012.k2=1” and 99,997 more."]);
    // The reading given twice: the later one, said.
    let (scenario, problems) = decode(model, "v=1&sbc=on-top&sbc=within");
    assert_eq!(scenario.sbc_reading(), SbcReading::Within);
    assert_eq!(problems, ["Used the later value of “sbc”: It says again how stock-based compensation is read."]);
    // Another version: one sentence, which does not claim anything was loaded.
    let (_, problems) = decode(model, "v=2&q3-2012.revenue=1&junk");
    assert_eq!(problems, ["This link is version 2; this page reads version 1. None of its edits were loaded."]);
}

#[test]
fn typing_into_a_field_reads_a_figure_or_a_change_to_where_it_began() {
    // What the live page's fields and the early figures (src/early.rs) both read typing with.
    let model = Model::release();
    let revenue = Cell::new(Q3_2012, "revenue");
    let base = Scenario::default();
    let typed = |text: &str, start: Option<&str>| base.typed(model, revenue, text, start.map(d), Reading::Line).map(|s| s.edit(revenue));
    // A figure, as typed, whatever the field began at.
    assert_eq!(typed("30,000", Some("23382")), Ok(Some(d("30000"))));
    assert_eq!(typed("(1,234)", None), Ok(Some(d("-1234"))));
    // A change to the figure the field began at: +10% of the link's 5,000 is 5,500.
    assert_eq!(typed("+10%", Some("5000")), Ok(Some(d("5500"))));
    assert_eq!(typed("*1.1", Some("23382")), Ok(Some(d("25720.2"))));
    // The reported figure typed back is no edit.
    assert_eq!(typed("23382", Some("30000")), Ok(None));
    // Text that cannot be used, and a figure that is not an input, are refused with the reason.
    assert!(matches!(typed("12x", None), Err(EditError::Entry(_))));
    assert!(matches!(base.typed(model, Cell::new(Q3_2012, "gross_profit"), "1", None, Reading::Line), Err(EditError::Computed)));
}

#[test]
fn a_field_shown_with_its_sign_turned_reads_as_its_table_shows_the_line() {
    // Each field reads as its table shows its line. Interest expense, 38, shows as (38) under a
    // label that reads as the line: typed into, it holds 38, and 50 or (50) is an expense of 50.
    // The EBITDA table's "Other (income) expense" shows other income of 60 as (60), and its
    // label reads that way too: it holds (60), and 500 is an expense, (100) income. Every text a
    // field shows, typed into or not, reads back as its figure.
    let model = Model::release();
    let base = Scenario::default();
    let mut checked = [0, 0];
    for table in TABLES {
        for row in table.rows {
            let Row::Figure(f) = row else { continue };
            let reading = f.reading();
            for &period in table.periods {
                let cell = Cell::new(period, f.line);
                let Some(target) = model.editable(cell) else { continue };
                let typed = |text: &str| base.typed(model, cell, text, None, reading).map(|s| s.edit(target));
                // Shares and per-share figures take no negative: their brackets are refused.
                if !model.unit(cell).is_some_and(|u| u.allows_negative()) {
                    assert!(typed("(50)").is_err() && typed("50").is_ok(), "{} {}", table.id, cell.key());
                    continue;
                }
                for v in ["50", "1234.5", "-7", "-12345.25"] {
                    assert_eq!(typed(&format::entry_text(d(v), reading)), Ok(Some(d(v))), "{} {}: {v}", table.id, cell.key());
                    // Ungrouped by Enter or F2, the same figure.
                    assert_eq!(typed(&format::amend_text(d(v), reading)), Ok(Some(d(v))), "{} {}: {v} amended", table.id, cell.key());
                    // As the field shows it when not being typed into: where it is a figure in
                    // brackets, or everywhere in a field typed as shown.
                    let shown = format::field_text(d(v), f.negated);
                    if parse::bracketed(&shown) || reading == Reading::Shown {
                        assert_eq!(typed(&shown), Ok(Some(d(v))), "{} {}: {shown}", table.id, cell.key());
                    }
                }
                let (plain, bracketed) = match reading {
                    Reading::Line => ("50", "-50"),
                    Reading::BracketsShown => ("50", "50"),
                    Reading::Shown => ("-50", "50"),
                };
                assert_eq!(typed("(50)"), Ok(Some(d(bracketed))), "{} {}", table.id, cell.key());
                assert_eq!(typed("$(50)"), Ok(Some(d(bracketed))), "{} {}", table.id, cell.key());
                assert_eq!(typed("50"), Ok(Some(d(plain))), "{} {}", table.id, cell.key());
                assert_eq!(typed("-50").map(|v| v.map(|v| -v)), Ok(Some(d(plain))), "{} {}: a minus turns it", table.id, cell.key());
                // A change to where the field began is a change, whichever way the line is shown.
                let began = base.typed(model, cell, "+10%", Some(d("1000.5")), reading).map(|s| s.edit(target));
                assert_eq!(began, Ok(Some(d("1100.55"))));
                match reading {
                    Reading::BracketsShown => checked[0] += 1,
                    Reading::Shown => checked[1] += 1,
                    Reading::Line => {}
                }
            }
        }
    }
    // Interest expense in four columns, other income in the EBITDA table's four.
    assert!(checked[0] >= 4 && checked[1] >= 4, "{checked:?} sign-turned fields");
}

//! Every figure the release prints that the model derives (subtotals, totals, two-class
//! allocations, per-share figures, reconciliations), as printed, copied by hand from
//! `shared/seed/` — not from the model's output — and compared with what the model displays.

use qualys_what_if::model::engine::format;
use qualys_what_if::model::release::tables::{Row, TABLES};
use qualys_what_if::model::{Cell, Model, Period, Unit};

/// (period id, line id, the figure as the release prints it without `$` and underlining).
type Printed = (&'static str, &'static str, &'static str);

const PRINTED: &[Printed] = &[
    // Statements of operations.
    ("q3-2012", "gross_profit", "18,748"),
    ("q3-2011", "gross_profit", "16,150"),
    ("9m-2012", "gross_profit", "53,340"),
    ("9m-2011", "gross_profit", "46,436"),
    ("q3-2012", "total_operating_expenses", "17,027"),
    ("q3-2011", "total_operating_expenses", "15,156"),
    ("9m-2012", "total_operating_expenses", "51,963"),
    ("9m-2011", "total_operating_expenses", "43,487"),
    ("q3-2012", "income_from_operations", "1,721"),
    ("q3-2011", "income_from_operations", "994"),
    ("9m-2012", "income_from_operations", "1,377"),
    ("9m-2011", "income_from_operations", "2,949"),
    ("q3-2012", "total_other_income_expense", "23"),
    ("q3-2011", "total_other_income_expense", "(461)"),
    ("9m-2012", "total_other_income_expense", "(195)"),
    ("9m-2011", "total_other_income_expense", "(53)"),
    ("q3-2012", "income_before_taxes", "1,744"),
    ("q3-2011", "income_before_taxes", "533"),
    ("9m-2012", "income_before_taxes", "1,182"),
    ("9m-2011", "income_before_taxes", "2,896"),
    ("q3-2012", "net_income", "1,667"),
    ("q3-2011", "net_income", "452"),
    ("9m-2012", "net_income", "1,105"),
    ("9m-2011", "net_income", "2,605"),
    ("q3-2012", "net_income_to_common_basic", "415"),
    ("q3-2011", "net_income_to_common_basic", "102"),
    ("9m-2012", "net_income_to_common_basic", "264"),
    ("9m-2011", "net_income_to_common_basic", "576"),
    ("q3-2012", "eps_basic", "0.07"),
    ("q3-2011", "eps_basic", "0.02"),
    ("9m-2012", "eps_basic", "0.05"),
    ("9m-2011", "eps_basic", "0.12"),
    ("q3-2012", "eps_diluted", "0.06"),
    ("q3-2011", "eps_diluted", "0.02"),
    ("9m-2012", "eps_diluted", "0.04"),
    ("9m-2011", "eps_diluted", "0.11"),
    ("q3-2012", "shares_diluted", "26,545"),
    ("q3-2011", "shares_diluted", "24,402"),
    ("9m-2012", "shares_diluted", "25,972"),
    ("9m-2011", "shares_diluted", "24,208"),
    // Stock-based compensation note.
    ("q3-2012", "sbc_total", "1,027"),
    ("q3-2011", "sbc_total", "550"),
    ("9m-2012", "sbc_total", "2,583"),
    ("9m-2011", "sbc_total", "1,512"),
    // Comprehensive income.
    ("q3-2012", "other_comprehensive_income", "41"),
    ("q3-2011", "other_comprehensive_income", "(106)"),
    ("9m-2012", "other_comprehensive_income", "(17)"),
    ("9m-2011", "other_comprehensive_income", "(138)"),
    ("q3-2012", "comprehensive_income", "1,708"),
    ("q3-2011", "comprehensive_income", "346"),
    ("9m-2012", "comprehensive_income", "1,088"),
    ("9m-2011", "comprehensive_income", "2,467"),
    // Two-class allocations (net income per share table).
    ("q3-2012", "net_income_to_participating", "(1,252)"),
    ("q3-2011", "net_income_to_participating", "(350)"),
    ("9m-2012", "net_income_to_participating", "(841)"),
    ("9m-2011", "net_income_to_participating", "(2,029)"),
    ("q3-2012", "undistributed_earnings_reallocated", "1,249"),
    ("q3-2011", "undistributed_earnings_reallocated", "349"),
    ("9m-2012", "undistributed_earnings_reallocated", "839"),
    ("9m-2011", "undistributed_earnings_reallocated", "2,026"),
    ("q3-2012", "net_income_to_common_diluted", "1,664"),
    ("q3-2011", "net_income_to_common_diluted", "451"),
    ("9m-2012", "net_income_to_common_diluted", "1,103"),
    ("9m-2011", "net_income_to_common_diluted", "2,602"),
    // EBITDA and adjusted EBITDA.
    ("q3-2012", "interest_expense_net", "37"),
    ("q3-2011", "interest_expense_net", "43"),
    ("9m-2012", "interest_expense_net", "151"),
    ("9m-2011", "interest_expense_net", "154"),
    ("q3-2012", "ebitda", "3,632"),
    ("q3-2011", "ebitda", "1,798"),
    ("9m-2012", "ebitda", "6,730"),
    ("9m-2011", "ebitda", "6,831"),
    ("q3-2012", "adjusted_ebitda", "4,599"),
    ("q3-2011", "adjusted_ebitda", "2,766"),
    ("9m-2012", "adjusted_ebitda", "9,357"),
    ("9m-2011", "adjusted_ebitda", "8,242"),
    // Non-GAAP reconciliation.
    ("q3-2012", "non_gaap_gross_profit", "18,816"),
    ("q3-2011", "non_gaap_gross_profit", "16,194"),
    ("9m-2012", "non_gaap_gross_profit", "53,535"),
    ("9m-2011", "non_gaap_gross_profit", "46,532"),
    ("q3-2012", "non_gaap_income_from_operations", "2,748"),
    ("q3-2011", "non_gaap_income_from_operations", "1,544"),
    ("9m-2012", "non_gaap_income_from_operations", "3,960"),
    ("9m-2011", "non_gaap_income_from_operations", "4,461"),
    ("q3-2012", "non_gaap_net_income", "2,694"),
    ("q3-2011", "non_gaap_net_income", "1,002"),
    ("9m-2012", "non_gaap_net_income", "3,688"),
    ("9m-2011", "non_gaap_net_income", "4,117"),
    ("q3-2012", "non_gaap_net_income_to_common", "671"),
    ("q3-2011", "non_gaap_net_income_to_common", "226"),
    ("9m-2012", "non_gaap_net_income_to_common", "881"),
    ("9m-2011", "non_gaap_net_income_to_common", "910"),
    ("q3-2012", "non_gaap_eps_basic", "0.11"),
    ("q3-2011", "non_gaap_eps_basic", "0.04"),
    ("9m-2012", "non_gaap_eps_basic", "0.16"),
    ("9m-2011", "non_gaap_eps_basic", "0.18"),
    ("q3-2012", "non_gaap_eps_diluted", "0.10"),
    ("q3-2011", "non_gaap_eps_diluted", "0.04"),
    ("9m-2012", "non_gaap_eps_diluted", "0.14"),
    ("9m-2011", "non_gaap_eps_diluted", "0.17"),
    // Four-Quarter Bookings.
    ("4q-2012", "revenue", "87,416"),
    ("4q-2011", "revenue", "72,816"),
    ("4q-2012", "deferred_revenue_current_beginning", "40,413"),
    ("4q-2011", "deferred_revenue_current_beginning", "34,370"),
    ("4q-2012", "deferred_revenue_current_ending", "51,693"),
    ("4q-2011", "deferred_revenue_current_ending", "40,413"),
    ("4q-2012", "deferred_revenue_current_change", "11,280"),
    ("4q-2011", "deferred_revenue_current_change", "6,043"),
    ("4q-2012", "four_quarter_bookings", "98,696"),
    ("4q-2011", "four_quarter_bookings", "78,859"),
    // Balance sheets.
    ("2012-09-30", "cash", "25,804"),
    ("2012-09-30", "total_current_assets", "55,758"),
    ("2011-12-31", "total_current_assets", "49,072"),
    ("2012-09-30", "total_assets", "77,836"),
    ("2011-12-31", "total_assets", "68,789"),
    ("2012-09-30", "total_current_liabilities", "64,049"),
    ("2011-12-31", "total_current_liabilities", "59,426"),
    ("2012-09-30", "total_liabilities", "72,968"),
    ("2011-12-31", "total_liabilities", "69,340"),
    ("2012-09-30", "accumulated_oci", "(1,001)"),
    ("2012-09-30", "accumulated_deficit", "(75,267)"),
    ("2012-09-30", "total_stockholders_equity", "(59,005)"),
    ("2011-12-31", "total_stockholders_equity", "(64,424)"),
    ("2012-09-30", "total_liabilities_and_equity", "77,836"),
    ("2011-12-31", "total_liabilities_and_equity", "68,789"),
    // Cash flows.
    ("9m-2012", "depreciation_and_amortization", "5,397"),
    ("9m-2011", "depreciation_and_amortization", "3,781"),
    ("9m-2012", "change_deferred_revenue", "6,415"),
    ("9m-2011", "change_deferred_revenue", "4,724"),
    ("9m-2012", "cash_from_operations", "10,669"),
    ("9m-2011", "cash_from_operations", "11,287"),
    ("9m-2012", "cash_from_investing", "(8,104)"),
    ("9m-2011", "cash_from_investing", "(4,250)"),
    ("9m-2012", "cash_from_financing", "(1,325)"),
    ("9m-2011", "cash_from_financing", "(54)"),
    ("9m-2012", "net_change_in_cash", "1,256"),
    ("9m-2011", "net_change_in_cash", "6,855"),
    ("9m-2012", "cash_beginning", "24,548"),
    ("9m-2011", "cash_beginning", "15,010"),
    ("9m-2012", "cash_ending", "25,804"),
    ("9m-2011", "cash_ending", "21,865"),
];

/// Derived money figures the release prints rounded rather than exact: the two-class share of
/// non-GAAP net income (2,694 × 415 ÷ 1,667 = 670.67…, printed 671).
const ROUNDED_BY_RELEASE: &[&str] = &["non_gaap_net_income_to_common"];

fn cell(period_id: &str, line: &'static str) -> Cell {
    let period = Period::from_id(period_id).unwrap_or_else(|| panic!("no period {period_id}"));
    Cell::new(period, line)
}

/// Whether the release prints this figure with its sign turned (interest expense, entered as 38,
/// printed (38)), as the model's own table declares it. A figure printed both ways would make
/// a row of this test ambiguous, so that is a setup error.
fn shown_negated(cell: Cell) -> bool {
    let signs: Vec<bool> = TABLES
        .iter()
        .filter(|t| t.periods.contains(&cell.period))
        .flat_map(|t| t.rows.iter())
        .filter_map(|r| match r {
            Row::Figure(f) if f.line == cell.line && !f.added => Some(f.negated),
            _ => None,
        })
        .collect();
    assert!(!signs.is_empty(), "{} is in no table of the model", cell.key());
    assert!(signs.iter().all(|s| *s == signs[0]), "{} is printed with both signs", cell.key());
    signs[0]
}

/// What the page shows for a figure, sign turned where the release turns it.
fn shown(model: &Model, cell: Cell) -> String {
    let unit = model.unit(cell).unwrap_or_else(|| panic!("{} has no unit", cell.key()));
    let value = model.reported().get(model, cell);
    let value = if shown_negated(cell) { value.map(|v| -v) } else { value };
    format::display(value, unit)
}

#[test]
fn there_are_well_over_a_hundred_printed_figures() {
    assert!(PRINTED.len() > 130, "only {} rows", PRINTED.len());
}

#[test]
fn no_printed_figure_is_listed_twice() {
    let mut keys: Vec<(&str, &str)> = PRINTED.iter().map(|(p, l, _)| (*p, *l)).collect();
    keys.sort();
    let before = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), before, "a (period, line) appears twice in PRINTED");
}

#[test]
fn every_derived_figure_displays_as_printed() {
    let model = Model::release();
    let failures: Vec<String> = PRINTED
        .iter()
        .filter_map(|(period, line, printed)| {
            let actual = shown(model, cell(period, line));
            (actual != *printed).then(|| format!("{period}.{line}: expected {printed}, actual {actual}"))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} figures differ:\n{}", failures.len(), PRINTED.len(), failures.join("\n"));
}

#[test]
fn derived_money_and_share_figures_are_exact_integers() {
    let model = Model::release();
    let failures: Vec<String> = PRINTED
        .iter()
        .filter(|(_, line, _)| !ROUNDED_BY_RELEASE.contains(line))
        .filter_map(|(period, line, _)| {
            let cell = cell(period, line);
            if !matches!(model.unit(cell), Some(Unit::Money | Unit::Shares)) {
                return None;
            }
            match model.reported().get(model, cell) {
                Ok(v) if v.fract().is_zero() => None,
                other => Some(format!("{period}.{line}: expected an integer, actual {other:?}")),
            }
        })
        .collect();
    assert!(failures.is_empty(), "{} figures are not exact integers:\n{}", failures.len(), failures.join("\n"));
}

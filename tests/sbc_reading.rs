//! The two readings of a stock-based compensation edit (contract: "What an edit means"):
//! within the GAAP expense lines (the default) or on top of them (`sbc=on-top`).

mod common;

use common::{read_scenario, read_stored, write_scenario, write_stored};
use proptest::prelude::*;
use qualys_what_if::model::analysis::solve::{goal_seek, Exact};
use qualys_what_if::model::io::link::{decode, encode};
use qualys_what_if::model::io::saved::{Named, Saved};
use qualys_what_if::model::{Cell, Model, Period, Period::*, SbcReading, Scenario};
use rust_decimal::Decimal;

const SBC: [(&str, &str); 4] = [
    ("cost_of_revenue", "sbc_cost_of_revenue"),
    ("research_and_development", "sbc_research_and_development"),
    ("sales_and_marketing", "sbc_sales_and_marketing"),
    ("general_and_administrative", "sbc_general_and_administrative"),
];

fn on_top() -> Scenario {
    Scenario::default().with_sbc_reading(SbcReading::OnTop)
}

fn value(s: &Scenario, p: Period, line: &'static str) -> Decimal {
    let model = Model::release();
    model.evaluate(s).get(model, Cell::new(p, line)).unwrap()
}

fn reported(p: Period, line: &'static str) -> Decimal {
    value(&Scenario::default(), p, line)
}

#[test]
fn more_stock_compensation_on_top_is_more_gaap_expense_and_the_same_non_gaap() {
    let model = Model::release();
    let sbc = Cell::new(Q3_2012, "sbc_sales_and_marketing");
    let top = on_top().with(model, sbc, Decimal::from(849)).unwrap();
    let within = Scenario::default().with(model, sbc, Decimal::from(849)).unwrap();
    let plus = |p, line| value(&top, p, line) - reported(p, line);
    let plus_within = |p, line| value(&within, p, line) - reported(p, line);
    // (period, line, change on top, change within)
    let rows: &[(Period, &str, i64, i64)] = &[
        (Q3_2012, "sales_and_marketing", 500, 0),
        (Q3_2012, "total_operating_expenses", 500, 0),
        (Q3_2012, "income_from_operations", -500, 0),
        (Q3_2012, "net_income", -500, 0),
        (Q3_2012, "sbc_total", 500, 500),
        (Q3_2012, "non_gaap_income_from_operations", 0, 500),
        (Q3_2012, "non_gaap_net_income", 0, 500),
        (Q3_2012, "adjusted_ebitda", 0, 500),
        (Q3_2012, "research_and_development", 0, 0),
        // Nine months follow the quarter, once.
        (M9_2012, "sales_and_marketing", 500, 0),
        (M9_2012, "sbc_sales_and_marketing", 500, 500),
        (M9_2012, "net_income", -500, 0),
        (M9_2012, "non_gaap_net_income", 0, 500),
        // On top, the expense is not paid in cash: cash stays. Within, the same expense is
        // paid less in cash and more in stock: cash rises.
        (M9_2012, "cash_from_operations", 0, 500),
        (Bs2012, "total_assets", 0, 500),
        (Bs2012, "additional_paid_in_capital", 500, 500),
        (Q3_2011, "sales_and_marketing", 0, 0),
    ];
    for (p, line, top_change, within_change) in rows {
        assert_eq!(plus(*p, line), Decimal::from(*top_change), "on top: {}.{line}", p.id());
        assert_eq!(plus_within(*p, line), Decimal::from(*within_change), "within: {}.{line}", p.id());
    }
}

#[test]
fn an_edited_gaap_line_holds_what_was_typed() {
    let model = Model::release();
    let s = on_top()
        .with(model, Cell::new(Q3_2012, "sales_and_marketing"), Decimal::from(9_000))
        .and_then(|s| s.with(model, Cell::new(Q3_2012, "sbc_sales_and_marketing"), Decimal::from(849)))
        .unwrap();
    assert_eq!(value(&s, Q3_2012, "sales_and_marketing"), Decimal::from(9_000));
    // Nine months follow the quarter as typed.
    assert_eq!(value(&s, M9_2012, "sales_and_marketing"), reported(M9_2012, "sales_and_marketing") + Decimal::from(203));
}

#[test]
fn a_nine_month_edit_on_top_moves_only_nine_months() {
    let model = Model::release();
    let s = on_top().with(model, Cell::new(M9_2012, "sbc_research_and_development"), Decimal::from(584)).unwrap();
    assert_eq!(value(&s, M9_2012, "research_and_development") - reported(M9_2012, "research_and_development"), Decimal::from(100));
    assert_eq!(value(&s, Q3_2012, "research_and_development"), reported(Q3_2012, "research_and_development"));
    assert_eq!(value(&s, M9_2012, "non_gaap_net_income"), reported(M9_2012, "non_gaap_net_income"));
}

#[test]
fn on_top_a_gaap_line_is_built_from_its_stock_compensation() {
    let model = Model::release();
    let line = Cell::new(Q3_2012, "sales_and_marketing");
    let sbc = Cell::new(Q3_2012, "sbc_sales_and_marketing");
    assert_eq!(model.contained_sbc(line), Some(sbc));
    assert_eq!(model.contained_sbc(Cell::new(Q3_2012, "revenue")), None);
    assert!(model.sources(line, &Scenario::default()).is_empty());
    assert_eq!(model.sources(line, &on_top()), [sbc]);
    let income = Cell::new(Q3_2012, "net_income");
    assert!(!model.built_from(income, &Scenario::default()).contains(&sbc));
    assert!(model.built_from(income, &on_top()).contains(&sbc));
    // Goal seek follows: net income is zero with 1,667 more stock compensation on top.
    let found = goal_seek(model, &on_top(), income, sbc, Decimal::ZERO).unwrap();
    assert_eq!(found.exact, Some(Exact::Enterable(Decimal::from(2_016))));
}

#[test]
fn links_carry_the_reading() {
    let model = Model::release();
    let sbc = Cell::new(Q3_2012, "sbc_sales_and_marketing");
    let top = on_top().with(model, sbc, Decimal::from(849)).unwrap();
    assert_eq!(encode(&top), "v=1&sbc=on-top&q3-2012.sbc_sales_and_marketing=849");
    assert_eq!(encode(&on_top()), "v=1&sbc=on-top");
    let within = Scenario::default().with(model, sbc, Decimal::from(849)).unwrap();
    assert_eq!(encode(&within), "v=1&q3-2012.sbc_sales_and_marketing=849");
    let rows: &[(&str, &Scenario, usize)] = &[
        ("#v=1&sbc=on-top&q3-2012.sbc_sales_and_marketing=849", &top, 0),
        ("v=1&q3-2012.sbc_sales_and_marketing=849&sbc=on-top", &top, 0),
        ("v=1&sbc=within&q3-2012.sbc_sales_and_marketing=849", &within, 0),
        ("v=1&sbc=sideways&q3-2012.sbc_sales_and_marketing=849", &within, 1),
    ];
    for (link, scenario, problems) in rows {
        let (got, said) = decode(model, link);
        assert_eq!(&got, *scenario, "{link}");
        assert_eq!(said.len(), *problems, "{link}: {said:?}");
    }
}

#[test]
fn saved_scenarios_and_files_carry_the_reading_and_read_without_it() {
    let model = Model::release();
    let top = on_top().with(model, Cell::new(Q3_2012, "revenue"), Decimal::from(24_000)).unwrap();
    let file = write_scenario(&top);
    assert!(file.contains("\"sbc\""), "{file}");
    assert_eq!(read_scenario(model, &file), Ok(top.clone()));
    let saved = Saved { current: top.clone(), named: vec![Named { name: "awards".to_string(), scenario: on_top() }], kept: Vec::new() };
    let back = read_stored(model, &write_stored(&saved)).unwrap();
    assert_eq!((back.current, back.named[0].scenario.clone()), (top, on_top()));
    let old = r#"{"format": "qualys-what-if/scenario", "version": 1, "edits": {"q3-2012.revenue": "24000"}}"#;
    assert_eq!(read_scenario(model, old).map(|s| s.sbc_reading()), Ok(SbcReading::Within));
}

/// Edits to stock-based compensation alone, in any income period.
fn sbc_edits() -> impl Strategy<Value = Scenario> {
    let cells: Vec<Cell> = Period::INCOME.iter().flat_map(|p| SBC.map(|(_, s)| Cell::new(*p, s))).collect();
    let n = cells.len();
    proptest::collection::vec((0..n, -1_000_000_000i64..=1_000_000_000, 0u32..=3), 0..8).prop_map(move |edits| {
        let model = Model::release();
        edits.into_iter().fold(on_top(), |s, (i, m, scale)| s.with(model, cells[i], Decimal::new(m, scale)).unwrap())
    })
}

proptest! {
    #[test]
    fn on_top_non_gaap_figures_stay_and_gaap_expense_moves_by_the_compensation(s in sbc_edits()) {
        let model = Model::release();
        let f = model.evaluate(&s);
        let release = model.reported();
        for p in Period::INCOME {
            for line in ["non_gaap_gross_profit", "non_gaap_income_from_operations", "non_gaap_net_income", "adjusted_ebitda", "revenue"] {
                let cell = Cell::new(p, line);
                prop_assert_eq!(f.get(model, cell), release.get(model, cell), "{}", cell.key());
            }
            for (line, sbc) in SBC {
                let moved = |c: &str| {
                    let cell = model.cells().find(|x| x.period == p && x.line == c).unwrap();
                    f.get(model, cell).unwrap() - release.get(model, cell).unwrap()
                };
                prop_assert_eq!(moved(line), moved(sbc), "{} {}", p.id(), line);
            }
        }
        // Within, the same edits leave every GAAP line as reported.
        let within = model.evaluate(&s.with_sbc_reading(SbcReading::Within));
        for p in Period::INCOME {
            let cell = Cell::new(p, "net_income");
            prop_assert_eq!(within.get(model, cell), release.get(model, cell));
        }
    }
}

#[test]
fn on_top_applies_to_the_estimates_too() {
    let model = Model::release();
    let sbc = Cell::new(Q3_2012, "sbc_sales_and_marketing");
    let top = on_top().with(model, sbc, Decimal::from(849)).unwrap();
    let plus = |p, line| value(&top, p, line) - reported(p, line);
    // The fourth quarter follows the third: its stock compensation and, on top, its expense.
    assert_eq!(plus(Q4_2012, "sbc_sales_and_marketing"), Decimal::from(500));
    assert_eq!(plus(Q4_2012, "sales_and_marketing"), Decimal::from(500));
    assert_eq!(plus(Q4_2012, "non_gaap_net_income"), Decimal::ZERO);
    // The year is nine months plus the fourth quarter.
    assert_eq!(plus(FY_2012, "sales_and_marketing"), Decimal::from(1_000));
    assert_eq!(plus(FY_2012, "net_income"), Decimal::from(-1_000));
    // An edit to the fourth quarter's own compensation moves its expense alone.
    let q4 = on_top().with(model, Cell::new(Q4_2012, "sbc_cost_of_revenue"), Decimal::from(168)).unwrap();
    assert_eq!(value(&q4, Q4_2012, "cost_of_revenue") - reported(Q4_2012, "cost_of_revenue"), Decimal::from(100));
    assert_eq!(value(&q4, Q3_2012, "cost_of_revenue"), reported(Q3_2012, "cost_of_revenue"));
}

//! The fourth quarter and the year (contract: "The fourth quarter and the year (estimates)"),
//! with every figure on the release scenario worked out by hand from the release's figures,
//! and the guidance: where the estimates fall, and what the full-year range implies for Q4.

mod common;

use common::{d, edit, expect};
use qualys_what_if::model::analysis::guidance::{place, Position};
use qualys_what_if::model::analysis::ties;
use qualys_what_if::model::engine::format;
use qualys_what_if::model::io::link::{decode, encode};
use qualys_what_if::model::release::guidance::{range_of, FULL_YEAR, GUIDANCE, Q4};
use qualys_what_if::model::{Cell, Def, Model, Period, Period::*, Unit};
use rust_decimal::Decimal;

#[test]
fn the_fourth_quarter_on_the_release_is_the_third_quarter_run_rate() {
    let model = Model::release();
    expect(
        model.reported(),
        &[
            // Revenue at the guidance midpoint (24,000 + 24,600) ÷ 2; the rest as in Q3 2012.
            (Q4_2012, "revenue", "=24300"),
            (Q4_2012, "cost_of_revenue", "=4634"),
            (Q4_2012, "gross_profit", "=19666"),
            (Q4_2012, "research_and_development", "=5076"),
            (Q4_2012, "sales_and_marketing", "=8797"),
            (Q4_2012, "general_and_administrative", "=3154"),
            (Q4_2012, "total_operating_expenses", "=17027"),
            (Q4_2012, "income_from_operations", "=2639"),
            (Q4_2012, "interest_expense", "=38"),
            (Q4_2012, "interest_income", "=1"),
            (Q4_2012, "other_income_expense_net", "=60"),
            // −38 + 1 + 60
            (Q4_2012, "total_other_income_expense", "=23"),
            (Q4_2012, "income_before_taxes", "=2662"),
            (Q4_2012, "provision_for_income_taxes", "=77"),
            (Q4_2012, "net_income", "=2585"),
            (Q4_2012, "sbc_cost_of_revenue", "=68"),
            (Q4_2012, "sbc_research_and_development", "=167"),
            (Q4_2012, "sbc_sales_and_marketing", "=349"),
            (Q4_2012, "sbc_general_and_administrative", "=443"),
            (Q4_2012, "sbc_total", "=1027"),
            (Q4_2012, "depreciation_property_equipment", "=1739"),
            (Q4_2012, "amortization_intangibles", "=112"),
            (Q4_2012, "interest_expense_net", "=37"),
            // 2,585 + 1,739 + 112 + 37 + 77
            (Q4_2012, "ebitda", "=4550"),
            // 4,550 + 1,027 − 60
            (Q4_2012, "adjusted_ebitda", "=5517"),
            (Q4_2012, "non_gaap_gross_profit", "=19734"),
            (Q4_2012, "non_gaap_income_from_operations", "=3666"),
            (Q4_2012, "non_gaap_net_income", "=3612"),
            // 19,666 ÷ 24,300; 19,734 ÷ 24,300; 2,639 ÷ 24,300; 3,666 ÷ 24,300; 5,517 ÷ 24,300.
            (Q4_2012, "gross_margin", "80.9%"),
            (Q4_2012, "non_gaap_gross_margin", "81.2%"),
            (Q4_2012, "operating_margin", "10.9%"),
            (Q4_2012, "non_gaap_operating_margin", "15.1%"),
            (Q4_2012, "adjusted_ebitda_margin", "22.7%"),
            (Q4_2012, "shares_diluted", "=35200"),
            // 2,585 ÷ 35,200 = 0.0734; 3,612 ÷ 35,200 = 0.1026: no two-class allocation.
            (Q4_2012, "eps_diluted", "0.07"),
            (Q4_2012, "non_gaap_eps_diluted", "0.10"),
        ],
    );
}

#[test]
fn the_year_on_the_release_is_nine_months_plus_the_fourth_quarter() {
    let model = Model::release();
    expect(
        model.reported(),
        &[
            (FY_2012, "revenue", "=91063"),
            (FY_2012, "cost_of_revenue", "=18057"),
            (FY_2012, "gross_profit", "=73006"),
            (FY_2012, "research_and_development", "=20401"),
            (FY_2012, "sales_and_marketing", "=36624"),
            (FY_2012, "general_and_administrative", "=11965"),
            (FY_2012, "total_operating_expenses", "=68990"),
            (FY_2012, "income_from_operations", "=4016"),
            (FY_2012, "interest_expense", "=191"),
            (FY_2012, "interest_income", "=3"),
            (FY_2012, "other_income_expense_net", "=16"),
            // −191 + 3 + 16
            (FY_2012, "total_other_income_expense", "=-172"),
            (FY_2012, "income_before_taxes", "=3844"),
            (FY_2012, "provision_for_income_taxes", "=154"),
            // 1,105 + 2,585
            (FY_2012, "net_income", "=3690"),
            (FY_2012, "sbc_cost_of_revenue", "=263"),
            (FY_2012, "sbc_research_and_development", "=651"),
            (FY_2012, "sbc_sales_and_marketing", "=1205"),
            (FY_2012, "sbc_general_and_administrative", "=1491"),
            (FY_2012, "sbc_total", "=3610"),
            (FY_2012, "depreciation_property_equipment", "=6805"),
            (FY_2012, "amortization_intangibles", "=443"),
            (FY_2012, "interest_expense_net", "=188"),
            // 3,690 + 6,805 + 443 + 188 + 154
            (FY_2012, "ebitda", "=11280"),
            // 11,280 + 3,610 − 16
            (FY_2012, "adjusted_ebitda", "=14874"),
            (FY_2012, "non_gaap_gross_profit", "=73269"),
            (FY_2012, "non_gaap_income_from_operations", "=7626"),
            (FY_2012, "non_gaap_net_income", "=7300"),
            // 73,006 ÷ 91,063 = 80.17 %; 73,269 ÷ 91,063 = 80.46 %; 4,016 ÷ 91,063 = 4.41 %;
            // 7,626 ÷ 91,063 = 8.37 %; 14,874 ÷ 91,063 = 16.33 %.
            (FY_2012, "gross_margin", "80.2%"),
            (FY_2012, "non_gaap_gross_margin", "80.5%"),
            (FY_2012, "operating_margin", "4.4%"),
            (FY_2012, "non_gaap_operating_margin", "8.4%"),
            (FY_2012, "adjusted_ebitda_margin", "16.3%"),
            (FY_2012, "shares_diluted", "=28400"),
            // 3,690 ÷ 28,400 = 0.1299; 7,300 ÷ 28,400 = 0.2570.
            (FY_2012, "eps_diluted", "0.13"),
            (FY_2012, "non_gaap_eps_diluted", "0.26"),
        ],
    );
}

#[test]
fn estimate_eps_is_exactly_income_over_the_guided_shares() {
    let f = Model::release().reported();
    assert_eq!(f.at(Q4_2012, "eps_diluted"), Ok(d("2585") / d("35200")));
    assert_eq!(f.at(Q4_2012, "non_gaap_eps_diluted"), Ok(d("3612") / d("35200")));
    assert_eq!(f.at(FY_2012, "eps_diluted"), Ok(d("3690") / d("28400")));
    assert_eq!(f.at(FY_2012, "non_gaap_eps_diluted"), Ok(d("7300") / d("28400")));
}

#[test]
fn lines_outside_the_contract_have_no_estimate() {
    // Two-class lines, basic figures, dilutive share lines and comprehensive income are the
    // reported quarters' only: no figure, so no cell, link key or export value.
    let model = Model::release();
    for line in [
        "net_income_to_common_basic",
        "net_income_to_common_diluted",
        "net_income_to_participating",
        "eps_basic",
        "shares_basic",
        "dilutive_options",
        "dilutive_convertible_preferred",
        "fx_translation",
        "comprehensive_income",
        "non_gaap_net_income_to_common",
        "non_gaap_eps_basic",
        "revenue_growth",
    ] {
        for p in Period::ESTIMATES {
            assert!(model.def(Cell::new(p, line)).is_none(), "{}.{line}", p.id());
        }
    }
}

#[test]
fn the_estimates_are_inputs_where_the_contract_says_and_formulas_elsewhere() {
    let model = Model::release();
    let linked = |c: Cell| matches!(model.def(c), Some(Def::Input { link: Some(_), .. }));
    let plain = |c: Cell| matches!(model.def(c), Some(Def::Input { link: None, .. }));
    let formula = |c: Cell| matches!(model.def(c), Some(Def::Formula(_)));
    assert!(plain(Cell::new(Q4_2012, "revenue")));
    assert!(plain(Cell::new(Q4_2012, "shares_diluted")));
    assert!(plain(Cell::new(FY_2012, "shares_diluted")));
    for line in ["cost_of_revenue", "provision_for_income_taxes", "sbc_general_and_administrative", "amortization_intangibles"] {
        assert!(linked(Cell::new(Q4_2012, line)), "q4-2012.{line}");
        assert_eq!(model.reads(Cell::new(Q4_2012, line)), vec![Cell::new(Q3_2012, line)]);
    }
    for line in ["revenue", "cost_of_revenue", "sbc_total", "net_income", "eps_diluted"] {
        assert!(formula(Cell::new(FY_2012, line)), "fy-2012.{line}");
    }
}

#[test]
fn a_third_quarter_edit_moves_the_fourth_quarter_until_it_is_edited() {
    let model = Model::release();
    // Q3 cost of revenues +366: nine months +366; Q4 follows at 5,000; the year 13,789 + 5,000.
    let (s, f) = edit(&[(Q3_2012, "cost_of_revenue", "5000")]);
    expect(
        &f,
        &[
            (M9_2012, "cost_of_revenue", "=13789"),
            (Q4_2012, "cost_of_revenue", "=5000"),
            (FY_2012, "cost_of_revenue", "=18789"),
            (Q4_2012, "gross_profit", "=19300"),
            (FY_2012, "gross_profit", "=72274"),
            // Net income 2,585 − 366 in Q4; 3,690 − 732 for the year.
            (Q4_2012, "net_income", "=2219"),
            (FY_2012, "net_income", "=2958"),
        ],
    );
    // Q4 edited: a further Q3 edit no longer reaches it; the year still adds up.
    let s = s.with(model, Cell::new(Q4_2012, "cost_of_revenue"), d("4000")).unwrap();
    let s = s.with(model, Cell::new(Q3_2012, "cost_of_revenue"), d("6000")).unwrap();
    expect(&model.evaluate(&s), &[(M9_2012, "cost_of_revenue", "=14789"), (Q4_2012, "cost_of_revenue", "=4000"), (FY_2012, "cost_of_revenue", "=18789")]);
    // Reset: it follows Q3 again.
    let s = s.without(model, Cell::new(Q4_2012, "cost_of_revenue"));
    expect(&model.evaluate(&s), &[(Q4_2012, "cost_of_revenue", "=6000"), (FY_2012, "cost_of_revenue", "=20789")]);
}

#[test]
fn revenue_and_share_counts_do_not_follow_the_third_quarter() {
    let (_, f) = edit(&[(Q3_2012, "revenue", "25000"), (Q3_2012, "shares_basic", "6843")]);
    expect(
        &f,
        &[
            (Q4_2012, "revenue", "=24300"),
            // Nine months +1,618: the year too.
            (FY_2012, "revenue", "=92681"),
            (Q4_2012, "shares_diluted", "=35200"),
            (FY_2012, "shares_diluted", "=28400"),
        ],
    );
}

#[test]
fn a_nine_month_edit_reaches_the_year_but_not_the_fourth_quarter() {
    let (_, f) = edit(&[(M9_2012, "provision_for_income_taxes", "500")]);
    // The provision is held as entered: 500 for nine months, 77 for Q4, 577 for the year.
    expect(
        &f,
        &[
            (Q4_2012, "provision_for_income_taxes", "=77"),
            (FY_2012, "provision_for_income_taxes", "=577"),
            (FY_2012, "net_income", "=3267"),
            (FY_2012, "eps_diluted", "0.12"),
        ],
    );
}

#[test]
fn estimate_share_counts_are_their_own_and_eps_follows_them() {
    // 2,585 ÷ 25,850 = 0.10; 7,300 ÷ 36,500 = 0.20.
    let (_, f) = edit(&[(Q4_2012, "shares_diluted", "25850"), (FY_2012, "shares_diluted", "36500")]);
    expect(&f, &[(Q4_2012, "eps_diluted", "=0.1"), (FY_2012, "non_gaap_eps_diluted", "=0.2"), (Q3_2012, "shares_diluted", "=26545")]);
    // No shares: no per-share figure, and nothing panics.
    let (_, f) = edit(&[(Q4_2012, "shares_diluted", "0")]);
    expect(&f, &[(Q4_2012, "eps_diluted", "—"), (FY_2012, "eps_diluted", "0.13")]);
}

#[test]
fn a_figure_is_placed_against_its_range_as_displayed() {
    let revenue = Q4.ranges[0];
    let eps = Q4.ranges[1];
    for (range, value, position, by) in [
        (revenue, "24000", Position::Within, "0"),
        (revenue, "24600", Position::Within, "0"),
        // 23,999.5 displays as 24,000: within; 23,999.4 as 23,999: 1 below.
        (revenue, "23999.5", Position::Within, "0"),
        (revenue, "23999.4", Position::Below, "1"),
        (revenue, "24600.5", Position::Above, "1"),
        (eps, "0", Position::Within, "0"),
        (eps, "-0.004", Position::Within, "0"),
        (eps, "-0.005", Position::Below, "0.01"),
        (eps, "0.0249", Position::Within, "0"),
        // 0.025 displays as $0.03, half away from zero.
        (eps, "0.025", Position::Above, "0.01"),
        (eps, "0.0734", Position::Above, "0.05"),
    ] {
        let p = range.place(d(value));
        assert_eq!((p.position, p.by), (position, d(by)), "{} {value}", range.label);
    }
}

#[test]
fn the_release_estimates_against_the_guidance() {
    let model = Model::release();
    let f = model.reported();
    let mut got = Vec::new();
    for g in GUIDANCE {
        for r in g.ranges {
            let cell = r.cell(g.period);
            let p = r.place(f.get(model, cell).unwrap());
            got.push((cell.key(), p.position.id(), p.describe(r.unit)));
        }
    }
    let want = [
        ("q4-2012.revenue", "within", "within the range"),
        ("q4-2012.eps_diluted", "above", "$0.05 above the top"),
        ("q4-2012.non_gaap_eps_diluted", "above", "$0.05 above the top"),
        ("fy-2012.revenue", "within", "within the range"),
        ("fy-2012.eps_diluted", "above", "$0.07 above the top"),
        ("fy-2012.non_gaap_eps_diluted", "above", "$0.07 above the top"),
    ];
    let want: Vec<_> = want.iter().map(|(k, p, t)| (k.to_string(), *p, t.to_string())).collect();
    assert_eq!(got, want);
    assert!(range_of(Cell::new(Q4_2012, "net_income")).is_none());
    assert_eq!(range_of(Cell::new(FY_2012, "revenue")).map(|r| r.describe()), Some("$90,800 to $91,400 thousand".to_string()));
    // Below: revenue 1,000 short of the year's range.
    let (_, f) = edit(&[(Q4_2012, "revenue", "23037")]);
    let r = FULL_YEAR.ranges[0];
    let p = r.place(f.at(FY_2012, "revenue").unwrap());
    assert_eq!((p.position.id(), p.describe(r.unit)), ("below", "$1,000 thousand below the bottom".to_string()));
}

#[test]
fn what_the_full_year_guidance_implies_for_the_fourth_quarter() {
    let model = Model::release();
    expect(
        model.reported(),
        &[
            // 90,800 − 66,763 and 91,400 − 66,763.
            (Q4_2012, "implied_revenue_low", "=24037"),
            (Q4_2012, "implied_revenue_high", "=24637"),
            // 0.04 × 28,400 − 1,105 and 0.06 × 28,400 − 1,105.
            (Q4_2012, "implied_net_income_low", "=31"),
            (Q4_2012, "implied_net_income_high", "=599"),
            // 31 ÷ 35,200 = 0.0009; 599 ÷ 35,200 = 0.0170.
            (Q4_2012, "implied_eps_diluted_low", "0.00"),
            (Q4_2012, "implied_eps_diluted_high", "0.02"),
            // 0.17 × 28,400 − 3,688 and 0.19 × 28,400 − 3,688 (nine months' non-GAAP net income
            // 1,105 + 2,583).
            (Q4_2012, "implied_non_gaap_net_income_low", "=1140"),
            (Q4_2012, "implied_non_gaap_net_income_high", "=1708"),
            // 1,140 ÷ 35,200 = 0.0324; 1,708 ÷ 35,200 = 0.0485.
            (Q4_2012, "implied_non_gaap_eps_diluted_low", "0.03"),
            (Q4_2012, "implied_non_gaap_eps_diluted_high", "0.05"),
        ],
    );
    // The scenario's nine months move them: Q3 revenue +1,000 lowers what Q4 must bring.
    let (_, f) = edit(&[(Q3_2012, "revenue", "24382")]);
    expect(
        &f,
        &[(Q4_2012, "implied_revenue_low", "=23037"), (Q4_2012, "implied_net_income_high", "=-401"), (Q4_2012, "implied_non_gaap_net_income_high", "=708")],
    );
}

#[test]
fn the_release_guidance_is_consistent_with_itself() {
    let model = Model::release();
    let f = model.reported();
    let shown = |line: &'static str| model.display(Cell::new(Q4_2012, line), f.at(Q4_2012, line));
    // Per share, the full year less nine months gives the fourth quarter's own ranges.
    let [revenue, eps, non_gaap_eps] = Q4.ranges;
    let cents = |v: Decimal| format::display(Ok(v), Unit::PerShare);
    assert_eq!((shown("implied_eps_diluted_low"), shown("implied_eps_diluted_high")), (cents(eps.low), cents(eps.high)));
    assert_eq!((shown("implied_non_gaap_eps_diluted_low"), shown("implied_non_gaap_eps_diluted_high")), (cents(non_gaap_eps.low), cents(non_gaap_eps.high)));
    // Revenue: 24,037 to 24,637 against 24,000 to 24,600, $37 thousand apart at each end, the
    // same to the tenth of a million the release writes ($24.0 to $24.6 million).
    for (implied, guided) in [("implied_revenue_low", revenue.low), ("implied_revenue_high", revenue.high)] {
        assert_eq!(f.at(Q4_2012, implied).unwrap() - guided, d("37"));
    }
    // The run-rate sits far above what the year implies: 3,612 against at most 1,708.
    let run_rate = f.at(Q4_2012, "non_gaap_net_income").unwrap();
    let p = place(run_rate, f.at(Q4_2012, "implied_non_gaap_net_income_low").unwrap(), f.at(Q4_2012, "implied_non_gaap_net_income_high").unwrap(), Unit::Money);
    assert_eq!((p.position, p.by), (Position::Above, d("1904")));
}

#[test]
fn share_links_carry_fourth_quarter_and_year_edits() {
    let model = Model::release();
    let fragment = "v=1&q4-2012.cost_of_revenue=5000&q4-2012.revenue=25000&fy-2012.shares_diluted=29000";
    let (s, problems) = decode(model, fragment);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(encode(&s), fragment);
    expect(
        &model.evaluate(&s),
        &[
            (Q4_2012, "gross_profit", "=20000"),
            (FY_2012, "revenue", "=91763"),
            (FY_2012, "cost_of_revenue", "=18423"),
            // Q4 net income 2,585 + 700 − 366 = 2,919; (1,105 + 2,919) ÷ 29,000 = 0.1388.
            (FY_2012, "net_income", "=4024"),
            (FY_2012, "eps_diluted", "0.14"),
        ],
    );
    // The year's flows are computed; lines without an estimate have no figure.
    let (s, problems) = decode(model, "v=1&fy-2012.revenue=90000&q4-2012.eps_basic=1&q4-2012.implied_revenue_low=1&q4-2012.sales_and_marketing=9000");
    assert_eq!(s.edits().count(), 1);
    // One sentence per kind of problem: two computed figures, one line with no estimate.
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("Skipped 2 parts: Computed from other figures"), "{}", problems[0]);
    assert!(problems[1].contains("no figure in that period"), "{}", problems[1]);
}

#[test]
fn the_year_ties_to_nine_months_and_the_fourth_quarter_and_q4_edits_are_reported() {
    let model = Model::release();
    let (_, f) = edit(&[(Q4_2012, "sales_and_marketing", "9000"), (Q3_2012, "research_and_development", "6000")]);
    let broken: Vec<(String, bool, Decimal)> = ties::all()
        .iter()
        .filter_map(|t| {
            let c = t.check(model, &f);
            (!c.holds()).then(|| (t.left.key(), t.informational(), c.difference().unwrap()))
        })
        .collect();
    // Only the informational "follows Q3" tie of the edited input: 9,000 − 8,797.
    assert_eq!(broken, vec![("q4-2012.sales_and_marketing".to_string(), true, d("203"))]);
    let year: Vec<&str> = ties::all().iter().filter(|t| t.left.period == FY_2012).map(|t| t.left.line).collect();
    assert_eq!(year.len(), 15, "every flow the fourth quarter estimates");
}

#[test]
fn scenario_files_and_the_csv_carry_the_estimates() {
    use qualys_what_if::model::io::export::csv;
    let model = Model::release();
    let (s, f) = edit(&[(Q4_2012, "revenue", "25000.5"), (FY_2012, "shares_diluted", "29000"), (Q3_2012, "cost_of_revenue", "5000")]);
    let file = common::write_scenario(&s);
    assert!(file.contains(r#""q4-2012.revenue": "25000.5""#), "{file}");
    assert!(file.contains(r#""fy-2012.shares_diluted": "29000""#), "{file}");
    assert_eq!(common::read_scenario(model, &file).as_ref(), Ok(&s));
    // The year's revenue row: release estimate 91,063, scenario 66,763 + 25,000.5.
    let text = csv(model, &s, &f);
    let row = text.split("\r\n").find(|l| l.starts_with("Condensed Consolidated Statements of Operations,revenue,")).unwrap();
    assert!(row.ends_with(",24300,25000.5,91063,91763.5"), "{row}");
    // Q4 cost of revenues follows Q3 in the scenario: 4,634 on the release, 5,000 now.
    let row = text.split("\r\n").find(|l| l.starts_with("Condensed Consolidated Statements of Operations,cost_of_revenue,")).unwrap();
    assert!(row.ends_with(",4634,5000,18057,18789"), "{row}");
    // The outlook, as the page's shows it: the quarter's revenue shown as 25,001 is $401 thousand
    // above its range, the year's 91,764 is $364 thousand above; the year's range less the nine
    // months (66,763) leaves 24,037 to 24,637 for the quarter.
    let outlook = |start: &str| text.split("\r\n").filter(|l| l.starts_with(start)).collect::<Vec<_>>();
    assert_eq!(outlook("table,period,"), ["table,period,line,label,range low,range high,release estimate,scenario,where it falls,outside by"]);
    let guided = outlook("Financial Performance Outlook,");
    assert_eq!(guided.len(), 6, "{text}");
    assert!(guided.contains(&"Financial Performance Outlook,q4-2012,revenue,Revenues,24000,24600,24300,25000.5,above,401"), "{guided:?}");
    assert!(guided.contains(&"Financial Performance Outlook,fy-2012,revenue,Revenues,90800,91400,91063,91763.5,above,364"), "{guided:?}");
    let implied = outlook("What the full-year guidance implies for the fourth quarter,");
    assert_eq!(implied.len(), 5, "{text}");
    assert_eq!(implied[0], "What the full-year guidance implies for the fourth quarter,q4-2012,revenue,Revenues,24037,24637,24300,25000.5,above,364");
    // The edits: an estimate's starts from the page's estimate, in a column that says so.
    assert!(text.contains("\r\ntable,key,label,reported or release estimate,scenario\r\n"), "{text}");
    assert!(text.contains("\r\nThis scenario's edits,q4-2012.revenue,\"Revenues, Q4 2012 estimate\",24300,25000.5\r\n"), "{text}");
}

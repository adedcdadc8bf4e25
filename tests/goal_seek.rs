//! Goal seek against the release: the value nearest the current one that makes a figure show a
//! target, the exact solution beside it, and a plain reason when there is none.

use proptest::prelude::*;
use qualys_what_if::model::analysis::solve::{goal_seek, read_target, Exact, NoSolution, Solution};
use qualys_what_if::model::{Cell, Model, Period::*, SbcReading, Scenario, Undefined};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn q3(line: &'static str) -> Cell {
    Cell::new(Q3_2012, line)
}

/// The figure shown with `input` at `value`.
fn shown(scenario: &Scenario, figure: Cell, input: Cell, value: Decimal) -> String {
    let model = Model::release();
    let s = scenario.with(model, input, value).unwrap();
    model.display(figure, model.evaluate(&s).get(model, figure))
}

#[test]
fn answers_are_the_nearest_value_that_shows_the_target_and_the_exact_one() {
    let model = Model::release();
    let release = Scenario::default();
    // (figure, input, target, nearest, exact)
    let rows: &[(Cell, Cell, &str, &str, Option<Exact>)] = &[
        // 713 shows $0.11 and 714 $0.12; by hand: non-GAAP diluted EPS is (1,667 + 1,027 + Δ) ×
        // 1,664 ÷ 1,667 ÷ 26,545 and reaches 0.115 at Δ = 364.178621…, so 349 + 364.179.
        // Exactly 0.12 at Δ = 0.12 × 26,545 × 1,667 ÷ 1,664 − 2,694 = 497.142908653846…
        (q3("non_gaap_eps_diluted"), q3("sbc_sales_and_marketing"), "0.12", "713.179", Some(Exact::Finer(d("846.142908653846154")))),
        // Net income is revenue less 21,715: it shows 0 from 21,714.501 to 21,715.499.
        (q3("net_income"), q3("revenue"), "0", "21715.499", Some(Exact::Enterable(d("21715")))),
        // Already showing the target: nothing to change.
        (q3("net_income"), q3("revenue"), "1,667", "23382", Some(Exact::Enterable(d("23382")))),
        (q3("net_income"), q3("revenue"), "1,667.4", "23382", Some(Exact::Enterable(d("23382.4")))),
        // Up: a higher cost lowers income from operations (1,721): it shows 1,000 below 1,000.5.
        (q3("income_from_operations"), q3("cost_of_revenue"), "1000", "5354.501", Some(Exact::Enterable(d("5355")))),
        // Through the link: the quarter's revenue moves nine months.
        (Cell::new(M9_2012, "net_income"), q3("revenue"), "0", "22277.499", Some(Exact::Enterable(d("22277")))),
        // A margin, typed with its percent sign: revenue divides. It shows 82.0 % from 81.95 %,
        // 100 × (R − 4,634) ÷ R = 81.95 at R = 25,673.130193…
        (q3("gross_margin"), q3("revenue"), "82%", "25673.131", None),
        // Shares divide: basic EPS is 1,667 ÷ (basic + 17,627.556626…), below 0.065 past
        // 8,018.597220… basic shares.
        (q3("eps_basic"), q3("shares_basic"), "0.06", "8018.598", None),
        // Past a step over the pole. Gross margin is 100 × (R − 4,634) ÷ R: going down from
        // 23,382 it falls towards minus infinity as revenue nears zero, and comes back from plus
        // infinity below it. Stepping down, the search went from 6,604.784 (29.8 %) to
        // (10,172.432) (145.6 %): past 0 % and back to the same side. It shows 0.0 % below
        // 4,634 ÷ 0.9995 = 4,636.3181…, and is exactly 0 at 4,634.
        (q3("gross_margin"), q3("revenue"), "0", "4636.318", Some(Exact::Enterable(d("4634")))),
        // 10.0 % below 4,634 ÷ 0.8995 = 5,151.7509…; exactly 10 % at 4,634 ÷ 0.9.
        (q3("gross_margin"), q3("revenue"), "10", "5151.75", Some(Exact::Finer(d("5148.888888888888889")))),
        // The estimate too: the fourth quarter's cost follows the third's.
        (Cell::new(Q4_2012, "gross_margin"), Cell::new(Q4_2012, "revenue"), "-50", "3090.363", Some(Exact::Finer(d("3089.333333333333333")))),
        // Shares that reach zero: the estimate's EPS is net income (2,585) over its diluted
        // shares (no two-class split), undefined at zero shares, where the search stopped. It
        // shows 50.00 below 2,585 ÷ 49.995 = 51.7051…, and is exactly 50 at 51.7.
        (Cell::new(Q4_2012, "eps_diluted"), Cell::new(Q4_2012, "shares_diluted"), "50", "51.705", Some(Exact::Enterable(d("51.7")))),
        // The year's: net income 3,690 over its shares, 1.00 below 3,690 ÷ 0.995 = 3,708.5427…
        (Cell::new(FY_2012, "eps_diluted"), Cell::new(FY_2012, "shares_diluted"), "1", "3708.542", Some(Exact::Enterable(d("3690")))),
    ];
    for (figure, input, target, nearest, exact) in rows {
        let t = read_target(model, *figure, target, None).unwrap();
        let found = goal_seek(model, &release, *figure, *input, t);
        let Ok(Solution { nearest: got, exact: got_exact, .. }) = found else {
            panic!("{} by {} to {target}: {found:?}", figure.key(), input.key());
        };
        assert_eq!(got, d(nearest), "{} by {} to {target}", figure.key(), input.key());
        let want = model.display(*figure, Ok(t));
        assert_eq!(shown(&release, *figure, *input, got), want);
        if let Some(exact) = exact {
            assert_eq!(got_exact.as_ref(), Some(exact), "{} by {} to {target}", figure.key(), input.key());
        }
    }
}

#[test]
fn the_nearest_is_the_first_value_that_shows_it() {
    let release = Scenario::default();
    let (eps, sbc) = (q3("non_gaap_eps_diluted"), q3("sbc_sales_and_marketing"));
    assert_eq!(shown(&release, eps, sbc, d("713.178")), "0.11");
    assert_eq!(shown(&release, eps, sbc, d("713.179")), "0.12");
    let (income, revenue) = (q3("net_income"), q3("revenue"));
    assert_eq!(shown(&release, income, revenue, d("21715.499")), "-"); // a zero, as the release prints it
    assert_eq!(shown(&release, income, revenue, d("21715.5")), "1");
}

#[test]
fn a_margin_is_found_where_the_rounding_makes_it_show() {
    let model = Model::release();
    let (margin, revenue) = (q3("gross_margin"), q3("revenue"));
    let found = goal_seek(model, &Scenario::default(), margin, revenue, d("82")).unwrap();
    // 81.95 % is where it starts to show 82.0 %: 100 × (R − 4,634) ÷ R = 81.95 at R = 25,673.13…
    let release = Scenario::default();
    assert_eq!(shown(&release, margin, revenue, found.nearest), "82.0%");
    assert_eq!(shown(&release, margin, revenue, found.nearest - d("0.001")), "81.9%");
}

#[test]
fn says_plainly_when_there_is_none() {
    let model = Model::release();
    let release = Scenario::default();
    let no_revenue = release.with(model, q3("revenue"), Decimal::ZERO).unwrap();
    let negative_revenue = release.with(model, q3("revenue"), Decimal::NEGATIVE_ONE).unwrap();
    let tiny_prior = release.with(model, Cell::new(Q3_2011, "revenue"), d("0.6")).unwrap();
    // The scenario, the figure, the input to change, the target typed, and what the reason must be.
    type Row<'a> = (&'a Scenario, Cell, Cell, &'a str, fn(&NoSolution) -> bool);
    let rows: &[Row] = &[
        // Last year's revenue is not in this quarter's net income.
        (&release, q3("net_income"), Cell::new(Q3_2011, "revenue"), "0", |e| *e == NoSolution::NotBuiltFrom),
        // December's cash is what balances December's balance sheet: receivables move cash,
        // not total assets.
        (&release, Cell::new(Bs2011, "total_assets"), Cell::new(Bs2011, "accounts_receivable"), "1", |e| *e == NoSolution::Unmoved),
        // A margin with revenue 0 has no value, whatever the cost.
        (&no_revenue, q3("gross_margin"), q3("cost_of_revenue"), "50", |e| *e == NoSolution::Undefined(Undefined::ZeroDivisor)),
        // On negative revenue a margin is not meaningful, whatever the cost, and says so.
        (&negative_revenue, q3("gross_margin"), q3("cost_of_revenue"), "50", |e| matches!(e, NoSolution::Undefined(Undefined::NotMeaningful(_)))),
        // Net income of a billion needs revenue past a billion: the nearest that shows it
        // (exactly a billion at 1,000,021,715).
        (&release, q3("net_income"), q3("revenue"), "1000000000", |e| *e == NoSolution::BeyondBound { needed: Some(d("1000021714.5")) }),
        // Non-GAAP EPS of $0.16 needs diluted shares of at most 2,689.15 ÷ 0.155, about 17,349
        // thousand: warrants at about (9,195.6), not where the straight line through the
        // current value meets it (about (15,380), where EPS shows 0.24).
        (
            &release,
            q3("non_gaap_eps_diluted"),
            q3("dilutive_warrants"),
            "0.16",
            |e| matches!(e, NoSolution::NegativeShares { needed: Some(x) } if *x > d("-9196") && *x < d("-9195")),
        ),
        // EPS of $10 needs fewer than no shares: diluted shares of about 166 thousand, basic
        // shares just above the pole where they cancel the potential shares, a step past it.
        (&release, q3("eps_diluted"), q3("shares_basic"), "10", |e| matches!(e, NoSolution::NegativeShares { needed: Some(x) } if *x == d("-20535.517"))),
        // More shares bring EPS towards zero, never below it: only a share count past the pole,
        // below zero, makes it negative.
        (
            &release,
            q3("eps_diluted"),
            q3("shares_basic"),
            "-0.05",
            |e| matches!(e, NoSolution::NegativeShares { needed: Some(x) } if *x > d("-50957") && *x < d("-50956")),
        ),
        // The year's net income is a profit, so no share count gives a loss per share: the
        // reason says what the figure does show (from 0.00, a billion shares, upwards).
        (
            &release,
            Cell::new(FY_2012, "eps_diluted"),
            Cell::new(FY_2012, "shares_diluted"),
            "(0.10)",
            |e| matches!(e, NoSolution::Unreachable { seen: Some((lo, hi)), across: false } if *lo > Decimal::ZERO && *lo < d("0.005") && *hi > d("1000")),
        ),
        // With last year's revenue near zero, growth moves 10,000 points a thousandth.
        (&tiny_prior, q3("revenue_growth"), Cell::new(Q3_2011, "revenue"), "5000000", |e| {
            matches!(e, NoSolution::BetweenEntries { below, above, exact: Some(x) }
                if *below == d("0.467") && *above == d("0.468") && x.round_dp(9) == d("0.467630647"))
        }),
    ];
    for (scenario, figure, input, target, expected) in rows {
        let t = read_target(model, *figure, target, None).unwrap();
        let found = goal_seek(model, scenario, *figure, *input, t);
        match &found {
            Err(why) => {
                assert!(expected(why), "{} by {} to {target}: {why:?}", figure.key(), input.key());
                let said = why.describe(model, *figure, *input, &model.display(*figure, Ok(t)));
                assert!(!said.is_empty());
                if let NoSolution::Unreachable { .. } = why {
                    assert!(said.contains("shows from 0.00 to "), "{said}");
                }
            }
            Ok(s) => panic!("{} by {} to {target}: expected no solution, got {s:?}", figure.key(), input.key()),
        }
    }
}

#[test]
fn inputs_are_found_through_links() {
    let model = Model::release();
    let keys = |cell: Cell| model.built_from(cell, &Scenario::default()).iter().map(|c| c.key()).collect::<Vec<_>>();
    // Nine months' revenue is an input and follows the quarter: both move it.
    let nine = keys(Cell::new(M9_2012, "net_income"));
    assert!(nine.contains(&"9m-2012.revenue".to_string()) && nine.contains(&"q3-2012.revenue".to_string()), "{nine:?}");
    // The cash flow statement reads the balance sheet.
    let cash = keys(Cell::new(M9_2012, "cash_from_operations"));
    assert!(cash.contains(&"2012-09-30.accounts_receivable".to_string()), "{cash:?}");
    assert!(cash.contains(&"q3-2012.revenue".to_string()), "{cash:?}");
    // An edited nine months no longer follows the quarter.
    let edited = Scenario::default().with(model, Cell::new(M9_2012, "revenue"), d("70000")).unwrap();
    let after: Vec<String> = model.built_from(Cell::new(M9_2012, "net_income"), &edited).iter().map(|c| c.key()).collect();
    assert!(after.contains(&"9m-2012.revenue".to_string()) && !after.contains(&"q3-2012.revenue".to_string()), "{after:?}");
    // No input appears twice, and the figure is not its own input.
    assert!(nine.iter().enumerate().all(|(i, k)| !nine[..i].contains(k) && k != "9m-2012.net_income"));
}

/// Computed figures with at least one input, and their inputs.
fn seekable() -> Vec<(Cell, Vec<Cell>)> {
    let model = Model::release();
    model
        .cells()
        .filter(|c| model.editable(*c).is_none())
        .map(|c| (c, model.built_from(c, &Scenario::default())))
        .filter(|(_, inputs)| !inputs.is_empty())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn no_target_panics_and_every_answer_shows_the_target(
        pick in any::<prop::sample::Index>(),
        which in any::<prop::sample::Index>(),
        mantissa in -1_000_000_000_000i64..=1_000_000_000_000,
        scale in 0u32..=3,
        near in any::<bool>(),
        edit in any::<prop::sample::Index>(),
        edited in -1_000_000i64..=1_000_000,
        on_top in any::<bool>(),
    ) {
        let model = Model::release();
        let figures = seekable();
        let (figure, inputs) = &figures[pick.index(figures.len())];
        let input = inputs[which.index(inputs.len())];
        // From the release or a scenario with one more edit (zero revenue, say), either reading.
        let reading = if on_top { SbcReading::OnTop } else { SbcReading::Within };
        let other = inputs[edit.index(inputs.len())];
        let start = Scenario::default().with_sbc_reading(reading);
        let release = match edited % 3 {
            0 => start,
            _ => start.with(model, other, Decimal::new(edited.abs(), edited.unsigned_abs() as u32 % 4)).unwrap_or_default(),
        };
        let now = model.evaluate(&release).get(model, *figure).unwrap_or_default();
        // Half the targets near the figure (the common question), half anywhere.
        let target = if near { (now + Decimal::new(mantissa % 100_000, scale)).round_dp(3) } else { Decimal::new(mantissa, scale) };
        match goal_seek(model, &release, *figure, input, target) {
            Ok(found) => {
                let s = release.with(model, input, found.nearest);
                prop_assert!(s.is_ok(), "{} by {}: {} cannot be entered", figure.key(), input.key(), found.nearest);
                let got = model.evaluate(&s.unwrap()).get(model, *figure);
                prop_assert_eq!(model.display(*figure, got), model.display(*figure, Ok(target)));
                prop_assert_eq!(got, Ok(found.reaches));
                if let Some(Exact::Enterable(x)) = found.exact {
                    let s = release.with(model, input, x).unwrap();
                    prop_assert_eq!(model.evaluate(&s).get(model, *figure), Ok(target));
                }
            }
            Err(why) => {
                let _ = why.describe(model, *figure, input, &model.display(*figure, Ok(target)));
            }
        }
    }
}

#[test]
fn the_fourth_quarter_is_sought_through_its_run_rate() {
    let model = Model::release();
    let release = Scenario::default();
    let q4_eps = Cell::new(Q4_2012, "non_gaap_eps_diluted");
    let inputs = model.built_from(q4_eps, &release);
    // The fourth quarter follows the third until edited: both move it.
    for key in ["q4-2012.sales_and_marketing", "q3-2012.sales_and_marketing", "q4-2012.revenue", "q4-2012.shares_diluted"] {
        assert!(inputs.iter().any(|c| c.key() == key), "{key} in {inputs:?}");
    }
    // Now 0.10: 3,612 of non-GAAP net income over the guidance's 35,200 shares. It shows 0.05
    // below 0.055 × 35,200 = 1,936, so at 1,676.001 more sales and marketing (8,797 + 1,676.001);
    // exactly 0.05 at 1,760, 1,852 more.
    let found = goal_seek(model, &release, q4_eps, q3("sales_and_marketing"), d("0.05")).unwrap();
    assert_eq!(found.nearest, d("10473.001"));
    assert_eq!(shown(&release, q4_eps, q3("sales_and_marketing"), found.nearest - d("0.001")), "0.06");
    assert_eq!(found.exact, Some(Exact::Enterable(d("10649"))));
}

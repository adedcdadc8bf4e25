//! Sensitivity: the two-way table over two inputs and the tornado of every input, checked
//! against evaluating the same scenarios one by one.

use qualys_what_if::model::analysis::sensitivity::{
    check_percent, default_step, levers, table_csv, tornado, tornado_csv, two_way, values_around, TableError, DEFAULT_COUNT, DEFAULT_PERCENT,
};
use qualys_what_if::model::{Cell, EditError, EntryError, Model, Period::*, Scenario};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn q3(line: &'static str) -> Cell {
    Cell::new(Q3_2012, line)
}

#[test]
fn default_steps_are_round_and_about_five_percent() {
    let rows = [("23382", "1000"), ("349", "20"), ("5843", "200"), ("0", "1"), ("-1252", "50"), ("38", "2"), ("1", "1")];
    for (value, step) in rows {
        assert_eq!(default_step(d(value)), d(step), "{value}");
    }
    assert_eq!(values_around(d("10"), d("2"), 5), [d("6"), d("8"), d("10"), d("12"), d("14")]);
    assert_eq!(values_around(d("10"), d("2"), 4), [d("6"), d("8"), d("10"), d("12")]);
}

#[test]
fn a_seven_by_seven_table_is_the_figure_at_each_pair_of_values() {
    let model = Model::release();
    let release = Scenario::default();
    let figure = q3("non_gaap_eps_diluted");
    let table = two_way(model, &release, figure, (q3("revenue"), d("1000")), (q3("sbc_sales_and_marketing"), d("20")), DEFAULT_COUNT, None).unwrap();
    assert_eq!(table.cells.len(), 7);
    assert!(table.cells.iter().all(|row| row.len() == 7));
    assert_eq!(table.rows.values.first(), Some(&d("20382")));
    assert_eq!(table.columns.values.last(), Some(&d("409")));
    assert_eq!(table.current, 3);
    // The middle cell is the scenario as it is.
    assert_eq!(table.cells[3][3], Ok(model.reported().get(model, figure)));
    // Every cell is the figure evaluated with both inputs set.
    for (i, r) in table.rows.values.iter().enumerate() {
        for (j, c) in table.columns.values.iter().enumerate() {
            let s = release.with(model, q3("revenue"), *r).unwrap().with(model, q3("sbc_sales_and_marketing"), *c).unwrap();
            assert_eq!(table.cells[i][j], Ok(model.evaluate(&s).get(model, figure)), "{r} × {c}");
        }
    }
    assert!(table.within_guidance.is_empty());
}

#[test]
fn cells_within_guidance_are_flagged_as_displayed() {
    let model = Model::release();
    let figure = q3("non_gaap_eps_diluted");
    // Shown 0.10 at the current values; 0.095 rounds to 0.10 too.
    let table =
        two_way(model, &Scenario::default(), figure, (q3("revenue"), d("1000")), (q3("sbc_sales_and_marketing"), d("20")), 3, Some((d("0.10"), d("0.10"))))
            .unwrap();
    assert_eq!(table.within_guidance.len(), 3);
    assert!(table.within_guidance[1][1]);
    // 1,000 less revenue is 0.07 a share less: outside.
    assert!(!table.within_guidance[0][1]);
}

#[test]
fn values_an_input_cannot_hold_leave_their_cells_empty() {
    let model = Model::release();
    let figure = q3("eps_basic");
    let table = two_way(model, &Scenario::default(), figure, (q3("shares_basic"), d("3000")), (q3("revenue"), d("1")), 5, None).unwrap();
    assert_eq!(table.rows.values[0], d("-157"));
    assert!(table.cells[0].iter().all(|c| *c == Err(EditError::Entry(EntryError::Negative))));
    assert!(table.cells[1].iter().all(|c| matches!(c, Ok(Ok(_)))));
    let csv = table_csv(&table);
    let first_row = csv.lines().nth(1).unwrap();
    assert_eq!(first_row, "-157,,,,,");
}

#[test]
fn settings_out_of_range_are_refused() {
    let model = Model::release();
    let (f, a, b) = (q3("net_income"), q3("revenue"), q3("cost_of_revenue"));
    let s = Scenario::default();
    assert_eq!(two_way(model, &s, f, (a, d("1")), (b, d("1")), 0, None), Err(TableError::Count));
    assert_eq!(two_way(model, &s, f, (a, d("1")), (b, d("1")), 16, None), Err(TableError::Count));
    assert_eq!(two_way(model, &s, f, (a, d("0")), (b, d("1")), 7, None), Err(TableError::Step));
    assert_eq!(two_way(model, &s, f, (a, d("1")), (b, d("0.0001")), 7, None), Err(TableError::Step));
    assert!(two_way(model, &s, f, (a, d("1")), (b, d("-1")), 7, None).is_err());
}

#[test]
fn the_table_exports_as_csv() {
    let model = Model::release();
    let table = two_way(model, &Scenario::default(), q3("net_income"), (q3("revenue"), d("1000")), (q3("cost_of_revenue"), d("100")), 3, None).unwrap();
    let csv = table_csv(&table);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "q3-2012.net_income by q3-2012.revenue (rows) and q3-2012.cost_of_revenue (columns),4534,4634,4734");
    assert_eq!(lines[2], "23382,1767,1667,1567");
    assert_eq!(lines.len(), 5); // three rows, a header and the last line break
}

#[test]
fn the_tornado_sorts_every_input_by_swing() {
    let model = Model::release();
    let release = Scenario::default();
    let figure = q3("net_income");
    let bars = tornado(model, &release, figure, DEFAULT_PERCENT);
    let inputs = model.built_from(figure, &release);
    assert_eq!(bars.len(), inputs.len());
    assert!(inputs.iter().all(|i| bars.iter().any(|b| b.input == *i)));
    // Revenue first: ±2,338.2 moves net income 4,676.4.
    assert_eq!(bars[0].input, q3("revenue"));
    assert_eq!((bars[0].low, bars[0].high), (d("21043.8"), d("25720.2")));
    assert_eq!(bars[0].swing, Some(d("4676.4")));
    assert_eq!(bars[0].at_low, Ok(Ok(d("-671.2"))));
    assert!(bars.windows(2).all(|w| w[0].swing >= w[1].swing));
    // Sales and marketing (8,797) next.
    assert_eq!(bars[1].input, q3("sales_and_marketing"));
    let csv = tornado_csv(model, figure, &bars, DEFAULT_PERCENT);
    assert!(csv.starts_with("figure,input,label,input at -10%,input at +10%,figure at -10%,figure at +10%,swing\r\n"));
    assert!(csv.contains("q3-2012.net_income,q3-2012.revenue,\"Revenues, Q3 2012\",21043.8,25720.2,-671.2,4005.2,4676.4\r\n"), "{csv}");
}

#[test]
fn the_first_lever_is_the_input_that_moves_the_figure_most() {
    let model = Model::release();
    let release = Scenario::default();
    // Non-GAAP EPS is built from the share counts, the inputs nearest it in its derivation, but
    // revenue moves it more: ±10 % of revenue moves it by cents, ±10 % of the shares by one.
    let eps = q3("non_gaap_eps_diluted");
    assert_eq!(model.built_from(eps, &release).first(), Some(&q3("shares_basic")));
    assert_eq!(levers(model, &release, eps)[..2], [q3("revenue"), q3("sales_and_marketing")]);
    // The year's: the fourth quarter's inputs first, the largest swing first among them, though
    // nine months' revenue (a larger base) moves it more.
    let year = Cell::new(FY_2012, "non_gaap_eps_diluted");
    let q4 = |line| Cell::new(Q4_2012, line);
    assert_eq!(levers(model, &release, year)[..3], [q4("revenue"), q4("sales_and_marketing"), Cell::new(FY_2012, "shares_diluted")]);
    // A reported figure's levers are its tornado's order.
    let bars: Vec<Cell> = tornado(model, &release, eps, DEFAULT_PERCENT).iter().map(|b| b.input).collect();
    assert_eq!(levers(model, &release, eps), bars);
}

/// An input one end of which cannot be entered is ranked by the other end's move, not last:
/// the fourth quarter's revenue at 950 million cannot be 10 % higher (past a billion), but 10 %
/// lower it moves the year's EPS more than any input but the year's share count.
#[test]
fn an_input_with_one_end_is_ranked_by_that_end() {
    let model = Model::release();
    let q4_revenue = Cell::new(Q4_2012, "revenue");
    let scenario = Scenario::default().with(model, q4_revenue, d("950000000")).unwrap();
    let year = Cell::new(FY_2012, "eps_diluted");
    let bars = tornado(model, &scenario, year, DEFAULT_PERCENT);
    let at = bars.iter().position(|b| b.input == q4_revenue).unwrap();
    assert!(bars[at].at_high.is_err() && bars[at].swing.is_none(), "{:?}", bars[at]);
    assert_eq!(bars[0].input, Cell::new(FY_2012, "shares_diluted"));
    assert_eq!(at, 1, "{:?}", bars.iter().map(|b| b.input.key()).collect::<Vec<_>>());
    // Its CSV row leaves what has no figure empty.
    let csv = tornado_csv(model, year, &bars, DEFAULT_PERCENT);
    assert!(csv.contains("fy-2012.eps_diluted,q4-2012.revenue,\"Revenues, Q4 2012 estimate\",855000000,1045000000,"), "{csv}");
}

/// An estimate's tornado lists its own inputs first, then the reported ones behind it, each
/// group by swing; a reported figure's has one group.
#[test]
fn an_estimates_tornado_puts_its_own_inputs_first() {
    let model = Model::release();
    let release = Scenario::default();
    let year = Cell::new(FY_2012, "non_gaap_eps_diluted");
    let bars = tornado(model, &release, year, DEFAULT_PERCENT);
    let own = bars.iter().take_while(|b| b.input.period.is_estimate()).count();
    assert!(own > 0 && own < bars.len());
    assert!(bars[own..].iter().all(|b| !b.input.period.is_estimate()), "one group each");
    assert_eq!(bars[0].input, Cell::new(Q4_2012, "revenue"));
    assert_eq!(bars[own].input, Cell::new(M9_2012, "revenue"));
    for group in [&bars[..own], &bars[own..]] {
        assert!(group.windows(2).all(|w| w[0].swing >= w[1].swing));
    }
}

#[test]
fn the_tornado_percentage_is_editable() {
    let model = Model::release();
    let bars = tornado(model, &Scenario::default(), q3("net_income"), d("1"));
    assert_eq!(bars[0].swing, Some(d("467.64")));
    // Values keep to three decimals, as an entry holds: 38 ± 0.1 % is 37.962 and 38.038, and
    // 1 ± 0.1 % (interest income) rounds to 0.999 and 1.001.
    let bars = tornado(model, &Scenario::default(), q3("net_income"), d("0.1"));
    let interest = bars.iter().find(|b| b.input == q3("interest_expense")).unwrap();
    assert_eq!((interest.low, interest.high), (d("37.962"), d("38.038")));
    let income = bars.iter().find(|b| b.input == q3("interest_income")).unwrap();
    assert_eq!((income.low, income.high), (d("0.999"), d("1.001")));
    assert_eq!(check_percent(d("0")), Err(TableError::Percent));
    assert_eq!(check_percent(d("100.5")), Err(TableError::Percent));
    assert_eq!(check_percent(d("12.5")), Ok(d("12.5")));
}

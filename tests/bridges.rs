//! The bridge charts come from the declarations: each starts at the GAAP figure, steps by each
//! add-back, and ends exactly at the figure it explains.

use qualys_what_if::model::analysis::bridge::{Kind, Scale, BRIDGES};
use qualys_what_if::model::engine::format;
use qualys_what_if::model::{Cell, Model, Period::*, Scenario, Sign};
use rust_decimal::Decimal;

fn steps(bridge: usize, figures: &qualys_what_if::model::Figures, period: qualys_what_if::model::Period) -> Vec<(String, String)> {
    let model = Model::release();
    BRIDGES[bridge]
        .bars(model, figures, period)
        .unwrap()
        .iter()
        .map(|b| {
            let sign = match b.kind {
                Kind::Total => "=",
                Kind::Step(Sign::Plus) => "+",
                Kind::Step(Sign::Minus) => "-",
            };
            (b.cell.key(), format!("{sign}{}", format::plain(Ok(b.value))))
        })
        .collect()
}

fn pairs(rows: &[(&str, &str)]) -> Vec<(String, String)> {
    rows.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn income_from_operations_bridges_to_non_gaap_by_each_sbc_line() {
    let f = Model::release().reported();
    assert_eq!(
        steps(0, f, Q3_2012),
        pairs(&[
            ("q3-2012.income_from_operations", "=1721"),
            ("q3-2012.sbc_cost_of_revenue", "+68"),
            ("q3-2012.sbc_research_and_development", "+167"),
            ("q3-2012.sbc_sales_and_marketing", "+349"),
            ("q3-2012.sbc_general_and_administrative", "+443"),
            ("q3-2012.non_gaap_income_from_operations", "=2748"),
        ])
    );
}

#[test]
fn net_income_and_bookings_bridges() {
    let f = Model::release().reported();
    assert_eq!(steps(1, f, M9_2012).first().unwrap(), &("9m-2012.net_income".to_string(), "=1105".to_string()));
    assert_eq!(steps(1, f, M9_2012).last().unwrap(), &("9m-2012.non_gaap_net_income".to_string(), "=3688".to_string()));
    assert_eq!(
        steps(2, f, F4_2012),
        pairs(&[("4q-2012.revenue", "=87416"), ("4q-2012.deferred_revenue_current_change", "+11280"), ("4q-2012.four_quarter_bookings", "=98696"),])
    );
}

#[test]
fn the_estimates_have_bridges_too() {
    // The year: 3,690 net income plus the year's stock-based compensation, line by line
    // (195 + 68, 484 + 167, 856 + 349, 1,048 + 443), to 7,300.
    let f = Model::release().reported();
    assert_eq!(
        steps(1, f, FY_2012),
        pairs(&[
            ("fy-2012.net_income", "=3690"),
            ("fy-2012.sbc_cost_of_revenue", "+263"),
            ("fy-2012.sbc_research_and_development", "+651"),
            ("fy-2012.sbc_sales_and_marketing", "+1205"),
            ("fy-2012.sbc_general_and_administrative", "+1491"),
            ("fy-2012.non_gaap_net_income", "=7300"),
        ])
    );
    assert_eq!(steps(0, f, Q4_2012).first().unwrap(), &("q4-2012.income_from_operations".to_string(), "=2639".to_string()));
    assert_eq!(steps(0, f, Q4_2012).last().unwrap(), &("q4-2012.non_gaap_income_from_operations".to_string(), "=3666".to_string()));
}

#[test]
fn every_bridge_ends_where_its_steps_take_it_after_any_edit() {
    let model = Model::release();
    let s = Scenario::default()
        .with(model, Cell::new(Q3_2012, "revenue"), Decimal::from(10_000))
        .unwrap()
        .with(model, Cell::new(Bs2012, "deferred_revenue_current"), Decimal::from(30_000))
        .unwrap();
    let f = model.evaluate(&s);
    for bridge in &BRIDGES {
        for p in bridge.periods {
            let bars = bridge.bars(model, &f, *p).unwrap();
            let (last, steps) = bars.split_last().unwrap();
            assert_eq!(steps.last().unwrap().to, last.to, "{} {}", bridge.id, p.id());
            for pair in steps.windows(2) {
                assert_eq!(pair[0].to, pair[1].from, "{} {}", bridge.id, p.id());
            }
        }
    }
    // A loss: income from operations is negative and the bars reach below zero.
    let bars = BRIDGES[0].bars(model, &f, Q3_2012).unwrap();
    assert!(bars[0].to < Decimal::ZERO);
}

#[test]
fn the_scale_puts_zero_and_every_total_inside_the_plot() {
    let model = Model::release();
    // Revenue 21,000: income from operations −661, non-GAAP +366, so the bars cross zero.
    let s = Scenario::default().with(model, Cell::new(Q3_2012, "revenue"), Decimal::from(21_000)).unwrap();
    let f = model.evaluate(&s);
    let bars = BRIDGES[0].bars(model, &f, Q3_2012).unwrap();
    let scale = Scale::new(&bars, Decimal::from(600), Decimal::from(200));
    let zero = scale.y(Decimal::ZERO);
    assert!(zero > Decimal::ZERO && zero < Decimal::from(200), "{zero}");
    for (i, bar) in bars.iter().enumerate() {
        let r = scale.rect(i, bars.len(), bar);
        assert!(r.y >= Decimal::ZERO && r.y + r.height <= Decimal::from(200), "{r:?}");
        assert!(r.x >= Decimal::ZERO && r.x + r.width <= Decimal::from(600), "{r:?}");
    }
    // Release values: everything is positive, so zero is the bottom of the plot.
    let bars = BRIDGES[0].bars(model, model.reported(), Q3_2012).unwrap();
    assert_eq!(Scale::new(&bars, Decimal::from(600), Decimal::from(200)).y(Decimal::ZERO), Decimal::from(200));
}

#[test]
fn a_step_rises_or_falls_by_what_it_does_to_the_running_total() {
    let model = Model::release();
    // Current deferred revenue at September 30, 2012 down to 38,000: added to revenue, its
    // change is a fall of 2,413, whatever its sign in the formula.
    let fall = Scenario::default().with(model, Cell::new(Bs2012, "deferred_revenue_current"), Decimal::from(38_000)).unwrap();
    let bars = BRIDGES[2].bars(model, &model.evaluate(&fall), F4_2012).unwrap();
    let change = bars.iter().find(|b| b.cell.line == "deferred_revenue_current_change").unwrap();
    assert_eq!((change.kind, change.value, change.change()), (Kind::Step(Sign::Plus), Decimal::from(-2_413), Decimal::from(-2_413)));
    assert!(change.to < change.from);
    // Every step, in every bridge and period, changes the running total by its change().
    for bar in BRIDGES.iter().flat_map(|b| b.periods.iter().filter_map(|p| b.bars(model, &model.evaluate(&fall), *p))).flatten() {
        if let Kind::Step(_) = bar.kind {
            assert_eq!(bar.change(), bar.to - bar.from, "{}", bar.cell.key());
        }
    }
}

//! Derivations read from the model's declarations: what a figure is built from, down to the
//! inputs, and how that changes when a linked figure is edited.

use qualys_what_if::model::{Cell, Model, Period::*, Scenario};
use rust_decimal::Decimal;

fn keys(cells: &[Cell]) -> Vec<String> {
    cells.iter().map(|c| c.key()).collect()
}

#[test]
fn non_gaap_income_from_operations_comes_down_to_revenue_costs_and_sbc() {
    let model = Model::release();
    let cell = Cell::new(Q3_2012, "non_gaap_income_from_operations");
    let tree = model.derivation(cell, &Scenario::default(), &model.evaluate(&Scenario::default()));
    assert_eq!(keys(&model.sources(cell, &Scenario::default())), ["q3-2012.income_from_operations", "q3-2012.sbc_total"]);
    assert_eq!(
        keys(&tree.inputs()),
        [
            "q3-2012.revenue",
            "q3-2012.cost_of_revenue",
            "q3-2012.research_and_development",
            "q3-2012.sales_and_marketing",
            "q3-2012.general_and_administrative",
            "q3-2012.sbc_cost_of_revenue",
            "q3-2012.sbc_research_and_development",
            "q3-2012.sbc_sales_and_marketing",
            "q3-2012.sbc_general_and_administrative",
        ]
    );
}

#[test]
fn a_linked_input_is_built_from_its_link_until_edited() {
    let model = Model::release();
    let nine = Cell::new(M9_2012, "revenue");
    assert_eq!(keys(&model.sources(nine, &Scenario::default())), ["q3-2012.revenue"]);
    let edited = Scenario::default().with(model, nine, Decimal::from(70_000)).unwrap();
    assert!(model.sources(nine, &edited).is_empty());
    // Four-quarter bookings then comes down to the edited nine months, not the quarter.
    let bookings = model.derivation(Cell::new(F4_2012, "four_quarter_bookings"), &edited, &model.evaluate(&edited));
    assert!(bookings.inputs().contains(&nine));
    assert!(!bookings.inputs().contains(&Cell::new(Q3_2012, "revenue")));
}

#[test]
fn a_repeated_figure_is_expanded_once() {
    // Cash at September 30, 2012 reads nearly the whole model; every figure appears expanded
    // at most once, so the tree stays bounded by the model's size.
    let model = Model::release();
    let tree = model.derivation(Cell::new(Bs2012, "total_assets"), &Scenario::default(), &model.evaluate(&Scenario::default()));
    assert!(tree.figure_count() <= model.cells().count() * 4, "{}", tree.figure_count());
    fn expanded(step: &qualys_what_if::model::Step, out: &mut Vec<Cell>) {
        if !step.sources.is_empty() {
            out.push(step.cell);
        }
        step.sources.iter().for_each(|s| expanded(s, out));
    }
    let mut cells = Vec::new();
    expanded(&tree, &mut cells);
    let unique: std::collections::BTreeSet<_> = cells.iter().collect();
    assert_eq!(unique.len(), cells.len());
    assert!(tree.inputs().contains(&Cell::new(Q3_2012, "revenue")));
}

#[test]
fn every_figure_derives_to_inputs_only() {
    let model = Model::release();
    for cell in model.cells() {
        for input in model.derivation(cell, &Scenario::default(), &model.evaluate(&Scenario::default())).inputs() {
            assert!(model.editable(input) == Some(input), "{} comes down to {}", cell.key(), input.key());
        }
    }
}

#[test]
fn the_derivation_says_which_rule_for_a_loss_applied() {
    let model = Model::release();
    let name = |c: Cell| model.name(c, Q3_2012);
    let cell = Cell::new(Q3_2012, "eps_diluted");
    for (revenue, formula, rule) in [
        ("23382", "Net income attributable to common stockholders - diluted ÷ Weighted average shares - diluted", "two-class"),
        ("21000", "Net income per share - basic", "for a loss"),
    ] {
        let scenario = Scenario::default().with(model, Cell::new(Q3_2012, "revenue"), revenue.parse().unwrap()).unwrap();
        let figures = model.evaluate(&scenario);
        let (text, said) = model.formula_applied(cell, &name, &|c| figures.get(model, c)).unwrap();
        assert_eq!(text, formula, "revenue {revenue}");
        assert!(said.unwrap().contains(rule), "revenue {revenue}: {said:?}");
    }
    // A formula without a loss rule says none.
    let figures = model.reported();
    let (_, said) = model.formula_applied(Cell::new(Q3_2012, "gross_profit"), &name, &|c| figures.get(model, c)).unwrap();
    assert_eq!(said, None);
}

#[test]
fn a_derivation_names_every_figure_once() {
    use qualys_what_if::model::{Cell, Model, Period::*, Scenario};
    // The year's net income passes through the year's provision, nine months' and Q4's, and
    // comes down to the third quarter's (both follow it).
    let model = Model::release();
    let cells = model.derivation(Cell::new(FY_2012, "net_income"), &Scenario::default(), &model.evaluate(&Scenario::default())).cells();
    let taxes: Vec<String> = cells.iter().filter(|c| c.line == "provision_for_income_taxes").map(|c| c.key()).collect();
    assert_eq!(
        taxes,
        [
            "fy-2012.provision_for_income_taxes",
            "9m-2012.provision_for_income_taxes",
            "q3-2012.provision_for_income_taxes",
            "q4-2012.provision_for_income_taxes"
        ]
    );
    let mut unique = cells.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), cells.len());
}

#[test]
fn a_figure_held_at_the_release_says_what_it_comes_to() {
    // The participating shares, 5,843 × (1,667 − 415) ÷ 415: about 17,628 thousand, said before
    // the fraction that holds them exactly; the diluted ratio, 1,664 ÷ 1,667, about 0.998.
    let model = Model::release();
    let figures = model.reported();
    let name = |c: Cell| model.name(c, Q3_2012);
    let formula = |line| model.formula_applied(Cell::new(Q3_2012, line), &name, &|c| figures.get(model, c)).unwrap().0;
    assert_eq!(
        formula("net_income_to_common_basic"),
        "(Net income × Weighted average shares - basic) ÷ (Weighted average shares - basic + participating shares, as the release implies them (basic × (net income − net income to common) ÷ net income to common) ≈ 17,627.557 [= 7,315,436 ÷ 415])"
    );
    assert_eq!(formula("net_income_to_common_diluted"), "Net income × the release's diluted ratio ≈ 0.998 [= 1,664 ÷ 1,667]");
}

#[test]
fn what_a_figure_feeds_names_each_figure_once() {
    let model = Model::release();
    // Net income feeds the two-class EPS, whose formulas read it more than once.
    let net_income = model.read_by(Cell::new(Q3_2012, "net_income"));
    assert!(net_income.len() > 1);
    for cell in model.cells() {
        let feeds = model.read_by(cell);
        let unique: std::collections::BTreeSet<_> = feeds.iter().collect();
        assert_eq!(unique.len(), feeds.len(), "{} feeds {:?}", cell.key(), feeds.iter().map(|c| c.key()).collect::<Vec<_>>());
    }
}

#[test]
fn a_tree_lists_what_a_formula_holds_fixed_so_that_its_terms_add_up() {
    let model = Model::release();
    let nine_months = Cell::new(M9_2012, "cost_of_revenue");
    let release = Scenario::default();
    assert_eq!(model.fixed_terms(nine_months, &release, &model.evaluate(&release)), ["the first six months as reported [8,789]"]);
    // Edited, the figure is an input: built from nothing, nothing held fixed.
    let edited = release.with(model, nine_months, Decimal::from(13_000)).unwrap();
    assert!(model.fixed_terms(nine_months, &edited, &model.evaluate(&edited)).is_empty());
    // A plain input, and a formula of figures alone.
    assert!(model.fixed_terms(Cell::new(Q3_2012, "cost_of_revenue"), &release, &model.evaluate(&release)).is_empty());
    assert!(model.fixed_terms(Cell::new(Q3_2012, "gross_profit"), &release, &model.evaluate(&release)).is_empty());
    // The two-class rule's shares.
    let held = model.fixed_terms(Cell::new(Q3_2012, "net_income_to_common_basic"), &release, &model.evaluate(&release));
    assert!(!held.is_empty() && held.iter().all(|t| t.contains(" ÷ ")), "{held:?}");
}

#[test]
fn a_rule_for_a_loss_is_built_from_the_way_it_takes_as_its_equation_shows() {
    let model = Model::release();
    let eps = Cell::new(Q3_2012, "non_gaap_eps_diluted");
    let tree = |scenario: &Scenario| {
        let figures = model.evaluate(scenario);
        let step = model.derivation(eps, scenario, &figures);
        (step.sources.iter().map(|s| s.cell.key()).collect::<Vec<_>>(), model.fixed_terms(eps, scenario, &figures))
    };
    // With income: its income shared by the diluted ratio, over the diluted shares; not the
    // basic EPS it would be with a loss, which the tree had listed beside them.
    let (figures, fixed) = tree(&Scenario::default());
    assert_eq!(figures, ["q3-2012.non_gaap_net_income", "q3-2012.shares_diluted"]);
    assert_eq!(fixed.len(), 1, "{fixed:?}");
    assert!(fixed[0].contains("diluted ratio"), "{fixed:?}");
    // With a loss: the basic EPS, and nothing held fixed.
    let loss = Scenario::default().with(model, Cell::new(Q3_2012, "revenue"), Decimal::ZERO).unwrap();
    let (figures, fixed) = tree(&loss);
    assert_eq!(figures, ["q3-2012.non_gaap_eps_basic"]);
    assert!(fixed.is_empty(), "{fixed:?}");
}

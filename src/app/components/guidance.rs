//! The release's outlook, live: each guided figure's estimate beside its range, where it falls
//! and by how much; and what the full-year range implies for the fourth quarter given the
//! scenario's nine months, against the fourth quarter's own estimate.

use super::headline::figure_as;
use crate::app::grid;
use crate::app::state::State;
use crate::model::analysis::guidance::{Against, Placement, Position};
use crate::model::engine::format::alone;
use crate::model::release::guidance::{Implied, FULL_YEAR, GUIDANCE, IMPLIED, Q4};
use crate::model::{Cell, Figures, Model, Period, Unit};
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct OutlookProps {
    pub figures: Rc<Figures>,
    /// No fourth-quarter input is edited: the estimate is the third quarter's run-rate.
    pub run_rate: bool,
    pub dispatch: UseReducerDispatcher<State>,
}

/// Every figure the panel shows.
fn cells() -> impl Iterator<Item = Cell> {
    let guided = GUIDANCE.iter().flat_map(|g| g.ranges.iter().map(|r| r.cell(g.period)));
    let implied = IMPLIED.iter().flat_map(Implied::cells);
    guided.chain(implied)
}

impl PartialEq for OutlookProps {
    fn eq(&self, other: &Self) -> bool {
        self.run_rate == other.run_rate && super::same_values(&self.figures, &other.figures, cells())
    }
}

fn placement(p: Option<Placement>, unit: Unit) -> Html {
    match p {
        Some(p) => html! { <span class={classes!("placed", p.position.id())}>{p.describe(unit)}</span> },
        None => html! { <span class="placed">{"—"}</span> },
    }
}

#[function_component(Outlook)]
pub fn outlook(props: &OutlookProps) -> Html {
    let model = Model::release();
    let figures = &props.figures;
    // Each table is a grid, one tab stop moved through with the arrows (`grid.rs`).
    let fig = |cell: Cell| figure_as(cell, figures.get(model, cell), model.display(cell, figures.get(model, cell)), &props.dispatch, true);
    let (outlook, implied) = (use_node_ref(), use_node_ref());
    grid::use_tab_stop(outlook.clone());
    grid::use_tab_stop(implied.clone());

    let guided = GUIDANCE.iter().map(|g| {
        let rows = g.ranges.iter().map(|r| {
            let cell = r.cell(g.period);
            let placed = figures.get(model, cell).ok().map(|v| r.place(v));
            html! {
                <tr class={placed.map(|p| p.position.id())}>
                    <th scope="row">{r.label}</th>
                    <td class="num range">{r.describe()}</td>
                    <td class="num estimate">{fig(cell)}</td>
                    <td>{placement(placed, r.unit)}</td>
                </tr>
            }
        });
        // The estimate's share count, an input: the guidance's until edited.
        let shares = Cell::new(g.period, "shares_diluted");
        html! {
            <tbody>
                <tr class="heading"><th scope="colgroup" colspan="4"><span>{format!("{}, estimate (diluted shares {} thousand)", g.title, alone(figures.get(model, shares), Unit::Shares))}</span></th></tr>
                { for rows }
            </tbody>
        }
    });

    // The year's figure whose range leaves a fourth-quarter range may fall otherwise than the
    // quarter's estimate against it: compared as shown (thousands; EPS to the cent: a year at
    // 0.1949 shows 0.19, within, where the implied range stops at exactly 0.19), and EPS at the
    // scenario's share count, where the implied range is at the guidance's. Said where it does.
    let year_aside = |estimate: &str, position: Position| -> Option<String> {
        let line = match estimate {
            "net_income" => "eps_diluted",
            "non_gaap_net_income" => "non_gaap_eps_diluted",
            other => other,
        };
        let year = FULL_YEAR.ranges.iter().find(|r| r.line == line)?;
        let cell = year.cell(Period::FY_2012);
        let placed = year.place(figures.get(model, cell).ok()?);
        if placed.position == position {
            return None;
        }
        let shares = figures.get(model, Cell::new(Period::FY_2012, "shares_diluted")).ok();
        let why = match shares {
            Some(s) if year.unit == Unit::PerShare && s != FULL_YEAR.diluted_shares => format!(
                "it is at this scenario's {} thousand diluted shares for the year, not the guidance's {}",
                alone(Ok(s), Unit::Shares),
                alone(Ok(FULL_YEAR.diluted_shares), Unit::Shares)
            ),
            _ if year.unit == Unit::PerShare => "it is compared as shown, to the cent".to_string(),
            _ => "it is compared as shown, in thousands".to_string(),
        };
        let name = match year.line {
            "revenue" => "revenues",
            "non_gaap_eps_diluted" => "non-GAAP diluted EPS",
            _ => year.label,
        };
        let shown = model.display(cell, figures.get(model, cell));
        let thousand = if year.unit == Unit::Money { " thousand" } else { "" };
        Some(format!("The year's {name}, ${shown}{thousand}, is {} all the same: {why}.", placed.describe(year.unit)))
    };

    // What the year's range leaves for the fourth quarter, against the quarter's estimate.
    let implied_rows = IMPLIED.iter().map(|i| {
        let unit = model.unit(Cell::new(Period::Q4_2012, i.estimate)).unwrap_or(Unit::Money);
        let placed = i.against(model, figures).map(|a| a.placed);
        let q4_range = Q4.ranges.iter().find(|r| r.line == i.estimate).map(|r| r.describe());
        html! {
            <tr class={placed.map(|p| p.position.id())}>
                <th scope="row">{i.label}</th>
                // Written as the guidance beside it is: "$24,037 to $24,637 thousand".
                <td class="num range">
                    <span class="amount">{"$"}{fig(Cell::new(Period::Q4_2012, i.low.0))}</span>{" to "}
                    <span class="amount">{"$"}{fig(Cell::new(Period::Q4_2012, i.high.0))}</span>
                    if unit == Unit::Money { {" thousand"} }
                </td>
                <td class="num range q4-range">{q4_range.unwrap_or_default()}</td>
                <td class="num estimate">{fig(Cell::new(Period::Q4_2012, i.estimate))}</td>
                <td>
                    {placement(placed, unit)}
                    if let Some(aside) = placed.and_then(|p| year_aside(i.estimate, p.position)) { <span class="year-aside">{aside}</span> }
                </td>
            </tr>
        }
    });

    // The insight an analyst looks for: how far the fourth quarter's estimate sits from what
    // the year's guidance leaves for it.
    let gap = IMPLIED.iter().find(|i| i.estimate == "non_gaap_net_income").and_then(|i| {
        let Against { estimate: v, low: lo, high: hi, placed: p, .. } = i.against(model, figures)?;
        let money = |d: Decimal| model.display(Cell::new(Period::Q4_2012, i.estimate), Ok(d));
        let whose = if props.run_rate { "Run-rate Q4 non-GAAP net income" } else { "This scenario's Q4 non-GAAP net income" };
        let verdict = match p.position {
            Position::Within => "within what the year's guidance leaves for the fourth quarter".to_string(),
            _ => format!("{} of what the year's guidance leaves for the fourth quarter", p.describe(Unit::Money)),
        };
        let aside = year_aside(i.estimate, p.position).map(|a| format!(" {a}")).unwrap_or_default();
        // Not a live region: it changes on every keystroke into a figure it follows, far from
        // the field, and a screen reader would read all of it each time.
        Some(html! {
            <p class={classes!("gap", p.position.id())}>
                <strong>{format!("{whose} ${} thousand", money(v))}</strong>
                {format!(" vs ${} to ${} thousand implied by the full-year guidance: {verdict}.{aside}", money(lo), money(hi))}
            </p>
        })
    });

    html! {
        <section class="statement guidance" id="guidance" aria-labelledby="t-guidance" style="--rows: 22">
            <h2 id="t-guidance">{"Financial Performance Outlook: the guidance against this scenario"}</h2>
            <p class="note">
                {"The release's guidance beside the page's estimates, which are not reported: the fourth quarter starts at the third quarter's figures and follows them until you edit it (revenue starts at the guidance midpoint); the year is nine months plus the fourth quarter. EPS is on the guidance's basis: net income ÷ the diluted shares, with no two-class allocation. The provision for income taxes is held as entered. Each figure is compared with its range as displayed (thousands; EPS to the cent)."}
            </p>
            {gap}
            <div class="scroll">
                <table class="outlook" role="grid" aria-label="Guidance and estimates" ref={outlook}
                    onkeydown={grid::onkeydown()} onfocusin={grid::onfocusin()}>
                    <thead><tr>
                        <td class="corner"></td>
                        <th scope="col">{"Guidance"}</th>
                        <th scope="col" class="estimate">{"Estimate"}</th>
                        <th scope="col">{"Where it falls"}</th>
                    </tr></thead>
                    { for guided }
                </table>
            </div>
            <h3 class="sub">{"What the full-year guidance implies for the fourth quarter, given this scenario's nine months"}</h3>
            <p class="note">
                {format!("The year's range less nine months; net income from the year's EPS range at the guidance's {} thousand diluted shares for the year, per share at its {} thousand for the fourth quarter (the guidance's counts, whatever the estimates' are).",
                    model.display(Cell::new(Period::FY_2012, "shares_diluted"), Ok(FULL_YEAR.diluted_shares)),
                    model.display(Cell::new(Period::Q4_2012, "shares_diluted"), Ok(Q4.diluted_shares)))}
            </p>
            <div class="scroll">
                <table class="implied" role="grid" aria-label="What the full-year guidance implies for the fourth quarter" ref={implied}
                    onkeydown={grid::onkeydown()} onfocusin={grid::onfocusin()}>
                    <thead><tr>
                        <td class="corner"></td>
                        <th scope="col">{"Implied by the full year"}</th>
                        <th scope="col" class="q4-range">{"Q4 guidance"}</th>
                        <th scope="col" class="estimate">{"Q4 estimate"}</th>
                        <th scope="col">{"Estimate against the implied range"}</th>
                    </tr></thead>
                    <tbody>{ for implied_rows }</tbody>
                </table>
            </div>
        </section>
    }
}

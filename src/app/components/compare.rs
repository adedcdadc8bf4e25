//! The release and saved scenarios side by side: the headline figures or any table in a
//! chosen period, each figure with its difference from the release. Other scenarios' figures
//! carry `data-compare-*` attributes, never the contract's `data-line`, which means "this
//! figure in the open scenario".

use super::contents::short_name;
use super::headline::HEADLINES;
use crate::app::download;
use crate::app::state::State;
use crate::model::engine::format::{change, display, percent_change, plain};
use crate::model::io::export::comparison_csv;
use crate::model::release::guidance::{range_of, GUIDANCE};
use crate::model::release::tables::{Row, TABLES};
use crate::model::{Cell, Figures, Model, Period, Unit, Value};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub state: UseReducerHandle<State>,
    pub figures: Rc<Figures>,
}

/// A row of the comparison: its label, shown with its sign turned, and its figure in each
/// period shown (none where the line has no figure in that period).
type CompareRow = (String, bool, Vec<Option<Cell>>);

/// The rows a view lists. A table's rows are labelled with their lines' full names ("Net income
/// per share - basic", not the release's "Basic" under a heading), so each stands on its own.
fn rows(view: &str) -> Vec<CompareRow> {
    let model = Model::release();
    match TABLES.iter().find(|t| t.id == view) {
        Some(table) => table
            .rows
            .iter()
            .filter_map(|r| match r {
                Row::Figure(f) => {
                    let cells = table.periods.iter().map(|p| Some(Cell::new(*p, f.line)).filter(|c| model.def(*c).is_some()));
                    Some((model.line(f.line).map_or(f.label, |l| l.label).to_string(), f.negated, cells.collect()))
                }
                Row::Heading(_) => None,
            })
            .collect(),
        // The headline cards' figures, then the guided ones, the fourth quarter's and the year's
        // in the guidance's order, each with its range: what a scenario means against the outlook.
        None => HEADLINES
            .iter()
            .flat_map(|h| {
                let beside = h.beside.map(|(c, _)| (format!("{} ({})", model.name(c, c.period), c.period.short()), false, vec![Some(c)]));
                // Beside the other scenarios' figures, each names its period, where the card's
                // title leaves it to the card above it.
                let period = h.cell.period.short();
                let title = if h.title.contains(period) { h.title.to_string() } else { format!("{} ({period})", h.title) };
                std::iter::once((title, false, vec![Some(h.cell)])).chain(beside)
            })
            .filter(|(_, _, cells)| cells.iter().flatten().all(|c| range_of(*c).is_none()))
            .chain(guided())
            .collect(),
    }
}

/// The guidance's figures, each with its range.
fn guided() -> impl Iterator<Item = CompareRow> {
    GUIDANCE.iter().flat_map(move |g| {
        g.ranges.iter().map(move |r| {
            let c = r.cell(g.period);
            let dollars = if r.unit == Unit::PerShare { "$" } else { "" };
            let (low, high) = (display(Ok(r.low), r.unit), display(Ok(r.high), r.unit));
            (format!("{} ({}; guidance {dollars}{low} to {dollars}{high})", r.label, c.period.short()), false, vec![Some(c)])
        })
    })
}

#[function_component(Compare)]
pub fn compare(props: &CompareProps) -> Html {
    let model = Model::release();
    let view = use_state(|| "headline".to_string());
    let hidden = use_state(Vec::<String>::new);
    let named = use_memo(props.state.named.clone(), |named| named.iter().map(|n| (n.name.clone(), Rc::new(model.evaluate(&n.scenario)))).collect::<Vec<_>>());

    let table = TABLES.iter().find(|t| t.id == *view);
    // A table's periods side by side, each with every scenario; the headline figures are
    // each in their own period.
    let periods: &[Period] = table.map_or(&[], |t| t.periods);

    // The saved scenario on screen is this scenario's column, named so; not a second, the same.
    let on_screen = props.state.on_screen_name();
    let this = on_screen.map_or("This scenario".to_string(), |n| format!("This scenario (“{n}”)"));
    let mut columns: Vec<(String, String, Rc<Figures>)> =
        vec![("Release".into(), "release".into(), Rc::new(model.reported().clone())), (this, "current".into(), props.figures.clone())];
    columns.extend(named.iter().filter(|(n, _)| !hidden.contains(n) && Some(n.as_str()) != on_screen).map(|(n, f)| (n.clone(), n.clone(), f.clone())));

    let choose_view = {
        let view = view.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                view.set(s.value());
            }
        })
    };
    let toggles = named.iter().map(|(n, _)| {
        if Some(n.as_str()) == on_screen {
            return html! { <label class="pick"><input type="checkbox" checked=true disabled=true />{format!("{n} (this scenario)")}</label> };
        }
        let checked = !hidden.contains(n);
        let (hidden, name) = (hidden.clone(), n.clone());
        let onchange = Callback::from(move |e: Event| {
            let on = e.target_dyn_into::<HtmlInputElement>().is_some_and(|i| i.checked());
            let mut next = (*hidden).clone();
            next.retain(|h| *h != name);
            if !on {
                next.push(name.clone());
            }
            hidden.set(next);
        });
        html! { <label class="pick"><input type="checkbox" {checked} {onchange} />{n.clone()}</label> }
    });

    let listed = rows(&view);
    let estimates = listed.iter().flat_map(|(_, _, cells)| cells.iter().flatten()).any(|c| c.period.is_estimate());
    let body = listed.iter().map(|(label, negated, cells)| {
        let cells = cells.iter().flat_map(|cell| columns.iter().map(move |column| (*cell, column))).map(|(cell, (_, key, figures))| {
            let Some(cell) = cell else { return html! { <td class="num empty"></td> } };
            let unit = model.unit(cell).unwrap_or(Unit::Money);
            let turn = |v: Value| v.map(|d| if *negated { -d } else { d });
            let reported = model.reported().get(model, cell);
            let value = figures.get(model, cell);
            let differs = value != reported;
            html! {
                <td class={classes!("num", differs.then_some("differs"))}
                    data-compare-scenario={key.clone()} data-compare-line={cell.line}
                    data-compare-period={cell.period.id()} data-compare-value={plain(value)}>
                    <span class="value">{display(turn(value), unit)}</span>
                    if let Some(p) = range_of(cell).zip(value.ok()).map(|(r, v)| r.place(v).position) {
                        <span class={classes!("placed", p.id())}>{p.id()}</span>
                    }
                    if differs {
                        <span class="delta">
                            {change(turn(value), turn(reported), unit).unwrap_or_default()}
                            if let Some(p) = percent_change(turn(value), turn(reported), unit) { {format!(" · {p}")} }
                        </span>
                    }
                </td>
            }
        });
        html! { <tr><th scope="row">{label.clone()}</th>{ for cells }</tr> }
    });
    let export = {
        let columns: Vec<(String, Rc<Figures>)> = columns.iter().map(|(title, _, f)| (title.clone(), f.clone())).collect();
        let figures: Vec<(String, Cell)> = listed.iter().flat_map(|(label, _, cells)| cells.iter().flatten().map(move |c| (label.clone(), *c))).collect();
        Callback::from(move |_| {
            let columns: Vec<(String, &Figures)> = columns.iter().map(|(t, f)| (t.clone(), f.as_ref())).collect();
            download::offer("qualys-q3-2012-compare.csv", "text/csv", &comparison_csv(model, &figures, &columns));
        })
    };
    let names = columns.iter().map(|(title, _, _)| html! { <th scope="col">{title.clone()}</th> });
    let head = if periods.is_empty() {
        html! { <tr><td class="corner"></td>{ for names }</tr> }
    } else {
        let names: Vec<Html> = names.collect();
        html! {
            <>
                <tr>
                    <td class="corner" rowspan="2"></td>
                    { for periods.iter().map(|p| html! { <th scope="colgroup" colspan={columns.len().to_string()}>{p.short()}</th> }) }
                </tr>
                <tr>{ for periods.iter().flat_map(|_| names.clone()) }</tr>
            </>
        }
    };

    html! {
        <section class="drawer compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{"Compare with the release"}</h2>
            <div class="compare-controls">
                <label>{"Figures "}
                    <select class="compare-view" onchange={choose_view}>
                        <option value="headline" selected={table.is_none()}>{"Headline figures"}</option>
                        { for TABLES.iter().map(|t| html! { <option value={t.id} selected={*view == t.id}>{short_name(t)}</option> }) }
                    </select>
                </label>
                if !named.is_empty() { <span class="picks">{"Show: "}{ for toggles }</span> }
            </div>
            if named.is_empty() {
                <p class="empty">{"Save scenarios under Scenarios to compare them here."}</p>
            }
            <div class="scroll">
                <table>
                    <thead>{head}</thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
            <p class="note">{"Each figure's change from the release follows it, in its unit and as a percentage of the reported figure, both of the figures as shown; where the exact figures give another percentage (often for a per-share figure), it follows as \"exact\". Changed figures are marked and shaded. "}
                if estimates { {"The release reports no fourth quarter or year: for those estimates, its column holds their values on the release alone (the fourth quarter following the third). "} }
                <button type="button" class="export-compare" onclick={export}>{"Export this comparison (CSV)"}</button></p>
        </section>
    }
}

//! The release and saved scenarios side by side: the headline figures or any table in a
//! chosen period, each figure with its difference from the release. Other scenarios' figures
//! carry `data-compare-*` attributes, never the contract's `data-line`, which means "this
//! figure in the open scenario".

use super::headline::HEADLINES;
use crate::app::state::State;
use crate::model::format::{change, display, plain};
use crate::model::tables::{Row, TABLES};
use crate::model::{Cell, Figures, Model, Period, Unit, Value};
use rust_decimal::Decimal;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub state: UseReducerHandle<State>,
    pub figures: Rc<Figures>,
}

/// "+4.3%": the change as a share of the reported figure; none when that is zero.
fn percent_change(value: Value, reported: Value) -> Option<String> {
    let (v, r) = (value.ok()?, reported.ok()?);
    let pct = v.checked_sub(r)?.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(r.abs())?;
    let text = display(Ok(pct.abs()), Unit::Percent);
    Some(if pct.is_sign_negative() && !pct.is_zero() { format!("−{text}") } else { format!("+{text}") })
}

/// The figures a view lists: (label, figure, shown with its sign turned).
fn rows(view: &str, period: Period) -> Vec<(String, Cell, bool)> {
    let model = Model::release();
    match TABLES.iter().find(|t| t.id == view) {
        Some(table) => table
            .rows
            .iter()
            .filter_map(|r| match r {
                Row::Figure(f) => Some((f.label.to_string(), Cell::new(period, f.line), f.negated)),
                Row::Heading(_) => None,
            })
            .filter(|(_, c, _)| model.def(*c).is_some())
            .collect(),
        None => HEADLINES
            .iter()
            .flat_map(|h| {
                let beside = h.beside.map(|(c, _)| (format!("{} ({})", model.name(c, c.period), c.period.short()), c, false));
                std::iter::once((h.title.to_string(), h.cell, false)).chain(beside)
            })
            .collect(),
    }
}

#[function_component(Compare)]
pub fn compare(props: &CompareProps) -> Html {
    let model = Model::release();
    let view = use_state(|| "headline".to_string());
    let period = use_state(|| Period::Q3_2012);
    let hidden = use_state(Vec::<String>::new);
    let named = use_memo(props.state.named.clone(), |named| {
        named.iter().map(|n| (n.name.clone(), Rc::new(model.evaluate(&n.scenario)))).collect::<Vec<_>>()
    });

    let table = TABLES.iter().find(|t| t.id == *view);
    let periods: &[Period] = table.map_or(&[], |t| t.periods);
    let shown_period = if periods.contains(&period) { *period } else { periods.first().copied().unwrap_or(*period) };

    let mut columns: Vec<(String, String, Rc<Figures>)> =
        vec![("Release".into(), "release".into(), Rc::new(model.reported().clone())), ("This scenario".into(), "current".into(), props.figures.clone())];
    columns.extend(named.iter().filter(|(n, _)| !hidden.contains(n)).map(|(n, f)| (n.clone(), n.clone(), f.clone())));

    let choose_view = {
        let view = view.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                view.set(s.value());
            }
        })
    };
    let choose_period = {
        let period = period.clone();
        Callback::from(move |e: Event| {
            if let Some(p) = e.target_dyn_into::<web_sys::HtmlSelectElement>().and_then(|s| Period::from_id(&s.value())) {
                period.set(p);
            }
        })
    };
    let toggles = named.iter().map(|(n, _)| {
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

    let body = rows(&view, shown_period).into_iter().map(|(label, cell, negated)| {
        let unit = model.unit(cell).unwrap_or(Unit::Money);
        let turn = |v: Value| v.map(|d| if negated { -d } else { d });
        let reported = model.reported().get(model, cell);
        let cells = columns.iter().map(|(_, key, figures)| {
            let value = figures.get(model, cell);
            let differs = value != reported;
            html! {
                <td class={classes!("num", differs.then_some("differs"))}
                    data-compare-scenario={key.clone()} data-compare-line={cell.line}
                    data-compare-period={cell.period.id()} data-compare-value={plain(value)}>
                    <span class="value">{display(turn(value), unit)}</span>
                    if differs {
                        <span class="delta">
                            {change(turn(value), turn(reported), unit).unwrap_or_default()}
                            if let Some(p) = percent_change(value, reported) { {format!(" · {p}")} }
                        </span>
                    }
                </td>
            }
        });
        html! { <tr><th scope="row">{label}</th>{ for cells }</tr> }
    });

    html! {
        <section class="drawer compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{"Compare with the release"}</h2>
            <div class="compare-controls">
                <label>{"Figures "}
                    <select class="compare-view" onchange={choose_view}>
                        <option value="headline" selected={table.is_none()}>{"Headline figures"}</option>
                        { for TABLES.iter().map(|t| html! { <option value={t.id} selected={*view == t.id}>{t.title}</option> }) }
                    </select>
                </label>
                if table.is_some() {
                    <label>{"Period "}
                        <select class="compare-period" onchange={choose_period}>
                            { for periods.iter().map(|p| html! { <option value={p.id()} selected={*p == shown_period}>{p.short()}</option> }) }
                        </select>
                    </label>
                }
                if !named.is_empty() { <span class="picks">{"Show: "}{ for toggles }</span> }
            </div>
            if named.is_empty() {
                <p class="empty">{"Save scenarios under Scenarios to compare them here."}</p>
            }
            <div class="scroll">
                <table>
                    <thead><tr>
                        <td class="corner"></td>
                        { for columns.iter().map(|(title, _, _)| html! { <th scope="col">{title.clone()}</th> }) }
                    </tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
            <p class="note">{"Each figure's change from the release follows it, in its unit and as a percentage of the reported figure; changed figures are marked and shaded."}</p>
        </section>
    }
}

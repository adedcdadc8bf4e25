//! The tie-out: every identity of the statements and every link between them, checked against
//! the scenario, each with its equation in words and whether it holds or by how much it differs.

use super::figure::explain_handlers;
use super::headline::figure_as;
use super::panel::Panel;
use crate::app::grid;
use crate::app::state::State;
use crate::model::analysis::ties::{self, Check, Tie};
use crate::model::engine::format;
use crate::model::release::tables::shown_turned;
use crate::model::{Cell, Figures, Model, Value};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct TieOutProps {
    pub figures: Rc<Figures>,
    pub dispatch: UseReducerDispatcher<State>,
}

/// Most keystrokes move no tie: the panel renders again only when a check changed.
impl PartialEq for TieOutProps {
    fn eq(&self, other: &Self) -> bool {
        let model = Model::release();
        ties::all().iter().all(|t| t.check(model, &self.figures) == t.check(model, &other.figures))
    }
}

#[function_component(TieOut)]
pub fn tie_out(props: &TieOutProps) -> Html {
    let model = Model::release();
    let figures = &props.figures;
    let grid = use_node_ref();
    grid::use_tab_stop(grid.clone());
    let checks: Vec<_> = ties::all().iter().map(|t| (t, t.check(model, figures))).collect();
    // A fourth-quarter estimate set by hand is a choice, shown but not counted as a break.
    let broken = checks.iter().filter(|(t, c)| !c.holds() && !t.informational()).count();
    let identities = checks.iter().filter(|(t, _)| !t.informational()).count();
    let mut groups: Vec<&'static str> = Vec::new();
    for (t, _) in &checks {
        if !groups.contains(&t.group) {
            groups.push(t.group);
        }
    }
    // Its height until it has been on screen: a row per tie and per group, and the head
    // (a tie's row is the taller, in styles/app.css).
    let rows = checks.len() + groups.len() + 1;
    let summary = html! {
        <p class={classes!("tie-summary", (broken > 0).then_some("off"))} role="status">
            {match broken {
                0 => format!("All {identities} hold."),
                n => format!("{n} of {identities} do not hold after your edits."),
            }}
        </p>
    };
    let panel = Panel {
        id: "ties",
        title: "Tie-out: the statements' identities and links",
        note: "Net income flows into cash and the accumulated deficit; the estimated year is nine months plus the estimated fourth quarter, whose figures follow the third quarter until you set them (a figure set by hand is listed, not counted as a break); the 2012 changes in operating assets and liabilities follow the balance sheets; long-lived balances and paid-in capital roll forward from December 31, 2011 by the nine months' flows; December 31, 2011 cash is what balances that balance sheet. A figure that follows a link keeps it until you edit that figure itself. Where the release does not itemise something, a remainder it implies is held fixed.",
        class: Some("ties"),
        rows,
    };
    panel.render(grid, summary, html! {
        <>
            <thead><tr><th scope="col">{"Identity"}</th><th scope="col" class="num">{"Figure"}</th><th scope="col" class="num">{"Should be"}</th><th scope="col">{"Status"}</th></tr></thead>
            { for groups.into_iter().map(|g| html! {
                <tbody>
                    <tr class="heading"><th scope="colgroup" colspan="4"><span>{g}</span></th></tr>
                    { for checks.iter().filter(|(t, _)| t.group == g).map(|(t, c)| html! {
                        <TieRow tie={*t} check={*c} dispatch={props.dispatch.clone()} />
                    }) }
                </tbody>
            }) }
        </>
    })
}

#[derive(Properties, PartialEq)]
struct RowProps {
    tie: &'static Tie,
    check: Check,
    dispatch: UseReducerDispatcher<State>,
}

/// One identity: its equation in words, both sides and whether they agree. A row renders again
/// only when its own check changed.
#[function_component(TieRow)]
fn tie_row(props: &RowProps) -> Html {
    let model = Model::release();
    let (tie, check) = (props.tie, props.check);
    let left = tie.left;
    let name = |c: Cell| model.name(c, left.period);
    // Shown as the statement shows it: interest expense of 153 as (153).
    let turned = shown_turned(left.line);
    let show = |v: Value| model.display(left, format::turned(v, turned));
    // Enter, Space or ? on the name, as on a figure; the button keeps its name and role.
    let (onclick, onkeydown) = explain_handlers(&props.dispatch, left);
    let status = if tie.informational() {
        match check.holds() {
            true => html! { <td class="status ok">{"✓ follows"}</td> },
            false => html! { <td class="status">{format!("set by hand, {} from it", show(check.difference()))}</td> },
        }
    } else if check.holds() {
        html! { <td class="status ok">{"✓ holds"}</td> }
    } else {
        html! { <td class="status off">{format!("✗ differs by {}", show(check.difference()))}</td> }
    };
    html! {
        <tr class={classes!(if check.holds() { "holds" } else { "breaks" }, tie.informational().then_some("informational"))} data-tie={left.key()}>
            <th scope="row">
                <button type="button" class="linkish" tabindex="-1" {onclick} {onkeydown}>{format!("{}, {}", name(left), left.period.short())}</button>
                <span class="equation">{format!(" = {}", tie.describe(model, &name))}</span>
            </th>
            <td class="num">{figure_as(left, check.left, show(check.left), &props.dispatch, true)}</td>
            <td class="num">{show(check.right)}</td>
            {status}
        </tr>
    }
}

//! What the user must know about the scenario: link parts that could not be used, and a
//! balance sheet that no longer balances.

use crate::app::state::{Action, State};
use crate::model::format::display;
use crate::model::{Cell, Figures, Model, Period, Unit};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LinkProblemsProps {
    pub problems: Vec<String>,
    pub dispatch: UseReducerDispatcher<State>,
}

#[function_component(LinkProblems)]
pub fn link_problems(props: &LinkProblemsProps) -> Html {
    if props.problems.is_empty() {
        return html! {};
    }
    let dismiss = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::DismissLinkProblems))
    };
    html! {
        <div class="notice warn link-problems" role="alert">
            <strong>{"Parts of this link could not be used; the rest of it is loaded."}</strong>
            <ul>{ for props.problems.iter().map(|p| html! { <li>{p}</li> }) }</ul>
            <button type="button" onclick={dismiss}>{"Dismiss"}</button>
        </div>
    }
}

#[derive(Properties)]
pub struct BalanceProps {
    pub figures: Rc<Figures>,
}

/// The two sides of the balance sheet, at each date: all the check reads.
fn balance_cells() -> impl Iterator<Item = Cell> {
    Period::BALANCE.into_iter().flat_map(|p| [Cell::new(p, "total_assets"), Cell::new(p, "total_liabilities_and_equity")])
}

impl PartialEq for BalanceProps {
    fn eq(&self, other: &Self) -> bool {
        super::same_values(&self.figures, &other.figures, balance_cells())
    }
}

/// The release links net income, deferred revenue and cash through to the balance sheet, so
/// those edits keep it balanced; other edits (stock-based compensation, D&A, a balance sheet
/// line) have no other side in the release, and the page says so rather than plug a figure.
#[function_component(BalanceCheck)]
pub fn balance_check(props: &BalanceProps) -> Html {
    let model = Model::release();
    let gaps = Period::BALANCE.iter().filter_map(|p| {
        let assets = props.figures.get(model, Cell::new(*p, "total_assets")).ok()?;
        let claims = props.figures.get(model, Cell::new(*p, "total_liabilities_and_equity")).ok()?;
        let gap = assets.checked_sub(claims)?;
        (!gap.is_zero()).then(|| html! {
            <li>{format!("{}: total assets minus liabilities, preferred stock and equity is {}.", p.long(), display(Ok(gap), Unit::Money))}</li>
        })
    }).collect::<Vec<_>>();
    if gaps.is_empty() {
        return html! {};
    }
    html! {
        <div class="notice info" role="status">
            <strong>{"The balance sheet no longer balances."}</strong>
            <ul>{gaps}</ul>
            <p>{"Edits to revenue, costs, taxes, other income and deferred revenue flow through net income or cash to both sides. Other edits have no counterpart in the release's statements, so the difference is shown rather than plugged."}</p>
        </div>
    }
}

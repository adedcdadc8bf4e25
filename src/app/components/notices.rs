//! What the user must know about the scenario: link parts that could not be used, and a
//! balance sheet that no longer balances.

use crate::app::state::{Action, State, Storage};
use crate::model::engine::format::display;
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
            <strong>{"Not all of this link could be used."}</strong>
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

/// Edits reach both sides of the balance sheets through the model's links; overriding a linked
/// figure, or editing a flow the release does not itemise the other side of, does not, and the
/// page says so rather than plug a figure.
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
    // A button, not a link to "#ties": the fragment holds the scenario, and a fragment that is
    // not a scenario would replace it.
    let to_ties = Callback::from(|_: MouseEvent| super::contents::jump("ties"));
    html! {
        <div class="notice info" role="status">
            <strong>{"The balance sheet no longer balances."}</strong>
            <ul>{gaps}</ul>
            <p>{"Every input flows to both sides except a figure that follows a link (a balance rolled forward, a cash-flow change, December 31, 2011 cash) edited directly, and flows whose other side the release does not itemise (non-cash interest, acquisition consideration, offering costs). The difference is shown, not plugged: see the "}
                <button type="button" class="linkish to-ties" onclick={to_ties}>{"tie-out"}</button>{"."}</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct StorageNoticeProps {
    pub notice: Option<String>,
    pub storage: Storage,
    pub dispatch: UseReducerDispatcher<State>,
}

/// Why scenarios are not being saved: said once, until dismissed. Stored data the page cannot
/// read is overwritten only when the user asks.
#[function_component(StorageNotice)]
pub fn storage_notice(props: &StorageNoticeProps) -> Html {
    let Some(notice) = props.notice.clone() else { return html! {} };
    let send = |action: fn() -> Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(action()))
    };
    html! {
        <div class="notice warn storage-notice" role="alert">
            <p>{notice}</p>
            if props.storage == Storage::Unreadable {
                <button type="button" class="discard-stored" onclick={send(|| Action::StorageDiscarded)}>{"Replace it and save from now on"}</button>
                {" "}
            }
            <button type="button" class="dismiss" onclick={send(|| Action::DismissStorageNotice)}>{"Dismiss"}</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct OtherTabProps {
    pub notice: Option<String>,
    pub dispatch: UseReducerDispatcher<State>,
}

/// What another tab of the page changed of the saved scenarios this tab shows.
#[function_component(OtherTab)]
pub fn other_tab(props: &OtherTabProps) -> Html {
    let Some(notice) = props.notice.clone() else { return html! {} };
    let dispatch = props.dispatch.clone();
    let dismiss = Callback::from(move |_| dispatch.dispatch(Action::DismissOtherTab));
    html! {
        <div class="notice info other-tab" role="status">
            <p>{notice}</p>
            <button type="button" class="dismiss" onclick={dismiss}>{"Dismiss"}</button>
        </div>
    }
}

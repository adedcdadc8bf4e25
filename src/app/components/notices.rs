//! What the user must know about the scenario: link parts that could not be used, and a
//! balance sheet that no longer balances.

use crate::app::focus;
use crate::app::state::{Action, State, Storage};
use crate::model::engine::format::display;
use crate::model::{Cell, Figures, Model, Period, Unit};
use yew::prelude::*;

// These are functions, not components: each is a few elements, cheaper to render with the page
// than to compare as props, and a component type costs the download about 1.5 KB.

/// A notice's button: `action`, which takes the notice and its button away. The focus then goes
/// to another notice's button, else to the page's contents just below, where a keyboard or
/// screen-reader user reads on from: not to the page's start.
fn send(dispatch: &UseReducerDispatcher<State>, action: fn() -> Action) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| {
        dispatch.dispatch(action());
        focus::keep(vec!["main .notice button".to_string(), "main .contents a".to_string()]);
    })
}

pub fn link_problems(problems: &[String], dispatch: &UseReducerDispatcher<State>) -> Html {
    if problems.is_empty() {
        return html! {};
    }
    html! {
        <div class="notice warn link-problems" role="alert">
            <strong>{"Not all of this link could be used."}</strong>
            <ul>{ for problems.iter().map(|p| html! { <li>{p}</li> }) }</ul>
            <button type="button" onclick={send(dispatch, || Action::DismissLinkProblems)}>{"Dismiss"}</button>
        </div>
    }
}

/// The page opened without a link on the scenario the browser kept from the last visit: said,
/// since the address alone asked for the release; the address now links to it.
pub fn resumed(edits: Option<usize>, dispatch: &UseReducerDispatcher<State>) -> Html {
    let Some(edits) = edits else { return html! {} };
    html! {
        <div class="notice info resumed" role="status">
            <p>{format!("This is the scenario of your last visit ({}), kept in this browser; the address now links to it.", kept(edits))}</p>
            <button type="button" class="start-over" onclick={send(dispatch, || Action::ResetAll)}>{"Start from the release"}</button>
            {" "}
            <button type="button" class="dismiss" onclick={send(dispatch, || Action::DismissOpening)}>{"Dismiss"}</button>
        </div>
    }
}

/// A link opened in place of the scenario this browser kept (`State::replaced`, of this many
/// edits): one undo brings that back.
pub fn replaced(edits: Option<usize>, dispatch: &UseReducerDispatcher<State>) -> Html {
    let Some(edits) = edits else { return html! {} };
    html! {
        <div class="notice info replaced" role="status">
            <p>{format!("This link's scenario took the place of the one you were working on ({}), which this browser kept. Undo (↶) brings it back.", kept(edits))}</p>
            <button type="button" class="bring-back" onclick={send(dispatch, || Action::Undo)}>{"Bring mine back"}</button>
            {" "}
            <button type="button" class="dismiss" onclick={send(dispatch, || Action::DismissOpening)}>{"Dismiss"}</button>
        </div>
    }
}

/// A kept scenario in words: "3 edits".
fn kept(edits: usize) -> String {
    match edits {
        0 => "stock compensation read on top".to_string(),
        1 => "1 edit".to_string(),
        n => format!("{n} edits"),
    }
}

/// Edits reach both sides of the balance sheets through the model's links; overriding a linked
/// figure, or editing a flow the release does not itemise the other side of, does not, and the
/// page says so rather than plug a figure.
pub fn balance_check(figures: &Figures) -> Html {
    let model = Model::release();
    let gaps = Period::BALANCE
        .iter()
        .filter_map(|p| {
            let assets = figures.get(model, Cell::new(*p, "total_assets")).ok()?;
            let claims = figures.get(model, Cell::new(*p, "total_liabilities_and_equity")).ok()?;
            let gap = assets.checked_sub(claims)?;
            (!gap.is_zero()).then(|| {
                html! {
                    <li>{format!("{}: total assets minus liabilities, preferred stock and equity is {}.", p.long(), display(Ok(gap), Unit::Money))}</li>
                }
            })
        })
        .collect::<Vec<_>>();
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

/// Why scenarios are not being saved: said once, until dismissed. Stored data the page cannot
/// read is overwritten only when the user asks.
pub fn storage_notice(notice: Option<&str>, storage: Storage, dispatch: &UseReducerDispatcher<State>) -> Html {
    let Some(notice) = notice else { return html! {} };
    html! {
        <div class="notice warn storage-notice" role="alert">
            <p>{notice}</p>
            if storage == Storage::Unreadable {
                <button type="button" class="discard-stored" onclick={send(dispatch, || Action::StorageDiscarded)}>{"Replace it and save from now on"}</button>
                {" "}
            }
            <button type="button" class="dismiss" onclick={send(dispatch, || Action::DismissStorageNotice)}>{"Dismiss"}</button>
        </div>
    }
}

/// What another tab of the page changed of the saved scenarios this tab shows.
pub fn other_tab(notice: Option<&str>, dispatch: &UseReducerDispatcher<State>) -> Html {
    let Some(notice) = notice else { return html! {} };
    html! {
        <div class="notice info other-tab" role="status">
            <p>{notice}</p>
            <button type="button" class="dismiss" onclick={send(dispatch, || Action::DismissOtherTab)}>{"Dismiss"}</button>
        </div>
    }
}

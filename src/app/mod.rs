//! The page. Components render the state and dispatch actions to its one reducer; the model
//! computes; the address bar is touched only in `url`.

mod components;
mod state;
mod url;

use crate::model::link::encode;
use crate::model::tables::TABLES;
use crate::model::Model;
use components::explain::Explain;
use components::headline::Headlines;
use components::highlights::{GuidanceTable, Highlights};
use components::notices::{BalanceCheck, LinkProblems};
use components::table::StatementTable;
use gloo::events::EventListener;
use state::{Action, State};
use std::rc::Rc;
use yew::prelude::*;

pub fn run() {
    yew::Renderer::<App>::new().render();
}

#[function_component(App)]
fn app() -> Html {
    let state = use_reducer(|| State::from_fragment(&url::fragment()));
    let figures = use_memo(state.scenario.clone(), |s| Model::release().evaluate(s));

    // The address follows the edits. Not on first render: a link that could not be fully used
    // stays in the address bar until the user changes something.
    let first = use_mut_ref(|| true);
    use_effect_with(state.scenario.clone(), move |scenario| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            url::replace_soon(encode(scenario));
        }
    });
    // A changed fragment (back, forward, a pasted link) loads its scenario.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "hashchange", move |_| dispatch.dispatch(Action::Load(url::fragment())))
            });
            move || drop(listener)
        });
    }

    // One copy of the state for the tables to compare against their last render.
    let snapshot = Rc::new((*state).clone());
    let edits = state.scenario.edits().count();
    let reset_all = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::ResetAll))
    };
    let copied = use_state(|| false);
    let copy_link = {
        let copied = copied.clone();
        Callback::from(move |_| {
            if let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) {
                let _ = clipboard.write_text(&url::href());
                copied.set(true);
            }
        })
    };
    html! {
        <>
            <header class="top">
                <div class="brand">
                    <h1>{"Qualys Q3 2012: what if?"}</h1>
                    <p class="sub">{"Qualys Announces Third Quarter 2012 Financial Results (November 5, 2012). Edit any reported figure; every dependent figure follows. Amounts in thousands of dollars, except per share."}</p>
                </div>
                <div class="tools">
                    <span class="edits" aria-live="polite">{match edits { 0 => "As reported".to_string(), 1 => "1 edit".to_string(), n => format!("{n} edits") }}</span>
                    <button type="button" onclick={copy_link} disabled={edits == 0}>{if *copied && edits > 0 { "Link copied" } else { "Copy share link" }}</button>
                    <button type="button" onclick={reset_all} disabled={edits == 0 && state.drafts.is_empty()}>{"Reset all"}</button>
                </div>
            </header>
            <main>
                <LinkProblems problems={state.link_problems.clone()} dispatch={state.dispatcher()} />
                <Headlines figures={figures.clone()} />
                <p class="legend">
                    <span class="legend-input">{"1,234"}</span>{" input: click and type · "}
                    <span class="mark">{"✎"}</span>{" edited · "}
                    <span>{"▲▼"}</span>{" moved from the release (hover or focus for the reported figure) · "}
                    {"click any computed figure to see how it is computed · * not printed in the release"}
                </p>
                <BalanceCheck figures={figures.clone()} />
                { for TABLES.iter().map(|t| html! {
                    <StatementTable key={t.id} table={t} figures={figures.clone()} state={snapshot.clone()} dispatch={state.dispatcher()} />
                }) }
                <Highlights figures={figures.clone()} />
                <GuidanceTable />
            </main>
            if let Some(cell) = state.explained {
                <Explain {cell} figures={figures.clone()} dispatch={state.dispatcher()} />
            }
            <div class="sr-only" aria-live="polite" aria-atomic="true">{state.announcement.clone()}</div>
        </>
    }
}

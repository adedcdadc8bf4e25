//! What `<main>` shows below the headline figures, in order: the outlook, the bridges, each
//! statement, the tie-out and the highlights. The live page renders the header and what is
//! above these at once, into the prerendered page, and then the pieces in their place, in
//! `LIVE_ORDER`, a few figures a task (`STEPS`): no task is long enough to hold up the browser
//! (Lighthouse's total blocking time), and the statements can be edited before the rest is live.
//! The steps are this component's own state, so a step renders the pieces, not the whole page.

use super::components::bridges::Bridges;
use super::components::guidance::Outlook;
use super::components::highlights::Highlights;
use super::components::sbc_reading::sbc_choice;
use super::components::table::{Highlights as Marked, StatementTable};
use super::components::ties::TieOut;
use super::state::{Action, State};
use super::{takeover, task};
use crate::model::release::tables::TABLES;
use crate::model::{Figures, Period};
use std::rc::Rc;
use yew::prelude::*;

/// How many pieces there are.
pub const COUNT: usize = TABLES.len() + 4;

/// The order the pieces go live in: first the statements, top first, which take typing; then
/// the outlook and the bridges, and the tie-out and the highlights, whose prerendered figures
/// are already on screen and which only read.
const LIVE_ORDER: [usize; COUNT] = {
    let mut order = [0; COUNT];
    let mut k = 0;
    while k < TABLES.len() {
        order[k] = k + 2;
        k += 1;
    }
    order[k] = 0;
    order[k + 1] = 1;
    order[k + 2] = TABLES.len() + 2;
    order[k + 3] = TABLES.len() + 3;
    order
};

/// About how many figures a statement's live render adds in one task, out of sight until all
/// are there: a whole statement was one task of 10 to 35 ms of script here (40 to 140 ms with
/// the CPU 4× slower, as Lighthouse counts a phone); a task of these is 5 to 20 ms.
const FIGURES_PER_TASK: usize = 24;

/// All of a piece's rows.
pub const WHOLE: usize = usize::MAX;

/// How many rows of piece `i` go live in one task: all of any piece but a statement.
const fn rows_per_task(i: usize) -> usize {
    match i.checked_sub(2) {
        Some(t) if t < TABLES.len() => {
            let rows = FIGURES_PER_TASK / TABLES[t].periods.len();
            if rows > 0 {
                rows
            } else {
                1
            }
        }
        _ => WHOLE,
    }
}

/// How many tasks piece `i` goes live in.
const fn tasks(i: usize) -> usize {
    match i.checked_sub(2) {
        Some(t) if t < TABLES.len() => TABLES[t].rows.len().div_ceil(rows_per_task(i)),
        _ => 1,
    }
}

const STEP_COUNT: usize = {
    let (mut n, mut k) = (0, 0);
    while k < COUNT {
        n += tasks(LIVE_ORDER[k]);
        k += 1;
    }
    n
};

/// The live page's start, one task each: a piece, and how many of its rows are live after it
/// (`WHOLE` in its last).
const STEPS: [(usize, usize); STEP_COUNT] = {
    let mut steps = [(0, 0); STEP_COUNT];
    let (mut k, mut s) = (0, 0);
    while k < COUNT {
        let piece = LIVE_ORDER[k];
        let mut c = 1;
        while c <= tasks(piece) {
            steps[s] = (piece, if c == tasks(piece) { WHOLE } else { c * rows_per_task(piece) });
            s += 1;
            c += 1;
        }
        k += 1;
    }
    steps
};

/// How many of piece `i`'s rows are live once the first `done` of `STEPS` are, if any.
fn live_rows(i: usize, done: usize) -> Option<usize> {
    STEPS.iter().take(done).rev().find(|(p, _)| *p == i).map(|(_, rows)| *rows)
}

/// Whether piece `i` reads the figures in words and shapes the early figures do not redraw
/// (src/early.rs): all but the statements.
pub fn derived(i: usize) -> bool {
    i < 2 || i >= TABLES.len() + 2
}

/// What the pieces show: the page's figures and state as its last render has them.
pub struct View {
    pub figures: Rc<Figures>,
    /// A snapshot, for the tables to compare against their last render.
    pub state: Rc<State>,
    pub highlights: Marked,
    pub dispatch: UseReducerDispatcher<State>,
}

/// A new view comes with each render of the page, which renders the pieces again; their own
/// components decide what changed.
impl PartialEq for View {
    fn eq(&self, _: &Self) -> bool {
        false
    }
}

impl View {
    /// Piece `i`, with the first `rows` of its rows if it is a statement.
    pub fn render(&self, i: usize, rows: usize) -> Html {
        let (figures, state, dispatch) = (&self.figures, &self.state, self.dispatch.clone());
        match i.checked_sub(2).and_then(|t| TABLES.get(t)) {
            _ if i == 0 => html! {
                <Outlook figures={figures.clone()} run_rate={!state.scenario.edits().any(|(c, _)| c.period == Period::Q4_2012)} {dispatch} />
            },
            _ if i == 1 => html! { <Bridges figures={figures.clone()} {dispatch} /> },
            Some(t) => html! {
                <>
                    // The reading of a stock compensation edit is chosen beside its table, once
                    // that is whole.
                    if t.id == "stock_compensation" && rows == WHOLE {
                        {sbc_choice(state.scenario.sbc_reading(), &dispatch)}
                    }
                    <StatementTable table={t} {rows} figures={figures.clone()} state={state.clone()} {dispatch} highlights={self.highlights.clone()} />
                </>
            },
            None if i == TABLES.len() + 2 => html! { <TieOut figures={figures.clone()} {dispatch} /> },
            None => html! { <Highlights figures={figures.clone()} {dispatch} /> },
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct PiecesProps {
    pub hosts: takeover::Hosts,
    pub view: View,
}

/// The pieces, rendered live into the prerendered page's (`takeover`), a step a task: a piece not
/// yet live is left as it was prerendered.
#[function_component(Pieces)]
pub fn pieces(props: &PiecesProps) -> Html {
    let shown = use_state(|| 0_usize);
    {
        let (shown, dispatch) = (shown.clone(), props.view.dispatch.clone());
        use_effect_with(*shown, move |n| {
            match n.checked_sub(1).and_then(|k| STEPS.get(k)) {
                Some((_, WHOLE)) => {
                    let typed = takeover::piece_replaced();
                    if !typed.is_empty() {
                        dispatch.dispatch(Action::TakeOver(Rc::new(typed)));
                    }
                }
                Some(_) => {}
                None => takeover::started(),
            }
            let n = *n;
            match STEPS.get(n).copied() {
                Some((piece, rows)) => task::soon(move || {
                    if live_rows(piece, n).is_none() {
                        takeover::assembling(piece);
                    }
                    if rows == WHOLE {
                        takeover::replacing(piece);
                        // What was typed into it, taken before it renders whole.
                        let typed = takeover::typed();
                        if !typed.is_empty() {
                            dispatch.dispatch(Action::TakeOver(Rc::new(typed)));
                        }
                    }
                    // Its prerendered content goes in the effect of that render (above).
                    shown.set(n + 1);
                }),
                None => {
                    takeover::whole();
                    task::after_paint(takeover::settled);
                }
            }
        });
    }
    html! {
        { for (0..COUNT).map(|i| match (props.hosts.piece(i), live_rows(i, *shown)) {
            (Some(host), Some(rows)) => create_portal(props.view.render(i, rows), host.clone()),
            _ => Html::default(),
        }) }
    }
}

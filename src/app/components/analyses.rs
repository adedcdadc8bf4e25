//! What a computed figure's derivation offers beyond the derivation: goal seek and
//! sensitivity, one open at a time.

use super::goal_seek::GoalSeek;
use super::sensitivity::Sensitivity;
use crate::app::focus;
use crate::app::state::State;
use crate::model::analysis::solve::named;
use crate::model::{Cell, Figures, Model, Period, Scenario};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnalysesProps {
    pub cell: Cell,
    pub scenario: Scenario,
    pub figures: Rc<Figures>,
    pub dispatch: UseReducerDispatcher<State>,
}

#[derive(Clone, Copy, PartialEq)]
enum Open {
    GoalSeek,
    Sensitivity,
}

#[function_component(Analyses)]
pub fn analyses(props: &AnalysesProps) -> Html {
    let open = use_state(|| None::<Open>);
    let toggle = |which: Open, label: &str, class: &str| {
        let is_open = *open == Some(which);
        let onclick = {
            let open = open.clone();
            Callback::from(move |_: MouseEvent| {
                open.set((!is_open).then_some(which));
                // The sensitivity table widens the panel, and the tables wrap again.
                focus::reveal_opener();
            })
        };
        html! {
            <button type="button" class={class.to_string()} aria-expanded={is_open.to_string()} {onclick}>{label.to_string()}</button>
        }
    };
    let (cell, scenario, figures, dispatch) = (props.cell, props.scenario.clone(), props.figures.clone(), props.dispatch.clone());
    html! {
        <section class="analyses" aria-label="Ask it backwards">
            <div class="analyses-buttons">
                {toggle(Open::GoalSeek, "Goal seek", "open-goal-seek")}
                {toggle(Open::Sensitivity, "Sensitivity", "open-sensitivity")}
            </div>
            { match *open {
                Some(Open::GoalSeek) => html! { <GoalSeek {cell} {scenario} {figures} {dispatch} /> },
                Some(Open::Sensitivity) => html! { <Sensitivity {cell} {scenario} {figures} {dispatch} /> },
                None => html! {},
            } }
        </section>
    }
}

/// The `<option>`s of a choice of `inputs` (goal seek's "By changing", sensitivity's rows and
/// columns), grouped by period in the statements' order: a figure is built from up to forty,
/// and in the order they are reached from it they read as no order at all.
pub fn input_options(inputs: &[Cell], chosen: Option<Cell>) -> Html {
    let model = Model::release();
    html! {
        { for Period::ALL.iter().filter(|p| inputs.iter().any(|c| c.period == **p)).map(|p| html! {
            <optgroup label={p.short()}>
                { for inputs.iter().filter(|c| c.period == *p).map(|c| html! {
                    <option value={c.key()} selected={Some(*c) == chosen}>{named(model, *c)}</option>
                }) }
            </optgroup>
        }) }
    }
}

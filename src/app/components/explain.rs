//! "How is this computed": a figure's formula with its values, what it is built from and what
//! it feeds. All of it comes from the model's declarations.

use crate::app::state::{Action, State};
use crate::model::{Cell, Def, Figures, Model};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExplainProps {
    pub cell: Cell,
    pub figures: Rc<Figures>,
    pub dispatch: UseReducerDispatcher<State>,
}

#[function_component(Explain)]
pub fn explain(props: &ExplainProps) -> Html {
    let model = Model::release();
    let cell = props.cell;
    let shown = |c: Cell| model.display(c, props.figures.get(model, c));
    let name = |c: Cell| format!("{}, {}", model.name(c, c.period), c.period.short());
    let link = |c: Cell| {
        let dispatch = props.dispatch.clone();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::Explain(Some(c))));
        html! { <li><button type="button" class="linkish" {onclick}>{name(c)}</button>{format!(" {}", shown(c))}</li> }
    };
    let what = match model.def(cell) {
        Some(Def::Input { link: Some(_), .. }) => "An input. Until it is edited, it follows the quarter:",
        Some(Def::Input { .. }) => "An input, as reported in the release. Edit it in its table.",
        Some(Def::Formula(_)) => "Computed:",
        Some(Def::Same(_)) => "The same figure as:",
        None => "",
    };
    let formula = model.formula(cell);
    let with_values = model.formula_with(cell, &|c| format!("{} [{}]", model.name(c, cell.period), shown(c)));
    let close = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Explain(None)))
    };
    let reads = model.reads(cell);
    let read_by = model.read_by(cell);
    let reported = model.display(cell, model.reported().get(model, cell));
    html! {
        <aside class="explain" aria-label="How this figure is computed">
            <div class="explain-head">
                <h2>{name(cell)}</h2>
                <button type="button" class="close" onclick={close} aria-label="Close">{"×"}</button>
            </div>
            <p class="explain-value"><strong>{shown(cell)}</strong>{format!(" (reported {reported})")}</p>
            <p>{what}</p>
            if let Some(f) = formula { <p class="formula">{format!("= {f}")}</p> }
            if let Some(f) = with_values { <p class="formula values">{format!("= {f}")}</p> }
            if !reads.is_empty() {
                <h3>{"Built from"}</h3>
                <ul>{ for reads.into_iter().map(link) }</ul>
            }
            if !read_by.is_empty() {
                <h3>{"Feeds"}</h3>
                <ul>{ for read_by.into_iter().map(link) }</ul>
            }
        </aside>
    }
}

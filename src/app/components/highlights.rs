//! The narrative's highlights, recomputed, beside what the release printed.

use super::headline::figure_as;
use super::panel::Panel;
use crate::app::grid;
use crate::app::state::State;
use crate::model::engine::format::undefined;
use crate::model::release::narrative::HIGHLIGHTS;
use crate::model::{Figures, Model};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct HighlightsProps {
    pub figures: Rc<Figures>,
    pub dispatch: UseReducerDispatcher<State>,
}

impl PartialEq for HighlightsProps {
    fn eq(&self, other: &Self) -> bool {
        super::same_values(&self.figures, &other.figures, HIGHLIGHTS.iter().map(|h| h.cell))
    }
}

#[function_component(Highlights)]
pub fn highlights(props: &HighlightsProps) -> Html {
    let model = Model::release();
    let grid = use_node_ref();
    grid::use_tab_stop(grid.clone());
    let rows = HIGHLIGHTS.iter().map(|h| {
        let value = props.figures.get(model, h.cell);
        let now = value.map_or_else(|why| undefined(why).to_string(), |v| h.style.write(v));
        let moved = now != h.printed;
        html! {
            <tr class={classes!(moved.then_some("moved"))}>
                <th scope="row">{h.label}</th>
                <td class="num">{figure_as(h.cell, value, now, &props.dispatch, true)}</td>
                <td class="num release">{h.printed}</td>
            </tr>
        }
    });
    let panel = Panel {
        id: "highlights",
        title: "Third Quarter 2012 Financial Highlights",
        note: "The release's narrative figures, written its way, recomputed from this scenario.",
        class: Some("narrative"),
        rows: HIGHLIGHTS.len() + 1,
    };
    panel.render(
        grid,
        Html::default(),
        html! {
            <>
                <thead><tr><td class="corner"></td><th scope="col">{"This scenario"}</th><th scope="col">{"Release"}</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </>
        },
    )
}

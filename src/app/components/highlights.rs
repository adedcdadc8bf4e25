//! The narrative's highlights, recomputed, beside what the release printed; and the guidance.

use super::headline::figure_as;
use super::panel::Panel;
use crate::app::state::State;
use crate::model::format::exact;
use crate::model::{Figures, Model, GUIDANCE, HIGHLIGHTS};
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
    let rows = HIGHLIGHTS.iter().map(|h| {
        let value = props.figures.get(model, h.cell);
        let now = value.map(|v| h.style.write(v)).unwrap_or_else(|_| "—".to_string());
        let moved = now != h.printed;
        html! {
            <tr class={classes!(moved.then_some("moved"))}>
                <th scope="row">{h.label}</th>
                <td class="num">{figure_as(h.cell, value, now, &props.dispatch)}</td>
                <td class="num release">{h.printed}</td>
            </tr>
        }
    });
    html! {
        <Panel id="highlights" class="narrative" title="Third Quarter 2012 Financial Highlights"
            note="The release's narrative figures, written its way, recomputed from this scenario.">
            <thead><tr><td class="corner"></td><th scope="col">{"This scenario"}</th><th scope="col">{"Release"}</th></tr></thead>
            <tbody>{ for rows }</tbody>
        </Panel>
    }
}

#[function_component(GuidanceTable)]
pub fn guidance_table() -> Html {
    let range = |low, high, per_share: bool| {
        if per_share {
            format!("${low:.2} to ${high:.2}")
        } else {
            format!("${} to ${} thousand", exact(low), exact(high))
        }
    };
    html! {
        <Panel id="guidance" class="guidance" title="Financial Performance Outlook"
            note="Management's guidance as given in the release; not recomputed.">
                    <thead><tr><td class="corner"></td>
                        { for GUIDANCE.iter().map(|g| html! { <th scope="col">{g.period}</th> }) }
                    </tr></thead>
                    <tbody>
                        { for GUIDANCE.first().into_iter().flat_map(|g| g.ranges.iter().enumerate()).map(|(i, first)| html! {
                            <tr>
                                <th scope="row">{first.label}</th>
                                { for GUIDANCE.iter().map(|g| html! {
                                    <td class="num">{g.ranges.get(i).map(|r| range(r.low, r.high, r.per_share)).unwrap_or_default()}</td>
                                }) }
                            </tr>
                        }) }
                        <tr>
                            <th scope="row">{"Weighted average diluted shares (approx.)"}</th>
                            { for GUIDANCE.iter().map(|g| html! { <td class="num">{format!("{} thousand", exact(g.diluted_shares))}</td> }) }
                        </tr>
                    </tbody>
        </Panel>
    }
}

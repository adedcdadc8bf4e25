//! What a printout says on its first page, and the screen does not show: the scenario's edits,
//! its share link and the date it was printed (CSS `.print-only`).

use crate::app::url;
use crate::model::io::link::encode;
use crate::model::{Model, Scenario};
use yew::prelude::*;

/// A function, not a component: a few elements, rendered with the page.
pub fn print_summary(scenario: &Scenario) -> Html {
    let model = Model::release();
    let date = js_sys::Date::new_0();
    let today = format!("{:04}-{:02}-{:02}", date.get_full_year(), date.get_month() + 1, date.get_date());
    let edits = scenario
        .edits()
        .map(|(cell, value)| {
            html! {
                <li>{format!("{}, {}: {} (reported {})", model.name(cell, cell.period), cell.period.short(),
                    model.display(cell, Ok(value)), model.display(cell, model.reported().get(model, cell)))}</li>
            }
        })
        .collect::<Vec<_>>();
    html! {
        <section class="print-only print-summary">
            <p>{format!("Printed {today}. ")}
                {match edits.len() {
                    0 => "The release as reported: no edits.".to_string(),
                    1 => "This scenario's 1 edit to the release:".to_string(),
                    n => format!("This scenario's {n} edits to the release:"),
                }}</p>
            if !edits.is_empty() { <ul>{edits}</ul> }
            <p>{"Link: "}<span class="print-link">{url::share_link(&encode(scenario))}</span></p>
        </section>
    }
}

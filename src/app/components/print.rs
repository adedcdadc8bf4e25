//! What a printout says on its first page, and the screen does not show: the scenario's edits,
//! the name it is saved under, its share link and the date it was printed (CSS `.print-only`).

use crate::app::url;
use crate::model::engine::format::{display_entered, turned};
use crate::model::io::link::encode;
use crate::model::io::saved::{holding, Named};
use crate::model::release::tables::shown_turned;
use crate::model::{Model, SbcReading, Scenario, Unit};
use yew::prelude::*;

/// A function, not a component: a few elements, rendered with the page.
pub fn print_summary(scenario: &Scenario, named: &[Named]) -> Html {
    let model = Model::release();
    let date = js_sys::Date::new_0();
    let today = format!("{:04}-{:02}-{:02}", date.get_full_year(), date.get_month() + 1, date.get_date());
    let edits = scenario
        .edits()
        .map(|(cell, value)| {
            // As the Changes list shows it: as entered, against the release (an estimate has no
            // reported figure, only its value on the release alone), as the statements show it.
            let unit = model.unit(cell).unwrap_or(Unit::Money);
            let baseline = if cell.period.is_estimate() { "on the release alone" } else { "reported" };
            let turn = shown_turned(cell.line);
            html! {
                <li>{format!("{}, {}: {} ({baseline} {})", model.name(cell, cell.period), cell.period.short(),
                    display_entered(turned(Ok(value), turn), unit), model.display(cell, turned(model.reported().get(model, cell), turn)))}</li>
            }
        })
        .collect::<Vec<_>>();
    // The reading changes every GAAP expense line its compensation is in: said, not only in the link.
    let reading = match scenario.sbc_reading() {
        SbcReading::OnTop => "Stock-based compensation edits are read on top of the GAAP expense lines: each line that contains it moves by its change.",
        SbcReading::Within => "",
    };
    // The saved scenarios it is, if any: a printout of "Bull case" says so.
    let names: Vec<String> = holding(named, scenario).map(|n| format!("“{}”", n.name)).collect();
    let saved = match names.as_slice() {
        [] => String::new(),
        [one] => format!("Saved as {one}. "),
        [rest @ .., last] => format!("Saved as {} and {last}. ", rest.join(", ")),
    };
    html! {
        <section class="print-only print-summary">
            <p>{format!("Printed {today}. {saved}")}
                {match edits.len() {
                    0 => "The release as reported: no edits.".to_string(),
                    1 => "This scenario's 1 edit to the release:".to_string(),
                    n => format!("This scenario's {n} edits to the release:"),
                }}</p>
            if !edits.is_empty() { <ul>{edits}</ul> }
            if !reading.is_empty() { <p>{reading}</p> }
            <p>{"Link: "}<span class="print-link">{url::share_link(&encode(scenario))}</span></p>
            // The screen's legend, which paper does not get, in the words paper needs.
            <p>{"Q4 and FY 2012 are the page's estimates, not reported; a Q4 figure in italic still follows Q3. ▲▼: moved from the release (an edited input shows below it what it was). *: a line not printed in the release."}</p>
        </section>
    }
}

//! The choice of how a stock-based compensation edit is read, shown beside the table of it:
//! within the GAAP expense lines (the release's own reading) or on top of them.

use crate::app::state::{Action, State};
use crate::model::SbcReading;
use yew::prelude::*;

const CHOICES: [(SbcReading, &str, &str); 2] = [
    (SbcReading::Within, "Within the GAAP expense lines", "more of the same cost paid in stock: GAAP expense stays as entered, non-GAAP income and cash rise"),
    (SbcReading::OnTop, "On top of them", "more awards: each GAAP expense line rises by its stock compensation's change, non-GAAP figures stay"),
];

/// A function, not a component: a few elements, rendered with the page.
pub fn sbc_choice(current: SbcReading, dispatch: &UseReducerDispatcher<State>) -> Html {
    html! {
        // Disabled in the prerendered page: a choice made there would show but not apply.
        <fieldset class="sbc-reading" disabled={!crate::app::LIVE}>
            <legend>{"An edit to stock-based compensation is read"}</legend>
            { for CHOICES.iter().map(|(reading, label, note)| {
                let reading = *reading;
                let onchange = {
                    let dispatch = dispatch.clone();
                    Callback::from(move |_: Event| dispatch.dispatch(Action::ReadSbc(reading)))
                };
                html! {
                    <label>
                        <input type="radio" name="sbc-reading" value={reading.id()} checked={current == reading} {onchange} />
                        // One flex item beside the button, so the text wraps as one paragraph.
                        <span><strong>{*label}</strong>{": "}{*note}{"."}</span>
                    </label>
                }
            }) }
        </fieldset>
    }
}

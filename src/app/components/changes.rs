//! What differs from the release: each edited input with its reported and scenario values and
//! a reset, and the share link to copy.

use crate::app::state::{Action, State};
use crate::app::{focus, url};
use crate::model::engine::format::{display_entered, turned};
use crate::model::io::link::encode;
use crate::model::release::tables::shown_turned;
use crate::model::{Cell, Model, Unit};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChangesProps {
    pub state: UseReducerHandle<State>,
}

#[function_component(Changes)]
pub fn changes(props: &ChangesProps) -> Html {
    let model = Model::release();
    // What became of the last copy, of which link: said while that is still the link.
    let copied = use_state(|| None::<(String, url::Copied)>);
    let link = url::share_link(&encode(&props.state.scenario));
    let copy_now = copied.as_ref().filter(|(l, _)| *l == link).map(|(_, how)| *how);
    let copy = {
        let (copied, link) = (copied.clone(), link.clone());
        Callback::from(move |_| {
            let (copied, copy) = (copied.clone(), link.clone());
            url::copy(&link, move |how| copied.set(Some((copy, how))));
        })
    };
    let edits: Vec<_> = props.state.scenario.edits().collect();
    let row_reset = |cell: Cell| format!("tr[data-change-key=\"{}\"] button.reset", cell.key());
    let rows = edits
        .iter()
        .enumerate()
        .map(|(i, &(cell, value))| {
            let name = model.name(cell, cell.period);
            let reset = {
                let dispatch = props.state.dispatcher();
                // The focus goes to the row that takes this one's place, else the one above, else
                // the drawer's button.
                let neighbours = [i.checked_add(1), i.checked_sub(1)].into_iter().flatten().filter_map(|j| edits.get(j));
                let then: Vec<String> = neighbours.map(|&(c, _)| row_reset(c)).chain(["header .open-changes".to_string()]).collect();
                Callback::from(move |_| {
                    dispatch.dispatch(Action::Reset(cell));
                    focus::keep(then.clone());
                })
            };
            // As the statements show it: interest expense as (38).
            let turn = shown_turned(cell.line);
            html! {
                <tr data-change-key={cell.key()}>
                    // On a phone the period follows the name, its column left out (styles/app.css).
                    <th scope="row">{name.clone()}<span class="in-row">{format!(", {}", cell.period.short())}</span></th>
                    <td class="period">{cell.period.short()}</td>
                    <td class="num">
                        {model.display(cell, turned(model.reported().get(model, cell), turn))}
                        // An estimate has no reported figure: its baseline is the release alone.
                        if cell.period.is_estimate() { <span class="was">{"estimate, on the release alone"}</span> }
                    </td>
                    <td class="num now">{display_entered(turned(Ok(value), turn), model.unit(cell).unwrap_or(Unit::Money))}</td>
                    <td><button type="button" class="reset" onclick={reset}
                        aria-label={format!("Reset {name}, {}", cell.period.short())}>{"↺"}<span class="reset-word">{" Reset"}</span></button></td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    html! {
        <section class="drawer changes" aria-labelledby="changes-title">
            <h2 id="changes-title">{"What differs from the release"}</h2>
            if rows.is_empty() {
                <p class="empty">{"Nothing yet: every figure is as reported."}</p>
            } else {
                <div class="scroll">
                    <table>
                        <thead><tr><th scope="col">{"Input"}</th><th scope="col" class="period">{"Period"}</th><th scope="col">{"Release"}</th><th scope="col">{"This scenario"}</th><td></td></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <div class="share">
                    <label for="share-link">{"Share link"}</label>
                    <input id="share-link" class="share-link" type="text" readonly=true value={link} />
                    <button type="button" class="copy-share" onclick={copy}>{if copy_now == Some(url::Copied::Yes) { "Copied" } else { "Copy" }}</button>
                    if copy_now == Some(url::Copied::Refused) {
                        <span class="copy-refused" role="status">{"The browser did not let the page copy: select the link and copy it."}</span>
                    }
                </div>
            }
        </section>
    }
}

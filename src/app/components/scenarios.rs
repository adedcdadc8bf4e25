//! Named scenarios kept in the browser (save as, open, rename, duplicate, delete), and files:
//! the tables as CSV, the scenario as JSON, and a JSON scenario imported back.

use crate::app::state::{edits_in, Action, State};
use crate::app::{download, focus, json};
use crate::model::io::export::{csv, file_name};
use crate::model::io::saved::{holding, scenario_file, unread_note};
use crate::model::{Figures, Model};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScenariosProps {
    pub state: UseReducerHandle<State>,
    pub figures: Rc<Figures>,
}

fn text_of(e: &InputEvent) -> String {
    e.target_dyn_into::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

#[function_component(Scenarios)]
pub fn scenarios(props: &ScenariosProps) -> Html {
    let state = &props.state;
    let name = use_state(String::new);
    // A name already saved under, typed to save: replacing its edits waits for a yes.
    let confirm = use_state(|| None::<String>);
    // The offer is to save this scenario under that name: it goes once either changes (an edit,
    // an undo, another scenario opened, the list changed here or in another tab), rather than
    // save, on a later yes, figures that were not on screen when it was asked.
    {
        let confirm = confirm.clone();
        use_effect_with((state.scenario.clone(), state.named.clone()), move |_| {
            if confirm.is_some() {
                confirm.set(None);
            }
        });
    }
    // The scenario being renamed, and the name typed so far.
    let renaming = use_state(|| None::<(String, String)>);
    let send = |action: Action| {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(action.clone()))
    };
    // Dismissed, what was said of the last save or import goes with its button: the focus to
    // the field to save under (an import is chosen again beside it).
    let dismiss_problem = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::DismissProblem);
            focus::keep(vec!["#save-name".to_string()]);
        })
    };
    // Undo delete goes with its note: the focus to the scenario back in the list (under its own
    // name, or a free one if that was taken since), else to the name to save under.
    let restore = {
        let dispatch = state.dispatcher();
        let name = state.deleted.as_ref().map(|(_, gone)| gone.name.clone()).unwrap_or_default();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::Restore);
            focus::keep(vec![open_of(&name), "li[data-scenario] button.open".to_string(), "#save-name".to_string()]);
        })
    };
    let save = {
        let (dispatch, name, confirm, named) = (state.dispatcher(), name.clone(), confirm.clone(), state.named.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // "base" typed where "Base" is saved is that scenario, as a sheet's name is in Excel:
            // two names a reader cannot tell apart in the list would be two scenarios. (ASCII's
            // case only: Unicode's tables would cost 13 KB gzip.)
            let typed = name.trim();
            if let Some(existing) = named.iter().find(|n| n.name.eq_ignore_ascii_case(typed)) {
                // The question replaces what was said of the save before ("Give it a name").
                dispatch.dispatch(Action::DismissProblem);
                confirm.set(Some(existing.name.clone()));
                return;
            }
            dispatch.dispatch(Action::SaveAs((*name).clone()));
            name.set(String::new());
        })
    };
    let replace = {
        let (dispatch, name, confirm) = (state.dispatcher(), name.clone(), confirm.clone());
        Callback::from(move |_: MouseEvent| {
            // The question goes: the focus to the scenario replaced, in the list.
            if let Some(existing) = (*confirm).clone() {
                focus::keep(vec![rename_of(&existing), "#save-name".to_string()]);
                dispatch.dispatch(Action::SaveAs(existing));
            }
            confirm.set(None);
            name.set(String::new());
        })
    };
    // Kept: back to the name, for another.
    let keep = {
        let confirm = confirm.clone();
        Callback::from(move |_: MouseEvent| {
            confirm.set(None);
            focus::keep(vec!["#save-name".to_string()]);
        })
    };
    let type_name = {
        let (name, confirm) = (name.clone(), confirm.clone());
        Callback::from(move |e: InputEvent| {
            name.set(text_of(&e));
            confirm.set(None);
        })
    };
    // The saved scenarios holding the edits on screen, marked so in the list.
    let on_screen: Vec<&str> = holding(&state.named, &state.scenario).map(|n| n.name.as_str()).collect();
    let rows = state
        .named
        .iter()
        .map(|n| {
            let edits = edits_in(&n.scenario);
            let on_screen = on_screen.contains(&n.name.as_str());
            // Opened or saved here, and edited since: what it holds is no longer on screen.
            let changed = !on_screen && state.working_on.as_ref() == Some(&n.name);
            // A new rename, or one given up, clears what was said of the last (a name taken).
            let start_rename = {
                let (renaming, from, dispatch) = (renaming.clone(), n.name.clone(), state.dispatcher());
                Callback::from(move |_| {
                    dispatch.dispatch(Action::DismissProblem);
                    renaming.set(Some((from.clone(), from.clone())));
                    focus::keep(vec!["input.rename-name".to_string()]);
                })
            };
            // The row goes: the focus to its Undo delete.
            let delete = {
                let (dispatch, name) = (state.dispatcher(), n.name.clone());
                Callback::from(move |_| {
                    dispatch.dispatch(Action::Delete(name.clone()));
                    focus::keep(vec!["button.restore".to_string()]);
                })
            };
            let body = match &*renaming {
                Some((from, text)) if *from == n.name => {
                    let value = text.clone();
                    let (dispatch, r, from, text) = (state.dispatcher(), renaming.clone(), from.clone(), text.clone());
                    let submit = Callback::from(move |e: SubmitEvent| {
                        e.prevent_default();
                        dispatch.dispatch(Action::Rename { from: from.clone(), to: text.clone() });
                        r.set(None);
                        // Back on the scenario's Rename, under its new name if it took it.
                        focus::keep(vec![rename_of(text.trim()), rename_of(&from)]);
                    });
                    let r = renaming.clone();
                    let from = n.name.clone();
                    let type_new = Callback::from(move |e: InputEvent| r.set(Some((from.clone(), text_of(&e)))));
                    let (r, from, dispatch) = (renaming.clone(), n.name.clone(), state.dispatcher());
                    let stop = Callback::from(move |()| {
                        dispatch.dispatch(Action::DismissProblem);
                        r.set(None);
                        focus::keep(vec![rename_of(&from)]);
                    });
                    let cancel = stop.reform(|_: MouseEvent| ());
                    // Escape cancels the rename, not the whole drawer (the page's Escape skips a
                    // key whose default was prevented).
                    let onkeydown = Callback::from(move |e: KeyboardEvent| {
                        if e.key() == "Escape" {
                            e.prevent_default();
                            stop.emit(());
                        }
                    });
                    html! {
                        <form class="rename" onsubmit={submit} {onkeydown}>
                            <input type="text" class="rename-name" aria-label={format!("New name for {}", n.name)}
                                {value} oninput={type_new} />
                            <button type="submit">{"OK"}</button>
                            <button type="button" onclick={cancel}>{"Cancel"}</button>
                        </form>
                    }
                }
                _ => html! {
                    <>
                        <span class="name">{n.name.clone()}</span>
                        <span class="count">{edits}{on_screen.then_some(" · on screen")}{changed.then_some(" · changed on screen")}</span>
                        <span class="actions">
                            if changed {
                                <button type="button" class="update" onclick={send(Action::SaveAs(n.name.clone()))}
                                    aria-label={format!("Update “{}” with the edits on screen", n.name)}>{"Update"}</button>
                            }
                            // Opened again once changed, it puts back what was saved: said so.
                            <button type="button" class="open" onclick={send(Action::Open(n.name.clone()))}
                                aria-label={changed.then(|| format!("Revert to “{}” as saved", n.name))}>{if changed { "Revert" } else { "Open" }}</button>
                            <button type="button" class="rename" onclick={start_rename}>{"Rename"}</button>
                            <button type="button" class="duplicate" onclick={send(Action::Duplicate(n.name.clone()))}>{"Duplicate"}</button>
                            <button type="button" class="delete" onclick={delete}>{"Delete"}</button>
                        </span>
                    </>
                },
            };
            html! { <li key={n.name.clone()} data-scenario={n.name.clone()} aria-current={on_screen.then_some("true")}>{body}</li> }
        })
        .collect::<Vec<_>>();

    let saved = state.on_screen_name().map(str::to_string);
    let export_csv = {
        let (scenario, figures, saved) = (state.scenario.clone(), props.figures.clone(), saved.clone());
        Callback::from(move |_| {
            download::offer(&file_name(saved.as_deref(), "csv"), "text/csv", &csv(Model::release(), &scenario, &figures));
        })
    };
    let export_json = {
        let scenario = state.scenario.clone();
        Callback::from(move |_| {
            if let Some(text) = json::write(&scenario_file(&scenario)) {
                download::offer(&file_name(saved.as_deref(), "json"), "application/json", &text);
            }
        })
    };
    let import = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            let file = input.files().and_then(|f| f.get(0));
            // Picking the same file again must fire `change` again.
            input.set_value("");
            let Some(file) = file else { return };
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.dispatch(Action::Import(file.name(), download::read(file).await));
            });
        })
    };
    html! {
        <section class="drawer scenarios" aria-labelledby="scenarios-title">
            <h2 id="scenarios-title">{"Scenarios"}</h2>
            <form class="save-as" onsubmit={save}>
                <label for="save-name">{"Save this scenario as"}</label>
                <input id="save-name" type="text" placeholder="e.g. Bear case" value={(*name).clone()} oninput={type_name} />
                <button type="submit">{"Save"}</button>
            </form>
            if let Some(existing) = (*confirm).clone() {
                <div class="notice warn replace-offer" role="alert">
                    <p>{format!("A scenario named “{existing}” is saved already. Replace its edits with this scenario's?")}</p>
                    <button type="button" class="replace" onclick={replace}>{format!("Replace “{existing}”")}</button>
                    <button type="button" class="keep" onclick={keep}>{"Keep it"}</button>
                </div>
            }
            if let Some(problem) = state.problem.clone() {
                <div class="notice warn scenario-problem" role="alert">
                    <p>{problem}</p>
                    <button type="button" onclick={dismiss_problem}>{"Dismiss"}</button>
                </div>
            }
            if let Some((_, gone)) = state.deleted.as_ref() {
                <p class="deleted" role="status">
                    {format!("Deleted “{}”. ", gone.name)}
                    <button type="button" class="restore" onclick={restore}>{"Undo delete"}</button>
                </p>
            }
            if !rows.is_empty() {
                <ul class="saved-list">{rows}</ul>
            } else if state.unread.is_empty() {
                <p class="empty">{"No saved scenarios yet. They are kept in this browser."}</p>
            }
            if let Some(note) = unread_note(&state.unread) {
                <p class="notice info unread">{note}</p>
            }
            <div class="files">
                <button type="button" class="export-csv" onclick={export_csv}>{"Export tables (CSV)"}</button>
                <button type="button" class="export-json" onclick={export_json}>{"Export scenario (JSON)"}</button>
                <label class="button import">
                    {"Import scenario (JSON)…"}
                    <input type="file" class="import-file" accept=".json,application/json" onchange={import} />
                </label>
            </div>
            // Below the files: it grows the drawer and moves nothing. Screen readers hear it once,
            // from the page's announcement.
            if let Some(imported) = state.imported.clone() {
                <p class="notice info imported">{imported}</p>
            }
        </section>
    }
}

/// The Rename button of the saved scenario named `name`: its name quoted as a CSS string.
fn rename_of(name: &str) -> String {
    button_of(name, "rename")
}

/// The Open button of the saved scenario `name`.
fn open_of(name: &str) -> String {
    button_of(name, "open")
}

/// The button of class `class` in the row of the saved scenario `name` (its name CSS-quoted).
fn button_of(name: &str, class: &str) -> String {
    format!("li[data-scenario=\"{}\"] button.{class}", name.replace('\\', "\\\\").replace('"', "\\\""))
}

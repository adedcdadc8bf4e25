//! One figure in a table: an input the user edits in place, or a computed figure.

use crate::app::state::{Action, Draft, State};
use crate::app::LIVE;
use crate::app::{focus, grid};
use crate::model::engine::format::{amend_text, display, entry_text, field_text, plain, turned};
use crate::model::engine::parse::{bracketed, turn_sign, Reading};
use crate::model::release::guidance::range_of;
use crate::model::{Cell, Def, Model, Unit, Value};
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, Element, HtmlInputElement};
use yew::prelude::*;

thread_local! {
    /// When a field last took the focus (`Date.now()`), until a click in it reads it.
    static FOCUSED_AT: std::cell::Cell<f64> = const { std::cell::Cell::new(f64::NEG_INFINITY) };
}

#[derive(Properties, PartialEq)]
pub struct FigureProps {
    pub cell: Cell,
    pub unit: Unit,
    /// Shown with its sign turned (interest expense as (38)).
    pub negated: bool,
    /// How its text is read (`Reading`): as the line, or as the table shows it.
    pub reading: Reading,
    pub value: Value,
    pub reported: Value,
    /// An input, not a computed figure.
    pub editable: bool,
    /// The input is edited in the scenario.
    pub edited: bool,
    pub draft: Option<Draft>,
    /// What the figure's link gives, where an edit overrides it with another value.
    #[prop_or_default]
    pub link: Option<Value>,
    /// What was refused when the field was last left, and what was kept.
    #[prop_or_default]
    pub note: Option<String>,
    /// The line's label; with the period, what screen readers hear. Built here, only when the
    /// figure renders, rather than for every figure each time its table renders.
    pub line_label: &'static str,
    /// How the figure relates to the one being explained: "hl-self", "hl-source", "hl-feeds".
    #[prop_or_default]
    pub highlight: Option<&'static str>,
    pub dispatch: UseReducerDispatcher<State>,
}

/// "▲" or "▼" against the release, so a change is not told by colour alone.
fn direction(value: Value, reported: Value) -> &'static str {
    match (value, reported) {
        (Ok(v), Ok(r)) if v > r => "▲",
        (Ok(v), Ok(r)) if v < r => "▼",
        _ => "◆",
    }
}

/// What opens a figure's derivation: a click, or Enter, Space or ? while it has focus. Every
/// figure on the page that is not an input takes these, with `role="button"`.
pub fn explain_handlers(dispatch: &UseReducerDispatcher<State>, cell: Cell) -> (Callback<MouseEvent>, Callback<KeyboardEvent>) {
    let onclick = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Explain(Some(cell))))
    };
    let onkeydown = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if matches!(e.key().as_str(), "Enter" | " " | "?") {
                e.prevent_default();
                if !(e.key() == "?" && into_derivation(cell)) {
                    dispatch.dispatch(Action::Explain(Some(cell)));
                }
            }
        })
    };
    (onclick, onkeydown)
}

/// ? on the figure whose derivation is open goes into it, its name focused: its goal seek and
/// sensitivity are then a few Tabs away, not past every table after the figure. Whether it did.
fn into_derivation(cell: Cell) -> bool {
    let selector = format!("aside.explain[data-cell=\"{}\"] h2", cell.key());
    let heading = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(&selector).ok().flatten());
    heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()).is_some_and(|h| h.focus().is_ok())
}

/// The contract's `data-guidance` for a guided estimate: where it falls against its range.
pub fn guidance_of(cell: Cell, value: Value) -> Option<&'static str> {
    Some(range_of(cell)?.place(value.ok()?).position.id())
}

/// What an unedited figure is called: the release reports it, or (an estimate) the page
/// computes it from the release alone.
pub fn baseline_word(cell: Cell) -> &'static str {
    if cell.period.is_estimate() {
        "on the release alone"
    } else {
        "reported"
    }
}

#[function_component(Figure)]
pub fn figure(props: &FigureProps) -> Html {
    let moved = props.value != props.reported;
    let shown = display(turned(props.value, props.negated), props.unit);
    let reported = display(turned(props.reported, props.negated), props.unit);
    let cell = props.cell;
    let estimate = cell.period.is_estimate().then_some("estimate");
    let data_value = plain(props.value);
    let guidance = guidance_of(cell, props.value);
    let baseline = baseline_word(cell);
    let reported_note = if estimate.is_some() { format!("Estimate; on the release alone {reported}") } else { format!("Reported: {reported}") };
    // A figure with no value says why, where "—" alone would not.
    let reported_note = match props.value {
        Err(why) => format!("No value in this scenario: {}. {reported_note}", why.why()),
        Ok(_) => reported_note,
    };
    let label = format!("{}, {}", props.line_label, cell.period.long());
    // ▲ and ▼ say which way the figure moved as its label reads: interest expense up is ▲, in
    // brackets or not; "Other (income) expense" reads the line turned, so more income is ▼.
    let read_as_label = |value: Value| turned(value, props.reading == Reading::Shown);

    if !props.editable {
        let (onclick, onkeydown) = explain_handlers(&props.dispatch, cell);
        // Every computed figure of the live page takes focus: Enter opens its derivation, and a
        // moved figure's reported value is one focus away. The prerendered page's figures do
        // neither (nothing opens a derivation before the live page, or with JavaScript off), and
        // say nothing of it: their table's headings name them. That is also a quarter of the
        // page's HTML (86 KB, 5.4 KB gzip) that need not be downloaded and parsed first.
        let aria_label = LIVE.then(|| {
            let shown = props.value.map_or_else(|why| format!("no value, {}", why.why()), |_| shown.clone());
            if moved {
                format!("{label}: {shown}, {baseline} {reported}. Enter shows how it is computed.")
            } else {
                format!("{label}: {shown}. Enter shows how it is computed.")
            }
        });
        return html! {
            <td class={classes!("num", estimate, moved.then_some("moved"), props.highlight)}>
                <span class="fig" data-line={cell.line} data-period={cell.period.id()} data-value={data_value}
                    data-reported={moved.then(|| reported.clone())} data-guidance={guidance}
                    title={LIVE.then(|| format!("{reported_note}. Click to see how it is computed."))}
                    tabindex={LIVE.then_some("-1")} role={LIVE.then_some("button")} aria-label={aria_label}
                    {onclick} {onkeydown}>
                    if moved { <span class="dir" aria-hidden="true">{direction(read_as_label(props.value), read_as_label(props.reported))}</span> }
                    {shown.clone()}
                </span>
            </td>
        };
    }

    let draft = props.draft.as_ref();
    let text = match (draft, props.value) {
        (Some(d), _) => d.text.clone(),
        (None, Ok(v)) => field_text(v, props.negated),
        (None, Err(_)) => String::new(),
    };
    let error = draft.and_then(|d| d.error.clone());
    let error_id = format!("err-{}-{}", cell.period.id(), cell.line);
    let onfocus = {
        let dispatch = props.dispatch.clone();
        let reading = props.reading;
        let entry = props.value.map(|v| entry_text(v, reading)).unwrap_or_default();
        let has_draft = props.draft.is_some();
        Callback::from(move |e: FocusEvent| {
            // Show the entry form now and select it, so the render that follows changes
            // nothing and the person types over the whole figure, e.g. "38" for "(38)".
            if let (false, Some(input)) = (has_draft, e.target_dyn_into::<HtmlInputElement>()) {
                input.set_value(&entry);
                input.select();
                FOCUSED_AT.with(|at| at.set(js_sys::Date::now()));
            }
            dispatch.dispatch(Action::Focus { cell, text: entry.clone(), reading });
        })
    };
    let oninput = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                dispatch.dispatch(Action::Type { cell, text: input.value() });
            }
        })
    };
    // Cells pasted from a column arrive with line breaks, which a field joins with spaces into one
    // number ("1,234 567"): they are kept apart as tabs, and so refused as several figures. One
    // cell copies with a line break after it, and is one figure.
    let onpaste = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(text) = e.dyn_ref::<ClipboardEvent>().and_then(|c| c.clipboard_data()).and_then(|d| d.get_data("text").ok()) else { return };
            let cells = text.trim_end_matches(['\r', '\n']);
            if cells.contains(['\r', '\n']) {
                e.prevent_default();
                dispatch.dispatch(Action::Type { cell, text: cells.replace(['\r', '\n'], "\t") });
            }
        })
    };
    let onblur = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: FocusEvent| dispatch.dispatch(Action::Leave(cell)))
    };
    // Editing keys; the table's (`grid.rs`) move between figures while the field is not edited.
    let onkeydown = {
        let dispatch = props.dispatch.clone();
        let typing = draft.is_some_and(|d| d.typed);
        let amend = props.value.map(|v| amend_text(v, props.reading)).unwrap_or_default();
        Callback::from(move |e: KeyboardEvent| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            match e.key().as_str() {
                // Enter and F2 start editing, as in a spreadsheet, the figure without its
                // grouping (4634, not 4,634, so that a digit typed into it makes a number):
                // Enter with it selected, to be typed over; F2 to amend it, the caret after it
                // (a position past the end is the end). Nothing is typed yet: an estimate that
                // follows the third quarter goes on following it (`Action::Amend`).
                key @ ("Enter" | "F2") if grid::moving(&input) => {
                    e.prevent_default();
                    input.set_value(&amend);
                    dispatch.dispatch(Action::Amend { cell, text: amend.clone() });
                    match key {
                        "F2" => drop(input.set_selection_range(u32::MAX, u32::MAX)),
                        _ => input.select(),
                    }
                    grid::start_editing();
                }
                // A number never holds "?": it opens the figure's derivation; again, goes into it.
                "?" => {
                    e.prevent_default();
                    if !into_derivation(cell) {
                        dispatch.dispatch(Action::Explain(Some(cell)));
                    }
                }
                _ if grid::moving(&input) => {}
                // Nothing typed into it yet, Ctrl+Z and Ctrl+Y are the page's (the document's listener,
                // which leaves a field being edited its own keys): the field edited no longer.
                "z" | "Z" | "y" | "Y" if !typing && (e.ctrl_key() || e.meta_key()) && !e.alt_key() => {
                    grid::stop_editing(&input);
                    select_when_rendered(input);
                }
                // Escape cancels the typing, and so does Ctrl+Z, whole: the browser's own undo
                // went back a character at a time (each figure the typing moves elsewhere on the
                // page breaks its steps up), and Enter then committed a figure nobody typed. A
                // second Ctrl+Z, the field no longer edited, is the page's Undo.
                key @ ("Escape" | "z" | "Z") if key == "Escape" || ((e.ctrl_key() || e.meta_key()) && !e.shift_key() && !e.alt_key()) => {
                    e.prevent_default();
                    dispatch.dispatch(Action::Cancel(cell));
                    grid::stop_editing(&input);
                    select_when_rendered(input);
                }
                // Enter commits and moves down, Shift+Enter up, as in a spreadsheet; at a
                // table's edge it commits and stays.
                "Enter" => {
                    e.prevent_default();
                    if !grid::commit_move(&input, e.shift_key()) {
                        dispatch.dispatch(Action::Leave(cell));
                        grid::stop_editing(&input);
                    }
                }
                _ => {}
            }
        })
    };
    // ↺ goes with the edit it resets; the focus it held goes back to its field, not the page's start.
    let reset = {
        let dispatch = props.dispatch.clone();
        let field = format!("input.field[data-line=\"{}\"][data-period=\"{}\"]", cell.line, cell.period.id());
        Callback::from(move |_| {
            dispatch.dispatch(Action::Reset(cell));
            focus::keep(vec![field.clone()]);
        })
    };
    // A phone's number pad (iOS's) has no minus key: ± turns the sign of what is being typed,
    // shown on a touch screen only (styles/app.css). Pressing it leaves the focus in the field.
    let turn = (draft.is_some() && props.unit.allows_negative()).then(|| {
        let dispatch = props.dispatch.clone();
        // Where brackets read as the table prints them, they are no sign to take away: the
        // figure in them turns to a minus one ((50), an expense of 50, to -50, income).
        let turned = match props.reading {
            Reading::BracketsShown if bracketed(&text) => format!("-{}", turn_sign(&text)),
            _ => turn_sign(&text),
        };
        Callback::from(move |e: MouseEvent| {
            let field = e.target_dyn_into::<Element>().and_then(|b| b.previous_element_sibling()).and_then(|f| f.dyn_into::<HtmlInputElement>().ok());
            let length = |f: &HtmlInputElement| u32::try_from(f.value().encode_utf16().count()).unwrap_or(u32::MAX);
            let whole = field.as_ref().is_some_and(|f| length(f) > 0 && f.selection_start() == Ok(Some(0)) && f.selection_end() == Ok(Some(length(f))));
            // Typed through the browser's own editing, as a key is, so that its undo (a phone's
            // own) takes the ± back like any keystroke: a value set by the page clears that
            // history. The `input` event it fires goes through `oninput`.
            let typed = field.as_ref().is_some_and(|f| {
                f.select();
                let document = web_sys::window().and_then(|w| w.document()).and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok());
                document.is_some_and(|d| d.exec_command_with_show_ui_and_value("insertText", false, &turned) == Ok(true))
            });
            match field.filter(|_| typed) {
                // A field just entered has its figure selected, to be typed over: ± turns it
                // (60 to -60) and leaves its digits selected, so that what is typed next
                // replaces them after the sign (-60, then 75: -75).
                Some(f) if whole => drop(f.set_selection_range(u32::from(f.value().starts_with('-')), length(&f))),
                Some(_) => {}
                None => dispatch.dispatch(Action::Type { cell, text: turned.clone() }),
            }
        })
    });
    let keep_focus = Callback::from(|e: MouseEvent| e.prevent_default());
    // Clicking into a field edits it; ? or the figure's derivation elsewhere explains it. The
    // press that entered the field leaves its figure selected, to be typed over: WebKit (Safari)
    // puts the caret where the button came up, after the focus selected it ("60" clicked and
    // typed 250 read 25060), unless that release's default is prevented. A later click places
    // the caret.
    let onmouseup = Callback::from(|e: MouseEvent| {
        if FOCUSED_AT.with(|at| js_sys::Date::now() - at.replace(f64::NEG_INFINITY) < 1000.0) {
            e.prevent_default();
        }
    });
    let onclick = Callback::from(|_: MouseEvent| grid::start_editing());
    // A line shown with its sign turned (`Reading`): interest expense, shown as (38), takes 50
    // or (50) for an expense of 50 and -50 for income, and while typed into says how it read the
    // number; the EBITDA table's other (income) expense is typed as it shows, (100) for income.
    let model = Model::release();
    let typed_as = (props.reading == Reading::BracketsShown).then(|| model.name(model.canonical(cell), cell.period));
    let hint = match props.reading {
        Reading::BracketsShown => typed_as.as_ref().map(|l| format!(" Typed as {l}, or in brackets as shown; a minus turns it.")).unwrap_or_default(),
        Reading::Shown => " Typed as shown: a figure in brackets is income.".to_string(),
        Reading::Line => String::new(),
    };
    let reading = match (&typed_as, draft, props.value) {
        (Some(l), Some(d), Ok(v)) if d.error.is_none() && !d.text.trim().is_empty() => {
            Some(format!("Read as {l} {}: shown as {shown}", entry_text(v, Reading::BracketsShown)))
        }
        _ => None,
    };
    // A fourth-quarter estimate that still follows the third quarter, not a figure anyone set.
    let follows = match model.def(cell) {
        Some(Def::Input { link: Some(_), .. }) if estimate.is_some() && !props.edited => model.reads(cell).first().map(|c| c.period.short()),
        _ => None,
    };
    // What ↺ gives back: a linked input follows its link again (a fourth-quarter estimate, the
    // third quarter as it now is); any other, the release's figure.
    let source = match model.def(model.canonical(cell)) {
        Some(Def::Input { link: Some(_), .. }) => model.reads(cell).first().copied(),
        _ => None,
    };
    let source =
        source
            .map(|src| if src.line == cell.line { src.period.short().to_string() } else { format!("{}, {}", model.name(src, src.period), src.period.short()) });
    let reset_to = match &source {
        Some(follows) => format!("follow {follows} again, {}", display(turned(props.link.unwrap_or(props.value), props.negated), props.unit)),
        None if estimate.is_some() => format!("{reported}, its value on the release alone"),
        None => format!("the reported {reported}"),
    };
    let title = match follows {
        Some(of) => format!("Follows {of} until you type a figure of its own.{hint}"),
        None => format!("{reported_note}.{hint}"),
    };
    let aria_label = match follows {
        Some(of) => format!("{label}, follows {of}"),
        None => label.clone(),
    };
    html! {
        <td class={classes!("num", "input-cell", estimate, follows.is_some().then_some("follows"), props.edited.then_some("edited"), props.link.is_some().then_some("overrides-link"), moved.then_some("moved"), error.is_some().then_some("invalid"), props.highlight)}>
            <div class="field-wrap">
                if props.edited { <span class="mark" aria-hidden="true" title="Edited">{"✎"}</span> }
                <input inputmode="decimal" autocomplete="off" class="field" tabindex="-1"
                    data-line={cell.line} data-period={cell.period.id()} data-value={data_value} data-guidance={guidance}
                    value={text} readonly={!LIVE} aria-label={aria_label}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={error.is_some().then(|| error_id.clone())}
                    {title}
                    {onfocus} {oninput} {onpaste} {onblur} {onkeydown} {onmouseup} {onclick} />
                if let Some(onclick) = turn {
                    <button type="button" class="turn-sign" tabindex="-1" {onclick} onmousedown={keep_focus}
                        aria-label={format!("Turn the sign of what is typed in {label}")}>{"±"}</button>
                }
            </div>
            // Below the field, not beside it: what it was and ↺ take no width, so that an edit
            // does not widen its column and move every figure beside it (60 px on a phone).
            if reading.is_some() || (moved && error.is_none()) || props.edited {
                <div class="was-line">
                    if let Some(reading) = reading {
                        <span class="was reading">{reading}</span>
                    } else if moved && error.is_none() {
                        <span class="was">{format!("was {reported}")}</span>
                    }
                    if props.edited {
                        <button type="button" class="reset" tabindex="-1" onclick={reset}
                            aria-label={format!("Reset {label} to {reset_to}")}
                            title={format!("Reset to {reset_to}")}>{"↺"}</button>
                    }
                </div>
            }
            // What the figure's link gives: of a release's figure, a formula the tie-out checks,
            // a warning; of an estimate, the quarter it follows, a note, unless "was" says it.
            if let Some(link) = props.link.map(|l| display(turned(l, props.negated), props.unit)) {
                if let (Some(_), Some(follows)) = (estimate, &source) {
                    if link != reported {
                        <span class="overridden follows-note" title={format!("Unedited, this estimate follows {follows}: this is what it gives. Your figure replaces it.")}>
                            {format!("{follows} gives {link}")}
                        </span>
                    }
                } else {
                    <span class="overridden" title="Unedited, this figure follows a formula of other figures: this is what it gives. Your edit overrides it; the tie-out shows the difference.">
                        {format!("formula gives {link}")}
                    </span>
                }
            }
            if let Some(why) = error {
                <span class="field-error" id={error_id}>{why}</span>
            } else if let Some(note) = props.note.clone() {
                <span class="field-error field-note" role="status">{note}</span>
            }
        </td>
    }
}

/// `input` selected again once the figure it is given back (Escape, an undo) is rendered, ready
/// to be typed over: the page writing its text leaves the caret after it, and a digit typed then
/// was added to the figure ("23,3822"). Not if a key has moved on meanwhile (select() focuses, in
/// Chromium).
fn select_when_rendered(input: HtmlInputElement) {
    crate::app::task::after_paint(move || {
        if input.matches(":focus").unwrap_or(false) {
            input.select();
        }
    });
}

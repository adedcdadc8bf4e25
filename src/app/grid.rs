//! A spreadsheet's keyboard for the tables, on the ARIA grid pattern. Each table is one tab
//! stop (a roving `tabindex`: the figure last focused in it, at first its first figure); the
//! arrow keys move between figures, Home and End along the row, Ctrl+Home and Ctrl+End to the
//! table's corners. A group of figures that is not a table (the bridges' bars) is one tab stop
//! the same way, its figures in a line: the arrows to the previous and next, Home and End to
//! its ends. On an input, the keys move until you edit: typing a character or Enter starts
//! editing (the figure's text is selected, so typing replaces it, as in a spreadsheet; Enter
//! shows it without its grouping, so that it can be amended), F2 too, with the caret after the
//! text to amend it; then the keys are the text's, Enter commits and moves down (Shift+Enter up) and Escape cancels and comes back
//! to moving. What the keys do to the scenario stays in the figure (`figure.rs`); this module
//! only moves focus, in the DOM.

use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlElement, HtmlTableCellElement, HtmlTableElement, HtmlTableRowElement, KeyboardEvent, ScrollIntoViewOptions, ScrollLogicalPosition, SvgElement,
};
use yew::prelude::*;

/// What takes focus in a group: a field, a computed figure, a tie-out's name, a bridge's bar.
const FOCUSABLE: &str = "input.field, .fig, .linkish, g.bar";

/// A group: a table, or figures outside the tables (the bridges). Found from the focused
/// figure, since the element a handler is written on is not the event's `current_target` (Yew
/// listens at its root).
const GROUP: &str = "table[role=grid], .figure-group";

thread_local! {
    /// The input that has focus but is not being edited: the arrow keys move away from it.
    static MOVING: RefCell<Option<Element>> = const { RefCell::new(None) };
}

/// Whether `input` has focus without being edited (reached by the keyboard, or after Escape).
pub fn moving(input: &Element) -> bool {
    MOVING.with(|m| m.borrow().as_ref() == Some(input))
}

/// `input` is no longer edited: the arrow keys move away from it again.
pub fn stop_editing(input: &Element) {
    MOVING.with(|m| *m.borrow_mut() = Some(input.clone()));
}

/// The focused input is being edited: the keys are its text's.
pub fn start_editing() {
    MOVING.with(|m| *m.borrow_mut() = None);
}

#[derive(Clone, Copy)]
enum Move {
    Left,
    Right,
    Up,
    Down,
    RowStart,
    RowEnd,
    First,
    Last,
}

fn focusable(cell: &Element) -> Option<Element> {
    cell.query_selector(FOCUSABLE).ok().flatten()
}

/// Every figure in a cell, in order: a cell may hold two ("24,037 to 24,637").
fn in_cell(cell: &Element) -> Vec<Element> {
    let Ok(all) = cell.query_selector_all(FOCUSABLE) else { return Vec::new() };
    (0..all.length()).filter_map(|i| all.item(i)?.dyn_into().ok()).collect()
}

fn rows(table: &HtmlTableElement) -> Vec<HtmlTableRowElement> {
    let all = table.rows();
    (0..all.length()).filter_map(|i| all.item(i)?.dyn_into().ok()).collect()
}

fn cells(row: &HtmlTableRowElement) -> Vec<HtmlTableCellElement> {
    let all = row.cells();
    (0..all.length()).filter_map(|i| all.item(i)?.dyn_into().ok()).collect()
}

/// The figure `step` leads to from `from` (the focused element) in `group`, if any.
fn target(group: &Element, from: &Element, step: Move) -> Option<Element> {
    let Some(table) = group.dyn_ref::<HtmlTableElement>() else { return in_line(group, from, step) };
    let cell: HtmlTableCellElement = from.closest("td, th").ok()??.dyn_into().ok()?;
    let row: HtmlTableRowElement = cell.parent_element()?.dyn_into().ok()?;
    let rows = rows(table);
    let here = rows.iter().position(|r| *r == row)?;
    let column = usize::try_from(cell.cell_index()).ok()?;
    let in_row = |r: &HtmlTableRowElement| cells(r).into_iter().filter_map(|c| focusable(&c)).collect::<Vec<_>>();
    let at = |r: &HtmlTableRowElement| cells(r).get(column).and_then(|c| focusable(c));
    // Left and right go through the figures of a cell that holds several before leaving it.
    let beside = in_cell(&cell);
    let at_beside = beside.iter().position(|f| f == from);
    match step {
        Move::Left => match at_beside.and_then(|i| beside.get(i.checked_sub(1)?)) {
            Some(previous) => Some(previous.clone()),
            None => cells(&row).get(..column)?.iter().rev().find_map(|c| in_cell(c).pop()),
        },
        Move::Right => match at_beside.and_then(|i| beside.get(i + 1)) {
            Some(next) => Some(next.clone()),
            None => cells(&row).get(column + 1..)?.iter().find_map(|c| focusable(c)),
        },
        Move::Up => rows.get(..here)?.iter().rev().find_map(at),
        Move::Down => rows.get(here + 1..)?.iter().find_map(at),
        Move::RowStart => in_row(&row).into_iter().next(),
        Move::RowEnd => in_row(&row).into_iter().last(),
        Move::First => rows.iter().find_map(|r| in_row(r).into_iter().next()),
        Move::Last => rows.iter().rev().find_map(|r| in_row(r).into_iter().last()),
    }
}

/// The figure `step` leads to from `from` in a group that is not a table: its figures in
/// document order.
fn in_line(group: &Element, from: &Element, step: Move) -> Option<Element> {
    let all = group.query_selector_all(FOCUSABLE).ok()?;
    let figures: Vec<Element> = (0..all.length()).filter_map(|i| all.item(i)?.dyn_into().ok()).collect();
    let here = figures.iter().position(|f| f == from)?;
    match step {
        Move::Left | Move::Up => figures.get(here.checked_sub(1)?).cloned(),
        Move::Right | Move::Down => figures.get(here + 1).cloned(),
        Move::RowStart | Move::First => figures.first().cloned(),
        Move::RowEnd | Move::Last => figures.last().cloned(),
    }
}

/// Focuses `to` (an HTML or an SVG element) and brings it into view with as little scrolling
/// as will do.
fn go(to: &Element) {
    if let Some(html) = to.dyn_ref::<HtmlElement>() {
        let _ = html.focus();
    } else if let Some(svg) = to.dyn_ref::<SvgElement>() {
        let _ = svg.focus();
    }
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Nearest);
    options.set_inline(ScrollLogicalPosition::Nearest);
    to.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Moves focus one figure down from `from` (Enter after editing), or up (Shift+Enter). False
/// at the table's edge.
pub fn commit_move(from: &Element, up: bool) -> bool {
    let Some(group) = from.closest(GROUP).ok().flatten() else { return false };
    target(&group, from, if up { Move::Up } else { Move::Down }).map(|to| go(&to)).is_some()
}

/// The group's keys, on the group; `figure.rs` sees each key first, and what it handles is not
/// moved on.
pub fn onkeydown() -> Callback<KeyboardEvent> {
    Callback::from(|e: KeyboardEvent| {
        let Some(from) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        let Some(group) = from.closest(GROUP).ok().flatten() else { return };
        if e.default_prevented() || e.alt_key() || e.meta_key() {
            return;
        }
        let is_input = from.matches("input").unwrap_or(false);
        if is_input && !moving(&from) {
            return;
        }
        let key = e.key();
        let step = match (key.as_str(), e.ctrl_key()) {
            ("ArrowLeft", false) => Move::Left,
            ("ArrowRight", false) => Move::Right,
            ("ArrowUp", false) => Move::Up,
            ("ArrowDown", false) => Move::Down,
            ("Home", false) => Move::RowStart,
            ("End", false) => Move::RowEnd,
            ("Home", true) => Move::First,
            ("End", true) => Move::Last,
            // Enter and F2 start editing in the field's own keys (`figure.rs`).
            // A character, Backspace or Delete starts editing and goes into the field.
            (k, false) if is_input && (k.chars().count() == 1 || k == "Backspace" || k == "Delete") => return start_editing(),
            _ => return,
        };
        e.prevent_default();
        if let Some(to) = target(&group, &from, step) {
            go(&to);
        }
    })
}

/// The roving tab stop follows focus: the figure focused last in a group is its tab stop. An
/// input that gains focus is not yet edited (a click on it edits it: `figure.rs`).
pub fn onfocusin() -> Callback<FocusEvent> {
    Callback::from(|e: FocusEvent| {
        let Some(to) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        if !to.matches(FOCUSABLE).unwrap_or(false) {
            return;
        }
        let Some(group) = to.closest(GROUP).ok().flatten() else { return };
        if to.matches("input").unwrap_or(false) {
            stop_editing(&to);
        }
        if let Ok(Some(stop)) = group.query_selector("[data-stop]") {
            let _ = stop.set_attribute("tabindex", "-1");
            let _ = stop.remove_attribute("data-stop");
        }
        let _ = to.set_attribute("tabindex", "0");
        let _ = to.set_attribute("data-stop", "");
    })
}

/// Gives `group` its tab stop, its first figure, unless one of its figures already is.
fn keep_stop(group: &Element) {
    if group.query_selector("[data-stop]").ok().flatten().is_some() {
        return;
    }
    if let Ok(Some(first)) = group.query_selector(FOCUSABLE) {
        let _ = first.set_attribute("tabindex", "0");
        let _ = first.set_attribute("data-stop", "");
    }
}

/// Keeps the tab stop of the group `group` refers to after each render of the component that
/// calls it: its figures render with `tabindex="-1"`, and a render may replace the stop. The
/// group (a `table role="grid"`, or of the class `figure-group`) takes `onkeydown()` and
/// `onfocusin()`.
#[hook]
pub fn use_tab_stop(group: NodeRef) {
    use_effect(move || {
        if let Some(group) = group.cast::<Element>() {
            keep_stop(&group);
        }
    });
}

//! The figures before the page is live: a second, small WebAssembly, the model and what a field
//! and a link read without Yew (feature `early`, `src/bin/early.rs`), which index.html loads
//! when a visitor first touches a field of the prerendered page, or when the page opens a share
//! link. Until the live page is up, it recomputes the prerendered page's figures on every
//! keystroke; then it stops, and the live page takes what was typed as its own
//! (src/app/takeover.rs). The live app's download is five times larger and begins only once the
//! prerendered page has been shown; this one lets a visitor edit well before (BENCHMARKS.md).
//!
//! It shows what the live page will show once it has taken the typing: the scenario the page
//! opens (a share link; without one the release, unless the browser keeps a scenario, which the
//! live page opens: then this does nothing), with what was typed into each field read as the
//! live page reads it (`Scenario::typed`), in the order it takes it (`Action::TakeOver`: the
//! fields left first, the one with the focus last). It recomputes the figures of the statements
//! and the headline, with the text the live page gives them. The outlook, the charts, the tie-out
//! and the highlights, whose words and shapes follow from the figures, and the header's count
//! are left as they are, and dimmed, until their live render (styles/app.css).

use crate::model::engine::format::{alone, display, field_text, plain, turned};
use crate::model::engine::parse::parse_plain;
use crate::model::engine::parse::Reading;
use crate::model::io::link::{decode, is_link};
use crate::model::release::guidance::range_of;
use crate::model::release::tables::{negated, reading};
use crate::model::{Cell, Figures, Model, Period, Scenario, Unit};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement};

/// Starts: recomputes once (a field may have been typed into while this was on its way), and
/// again after every keystroke, in the capture phase: before anything else sees it.
pub fn run() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let listener = Closure::<dyn Fn()>::new(recompute);
    drop(document.add_event_listener_with_callback_and_bool("input", listener.as_ref().unchecked_ref(), true));
    // A share link's figures may come before the page has all been read: what is read after
    // them is recomputed once it all has, not left at the release's figures, undimmed.
    if document.ready_state() == "loading" {
        drop(document.add_event_listener_with_callback("DOMContentLoaded", listener.as_ref().unchecked_ref()));
    }
    // Listens for as long as the page lives; does nothing once the live page is up.
    listener.forget();
    recompute();
}

fn recompute() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(html) = document.document_element() else { return };
    let classes = html.class_list();
    if classes.contains("live") || classes.contains("failed") {
        return;
    }
    let Some(opening) = opening(&document, classes.contains("pending")) else { return };
    let model = Model::release();
    let scenario = typed(&document, model, opening);
    let figures = model.evaluate(&scenario);
    let Ok(all) = document.query_selector_all("#app :is(.headlines, .piece:not(.derived)) [data-line][data-period]") else { return };
    for el in (0..all.length()).filter_map(|i| all.item(i)?.dyn_into::<Element>().ok()) {
        show(model, &figures, &el);
    }
    drop(classes.add_1("early"));
}

/// The scenario the page opens, as `State::start` reads it: a share link wins; without one,
/// the release, unless the browser keeps a scenario (index.html then marks the page `pending`),
/// which is left to the live page: None.
fn opening(document: &Document, pending: bool) -> Option<Scenario> {
    let fragment = document.location().and_then(|l| l.hash().ok()).unwrap_or_default();
    match is_link(&fragment) {
        false if pending => None,
        false => Some(Scenario::default()),
        true => Some(decode(Model::release(), &fragment).0),
    }
}

/// `scenario` with what was typed into the prerendered fields (a field whose text is not the one
/// it shows for the scenario), each read as the live page will read it: the fields left first,
/// the one with the focus last. Text that cannot be used keeps the field's last valid value, and
/// the field says why (`refuse`), as a live field does; the live page takes that value over with
/// the text (src/app/takeover.rs).
fn typed(document: &Document, model: &Model, scenario: Scenario) -> Scenario {
    let Ok(fields) = document.query_selector_all("#app input[data-line][data-period]") else { return scenario };
    let focused = document.active_element();
    let (typed, untouched): (Vec<_>, Vec<_>) = (0..fields.length())
        .filter_map(|i| fields.item(i)?.dyn_into::<HtmlInputElement>().ok())
        .filter_map(|f| cell_of(model, &f).map(|c| (f, c)))
        .partition(|(f, _)| f.value() != f.default_value());
    for (field, _) in &untouched {
        refuse(document, field, None);
    }
    let has_focus = |f: &HtmlInputElement| focused.as_ref().is_some_and(|a| a.is_same_node(Some(f)));
    let (left, with_focus): (Vec<_>, Vec<_>) = typed.into_iter().partition(|(f, _)| !has_focus(f));
    left.into_iter().chain(with_focus).fold(scenario, |scenario, (field, cell)| {
        let start = model.evaluate(&scenario).get(model, model.canonical(cell)).ok();
        let reading = reading_at(&field, cell);
        match scenario.typed(model, cell, &field.value(), start, reading) {
            Ok(next) => {
                refuse(document, &field, None);
                next
            }
            Err(why) => {
                refuse(document, &field, Some(&why.to_string()));
                // The field with the focus keeps the last text it held that can be used, typed
                // before these figures came too (index.html keeps each in `data-tried`); one
                // left keeps the value shown for it at the last keystroke (`show`).
                let kept = match has_focus(&field) {
                    true => field
                        .get_attribute("data-tried")
                        .unwrap_or_default()
                        .split('\n')
                        .rev()
                        .find_map(|text| scenario.typed(model, cell, text, start, reading).ok()),
                    false => {
                        let unit = model.unit(cell).unwrap_or(Unit::Money);
                        let kept = field.get_attribute("data-value").and_then(|v| parse_plain(&v, unit).ok());
                        kept.filter(|v| Some(*v) != start).and_then(|v| scenario.with(model, cell, v).ok())
                    }
                };
                kept.unwrap_or(scenario)
            }
        }
    })
}

/// Marks a field whose text cannot be used, with why below it, as the live page does
/// (src/app/components/figure.rs); or, with no reason, takes the mark away.
fn refuse(document: &Document, field: &HtmlInputElement, why: Option<&str>) {
    // Most fields on every keystroke: nothing to take away.
    if why.is_none() && !field.has_attribute("aria-invalid") {
        return;
    }
    let Some(cell) = field.closest("td").ok().flatten() else { return };
    let shown = cell.query_selector(".field-error").ok().flatten();
    let Some(why) = why else {
        if let Some(shown) = shown {
            shown.remove();
            drop(field.remove_attribute("aria-invalid"));
            drop(field.remove_attribute("aria-describedby"));
            drop(cell.class_list().remove_1("invalid"));
        }
        return;
    };
    let Some(message) = shown.or_else(|| document.create_element("span").ok()) else { return };
    let id = format!("err-{}-{}", field.get_attribute("data-period").unwrap_or_default(), field.get_attribute("data-line").unwrap_or_default());
    message.set_class_name("field-error");
    message.set_id(&id);
    message.set_text_content(Some(why));
    drop(cell.append_child(&message));
    drop(field.set_attribute("aria-invalid", "true"));
    drop(field.set_attribute("aria-describedby", &id));
    drop(cell.class_list().add_1("invalid"));
}

/// The figure `el` shows, as the live page shows it: its exact value (`data-value`), where it
/// falls against its guidance, and its text; a field's text is its figure unless typed into.
fn show(model: &Model, figures: &Figures, el: &Element) {
    let Some(cell) = cell_of(model, el) else { return };
    let value = figures.get(model, cell);
    let exact = plain(value);
    if el.get_attribute("data-value").as_deref() == Some(exact.as_str()) {
        return;
    }
    drop(el.set_attribute("data-value", &exact));
    if let Some(place) = range_of(cell).zip(value.ok()).map(|(range, v)| range.place(v).position.id()) {
        drop(el.set_attribute("data-guidance", place));
    }
    // A statement's row may show its figure with the sign turned; the headline's never do, and
    // stand alone.
    let negated = negated(&table_of(el), cell.line);
    match el.dyn_ref::<HtmlInputElement>() {
        Some(field) if field.value() != field.default_value() => {}
        Some(field) => {
            let text = value.map(|v| field_text(v, negated)).unwrap_or_default();
            field.set_default_value(&text);
            field.set_value(&text);
        }
        None => {
            let unit = model.unit(cell).unwrap_or(Unit::Money);
            let headline = el.closest(".headlines").ok().flatten().is_some();
            el.set_text_content(Some(&if headline { alone(value, unit) } else { display(turned(value, negated), unit) }))
        }
    }
}

/// The statement `el` is in, by its id.
fn table_of(el: &Element) -> String {
    el.closest("section[id]").ok().flatten().map(|s| s.id()).unwrap_or_default()
}

/// How the field `el` of `cell` reads its text, as its statement shows the line.
fn reading_at(el: &Element, cell: Cell) -> Reading {
    reading(&table_of(el), cell.line)
}

/// The figure an element carries (`data-line`, `data-period`).
fn cell_of(model: &Model, el: &Element) -> Option<Cell> {
    let (line, period) = (el.get_attribute("data-line")?, el.get_attribute("data-period")?);
    Some(Cell::new(Period::from_id(&period)?, model.line(&line)?.id))
}

//! Where the focus goes when a click takes away the element that had it (a row reset, a
//! rename begun) or disables it (Undo with nothing left to undo): not to the page's start,
//! where a keyboard or screen-reader user would have to find their place again.

use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, ScrollIntoViewOptions, ScrollLogicalPosition, SvgElement};

thread_local! {
    /// What had the focus when the derivation opened (the figure it explains, or a chart's bar),
    /// while it is open.
    static OPENER: RefCell<Option<Element>> = const { RefCell::new(None) };
}

/// The derivation opened from `el`, or closed (`None`): what it had been opened from.
pub fn opened_from(el: Option<Element>) -> Option<Element> {
    OPENER.with(|o| o.replace(el))
}

/// Brings the figure the derivation was opened from to the middle of what the panel leaves in
/// view, once the tables have taken the width it leaves them (as it opens, or widens for the
/// sensitivity table): they wrap, and the figure moved to the window's edge, or past it. In a
/// task of its own: scrolled in the render's, the page was put back where it was at the next
/// frame (the browser's scroll anchoring).
pub fn reveal_opener() {
    super::task::soon(|| {
        let Some(el) = OPENER.with(|o| o.borrow().clone()).filter(|el| el.is_connected()) else { return };
        center(&el);
    });
}

/// Brings the first element matching `selector` to the middle of what the panel leaves in view,
/// as `reveal_opener` does: a figure followed in the derivation, whose terms are highlighted.
pub fn reveal(selector: String) {
    super::task::soon(move || {
        let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(&selector).ok().flatten()) else { return };
        center(&el);
    });
}

/// Gives `el` the focus, an HTML element or an SVG one (a chart's bar).
pub fn give(el: &Element) {
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        drop(el.focus());
    } else if let Some(el) = el.dyn_ref::<SvgElement>() {
        drop(el.focus());
    }
}

fn center(el: &web_sys::Element) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// After this click's render: if the focus was dropped (it is on `<body>`, or on a button now
/// disabled or gone), the first element
/// matching one of `to` that takes it; a text field's text is selected, ready to be typed over.
pub fn keep(to: Vec<String>) {
    super::task::soon(move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        // A focused button disabled keeps the focus until the browser's next frame drops it.
        let dropped = || doc.active_element().is_none_or(|a| a.tag_name() == "BODY" || a.matches(":disabled").unwrap_or(false) || !a.is_connected());
        for selector in &to {
            if !dropped() {
                return;
            }
            // A selector made of a user's text may not parse: then the next one.
            let Some(el) = doc.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<HtmlElement>().ok()) else { continue };
            drop(el.focus());
            if let Some(field) = el.dyn_ref::<HtmlInputElement>() {
                field.select();
            }
        }
    });
}

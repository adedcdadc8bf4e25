//! The prerendered page (src/bin/prerender.rs) is on screen before the WebAssembly starts. The
//! live page is rendered out of the document and takes its place in one step once whole:
//! replacing, not hydrating. Hydration cost 17.7 KB of wasm and about 170 ms, and a first render
//! that differs from the prerendered one (a share link, a saved scenario) panics inside it,
//! leaving a dead page; replacing cannot mismatch (BENCHMARKS.md). What replacing would lose is
//! kept: the scroll position, and the focus, moved to the same element in the live page.

use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// The element index.html's prerendered page sits in; the live page takes its id.
const ID: &str = "app";
/// What can hold the focus on the page, in document order.
const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";

thread_local! {
    /// The live page's root until it replaces the prerendered one.
    static ROOT: RefCell<Option<Element>> = const { RefCell::new(None) };
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// A new element, not in the document, for the live page to be rendered into.
#[cfg(target_arch = "wasm32")]
pub fn root() -> Option<Element> {
    let root = document()?.create_element("div").ok()?;
    ROOT.with(|r| *r.borrow_mut() = Some(root.clone()));
    Some(root)
}

/// The live page replaces the prerendered one, at the same scroll position and with the focus on
/// the same element; `<html>` loses `pending` (the scenario is on screen now) and gains `live`.
pub fn swap() {
    let Some(live) = ROOT.with(|r| r.borrow_mut().take()) else { return };
    let (Some(window), Some(document)) = (web_sys::window(), document()) else { return };
    let (x, y) = (window.scroll_x().unwrap_or(0.0), window.scroll_y().unwrap_or(0.0));
    let old = document.get_element_by_id(ID);
    let focus = old.as_ref().zip(document.active_element()).and_then(|(old, el)| Focus::of(old, &el));
    match &old {
        Some(old) => drop(old.replace_with_with_node_1(&live)),
        None => drop(document.body().map(|b| b.append_child(&live))),
    }
    live.set_id(ID);
    window.scroll_to_with_x_and_y(x, y);
    if let Some(el) = focus.and_then(|f| f.find(&live)) {
        let _ = el.focus();
    }
    if let Some(html) = document.document_element() {
        let classes = html.class_list();
        let _ = classes.remove_1("pending");
        let _ = classes.add_1("live");
    }
}

/// Where the focus was, in terms that hold in both pages: the nth element showing the same
/// figure (a figure may be shown in several tables), or else the nth focusable element.
struct Focus {
    selector: String,
    nth: u32,
}

impl Focus {
    fn of(root: &Element, el: &Element) -> Option<Focus> {
        let selector = match (el.get_attribute("data-line"), el.get_attribute("data-period")) {
            (Some(line), Some(period)) => format!("{}[data-line=\"{line}\"][data-period=\"{period}\"]", el.tag_name()),
            _ => FOCUSABLE.to_string(),
        };
        let all = root.query_selector_all(&selector).ok()?;
        let nth = (0..all.length()).find(|i| all.item(*i).is_some_and(|n| n.is_same_node(Some(el))))?;
        Some(Focus { selector, nth })
    }

    fn find(&self, root: &Element) -> Option<HtmlElement> {
        root.query_selector_all(&self.selector).ok()?.item(self.nth)?.dyn_into().ok()
    }
}

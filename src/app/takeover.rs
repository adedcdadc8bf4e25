//! The prerendered page (src/bin/prerender.rs) is on screen before the WebAssembly starts. The
//! live page is begun once the browser has shown it (`run`) and replaces it after its first
//! render, which is small: the header, the headline
//! figures and the statement on top are new, while the other pieces below them (`data-piece`:
//! the outlook, the bridges, each statement, the tie-out, the highlights) are the prerendered
//! ones, moved into the live page as they are. Each piece is then rendered live in its place, one per task. Replacing, not
//! hydrating: hydration cost 17.7 KB of wasm and about 170 ms, and a first render that differs
//! from the prerendered one (a share link, a saved scenario) panics inside it, leaving a dead
//! page; replacing cannot mismatch (BENCHMARKS.md). Swapping the whole page at once was one
//! long task of style and layout (BENCHMARKS.md); piece by piece, each is small, and the
//! pieces on top can be edited while the rest is still coming. What replacing would lose is
//! kept: the scroll position; the focus, moved to the same element in the live page, with the
//! caret where it was; and what was typed into a prerendered field (index.html lets one take
//! typing before its piece is live), which the live page takes as typed into its own field
//! (`Action::TakeOver`): it reads, checks and applies it as it does any typing, before it renders
//! that field.

use crate::model::{self, Model, Period};
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, Node};
use yew::Html;

/// The element index.html's prerendered page sits in; the live page takes its id.
const ID: &str = "app";
/// What can hold the focus on the page, in document order.
const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";

thread_local! {
    /// The live page's root until it replaces the prerendered one.
    static ROOT: RefCell<Option<Element>> = const { RefCell::new(None) };
    /// The prerendered page's pieces by number, until the page is whole.
    static PIECES: RefCell<Vec<Option<Node>>> = const { RefCell::new(Vec::new()) };
    /// Where the focus was in what is being replaced: the prerendered page, or a piece of it.
    static FOCUS: RefCell<Option<Focus>> = const { RefCell::new(None) };
    /// What was typed into the fields of the pieces being replaced, for the live page to take.
    static TYPED: RefCell<Vec<Typed>> = const { RefCell::new(Vec::new()) };
    /// Where the caret or selection was in the focused field that had been typed into.
    static CARET: Cell<Option<(u32, u32)>> = const { Cell::new(None) };
    /// Where the prerendered page was scrolled to, and the piece at the top of the window with
    /// how far from the top it was: the live page is scrolled so that it is there again.
    static SCROLL: Cell<(f64, f64)> = const { Cell::new((0.0, 0.0)) };
    static ANCHOR: RefCell<Option<(Element, f64)>> = const { RefCell::new(None) };
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

fn active() -> Option<Element> {
    document()?.active_element()
}

/// A new element, not in the document, for the live page to be rendered into. The prerendered
/// page's pieces, the scroll position and the focus are taken note of first: the live page's
/// first render moves the pieces, and the focus with them is lost; and what was typed into the
/// pieces it renders live itself (`first`).
#[cfg(feature = "csr")]
pub fn root(first: &[usize]) -> Option<Element> {
    let document = document()?;
    if let Some(old) = document.get_element_by_id(ID) {
        FOCUS.with(|f| *f.borrow_mut() = active().and_then(|el| Focus::of(&old, &el, None)));
        let mut pieces = Vec::new();
        if let Ok(all) = old.query_selector_all("[data-piece]") {
            for el in (0..all.length()).filter_map(|i| all.item(i)?.dyn_into::<Element>().ok()) {
                let Some(n) = el.get_attribute("data-piece").and_then(|n| n.parse::<usize>().ok()) else { continue };
                // Dimmed while a link's or the saved scenario's figures are still to come (CSS).
                let _ = el.class_list().add_1("prerendered");
                if pieces.len() <= n {
                    pieces.resize(n + 1, None);
                }
                let top = el.get_bounding_client_rect();
                if top.bottom() > 0.0 && ANCHOR.with(|a| a.borrow().is_none()) {
                    ANCHOR.with(|a| *a.borrow_mut() = Some((el.clone(), top.top())));
                }
                if first.contains(&n) {
                    note_typed(&el);
                }
                if let Some(slot) = pieces.get_mut(n) {
                    *slot = Some(el.into());
                }
            }
        }
        PIECES.with(|p| *p.borrow_mut() = pieces);
    }
    if let Some(window) = web_sys::window() {
        SCROLL.with(|s| s.set((window.scroll_x().unwrap_or(0.0), window.scroll_y().unwrap_or(0.0))));
    }
    let root = document.create_element("div").ok()?;
    ROOT.with(|r| *r.borrow_mut() = Some(root.clone()));
    Some(root)
}

/// Piece `n` of the prerendered page, as it is, until the live page renders its own.
pub fn prerendered(n: usize) -> Html {
    PIECES.with(|p| p.borrow().get(n).cloned().flatten()).map(Html::VRef).unwrap_or_default()
}

/// The live page replaces the prerendered one, at the same scroll position and with the focus on
/// the same element; `<html>` gains `live`.
pub fn swap() {
    let Some(live) = ROOT.with(|r| r.borrow_mut().take()) else { return };
    let (Some(window), Some(document)) = (web_sys::window(), document()) else { return };
    match document.get_element_by_id(ID) {
        Some(old) => drop(old.replace_with_with_node_1(&live)),
        None => drop(document.body().map(|b| b.append_child(&live))),
    }
    live.set_id(ID);
    let (x, y) = SCROLL.with(Cell::get);
    window.scroll_to_with_x_and_y(x, y);
    // The pieces above it may not have the height they had (a piece off screen has an estimated
    // one, styles/app.css): the piece that was at the top of the window is put back there.
    if let Some((piece, top)) = ANCHOR.with(|a| a.borrow_mut().take()).filter(|_| y > 0.0) {
        window.scroll_by_with_x_and_y(0.0, piece.get_bounding_client_rect().top() - top);
    }
    refocus();
    html_class(|c| c.remove_1("taking").and_then(|_| c.add_1("live")));
}

/// Piece `n` is about to be rendered live: where the focus is in it, if anywhere, and what was
/// typed into its fields.
pub fn replacing(n: usize) {
    let piece = PIECES.with(|p| p.borrow().get(n).cloned().flatten()).and_then(|p| p.dyn_into::<Element>().ok());
    let focus = piece.clone().zip(active()).and_then(|(p, el)| Focus::of(&p, &el, Some(n)));
    FOCUS.with(|f| *f.borrow_mut() = focus);
    if let Some(piece) = piece {
        note_typed(&piece);
    }
}

/// A piece has been rendered live, and every figure after what was typed into it: the focus
/// goes where it was in the prerendered one.
pub fn piece_replaced() {
    refocus();
    html_class(|c| c.remove_1("taking"));
}

/// Every piece is live: `<html>` loses `pending` and `typed` (the scenario is on screen whole
/// now, with anything typed before).
pub fn whole() {
    PIECES.with(|p| p.borrow_mut().clear());
    html_class(|c| c.remove_2("pending", "typed"));
}

/// What was typed into a prerendered field: the figure, the text, and whether the field still
/// had the focus.
pub struct Typed {
    pub cell: model::Cell,
    pub text: String,
    pub focused: bool,
}

/// What was typed into the prerendered fields of the pieces about to be rendered live, for the
/// live page to take before it renders them (`Action::TakeOver`).
pub fn typed() -> Vec<Typed> {
    TYPED.with(|t| std::mem::take(&mut *t.borrow_mut()))
}

/// Takes note of every field of piece `n` whose text is not the one it was prerendered with.
fn note_typed(piece: &Element) {
    let Ok(fields) = piece.query_selector_all("input[data-line][data-period]") else { return };
    let focused = active();
    for field in (0..fields.length()).filter_map(|i| fields.item(i)?.dyn_into::<HtmlInputElement>().ok()) {
        let text = field.value();
        let (Some(line), Some(period)) = (field.get_attribute("data-line"), field.get_attribute("data-period")) else { continue };
        let Some(cell) = Period::from_id(&period).zip(Model::release().line(&line)).map(|(p, l)| model::Cell::new(p, l.id)) else { continue };
        if text == field.default_value() {
            continue;
        }
        let el: &Element = field.as_ref();
        let has_focus = focused.as_ref() == Some(el);
        if has_focus {
            let (start, end) = (field.selection_start().ok().flatten(), field.selection_end().ok().flatten());
            CARET.with(|c| c.set(start.zip(end)));
        }
        TYPED.with(|t| t.borrow_mut().push(Typed { cell, text, focused: has_focus }));
        // Its field goes with the piece's prerendered node ("untaken", index.html) before every
        // figure has followed the text: the figures stay dimmed until the piece is live (CSS).
        html_class(|c| c.add_1("taking"));
    }
}

/// Changes a class of `<html>`.
fn html_class(change: impl FnOnce(&web_sys::DomTokenList) -> Result<(), wasm_bindgen::JsValue>) {
    if let Some(html) = document().and_then(|d| d.document_element()) {
        let _ = change(&html.class_list());
    }
}

/// The focus goes where it was, and the caret where it was in a field typed into.
fn refocus() {
    let Some(focus) = FOCUS.with(|f| f.borrow_mut().take()) else { return };
    if let Some(el) = focus.find() {
        let _ = el.focus();
        if let (Some((start, end)), Some(field)) = (CARET.with(|c| c.take()), el.dyn_ref::<HtmlInputElement>()) {
            let _ = field.set_selection_range(start, end);
        }
    }
}

/// Where the focus was, in terms that hold in both pages: within the page or one of its pieces,
/// the nth element showing the same figure (a figure may be shown in several tables), or else
/// the nth focusable element.
struct Focus {
    piece: Option<usize>,
    selector: String,
    nth: u32,
}

impl Focus {
    fn of(root: &Element, el: &Element, piece: Option<usize>) -> Option<Focus> {
        if !root.contains(Some(el)) {
            return None;
        }
        let selector = match (el.get_attribute("data-line"), el.get_attribute("data-period")) {
            (Some(line), Some(period)) => format!("{}[data-line=\"{line}\"][data-period=\"{period}\"]", el.tag_name()),
            _ => FOCUSABLE.to_string(),
        };
        let all = root.query_selector_all(&selector).ok()?;
        let nth = (0..all.length()).find(|i| all.item(*i).is_some_and(|n| n.is_same_node(Some(el))))?;
        Some(Focus { piece, selector, nth })
    }

    /// The same element in the live page (a piece's prerendered node is gone once it is live).
    fn find(&self) -> Option<HtmlElement> {
        let document = document()?;
        let root = match self.piece {
            Some(n) => document.query_selector(&format!("#{ID} [data-piece=\"{n}\"]")).ok()??,
            None => document.get_element_by_id(ID)?,
        };
        root.query_selector_all(&self.selector).ok()?.item(self.nth)?.dyn_into().ok()
    }
}

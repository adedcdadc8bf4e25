//! The prerendered page (src/bin/prerender.rs) is on screen before the WebAssembly starts. The
//! live page is begun once the browser has shown it (`run`) and renders into it, in place: into
//! its regions (the header, the lead above the pieces, the end after them) at once, and into
//! each piece below (`data-piece`: the outlook, the bridges, each statement, the tie-out, the
//! highlights) in later tasks (`pieces`), through Yew portals whose hosts are the prerendered page's own
//! elements. Nothing is moved, so what is not yet live is neither styled nor laid out again: a
//! whole page swapped in at once, or pieces moved into a new one, was one long task of style
//! and layout (BENCHMARKS.md), and the statements on top can be edited while the rest is coming.
//! Replacing, not hydrating: hydration cost 17.7 KB of wasm and about 170 ms, and a first render
//! that differs from the prerendered one (a share link, a saved scenario) panics inside it,
//! leaving a dead page; replacing cannot mismatch. What replacing a region would lose is kept:
//! the focus, moved to the same element in the live region, with the caret where it was; and
//! what was typed into a prerendered field (index.html lets one take typing before its piece is
//! live), which the live page takes as typed into its own field (`Action::TakeOver`): it reads,
//! checks and applies it as it does any typing, before it renders that field.

use crate::model::engine::parse::parse_plain;
use crate::model::engine::parse::Reading;
use crate::model::release::tables::reading;
use crate::model::{self, Model, Period};
use rust_decimal::Decimal;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, Node};

/// The element index.html's prerendered page sits in.
const ID: &str = "app";
/// What can hold the focus on the page, in document order.
const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";

/// Where the live page renders in the prerendered one: its elements, kept for as long as the page
/// lives (each render's portals name them).
#[derive(Clone, PartialEq)]
pub struct Hosts {
    pub header: Element,
    pub main: Element,
    pub lead: Element,
    pub end: Element,
    /// Each piece's element, by number.
    pub pieces: Vec<Element>,
}

impl Hosts {
    pub fn piece(&self, n: usize) -> Option<&Element> {
        self.pieces.get(n)
    }
}

thread_local! {
    static HOSTS: RefCell<Option<Hosts>> = const { RefCell::new(None) };
    /// Where the focus was in what is being replaced: a region of the page, or a piece of it.
    static FOCUS: RefCell<Option<Focus>> = const { RefCell::new(None) };
    /// What was typed into the fields of the pieces being replaced, for the live page to take.
    static TYPED: RefCell<Vec<Typed>> = const { RefCell::new(Vec::new()) };
    /// The text of each field of the piece being replaced when it was taken (`replacing`): a
    /// key pressed in the field before the live one has the focus is taken too (`piece_replaced`).
    static TAKEN: RefCell<Vec<(model::Cell, String)>> = const { RefCell::new(Vec::new()) };
    /// Where the caret or selection was in the focused field that had been typed into.
    static CARET: Cell<Option<(u32, u32)>> = const { Cell::new(None) };
    /// The piece being rendered live, and its prerendered content, which goes once the live
    /// content is beside it.
    static REPLACED: RefCell<Option<(Element, Vec<Node>)>> = const { RefCell::new(None) };
    /// The region or piece at the top of the window before a live render, and how far from the
    /// top of the window it was (`hold_place`).
    static PLACE: RefCell<Option<(Element, f64)>> = const { RefCell::new(None) };
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

fn active() -> Option<Element> {
    document()?.active_element()
}

/// The root the live page is rendered from, if the prerendered page is there to render into: an
/// element of its own, outside the document, as everything the page shows goes into the
/// prerendered page's regions and pieces (`hosts`). The regions are emptied for the first
/// render, which fills them in the same task, before the browser paints; the focus in them is
/// taken note of first. The pieces are marked as prerendered (dimmed while a link's or the saved
/// scenario's figures are still to come, styles/app.css) until each is rendered live; `<html>`
/// gains `live` and loses `early` before anything live is in the page: the early figures stop
/// (src/early.rs), and what the live page shows before it has taken what was typed is dimmed
/// from its first render on.
#[cfg(feature = "csr")]
pub fn root() -> Option<Element> {
    let document = document()?;
    let page = document.get_element_by_id(ID)?;
    let find = |selector: &str| page.query_selector(selector).ok().flatten();
    let (header, main, lead, end) = (find("header.top")?, find("main")?, find("[data-region=\"lead\"]")?, find("[data-region=\"end\"]")?);
    let pieces: Vec<Element> = match page.query_selector_all("[data-piece]") {
        Ok(all) => (0..all.length()).filter_map(|i| all.item(i)?.dyn_into::<Element>().ok()).collect(),
        Err(_) => Vec::new(),
    };
    // Each piece holds the height its prerendered content has (seen, or estimated while off
    // screen), for its content to be replaced off screen without moving what is below
    // (`--height`, styles/app.css): all measured first, in one layout.
    let heights: Vec<f64> = pieces.iter().map(|p| p.get_bounding_client_rect().height()).collect();
    for (piece, height) in pieces.iter().zip(heights) {
        let _ = piece.class_list().add_1("prerendered");
        let _ = piece.set_attribute("style", &format!("--height: {height}px"));
    }
    HOSTS.with(|h| *h.borrow_mut() = Some(Hosts { header: header.clone(), main: main.clone(), lead: lead.clone(), end: end.clone(), pieces: pieces.clone() }));
    hold_place();
    let focused = active();
    FOCUS.with(|f| {
        *f.borrow_mut() = [("#app > header.top", &header), ("#app [data-region=\"lead\"]", &lead), ("#app [data-region=\"end\"]", &end)]
            .into_iter()
            .find_map(|(at, region)| Focus::of(at, region, focused.as_ref()?))
    });
    for region in [&header, &lead, &end] {
        region.set_text_content(None);
    }
    let _ = main.set_attribute("aria-busy", "true");
    html_class(|c| c.remove_1("early").and_then(|_| c.add_1("live")));
    document.create_element("div").ok()
}

/// Where the live page renders, if it renders into the prerendered page (`root`).
pub fn hosts() -> Option<Hosts> {
    HOSTS.with(|h| h.borrow().clone())
}

/// The live page's first render has filled the regions: what was on screen is where it was,
/// and the focus goes back where it was in them.
pub fn started() {
    keep_place();
    refocus(None);
}

/// Piece `n` is about to be rendered live, a few rows a task, out of sight (`FIGURES_PER_TASK`, src/app/mod.rs): what it
/// holds stays on screen until the live content is whole beside it (`piece_replaced`), so the
/// piece is never seen empty or half live.
pub fn assembling(n: usize) {
    let Some(piece) = hosts().and_then(|h| h.piece(n).cloned()) else { return };
    let children = piece.child_nodes();
    let old: Vec<Node> = (0..children.length()).filter_map(|i| children.item(i)).collect();
    // What the live page renders after them is not shown while they are there (styles/app.css):
    // Yew may render the piece whole in a task after the one that asked for it, and let a
    // frame pass before the effect that removes them (`piece_replaced`).
    for el in old.iter().filter_map(|n| n.dyn_ref::<Element>()) {
        let _ = el.class_list().add_1("old");
    }
    REPLACED.with(|r| *r.borrow_mut() = Some((piece, old)));
}

/// Piece `n` is about to be rendered live whole: where the focus is in it, if anywhere, and what
/// was typed into its fields; what is on screen stays where it is (`hold_place`).
pub fn replacing(n: usize) {
    let Some(piece) = hosts().and_then(|h| h.piece(n).cloned()) else { return };
    let at = format!("#{ID} [data-piece=\"{n}\"]");
    let focus = active().and_then(|el| Focus::of(&at, &piece, &el));
    FOCUS.with(|f| *f.borrow_mut() = focus);
    hold_place();
    TAKEN.with(|t| t.borrow_mut().clear());
    REPLACED.with(|r| {
        if let Some((_, old)) = &*r.borrow() {
            note_typed(old);
        }
    });
}

/// A piece has been rendered live, and every figure after what was typed into it: its
/// prerendered content goes, and the focus goes where it was in it. Called from the effect of
/// the render that makes it whole (`pieces`), which Yew runs once every component of the piece
/// has rendered: not sooner, as Yew may yield to the browser between a table's render and its
/// rows', and a field given the focus before its row shows what was typed would show the
/// release's figure, and take the next key after it. Returns what was typed into the
/// prerendered fields since they were taken (`replacing`), for the live page to take in turn:
/// the frames between are the browser's, and a key pressed in them went to the prerendered field.
pub fn piece_replaced() -> Vec<Typed> {
    let whole = REPLACED.with(|r| r.borrow().as_ref().is_none_or(|(piece, old)| live_whole(piece, old)));
    if !whole {
        return Vec::new();
    }
    if let Some((piece, old)) = REPLACED.with(|r| r.borrow_mut().take()) {
        note_typed(&old);
        for node in old {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(&node);
            }
        }
        let _ = piece.class_list().remove_1("prerendered");
        // <html> is "untaken" while a prerendered field holds typing not taken (index.html).
        let untaken = document().and_then(|d| d.query_selector("#app input.untaken").ok().flatten()).is_some();
        html_class(|c| c.toggle_with_force("untaken", untaken).map(drop));
    }
    keep_place();
    // The focused field's late keys are in the live field before it has the focus, so the next
    // key goes after them; the live page's state takes them in the same task (`pieces`).
    let late = typed();
    refocus(late.iter().find(|t| t.focused).map(|t| t.text.as_str()));
    html_class(|c| c.remove_1("taking"));
    late
}

/// Whether `piece` holds its live content whole beside its prerendered content (`old`): an
/// element of its own that is not still being rendered in part.
fn live_whole(piece: &Element, old: &[Node]) -> bool {
    let children = piece.children();
    (0..children.length()).filter_map(|i| children.item(i)).any(|c| !old.iter().any(|o| o.is_same_node(Some(&c))) && !c.class_list().contains("partial"))
}

/// Every piece is live: `<html>` loses `pending` and `typed` (the scenario is on screen whole
/// now, with anything typed before), and what the prerendered page said of the start goes.
pub fn whole() {
    html_class(|c| c.remove_2("pending", "typed"));
    let notes = hosts().and_then(|h| h.main.query_selector_all(":scope > .prelive, :scope > noscript").ok());
    for note in notes.iter().flat_map(|all| (0..all.length()).filter_map(|i| all.item(i)?.dyn_into::<Element>().ok())) {
        note.remove();
    }
}

/// `<main>` once the page shows the scenario it was opened with and responds to input (the
/// contract's readiness): `settled`, and no longer busy.
pub fn settled() {
    if let Some(main) = hosts().map(|h| h.main) {
        let _ = main.remove_attribute("aria-busy");
        let _ = main.class_list().add_1("settled");
    }
}

/// What was typed into a prerendered field: the figure, the text, whether the field still had
/// the focus, each text it held in turn (index.html's `data-tried`), where the early figures
/// (src/early.rs) could not use the text, the last value they could, which they kept; and how
/// the field read its text (`Scenario::typed`).
pub struct Typed {
    pub cell: model::Cell,
    pub text: String,
    pub focused: bool,
    pub tried: Vec<String>,
    pub kept: Option<Decimal>,
    pub reading: Reading,
}

/// What was typed into the prerendered fields of the pieces about to be rendered live, for the
/// live page to take before it renders them (`Action::TakeOver`).
pub fn typed() -> Vec<Typed> {
    TYPED.with(|t| std::mem::take(&mut *t.borrow_mut()))
}

/// Takes note of every field of a piece's prerendered content (`old`) whose text is not the one
/// it was prerendered with, nor the one taken from it already (`TAKEN`).
fn note_typed(old: &[Node]) {
    let focused = active();
    let all = old.iter().filter_map(|n| n.dyn_ref::<Element>()?.query_selector_all("input[data-line][data-period]").ok());
    let fields = all.flat_map(|f| (0..f.length()).filter_map(move |i| f.item(i)?.dyn_into::<HtmlInputElement>().ok()));
    for field in fields {
        let text = field.value();
        let Some(cell) = cell_of(&field) else { continue };
        let taken = TAKEN.with(|t| t.borrow().iter().find(|(c, _)| *c == cell).map(|(_, text)| text.clone()));
        if text == taken.unwrap_or_else(|| field.default_value()) {
            continue;
        }
        TAKEN.with(|t| t.borrow_mut().push((cell, text.clone())));
        let el: &Element = field.as_ref();
        let has_focus = focused.as_ref() == Some(el);
        let tried = field.get_attribute("data-tried").unwrap_or_default().split('\n').map(String::from).collect();
        let kept = match field.get_attribute("aria-invalid").as_deref() {
            // A plain decimal, read as a link's values are (Decimal's own parser is 9 KB more).
            Some("true") => field.get_attribute("data-value").and_then(|v| parse_plain(&v, Model::release().unit(cell).unwrap_or(model::Unit::Money)).ok()),
            _ => None,
        };
        if has_focus {
            let (start, end) = (field.selection_start().ok().flatten(), field.selection_end().ok().flatten());
            CARET.with(|c| c.set(start.zip(end)));
        }
        let table = el.closest("section[id]").ok().flatten().map(|s| s.id()).unwrap_or_default();
        let reading = reading(&table, cell.line);
        TYPED.with(|t| t.borrow_mut().push(Typed { cell, text, focused: has_focus, tried, kept, reading }));
        // Its field goes with the piece's prerendered content ("untaken", index.html) before
        // every figure has followed the text: the figures stay dimmed until the piece is live (CSS).
        html_class(|c| c.add_1("taking"));
    }
}

/// The figure a field carries (`data-line`, `data-period`).
fn cell_of(field: &Element) -> Option<model::Cell> {
    let (line, period) = (field.get_attribute("data-line")?, field.get_attribute("data-period")?);
    Some(model::Cell::new(Period::from_id(&period)?, Model::release().line(&line)?.id))
}

/// Takes note of the first region or piece that begins in the window, scrolled down, before a
/// live render: what it renders above may not have the height the prerendered content had (the
/// headline with the changes of what was typed, a statement off screen that has an estimated
/// height, styles/app.css), and the browser's own scroll anchoring loses its node when that
/// node's content is replaced. The regions and pieces themselves stay (`hosts`).
fn hold_place() {
    let Some((window, hosts)) = web_sys::window().zip(hosts()) else { return };
    let place = (window.scroll_y().unwrap_or(0.0) > 0.0)
        .then(|| std::iter::once(hosts.lead).chain(hosts.pieces).find(|el| el.get_bounding_client_rect().top() >= 0.0))
        .flatten()
        .map(|el| {
            let top = el.get_bounding_client_rect().top();
            (el, top)
        });
    PLACE.with(|p| *p.borrow_mut() = place);
}

/// After a live render: what was at the top of the window is back where it was (`hold_place`).
fn keep_place() {
    let (Some(window), Some((el, top))) = (web_sys::window(), PLACE.with(|p| p.borrow_mut().take())) else { return };
    let moved = el.get_bounding_client_rect().top() - top;
    if moved != 0.0 {
        window.scroll_by_with_x_and_y(0.0, moved);
    }
}

/// Changes a class of `<html>`.
fn html_class(change: impl FnOnce(&web_sys::DomTokenList) -> Result<(), wasm_bindgen::JsValue>) {
    if let Some(html) = document().and_then(|d| d.document_element()) {
        let _ = change(&html.class_list());
    }
}

/// The focus goes where it was, and the caret where it was in a field typed into, which shows
/// `text` if given.
fn refocus(text: Option<&str>) {
    let Some(focus) = FOCUS.with(|f| f.borrow_mut().take()) else { return };
    if let Some(el) = focus.find() {
        if let (Some(text), Some(field)) = (text, el.dyn_ref::<HtmlInputElement>()) {
            field.set_value(text);
        }
        let _ = el.focus();
        if let (Some((start, end)), Some(field)) = (CARET.with(|c| c.take()), el.dyn_ref::<HtmlInputElement>()) {
            let _ = field.set_selection_range(start, end);
            // Typed into, it is being edited: Enter commits what it holds, and the arrows move
            // the caret, as in a live field typed into (a field given the focus is not, `grid`).
            super::grid::start_editing();
        }
    }
}

/// Where the focus was, in terms that hold in both the prerendered and the live content of a
/// region or piece (found again by `at`, a selector): the nth element showing the same figure
/// (a figure may be shown in several tables), or else the nth focusable element.
struct Focus {
    at: String,
    selector: String,
    nth: u32,
}

impl Focus {
    fn of(at: &str, root: &Element, el: &Element) -> Option<Focus> {
        if !root.contains(Some(el)) {
            return None;
        }
        let selector = match (el.get_attribute("data-line"), el.get_attribute("data-period")) {
            (Some(line), Some(period)) => format!("{}[data-line=\"{line}\"][data-period=\"{period}\"]", el.tag_name()),
            _ => FOCUSABLE.to_string(),
        };
        let all = root.query_selector_all(&selector).ok()?;
        let nth = (0..all.length()).find(|i| all.item(*i).is_some_and(|n| n.is_same_node(Some(el))))?;
        Some(Focus { at: at.to_string(), selector, nth })
    }

    /// The same element in the live content.
    fn find(&self) -> Option<HtmlElement> {
        let root = document()?.query_selector(&self.at).ok()??;
        root.query_selector_all(&self.selector).ok()?.item(self.nth)?.dyn_into().ok()
    }
}

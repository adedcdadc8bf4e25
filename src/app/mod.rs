//! The page. Components render the state and dispatch actions to its one reducer; the model
//! computes. Side effects stay here at the edge: the address bar (`url`), the browser's
//! storage (`storage`) and files (`download`).
//!
//! The same `App` renders twice: at build time, natively, at the release's figures (`prerender`,
//! run by Trunk's post_build hook, so the figures are in index.html before any script runs), and
//! live in the browser, where it replaces that page once whole (`takeover`).

mod components;
mod download;
mod focus;
mod grid;
mod json;
mod pieces;
mod state;
mod storage;
mod takeover;
mod task;
mod url;

use crate::model::io::link::encode;
use crate::model::{Model, Scenario};
use components::changes::Changes;
use components::compare::Compare;
use components::contents::{contents, skip_link};
use components::explain::Explain;
use components::headline::Headlines;
use components::notices::{balance_check, link_problems, other_tab, replaced, resumed, storage_notice};
use components::print::print_summary;
use components::scenarios::Scenarios;
use gloo::events::{EventListener, EventListenerOptions};
use state::{Action, State, Storage};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Starts the live page, in the prerendered one (`takeover`), once the browser has shown it
/// (`prerenderShown`, index.html).
#[cfg(feature = "csr")]
pub fn run() {
    // The model is built, and its code compiled (V8 compiles a WebAssembly function when it is
    // first called), in a task of its own before the one that renders: two shorter tasks, not
    // one long one, so the browser can answer a tap in between (Lighthouse's total blocking
    // time, median: 263 → 169 ms; bench/notes).
    task::soon(|| drop(Model::release().evaluate(&Scenario::default())));
    let start = || {
        task::soon(|| match takeover::root() {
            Some(root) => drop(yew::Renderer::<App>::with_root(root).render()),
            None => drop(yew::Renderer::<App>::new().render()),
        })
    };
    let shown = web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"prerenderShown".into()).ok()).and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    match shown {
        Some(shown) => {
            let start = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::once(move |_| start());
            drop(shown.then(&start));
            // Called once, at the start; the page never lets it go.
            start.forget();
        }
        None => start(),
    }
}

/// The page at the release's figures, as HTML, for index.html: every table, the headline and the
/// guidance, readable before the WebAssembly starts or with JavaScript off.
#[cfg(feature = "ssr")]
pub async fn prerender() -> String {
    yew::LocalServerRenderer::<App>::new().hydratable(false).render().await
}

/// Whether this page responds to input: in the browser it opens the link's or the saved
/// scenario and recomputes; prerendered (natively, at build time) it shows the release's
/// figures, with read-only fields and disabled buttons until the live page takes its place.
/// A constant, so each build carries only its own side.
pub const LIVE: bool = cfg!(feature = "csr");

/// The panel open under the header, if any.
#[derive(Clone, Copy, PartialEq)]
enum Drawer {
    Changes,
    Scenarios,
    Compare,
}

/// Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (⌘ on a Mac), except in a text being edited,
/// whose own undo of its text comes first. A table's field moved to but not edited is a cell,
/// as in a spreadsheet, and a radio button or a list has no text to undo: the page's undo.
fn undo_key(e: &web_sys::KeyboardEvent) -> Option<Action> {
    if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
        return None;
    }
    let editing = |el: web_sys::Element| match el.tag_name().as_str() {
        "TEXTAREA" => true,
        "INPUT" => !matches!(el.get_attribute("type").as_deref(), Some("radio" | "checkbox" | "file")) && !grid::moving(&el),
        _ => el.has_attribute("contenteditable"),
    };
    let in_field = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(editing);
    match (e.key().to_ascii_lowercase().as_str(), e.shift_key()) {
        _ if in_field => None,
        ("z", false) => Some(Action::Undo),
        ("z", true) | ("y", false) => Some(Action::Redo),
        _ => None,
    }
}

#[function_component(App)]
fn app() -> Html {
    let live = LIVE;
    let state = use_reducer(move || match live {
        true => State::start(&url::fragment(), storage::load()),
        false => State::start("", Ok(None)),
    });
    let figures = use_memo(state.scenario.clone(), |s| Model::release().evaluate(s));
    let drawer = use_state(|| None::<Drawer>);
    // Where the page was scrolled when the drawer opened: closing it goes back there.
    let drawer_from = use_mut_ref(|| None::<f64>);
    // Live, the page renders into the prerendered one (`takeover`): its header and what is above
    // the pieces at once, and the pieces a few figures a task (`pieces`); `<main>` is settled
    // once all are.
    let hosts = use_memo((), |_| takeover::hosts());
    let in_place = hosts.is_some();
    // Without a prerendered page to render into (`pieces::Pieces` renders into one), every
    // piece at once.
    let settled = use_state(|| false);
    {
        let settled = settled.clone();
        use_effect_with((), move |_| {
            if live && !in_place {
                takeover::started();
                takeover::whole();
                task::after_paint(move || settled.set(true));
            }
        });
    }

    // The address follows the edits. Not on first render, unless it opened the last visit's
    // scenario without a link: a link that could not be fully used stays in the address bar
    // until the user changes something.
    // Both follow the scenario as typed whole, never a half-typed value (`State::committed`).
    let committed = state.committed();
    let first = use_mut_ref(|| state.resumed.is_none());
    use_effect_with(committed.clone(), move |scenario| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            url::replace_soon(encode(scenario));
        }
    });
    // The browser keeps the working scenario and this tab's changes to the named ones as they
    // change, merged with what other tabs wrote (`storage::write`).
    {
        let dispatch = state.dispatcher();
        let saving = state.storage == Storage::Saving;
        let written = use_mut_ref(|| None::<Scenario>);
        // Keyed on the scenario as typed whole and the shared list of changes, so a keystroke
        // copies neither.
        let keys = (committed.clone(), state.unsaved.clone(), saving, state.replace_unreadable);
        use_effect_with(keys, move |(current, unsaved, saving, replace)| {
            let changed = written.borrow().as_ref() != Some(current);
            if *saving && (changed || !unsaved.is_empty()) {
                // What storage will hold once the write waiting now is done: a later render that
                // goes back to an earlier scenario must still write, or this one would win.
                *written.borrow_mut() = Some(current.clone());
                // A change to the named scenarios alone leaves the working scenario storage
                // holds, which another tab may have changed since: the one kept for the next
                // visit is the last one changed, in whichever tab.
                let current = (changed || *replace).then(|| current.clone());
                // After the render, like the address: the figures need not wait for the disk.
                let (unsaved, replace) = (unsaved.clone(), *replace);
                task::write_later("storage", move || match storage::write(current.as_ref(), &unsaved, replace) {
                    Ok(listed) => dispatch.dispatch(Action::Written { changes: unsaved.len(), listed }),
                    Err(storage::Failed::Off(why)) => dispatch.dispatch(Action::StorageFailed(why)),
                    Err(storage::Failed::Unreadable(why)) => dispatch.dispatch(Action::StorageUnreadable(why)),
                });
            }
        });
    }
    // Another tab wrote the named scenarios: this tab shows them as they are now.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let on_storage = web_sys::window().map(|w| {
                EventListener::new(&w, "storage", move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else { return };
                    if e.key().as_deref() == Some(storage::KEY) {
                        dispatch.dispatch(Action::WrittenElsewhere(storage::written_elsewhere(e.new_value())));
                    }
                })
            });
            move || drop(on_storage)
        });
    }
    // A drawer opens at the top of the page: scrolled down, its button would seem to do nothing.
    // Closed while its place is still in view, the page goes back to where the reader was when
    // it opened (the cash flows, say), not left at the top.
    {
        let from = drawer_from.clone();
        use_effect_with(*drawer, move |open| {
            let Some((window, el)) = web_sys::window().and_then(|w| Some((w.clone(), w.document()?.get_element_by_id("drawer")?))) else { return };
            if open.is_some() {
                // Its top below the header (the page's scroll padding): "nearest" showed the
                // bottom of a drawer taller than the window, its title under the header.
                let options = web_sys::ScrollIntoViewOptions::new();
                let above = el.get_bounding_client_rect().top() < 0.0;
                options.set_block(if above { web_sys::ScrollLogicalPosition::Start } else { web_sys::ScrollLogicalPosition::Nearest });
                el.scroll_into_view_with_scroll_into_view_options(&options);
            } else if let Some(y) = from.borrow_mut().take() {
                if el.get_bounding_client_rect().top() >= 0.0 {
                    window.scroll_to_with_x_and_y(0.0, y);
                }
            }
        });
    }
    // A changed fragment (back, forward, a pasted link) loads its scenario; undo keys anywhere.
    {
        let (dispatch, drawer) = (state.dispatcher(), drawer.clone());
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let on_hash = window.as_ref().map(|w| {
                let dispatch = dispatch.clone();
                EventListener::new(w, "hashchange", move |_| dispatch.dispatch(Action::Load(url::fragment())))
            });
            let on_key = window.and_then(|w| w.document()).map(|d| {
                let doc = d.clone();
                EventListener::new_with_options(&d, "keydown", EventListenerOptions::enable_prevent_default(), move |e| {
                    let Some(key) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                    // Not a key a field has used already (Ctrl+Z taking back its typing).
                    if let Some(action) = undo_key(key).filter(|_| !e.default_prevented()) {
                        e.prevent_default();
                        // Pressed on Undo or Redo, which the step may disable: as their click does.
                        let back = if matches!(action, Action::Undo) { "header .redo" } else { "header .undo" };
                        dispatch.dispatch(action);
                        focus::keep(vec![back.to_string()]);
                    } else if key.key() == "Escape" && !e.default_prevented() {
                        // Escape closes the derivation from anywhere, unless a field used it to
                        // cancel its edit; with none open, the drawer, and its button has the
                        // focus back; with none, a phone's More folds its tools away (its own
                        // click, which knows whether they are shown), keeping the focus.
                        let find = |selector: &str| doc.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                        if find("aside.explain").is_some() {
                            dispatch.dispatch(Action::Explain(None));
                        } else if let Some(button) = find("header .tools button[aria-controls=\"drawer\"][aria-expanded=\"true\"]") {
                            drawer.set(None);
                            drop(button.focus());
                        } else if let Some(more) = find("header .tools .more[aria-expanded=\"true\"]").filter(|m| m.offset_parent().is_some()) {
                            more.click();
                            drop(more.focus());
                        }
                    }
                })
            });
            // Writes still waiting for their task are done before the page goes away.
            let on_leave = web_sys::window().map(|w| EventListener::new(&w, "pagehide", |_| task::flush()));
            let on_hide = web_sys::window().and_then(|w| w.document()).map(|d| EventListener::new(&d, "visibilitychange", |_| task::flush()));
            move || drop((on_hash, on_key, on_leave, on_hide))
        });
    }

    // The figure explained comes into view: the one it was opened from, to the middle of what
    // the panel leaves (`focus::reveal_opener`, once the effect below has kept it), and one
    // followed in the derivation (a name it is built from) in its statement, where its terms
    // are highlighted; not one chosen on the page itself, which is where the reader is.
    {
        let depth = state.explained.len();
        use_effect_with(state.explained.last().copied(), move |cell| {
            let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
            let on_page = active.is_some_and(|a| a.closest("main").ok().flatten().is_some());
            match cell {
                Some(c) if depth > 1 && !on_page => focus::reveal(format!("main .statement [data-line=\"{}\"][data-period=\"{}\"]", c.line, c.period.id())),
                Some(_) if depth == 1 => focus::reveal_opener(),
                _ => {}
            }
        });
    }
    // The derivation opens beside the figure it explains and leaves focus there; once it
    // closes, focus goes back to that figure if it was inside the panel (or on a button that
    // went with it). Either way the tables change width, and the figure is brought back into
    // view: to the middle of what the panel leaves (`focus::reveal_opener`), above the sheet the
    // derivation is on a narrow screen; below the sticky header once the tables widen again
    // (CSS scroll-padding).
    {
        let open = use_mut_ref(|| false);
        use_effect_with(state.explained.is_empty(), move |closed| {
            let document = web_sys::window().and_then(|w| w.document());
            let active = document.as_ref().and_then(|d| d.active_element());
            let reveal = |el: Option<web_sys::Element>| {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                if let Some(el) = el.filter(|a| a.tag_name() != "BODY") {
                    el.scroll_into_view_with_scroll_into_view_options(&options);
                }
            };
            let mut resized = None;
            if !*closed {
                let focused = active.filter(|a| a.closest(".explain").ok().flatten().is_none() && a.tag_name() != "BODY");
                focus::opened_from(focused);
                *open.borrow_mut() = true;
                // A window made narrower or wider (a tablet turned) moves the panel beside the
                // tables or under them as a sheet, and the tables wrap again: the figure is
                // brought back. Not for a change of height alone (a phone's keyboard).
                let width = web_sys::window().and_then(|w| w.inner_width().ok());
                resized = web_sys::window().map(|w| {
                    let width = std::cell::Cell::new(width);
                    let window = w.clone();
                    EventListener::new(&w, "resize", move |_| {
                        let now = window.inner_width().ok();
                        if width.replace(now.clone()) != now {
                            focus::reveal_opener();
                        }
                    })
                });
            } else if std::mem::replace(&mut *open.borrow_mut(), false) {
                let lost = active.is_none_or(|a| a.tag_name() == "BODY");
                if let Some(el) = focus::opened_from(None).filter(|el| lost && el.is_connected()) {
                    focus::give(&el);
                }
                // In a task of its own: scrolled in this one, the page was put back where it was
                // at the next frame (the browser's scroll anchoring, with the panel's layout).
                task::soon(move || reveal(document.and_then(|d| d.active_element())));
            }
            move || drop(resized)
        });
    }
    // The figures related to the one explained, highlighted in the tables.
    let highlights = use_memo((state.explained.last().copied(), state.scenario.clone()), |(cell, scenario)| {
        let model = Model::release();
        let Some(cell) = *cell else { return Vec::new() };
        let target = model.canonical(cell);
        let mut out: Vec<_> = model.cells().filter(|c| model.canonical(*c) == target).map(|c| (c, "hl-self")).collect();
        out.extend(model.sources(cell, scenario).into_iter().map(|c| (c, "hl-source")));
        out.extend(model.read_by(cell).into_iter().map(|c| (c, "hl-feeds")));
        out
    });
    // One copy of the state for the tables to compare against their last render.
    let snapshot = Rc::new((*state).clone());
    let edits = state.scenario.edits().count();
    // The release as read by default: no edits and stock compensation within the GAAP lines. The
    // other reading alone is a scenario too, with a link to share.
    let as_released = state.scenario.is_empty();
    let status = {
        let count = match edits {
            0 if as_released => "As reported".to_string(),
            0 => "No edits".to_string(),
            1 => "1 edit".to_string(),
            n => format!("{n} edits"),
        };
        if as_released || state.scenario.sbc_reading() == crate::model::SbcReading::Within {
            count
        } else {
            format!("{count} · SBC on top")
        }
    };
    // A button its own click disables (nothing left to undo, nothing to reset) hands the focus
    // to the one that takes the step back.
    let on = |action: fn() -> Action, then: &'static [&'static str]| {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(action());
            focus::keep(then.iter().map(|s| s.to_string()).collect());
        })
    };
    // What became of the last copy, of which scenario: said while that is still the one open.
    let copied = use_state(|| None::<(Scenario, url::Copied)>);
    let copy_link = {
        let (copied, committed) = (copied.clone(), committed.clone());
        // The link is written when it is copied, not on every keystroke.
        Callback::from(move |_| {
            let (copied, scenario) = (copied.clone(), committed.clone());
            url::copy(&url::share_link(&encode(&committed)), move |how| copied.set(Some((scenario, how))));
        })
    };
    let copy_now = copied.as_ref().filter(|(s, _)| *s == committed && !as_released).map(|(_, how)| *how);
    let toggle = |which: Drawer| {
        let (drawer, from) = (drawer.clone(), drawer_from.clone());
        let open = *drawer == Some(which);
        let onclick = Callback::from(move |_| {
            // Where the reader is, before the drawer opens and its rendering moves the page.
            if drawer.is_none() {
                *from.borrow_mut() = web_sys::window().and_then(|w| w.scroll_y().ok());
            }
            drawer.set((!open).then_some(which));
        });
        (onclick, open.to_string())
    };
    // On a phone the header keeps Undo and Redo in one row with More, which shows the other
    // tools below them (styles/app.css); they stay shown while their drawer is open, for Escape
    // to give its button the focus back, and folding them away closes it. Wider, they are all in
    // the row and More is not shown.
    let more = use_state(|| false);
    let more_open = *more || drawer.is_some();
    let more_click = {
        let (more, drawer) = (more.clone(), drawer.clone());
        Callback::from(move |_| {
            if more_open {
                drawer.set(None);
            }
            more.set(!more_open);
        })
    };
    // Once the reader goes back to the page (a figure, a chart's bar, the derivation), a phone's
    // More folds its tools away: shown, they took a fifth of the window above what is read. Not
    // while a drawer is open: its tools stay, for Escape to give its button the focus back.
    {
        let more = more.clone();
        use_effect_with((*more, drawer.is_some()), move |&(open, drawer)| {
            let document = web_sys::window().and_then(|w| w.document()).filter(|_| open && !drawer);
            let listener = document.map(|d| {
                EventListener::new(&d, "focusin", move |e| {
                    let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                    if target.is_some_and(|el| el.closest("main, aside.explain").ok().flatten().is_some()) {
                        more.set(false);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let (changes_click, changes_open) = toggle(Drawer::Changes);
    let (scenarios_click, scenarios_open) = toggle(Drawer::Scenarios);
    let (compare_click, compare_open) = toggle(Drawer::Compare);
    let pending = !live;
    // The header, with the skip link first: the page's first tab stop.
    let header = html! {
        <>
            {skip_link()}
            <div class="brand">
                <h1>{"Qualys Q3 2012: what if?"}</h1>
                <p class="sub">{"Qualys Announces Third Quarter 2012 Financial Results (November 5, 2012). Edit any reported figure; every dependent figure follows. Amounts in thousands of dollars, except per share."}</p>
            </div>
            <div class={classes!("tools", more_open.then_some("more-open"))}>
                <span class="edits" aria-live="polite">{status}</span>
                <button type="button" class="undo" onclick={on(|| Action::Undo, &["header .redo"])} disabled={pending || !state.can_undo()}
                    title="Undo (Ctrl+Z)" aria-keyshortcuts="Control+Z">{"↶ Undo"}</button>
                <button type="button" class="redo" onclick={on(|| Action::Redo, &["header .undo"])} disabled={pending || state.future.is_empty()}
                    title="Redo (Ctrl+Shift+Z or Ctrl+Y)" aria-keyshortcuts="Control+Shift+Z Control+Y">{"↷ Redo"}</button>
                <button type="button" class="more" onclick={more_click} disabled={pending}
                    aria-expanded={more_open.to_string()} aria-controls="more-tools">{"More"}</button>
                <span class="more-tools" id="more-tools">
                <button type="button" class="open-changes" onclick={changes_click} disabled={pending} aria-expanded={changes_open} aria-controls="drawer">{"Changes"}</button>
                <button type="button" class="open-scenarios" onclick={scenarios_click} disabled={pending} aria-expanded={scenarios_open} aria-controls="drawer">{"Scenarios"}</button>
                <button type="button" class="open-compare" onclick={compare_click} disabled={pending} aria-expanded={compare_open} aria-controls="drawer">{"Compare"}</button>
                <button type="button" class="copy-link" onclick={copy_link} disabled={pending || as_released}>{if copy_now == Some(url::Copied::Yes) { "Link copied" } else { "Copy share link" }}</button>
                // The button's new words are not read out: said to a screen reader here, in a
                // region that is there before them.
                <span class="sr-only" role="status">{if copy_now == Some(url::Copied::Yes) { "Share link copied." } else { "" }}</span>
                if copy_now == Some(url::Copied::Refused) {
                    <span class="copy-refused" role="status">{"The browser did not let the page copy: the address bar holds the link."}</span>
                }
                <button type="button" class="reset-all" onclick={on(|| Action::ResetAll, &["header .undo"])} disabled={pending || (as_released && !state.drafts.hold_unusable())}>{"Reset all"}</button>
                </span>
            </div>
        </>
    };
    // What `<main>` shows above the pieces.
    let lead = html! {
        <>
            // The date and the link come from the browser: not in the prerendered page.
            if live { {print_summary(&state.scenario, &state.named)} }
            {resumed(state.resumed, &state.dispatcher())}
            {replaced(state.replaced, &state.dispatcher())}
            {storage_notice(state.storage_notice.as_deref(), state.storage, &state.dispatcher())}
            {other_tab(state.other_tab.as_deref(), &state.dispatcher())}
            <div id="drawer">
                { match *drawer {
                    Some(Drawer::Changes) => html! { <Changes state={state.clone()} /> },
                    Some(Drawer::Scenarios) => html! { <Scenarios state={state.clone()} figures={figures.clone()} /> },
                    Some(Drawer::Compare) => html! { <Compare state={state.clone()} figures={figures.clone()} /> },
                    None => html! {},
                } }
            </div>
            {link_problems(&state.link_problems, &state.dispatcher())}
            <Headlines figures={figures.clone()} dispatch={state.dispatcher()} />
            <p class="legend">
                <span class="legend-input">{"1,234"}</span>{" input: click and type · "}
                <span class="mark">{"✎"}</span>{" edited · "}
                <span class="legend-estimate">{"Q4 / FY 2012"}</span>{" estimates, not reported; "}<em>{"italic"}</em>{" still follows Q3 · "}
                <span>{"▲▼"}</span>{" moved from the release, ◆ to or from no figure (hover or focus for the reported figure) · "}
                {"click any figure to see how it is computed; then "}
                <span class="hl-source">{"built from"}</span>{" and "}<span class="hl-feeds">{"feeds"}</span>
                {" are shaded in the tables · * not printed in the release"}
            </p>
            <p class="legend keys">{"Keys, as in a spreadsheet: Tab to a table, then the arrows between figures; type, Enter or F2 to edit an input, Enter to commit (and move down; Shift+Enter up), Esc or Ctrl+Z to cancel; ? shows how the figure is computed, ? again goes into it, Esc closes it."}</p>
            {contents()}
            {balance_check(&figures)}
        </>
    };
    let pieces = pieces::View { figures: figures.clone(), state: snapshot.clone(), highlights: highlights.clone(), dispatch: state.dispatcher() };
    // After `<main>`: the derivation, and what screen readers are told.
    let end = html! {
        <>
            if let Some(cell) = state.explained.last().copied() {
                <Explain {cell} earlier={state.explained.len().saturating_sub(1)} figures={figures.clone()}
                    scenario={state.scenario.clone()} dispatch={state.dispatcher()} />
            }
            <div class="sr-only" aria-live="polite" aria-atomic="true">{state.announcement.clone()}</div>
        </>
    };
    match &*hosts {
        // Into the prerendered page's own elements: a piece not yet live is left as it is.
        Some(h) => html! {
            <>
                {create_portal(header, h.header.clone())}
                {create_portal(lead, h.lead.clone())}
                <pieces::Pieces hosts={h.clone()} view={pieces} />
                {create_portal(end, h.end.clone())}
            </>
        },
        None => html! {
            <>
                <header class="top">{header}</header>
                <main aria-busy={(live && !*settled).then_some("true")} class={settled.then_some("settled")}>
                    if !live { {prelive()} }
                    <div data-region="lead">{lead}</div>
                    // A piece that is not a statement reads the figures in words and shapes
                    // the early figures do not redraw (src/early.rs).
                    { for (0..pieces::COUNT).map(|i| html! {
                        <div class={classes!("piece", pieces::derived(i).then_some("derived"))} data-piece={i.to_string()}>{pieces.render(i, pieces::WHOLE)}</div>
                    }) }
                </main>
                <div data-region="end">{end}</div>
            </>
        },
    }
}

/// What the prerendered page says of itself: with JavaScript off, that these are the release's
/// figures; while the page starts, that what is typed is used once it has started; when a share
/// link or a saved scenario is being opened, that the figures on screen are the release's, not
/// its; and once something is typed, that it is kept and the figures will follow it.
/// index.html's inline script decides which shows (classes on `<html>`, styles/app.css).
fn prelive() -> Html {
    html! {
        <>
            <noscript>
                <p class="notice info">{"JavaScript is off: these are the release's figures, as reported. Editing, share links and saved scenarios need JavaScript."}</p>
            </noscript>
            <p class="prelive" role="status">
                <span class="starting">{"Starting the calculator… The figures are the release's; what you type is used once it has started."}</span>
                <span class="opening">{"Opening your scenario… The dimmed figures are the release's, not your scenario's."}</span>
                <span class="kept">{"Keeping what you typed… The dimmed figures are the release's; they follow it in a moment."}</span>
                <span class="computed">{"The tables and the headline figures show your scenario; the dimmed parts follow it in a moment."}</span>
            </p>
        </>
    }
}

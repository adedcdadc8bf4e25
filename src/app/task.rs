//! Work a keystroke causes but need not wait for: writing the address and the browser's
//! storage. It runs in a task of its own, after the one that renders the figures; only the
//! latest write of each kind is done, and whatever is still waiting is done at once when the
//! page is hidden or left (a reload, a closed tab).

use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

type Write = Box<dyn FnOnce()>;

thread_local! {
    /// Writes waiting for their task, one per kind.
    static WAITING: RefCell<Vec<(&'static str, Write)>> = const { RefCell::new(Vec::new()) };
}

/// Does `write` in a task of its own, unless another write of the same `kind` comes before the
/// task runs: that one replaces it.
pub fn write_later(kind: &'static str, write: impl FnOnce() + 'static) {
    let scheduled = WAITING.with(|w| {
        let mut waiting = w.borrow_mut();
        match waiting.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, earlier)) => {
                *earlier = Box::new(write);
                true
            }
            None => {
                waiting.push((kind, Box::new(write)));
                false
            }
        }
    });
    if !scheduled {
        soon(move || {
            let write = WAITING.with(|w| {
                let mut waiting = w.borrow_mut();
                let i = waiting.iter().position(|(k, _)| *k == kind)?;
                Some(waiting.remove(i).1)
            });
            if let Some(write) = write {
                write();
            }
        });
    }
}

/// Does every waiting write now: the page is being hidden or left.
pub fn flush() {
    let waiting = WAITING.with(|w| std::mem::take(&mut *w.borrow_mut()));
    for (_, write) in waiting {
        write();
    }
}

/// `work` in a task of its own.
pub fn soon(work: impl FnOnce() + 'static) {
    Timeout::new(0, work).forget();
}

/// `work` once the browser has painted what the page shows now: in a task queued from the next
/// animation frame (a hidden tab runs it when it is shown).
pub fn after_paint(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let frame = Closure::once_into_js(move || soon(work));
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

//! Work a keystroke causes but need not wait for: it runs in a task of its own, after the one
//! that renders the figures. Tasks run in order, so the last keystroke's work lands last.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub fn soon(work: impl FnOnce() + 'static) {
    after(0, work);
}

/// `work` in a task of its own, `ms` milliseconds from now at the earliest.
pub fn after(ms: i32, work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let later = Closure::once_into_js(work);
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), ms);
}

/// `work` once the browser has painted what the page shows now: in a task queued from the next
/// animation frame (a hidden tab runs it when it is shown).
pub fn after_paint(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let frame = Closure::once_into_js(move || soon(work));
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

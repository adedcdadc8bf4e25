//! The address bar: the one place the share link is read from and written to.

use std::cell::RefCell;
use web_sys::wasm_bindgen::JsValue;

/// The current fragment, `#` included (empty when there is none).
pub fn fragment() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Makes the address show `fragment` without adding a history entry, so typing does not
/// flood the back button.
pub fn replace(fragment: &str) {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let wanted = if fragment.is_empty() { String::new() } else { format!("#{fragment}") };
    if location.hash().ok().as_deref() == Some(wanted.as_str()) {
        return;
    }
    let url = if wanted.is_empty() {
        // Drop the fragment entirely, keeping the page's own path (it may live under a subpath).
        format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default())
    } else {
        wanted
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The page's address with `fragment`: the share link of a scenario.
pub fn share_link(fragment: &str) -> String {
    let Some(window) = web_sys::window() else { return String::new() };
    let href = window.location().href().unwrap_or_default();
    let page = href.split_once('#').map_or(href.as_str(), |(page, _)| page);
    if fragment.is_empty() {
        page.to_string()
    } else {
        format!("{page}#{fragment}")
    }
}

/// Puts `text` on the clipboard; false if there is no clipboard.
pub fn copy(text: &str) -> bool {
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else { return false };
    let _ = clipboard.write_text(text);
    true
}

thread_local! {
    /// The fragment waiting to be written, when a write is scheduled.
    static PENDING: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// How long the address may lag behind the edits.
const LAG_MS: i32 = 200;

/// `replace`, at most once per `LAG_MS` while the user types, always with the latest fragment.
/// Writing the address costs the browser a restyle of the whole page (the fragment decides
/// `:target`), about as long as the keystroke's own render, and Chromium ignores a page that
/// replaces its address hundreds of times in a few seconds.
pub fn replace_soon(fragment: String) {
    let scheduled = PENDING.with(|p| p.borrow_mut().replace(fragment).is_some());
    if !scheduled {
        super::task::after(LAG_MS, || {
            if let Some(latest) = PENDING.with(|p| p.borrow_mut().take()) {
                replace(&latest);
            }
        });
    }
}

//! The address bar: the one place the share link is read from and written to.

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

/// `replace`, in a task after the render: writing the address costs the browser a restyle of
/// the whole page (the fragment decides `:target`), and the keystroke's figures should not wait
/// for it. Keystrokes faster than the tasks are written once, with the latest fragment. Not
/// later than that: a reload takes the address as it is, and the link in it wins over what
/// the browser saved.
pub fn replace_soon(fragment: String) {
    super::task::write_later("address", move || replace(&fragment));
}

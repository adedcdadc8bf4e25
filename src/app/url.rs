//! The address bar: the one place the share link is read from and written to.

use web_sys::wasm_bindgen::{JsCast, JsValue};

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

/// Whether a copy reached the clipboard.
#[derive(Clone, Copy, PartialEq)]
pub enum Copied {
    Yes,
    /// The page has no clipboard (an address that is not https) or the browser said no.
    Refused,
}

/// Puts `text` on the clipboard, then tells `done` whether it is there. A refusal is an answer,
/// not an error: left to reject on its own, the browser's promise would read as the page
/// failing (index.html's `unhandledrejection`).
pub fn copy(text: &str, done: impl FnOnce(Copied) + 'static) {
    // `navigator.clipboard` is undefined outside secure contexts, where web-sys's getter would
    // hand back `undefined` as a Clipboard.
    let clipboard = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("clipboard")).ok())
        .filter(|c| c.is_object())
        .map(|c| c.unchecked_into::<web_sys::Clipboard>());
    let Some(clipboard) = clipboard else { return done(Copied::Refused) };
    let written = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text));
    wasm_bindgen_futures::spawn_local(async move { done(if written.await.is_ok() { Copied::Yes } else { Copied::Refused }) });
}

/// `replace`, in a task after the render: writing the address costs the browser a restyle of
/// the whole page (the fragment decides `:target`), and the keystroke's figures should not wait
/// for it. Keystrokes faster than the tasks are written once, with the latest fragment. Not
/// later than that: a reload takes the address as it is, and the link in it wins over what
/// the browser saved.
pub fn replace_soon(fragment: String) {
    super::task::write_later("address", move || replace(&fragment));
}

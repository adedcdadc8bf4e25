//! The browser's storage: the one place saved scenarios are read from and written to. Storage
//! can be missing (private modes, blocked by settings), full, or hold what another release
//! wrote; every failure comes back as a sentence, never a panic. Other tabs of the page share
//! it: a write reads what is there first and applies this tab's changes to it.
//!
//! On web-sys, not gloo-storage: gloo-storage writes every value as JSON of its own (our
//! document would be stored as a JSON string inside JSON, unreadable to earlier releases), and
//! its `raw()` panics where storage is blocked.

use super::json;
use crate::model::io::named::Change;
use crate::model::io::saved::{stored, Named, Saved, Unread};
use crate::model::Scenario;
use wasm_bindgen::{JsCast, JsValue};

/// The key of the stored document (`model::io::saved`).
pub const KEY: &str = "qualys-what-if";

fn local() -> Result<web_sys::Storage, String> {
    let unavailable = || "This browser does not let the page keep data (storage is unavailable).".to_string();
    web_sys::window().ok_or_else(unavailable)?.local_storage().ok().flatten().ok_or_else(unavailable)
}

/// The stored document's text, if there is one.
pub fn load() -> Result<Option<String>, String> {
    local()?.get_item(KEY).map_err(|e| format!("The browser's storage could not be read ({}).", name(&e)))
}

fn save(text: &str) -> Result<(), String> {
    local()?.set_item(KEY, text).map_err(|e| match name(&e).as_str() {
        "QuotaExceededError" => "The browser's storage is full, so the latest changes were not saved.".to_string(),
        other => format!("The browser refused to save the scenarios ({other})."),
    })
}

/// The named scenarios storage holds: those this page reads, and what it says of the others.
pub type Listed = (Vec<Named>, Vec<Unread>);

/// Why a write did not happen.
pub enum Failed {
    /// Storage cannot be used (unavailable, full, refused).
    Off(String),
    /// It holds what this page cannot read, which is left as it is.
    Unreadable(String),
}

/// Writes this tab's working scenario, if given (else the one storage holds stays), and its
/// `changes` to the named scenarios, applied to the ones storage holds now (another tab may have
/// changed them). Data this page cannot read is overwritten only if the user said so
/// (`replace_unreadable`); a named scenario it cannot read is written back as it was. Gives the
/// named scenarios as written.
pub fn write(current: Option<&Scenario>, changes: &[Change], replace_unreadable: bool) -> Result<Listed, Failed> {
    let there = match load().map_err(Failed::Off)? {
        None => Saved::default(),
        Some(text) => match json::read_stored(&text) {
            Ok(saved) => saved,
            Err(_) if replace_unreadable => Saved::default(),
            Err(why) => return Err(Failed::Unreadable(why)),
        },
    };
    let mut saved = Saved { current: current.cloned().unwrap_or(there.current), ..there };
    for change in changes {
        change.apply(&mut saved.named);
    }
    let text = json::write(&stored(&saved)).ok_or_else(|| Failed::Off("The scenarios could not be written.".to_string()))?;
    save(&text).map_err(Failed::Off)?;
    Ok(listed(saved))
}

/// What the page shows of what storage holds.
fn listed(saved: Saved<json::Raw>) -> Listed {
    let unread = saved.unread();
    (saved.named, unread)
}

/// The named scenarios another tab wrote (a `storage` event's new value), or why they cannot be
/// read. No value: storage was cleared.
pub fn written_elsewhere(text: Option<String>) -> Result<Listed, String> {
    text.map_or(Ok(Listed::default()), |t| json::read_stored(&t).map(listed))
}

/// The name of a thrown DOMException, e.g. `QuotaExceededError`.
fn name(error: &JsValue) -> String {
    error.dyn_ref::<js_sys::Error>().map_or_else(|| "an unknown error".to_string(), |e| String::from(e.name()))
}

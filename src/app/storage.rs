//! The browser's storage: the one place saved scenarios are read from and written to. Storage
//! can be missing (private modes, blocked by settings), full, or hold what another release
//! wrote; every failure comes back as a sentence, never a panic.

use wasm_bindgen::{JsCast, JsValue};

/// The key of the stored document (`model::saved`).
const KEY: &str = "qualys-what-if";

fn local() -> Result<web_sys::Storage, String> {
    let unavailable = || "This browser does not let the page keep data (storage is unavailable).".to_string();
    web_sys::window().ok_or_else(unavailable)?.local_storage().ok().flatten().ok_or_else(unavailable)
}

/// The stored document's text, if there is one.
pub fn load() -> Result<Option<String>, String> {
    local()?.get_item(KEY).map_err(|e| format!("The browser's storage could not be read ({}).", name(&e)))
}

pub fn save(text: &str) -> Result<(), String> {
    local()?.set_item(KEY, text).map_err(|e| match name(&e).as_str() {
        "QuotaExceededError" => "The browser's storage is full, so the latest changes were not saved.".to_string(),
        other => format!("The browser refused to save the scenarios ({other})."),
    })
}

/// The name of a thrown DOMException, e.g. `QuotaExceededError`.
fn name(error: &JsValue) -> String {
    error.dyn_ref::<js_sys::Error>().map_or_else(|| "an unknown error".to_string(), |e| String::from(e.name()))
}

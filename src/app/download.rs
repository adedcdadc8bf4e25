//! Files in and out: a download made from text, and the text of a file the user picked.

use crate::model::io::export::csv_file;
use gloo::file::{Blob, ObjectUrl};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::HtmlAnchorElement;

/// Offers `text` as a file named `name`, through a temporary object URL and `<a download>`; a
/// CSV file as a spreadsheet reads it (`csv_file`).
pub fn offer(name: &str, mime: &str, text: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let text = if mime == "text/csv" { csv_file(text) } else { text.to_string() };
    // Revoked when dropped: a minute after the click, as Safari may still be reading it after
    // the click returns (revoked at once, its download can fail).
    let url = ObjectUrl::from(Blob::new_with_options(text.as_str(), Some(mime)));
    let a: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    Timeout::new(60_000, move || drop(url)).forget();
    Some(())
}

/// The text of a picked file, or why it could not be read.
pub async fn read(file: web_sys::File) -> Result<String, String> {
    gloo::file::futures::read_as_text(&file.into()).await.map_err(|e| format!("The file could not be read ({e})."))
}

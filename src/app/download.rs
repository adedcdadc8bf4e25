//! Files in and out: a download made from text, and the text of a file the user picked.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `text` as a file named `name`, through a temporary object URL and `<a download>`.
pub fn offer(name: &str, mime: &str, text: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&text.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = Url::create_object_url_with_blob(&blob).ok()?;
    let a: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    Url::revoke_object_url(&url).ok()
}

/// The text of a picked file, or why it could not be read.
pub async fn read(file: web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text()).await.map_err(|_| "The file could not be read.".to_string())?;
    text.as_string().ok_or_else(|| "The file could not be read.".to_string())
}

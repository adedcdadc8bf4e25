//! JSON text and the model's documents (`model::io::saved`), through the browser's own `JSON.parse`
//! and `JSON.stringify`: the values cross with serde-wasm-bindgen, so the page carries no JSON
//! reader or writer of its own.

use crate::model::io::saved::{self, Document, Imported, Saved};
use crate::model::Model;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

/// A value `JSON.parse` gave, held as it is: read into, or written back unchanged (a saved
/// scenario this release cannot read).
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct Raw(#[serde(with = "serde_wasm_bindgen::preserve")] JsValue);

impl Document for Raw {
    type Raw = Raw;
    fn read<T: DeserializeOwned>(&self) -> Result<T, String> {
        serde_wasm_bindgen::from_value(self.0.clone()).map_err(|e| message(&e.into()))
    }
}

/// The message of a thrown error, without its "SyntaxError: " prefix.
fn message(error: &JsValue) -> String {
    error.dyn_ref::<js_sys::Error>().map_or_else(|| "an unknown error".to_string(), |e| String::from(e.message()))
}

fn parse(text: &str) -> Result<Raw, String> {
    js_sys::JSON::parse(text).map(Raw).map_err(|e| format!("It is not valid JSON ({}).", message(&e)))
}

/// `value` as JSON text indented by two spaces, one field or item per line: the same bytes
/// version 1 of the page wrote (serde_json's pretty printer, which the native tests use).
/// `None` only if the browser fails to convert it.
pub fn write(value: &impl Serialize) -> Option<String> {
    // The edits as plain objects, not `Map`s, so that they are written as JSON objects.
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    let value = value.serialize(&serializer).ok()?;
    js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from(2)).ok()?.as_string()
}

/// Reads the stored document's text.
pub fn read_stored(text: &str) -> Result<Saved<Raw>, String> {
    saved::read_stored(Model::release(), &parse(text)?)
}

/// Reads a scenario file's text.
pub fn read_scenario(text: &str) -> Result<Imported, String> {
    saved::read_scenario(Model::release(), &parse(text)?)
}

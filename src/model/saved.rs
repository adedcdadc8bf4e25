//! What the browser keeps between visits (the working scenario and the named ones) and the
//! scenario file people export and import. Both are JSON with a `format` and a `version`, so a
//! later release can still read what this one wrote: version 1 must stay readable for good.
//! Edits are keyed exactly like the share link (`"q3-2012.revenue": "24382"`), and values are
//! JSON strings holding plain decimals, so nothing passes through a float.

use super::engine::Model;
use super::json::{self, Json};
use super::link::{from_pairs, pairs};
use super::scenario::Scenario;

pub const VERSION: u64 = 1;
/// The document kept in the browser's storage.
pub const STORED_FORMAT: &str = "qualys-what-if/saved";
/// An exported scenario file.
pub const SCENARIO_FORMAT: &str = "qualys-what-if/scenario";

/// A scenario kept under a name.
#[derive(Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    pub scenario: Scenario,
}

/// Everything the browser keeps: the working scenario and the named ones, in the user's order.
#[derive(Clone, Default, PartialEq)]
pub struct Saved {
    pub current: Scenario,
    pub named: Vec<Named>,
}

/// A scenario's edits as a JSON object, in the model's order: `{"q3-2012.revenue": "24382"}`.
fn edits(scenario: &Scenario) -> Json {
    Json::Object(pairs(scenario).map(|(k, v)| (k, Json::String(v))).collect())
}

fn text(s: &str) -> Json {
    Json::String(s.to_string())
}

/// A document that starts with its format and version.
fn document(format: &str, rest: Vec<(String, Json)>) -> String {
    let head = [("format".to_string(), text(format)), ("version".to_string(), Json::Number(VERSION.to_string()))];
    json::write(&Json::Object(head.into_iter().chain(rest).collect()))
}

/// The scenario the edits describe, or every problem with them: a file or a stored document is
/// used whole or not at all, so nothing half-read replaces what the user has.
fn scenario(model: &Model, edits: &Json, whose: &str) -> Result<Scenario, String> {
    let Json::Object(fields) = edits else {
        return Err(format!("It is damaged: {whose} are {}, not an object.", edits.kind()));
    };
    let mut strings = Vec::with_capacity(fields.len());
    for (key, value) in fields {
        match value {
            Json::String(v) => strings.push((key.as_str(), v.as_str())),
            other => return Err(format!("It is damaged: the edit “{key}” is {}, not a string.", other.kind())),
        }
    }
    let (scenario, problems) = from_pairs(model, strings.into_iter());
    match problems.is_empty() {
        true => Ok(scenario),
        false => Err(format!("{} cannot be used: {}", capitalised(whose), problems.join(" "))),
    }
}

fn capitalised(whose: &str) -> String {
    let mut chars = whose.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// Reads `text` as JSON of `format`, in a version this page reads.
fn read_head(text: &str, format: &str, what: &str) -> Result<Json, String> {
    let doc = json::parse(text).map_err(|e| format!("It is not valid JSON ({e})."))?;
    let version = match doc.get("version") {
        Some(Json::Number(n)) => n.parse::<u64>().ok(),
        _ => None,
    };
    match (doc.get("format"), version) {
        (Some(Json::String(f)), _) if f != format => Err(format!("It is not {what}: its format is “{f}”, not “{format}”.")),
        (Some(Json::String(_)), Some(VERSION)) => Ok(doc),
        (Some(Json::String(_)), Some(v)) if v > VERSION => Err(format!(
            "It was written in version {v} of the format, by a later release of this page; this page reads version {VERSION}."
        )),
        (Some(Json::String(_)), Some(v)) => Err(format!("Version {v} of the format does not exist.")),
        _ => Err(format!("It is not {what} (it has no format and version).")),
    }
}

/// The fields of `object` named in `known`, in that order; refuses a missing or unknown field.
fn fields<'a, const N: usize>(object: &'a Json, known: [&str; N], whose: &str) -> Result<[&'a Json; N], String> {
    let Json::Object(present) = object else {
        return Err(format!("It is damaged: {whose} is {}, not an object.", object.kind()));
    };
    if let Some((key, _)) = present.iter().find(|(k, _)| !known.contains(&k.as_str())) {
        return Err(format!("It is damaged: {whose} has a field “{key}” this page does not know."));
    }
    let mut found = [&Json::Null; N];
    for (slot, key) in found.iter_mut().zip(known) {
        *slot = object.get(key).ok_or_else(|| format!("It is damaged: {whose} has no “{key}”."))?;
    }
    Ok(found)
}

/// The document to keep in the browser's storage.
pub fn write_stored(saved: &Saved) -> String {
    let named = saved.named.iter().map(|n| {
        Json::Object(vec![("name".to_string(), text(&n.name)), ("edits".to_string(), edits(&n.scenario))])
    });
    document(
        STORED_FORMAT,
        vec![("current".to_string(), edits(&saved.current)), ("scenarios".to_string(), Json::Array(named.collect()))],
    )
}

/// Reads the stored document, or says why it cannot be used.
pub fn read_stored(model: &Model, text: &str) -> Result<Saved, String> {
    let doc = read_head(text, STORED_FORMAT, "this page's saved scenarios")?;
    let [_, _, current, scenarios] = fields(&doc, ["format", "version", "current", "scenarios"], "the document")?;
    let Json::Array(scenarios) = scenarios else {
        return Err(format!("It is damaged: its scenarios are {}, not a list.", scenarios.kind()));
    };
    let mut named: Vec<Named> = Vec::with_capacity(scenarios.len());
    for n in scenarios {
        let [name, edits] = fields(n, ["name", "edits"], "a saved scenario")?;
        let Json::String(name) = name else {
            return Err(format!("It is damaged: a saved scenario's name is {}, not a string.", name.kind()));
        };
        let name = name.trim();
        if name.is_empty() {
            return Err("A saved scenario has no name.".to_string());
        }
        if named.iter().any(|m| m.name == name) {
            return Err(format!("Two saved scenarios are named “{name}”."));
        }
        let scenario = scenario(model, edits, &format!("the edits of “{name}”"))?;
        named.push(Named { name: name.to_string(), scenario });
    }
    let current = scenario(model, current, "the working scenario's edits")?;
    Ok(Saved { current, named })
}

/// The exported scenario file.
pub fn write_scenario(scenario: &Scenario) -> String {
    document(SCENARIO_FORMAT, vec![("edits".to_string(), edits(scenario))])
}

/// Reads an exported scenario file, or says why it cannot be used.
pub fn read_scenario(model: &Model, text: &str) -> Result<Scenario, String> {
    let doc = read_head(text, SCENARIO_FORMAT, "a scenario file of this page")?;
    let [_, _, edits] = fields(&doc, ["format", "version", "edits"], "the file")?;
    scenario(model, edits, "its edits")
}

//! What the browser keeps between visits (the working scenario and the named ones) and the
//! scenario file people export and import. Both are JSON with a `format` and a `version`, so a
//! later release can still read what this one wrote: version 1 must stay readable for good.
//! Edits are keyed exactly like the share link (`"q3-2012.revenue": "24382"`), and values are
//! JSON strings holding plain decimals, so nothing passes through a float.

use super::engine::Model;
use super::link::{from_pairs, pairs};
use super::scenario::Scenario;
use serde::{Deserialize, Serialize};
use serde_json::error::Category;
use std::collections::BTreeMap;

pub const VERSION: u64 = 1;
/// The document kept in the browser's storage.
pub const STORED_FORMAT: &str = "qualys-what-if/saved";
/// An exported scenario file.
pub const SCENARIO_FORMAT: &str = "qualys-what-if/scenario";

/// A scenario kept under a name.
#[derive(Clone, PartialEq)]
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

type Edits = BTreeMap<String, String>;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredV1 {
    format: String,
    version: u64,
    current: Edits,
    scenarios: Vec<NamedV1>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct NamedV1 {
    name: String,
    edits: Edits,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioV1 {
    format: String,
    version: u64,
    edits: Edits,
}

/// Only what says which format and version a document is; read before the rest, whose shape
/// depends on the version.
#[derive(Deserialize)]
struct Head {
    format: Option<String>,
    version: Option<u64>,
}

fn edits(scenario: &Scenario) -> Edits {
    pairs(scenario).collect()
}

/// The scenario the edits describe, or every problem with them: a file or a stored document is
/// used whole or not at all, so nothing half-read replaces what the user has.
fn scenario(model: &Model, edits: &Edits, whose: &str) -> Result<Scenario, String> {
    let (scenario, problems) = from_pairs(model, edits.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    match problems.is_empty() {
        true => Ok(scenario),
        false => Err(format!("{whose} cannot be used: {}", problems.join(" "))),
    }
}

/// Checks `text` is JSON of `format`, in a version this page reads.
fn check_head(text: &str, format: &str, what: &str) -> Result<(), String> {
    let head: Head = serde_json::from_str(text).map_err(|e| match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => format!("It is not valid JSON ({e})."),
        Category::Data => format!("It is not {what} (it has no format and version)."),
    })?;
    match (head.format.as_deref(), head.version) {
        (Some(f), _) if f != format => Err(format!("It is not {what}: its format is “{f}”, not “{format}”.")),
        (None, _) | (_, None) => Err(format!("It is not {what} (it has no format and version).")),
        (_, Some(v)) if v > VERSION => Err(format!(
            "It was written in version {v} of the format, by a later release of this page; this page reads version {VERSION}."
        )),
        (_, Some(VERSION)) => Ok(()),
        (_, Some(v)) => Err(format!("Version {v} of the format does not exist.")),
    }
}

fn damaged(e: serde_json::Error) -> String {
    format!("It is damaged: {e}.")
}

/// The document to keep in the browser's storage.
pub fn write_stored(saved: &Saved) -> String {
    let doc = StoredV1 {
        format: STORED_FORMAT.to_string(),
        version: VERSION,
        current: edits(&saved.current),
        scenarios: saved.named.iter().map(|n| NamedV1 { name: n.name.clone(), edits: edits(&n.scenario) }).collect(),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Reads the stored document, or says why it cannot be used.
pub fn read_stored(model: &Model, text: &str) -> Result<Saved, String> {
    const WHAT: &str = "this page's saved scenarios";
    check_head(text, STORED_FORMAT, WHAT)?;
    let doc: StoredV1 = serde_json::from_str(text).map_err(damaged)?;
    let mut named: Vec<Named> = Vec::with_capacity(doc.scenarios.len());
    for n in &doc.scenarios {
        let name = n.name.trim();
        if name.is_empty() {
            return Err("A saved scenario has no name.".to_string());
        }
        if named.iter().any(|m| m.name == name) {
            return Err(format!("Two saved scenarios are named “{name}”."));
        }
        let scenario = scenario(model, &n.edits, &format!("The scenario “{name}”"))?;
        named.push(Named { name: name.to_string(), scenario });
    }
    let current = scenario(model, &doc.current, "The working scenario")?;
    Ok(Saved { current, named })
}

/// The exported scenario file.
pub fn write_scenario(scenario: &Scenario) -> String {
    let doc = ScenarioV1 { format: SCENARIO_FORMAT.to_string(), version: VERSION, edits: edits(scenario) };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Reads an exported scenario file, or says why it cannot be used.
pub fn read_scenario(model: &Model, text: &str) -> Result<Scenario, String> {
    check_head(text, SCENARIO_FORMAT, "a scenario file of this page")?;
    let doc: ScenarioV1 = serde_json::from_str(text).map_err(damaged)?;
    scenario(model, &doc.edits, "Its edits")
}

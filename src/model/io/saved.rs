//! What the browser keeps between visits (the working scenario and the named ones) and the
//! scenario file people export and import. Both are JSON with a `format` and a `version`, so a
//! later release can still read what this one wrote: version 1 must stay readable for good.
//! Edits are keyed exactly like the share link (`"q3-2012.revenue": "24382"`), and values are
//! JSON strings holding plain decimals, so nothing passes through a float.
//!
//! The documents are serde types. The text is the browser's business: in the page `JSON.parse`
//! and `JSON.stringify` turn it into values that cross with serde-wasm-bindgen (so a key given
//! twice is read as `JSON.parse` reads it: the last one wins); the native tests use serde_json.

use super::link::{from_pairs, pairs};
use crate::model::{Model, Scenario};
use serde::de::{DeserializeOwned, Error, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::marker::PhantomData;

pub const VERSION: u64 = 1;
/// The document kept in the browser's storage.
pub const STORED_FORMAT: &str = "qualys-what-if/saved";
/// An exported scenario file.
pub const SCENARIO_FORMAT: &str = "qualys-what-if/scenario";

/// A scenario kept under a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    pub scenario: Scenario,
}

/// Everything the browser keeps: the working scenario and the named ones, in the user's order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved {
    pub current: Scenario,
    pub named: Vec<Named>,
}

/// A JSON document already parsed (by `JSON.parse` in the page), read as one serde type after
/// another: first its format and version, then the rest.
pub trait Document {
    /// The document as `T`, or the reader's message.
    fn read<T: DeserializeOwned>(&self) -> Result<T, String>;
}

/// The edits of a scenario as written: link keys and plain decimals, both strings, in order.
struct Edits(Vec<(String, String)>);

impl Edits {
    fn of(scenario: &Scenario) -> Edits {
        Edits(pairs(scenario).collect())
    }
}

impl Serialize for Edits {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

#[derive(Serialize)]
struct StoredOut<'a> {
    format: &'static str,
    version: u64,
    current: Edits,
    scenarios: Vec<NamedOut<'a>>,
}

#[derive(Serialize)]
struct NamedOut<'a> {
    name: &'a str,
    edits: Edits,
}

#[derive(Serialize)]
struct FileOut {
    format: &'static str,
    version: u64,
    edits: Edits,
}

/// The document to keep in the browser's storage (format and version first).
pub fn stored(saved: &Saved) -> impl Serialize + '_ {
    let scenarios = saved.named.iter().map(|n| NamedOut { name: &n.name, edits: Edits::of(&n.scenario) });
    StoredOut { format: STORED_FORMAT, version: VERSION, current: Edits::of(&saved.current), scenarios: scenarios.collect() }
}

/// The exported scenario file.
pub fn scenario_file(scenario: &Scenario) -> impl Serialize {
    FileOut { format: SCENARIO_FORMAT, version: VERSION, edits: Edits::of(scenario) }
}

/// What kind of JSON value something is, in words: "a number".
type Kind = &'static str;

/// A value that reads one kind of JSON value. Not derived: a refusal must say which field is
/// of the wrong kind, and serde-wasm-bindgen reads a derived struct by looking up the names it
/// expects, so a field the page does not know would pass unseen.
trait Shape: Sized {
    fn text(_: String) -> Option<Self> {
        None
    }
    fn whole(_: u64) -> Option<Self> {
        None
    }
    fn list<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Self>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn object<'de, A: MapAccess<'de>>(mut map: A) -> Result<Option<Self>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

/// Any JSON value: `Ok` when it is of the kind `S` reads, otherwise the kind it is (read and
/// skipped), so that the field holding it can be named.
struct Loose<S>(Result<S, Kind>);

struct LooseVisitor<S>(PhantomData<S>);

impl<'de, S: Shape> Deserialize<'de> for Loose<S> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LooseVisitor(PhantomData))
    }
}

impl<'de, S: Shape> Visitor<'de> for LooseVisitor<S> {
    type Value = Loose<S>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E: Error>(self) -> Result<Loose<S>, E> {
        Ok(Loose(Err("null")))
    }
    fn visit_bool<E: Error>(self, _: bool) -> Result<Loose<S>, E> {
        Ok(Loose(Err("true or false")))
    }
    fn visit_i64<E: Error>(self, v: i64) -> Result<Loose<S>, E> {
        Ok(Loose(u64::try_from(v).ok().and_then(S::whole).ok_or("a number")))
    }
    fn visit_u64<E: Error>(self, v: u64) -> Result<Loose<S>, E> {
        Ok(Loose(S::whole(v).ok_or("a number")))
    }
    fn visit_f64<E: Error>(self, _: f64) -> Result<Loose<S>, E> {
        Ok(Loose(Err("a number")))
    }
    fn visit_str<E: Error>(self, v: &str) -> Result<Loose<S>, E> {
        self.visit_string(v.to_string())
    }
    fn visit_string<E: Error>(self, v: String) -> Result<Loose<S>, E> {
        Ok(Loose(S::text(v).ok_or("a string")))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Loose<S>, A::Error> {
        Ok(Loose(S::list(seq)?.ok_or("a list")))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Loose<S>, A::Error> {
        Ok(Loose(S::object(map)?.ok_or("an object")))
    }
}

impl Shape for String {
    fn text(s: String) -> Option<String> {
        Some(s)
    }
}

impl Shape for u64 {
    fn whole(n: u64) -> Option<u64> {
        Some(n)
    }
}

/// A refusal of a document that has the right format and version but cannot be used.
fn damaged<E: Error>(why: fmt::Arguments) -> E {
    E::custom(format_args!("It is damaged: {why}."))
}

/// The value of the field `key`, which must be of the kind `S` reads (`want`).
fn field<'de, S: Shape, A: MapAccess<'de>>(map: &mut A, key: &str, want: &str) -> Result<S, A::Error> {
    map.next_value::<Loose<S>>()?.0.map_err(|kind| damaged(format_args!("“{key}” is {kind}, not {want}")))
}

/// Reads an object's fields by name, refusing one not in `known` (by its name).
fn fields<'de, A: MapAccess<'de>>(mut map: A, known: &[&str], whose: &str, mut read: impl FnMut(&str, &mut A) -> Result<(), A::Error>) -> Result<(), A::Error> {
    while let Some(Loose(key)) = map.next_key::<Loose<String>>()? {
        // JSON keys are strings; a JavaScript Map could hold others.
        let key = key.map_err(|kind| damaged(format_args!("{whose} has a key that is {kind}")))?;
        if !known.contains(&key.as_str()) {
            return Err(damaged(format_args!("{whose} has a field “{key}” this page does not know")));
        }
        read(&key, &mut map)?;
    }
    Ok(())
}

/// A field every document of its kind has.
fn required<T, E: Error>(value: Option<T>, whose: &str, key: &str) -> Result<T, E> {
    value.ok_or_else(|| damaged(format_args!("{whose} has no “{key}”")))
}

impl Shape for Edits {
    fn object<'de, A: MapAccess<'de>>(mut map: A) -> Result<Option<Edits>, A::Error> {
        let mut edits = Vec::new();
        while let Some(Loose(key)) = map.next_key::<Loose<String>>()? {
            let key = key.map_err(|kind| damaged(format_args!("an edit's key is {kind}")))?;
            let value = map.next_value::<Loose<String>>()?.0;
            let value = value.map_err(|kind| damaged(format_args!("the edit “{key}” is {kind}, not a string")))?;
            edits.push((key, value));
        }
        Ok(Some(Edits(edits)))
    }
}

/// The format and version of a document, when they are a string and a whole number. Any other
/// field is skipped: they are what says how to read the rest.
#[derive(Default)]
struct Head {
    format: Option<String>,
    version: Option<u64>,
}

impl Shape for Head {
    fn object<'de, A: MapAccess<'de>>(mut map: A) -> Result<Option<Head>, A::Error> {
        let mut head = Head::default();
        while let Some(Loose(key)) = map.next_key::<Loose<String>>()? {
            match key.as_deref() {
                Ok("format") => head.format = map.next_value::<Loose<String>>()?.0.ok(),
                Ok("version") => head.version = map.next_value::<Loose<u64>>()?.0.ok(),
                _ => drop(map.next_value::<IgnoredAny>()?),
            }
        }
        Ok(Some(head))
    }
}

struct StoredIn {
    current: Edits,
    scenarios: Vec<NamedIn>,
}

impl Shape for StoredIn {
    fn object<'de, A: MapAccess<'de>>(map: A) -> Result<Option<StoredIn>, A::Error> {
        let (mut current, mut scenarios) = (None, None);
        fields(map, &["format", "version", "current", "scenarios"], "the document", |key, map| {
            match key {
                "current" => current = Some(field(map, key, "an object")?),
                "scenarios" => scenarios = Some(field::<List<NamedIn>, _>(map, key, "a list")?.0),
                _ => drop(map.next_value::<IgnoredAny>()?),
            }
            Ok(())
        })?;
        let current = required(current, "the document", "current")?;
        Ok(Some(StoredIn { current, scenarios: required(scenarios, "the document", "scenarios")? }))
    }
}

/// A list whose every item is of the kind `S` reads.
struct List<S>(Vec<S>);

impl<S: Shape> Shape for List<S> {
    fn list<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Option<List<S>>, A::Error> {
        let mut items = Vec::new();
        while let Some(Loose(item)) = seq.next_element::<Loose<S>>()? {
            items.push(item.map_err(|kind| damaged(format_args!("a saved scenario is {kind}, not an object")))?);
        }
        Ok(Some(List(items)))
    }
}

struct NamedIn {
    name: String,
    edits: Edits,
}

impl Shape for NamedIn {
    fn object<'de, A: MapAccess<'de>>(map: A) -> Result<Option<NamedIn>, A::Error> {
        let (mut name, mut edits) = (None, None);
        fields(map, &["name", "edits"], "a saved scenario", |key, map| {
            match key {
                "name" => name = Some(field(map, key, "a string")?),
                _ => edits = Some(field(map, key, "an object")?),
            }
            Ok(())
        })?;
        let name = required(name, "a saved scenario", "name")?;
        Ok(Some(NamedIn { name, edits: required(edits, "a saved scenario", "edits")? }))
    }
}

struct FileIn {
    edits: Edits,
}

impl Shape for FileIn {
    fn object<'de, A: MapAccess<'de>>(map: A) -> Result<Option<FileIn>, A::Error> {
        let mut edits = None;
        fields(map, &["format", "version", "edits"], "the file", |key, map| {
            match key {
                "edits" => edits = Some(field(map, key, "an object")?),
                _ => drop(map.next_value::<IgnoredAny>()?),
            }
            Ok(())
        })?;
        Ok(Some(FileIn { edits: required(edits, "the file", "edits")? }))
    }
}

/// Reads `doc` as `S` once its format and version say it is `format` in a version this page
/// reads.
fn read<S: Shape>(doc: &impl Document, format: &str, what: &str) -> Result<S, String> {
    let no_head = || format!("It is not {what} (it has no format and version).");
    let head = doc.read::<Loose<Head>>()?.0.map_err(|_| no_head())?;
    match (head.format, head.version) {
        (Some(f), _) if f != format => return Err(format!("It is not {what}: its format is “{f}”, not “{format}”.")),
        (Some(_), Some(VERSION)) => {}
        (Some(_), Some(v)) if v > VERSION => {
            return Err(format!("It was written in version {v} of the format, by a later release of this page; this page reads version {VERSION}."))
        }
        (Some(_), Some(v)) => return Err(format!("Version {v} of the format does not exist.")),
        _ => return Err(no_head()),
    }
    doc.read::<Loose<S>>()?.0.map_err(|_| no_head())
}

/// The scenario the edits describe, or every problem with them: a file or a stored document is
/// used whole or not at all, so nothing half-read replaces what the user has.
fn scenario(model: &Model, edits: &Edits, whose: &str) -> Result<Scenario, String> {
    let (scenario, problems) = from_pairs(model, edits.0.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    match problems.is_empty() {
        true => Ok(scenario),
        false => Err(format!("{whose} cannot be used: {}", problems.join(" "))),
    }
}

/// Reads the stored document, or says why it cannot be used.
pub fn read_stored(model: &Model, doc: &impl Document) -> Result<Saved, String> {
    let stored: StoredIn = read(doc, STORED_FORMAT, "this page's saved scenarios")?;
    let mut named: Vec<Named> = Vec::with_capacity(stored.scenarios.len());
    for n in &stored.scenarios {
        let name = n.name.trim();
        if name.is_empty() {
            return Err("A saved scenario has no name.".to_string());
        }
        if named.iter().any(|m| m.name == name) {
            return Err(format!("Two saved scenarios are named “{name}”."));
        }
        let scenario = scenario(model, &n.edits, &format!("The edits of “{name}”"))?;
        named.push(Named { name: name.to_string(), scenario });
    }
    let current = scenario(model, &stored.current, "The working scenario's edits")?;
    Ok(Saved { current, named })
}

/// Reads an exported scenario file, or says why it cannot be used.
pub fn read_scenario(model: &Model, doc: &impl Document) -> Result<Scenario, String> {
    let file: FileIn = read(doc, SCENARIO_FORMAT, "a scenario file of this page")?;
    scenario(model, &file.edits, "Its edits")
}

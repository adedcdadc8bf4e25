//! What the browser keeps between visits (the working scenario and the named ones) and the
//! scenario file people export and import. Both are JSON with a `format` and a `version`, so a
//! later release can still read what this one wrote: version 1 must stay readable for good.
//! Edits are keyed exactly like the share link (`"q3-2012.revenue": "24382"`), and values are
//! JSON strings holding plain decimals, so nothing passes through a float.
//!
//! The documents are serde types. The text is the browser's business: in the page `JSON.parse`
//! and `JSON.stringify` turn it into values that cross with serde-wasm-bindgen (so a key given
//! twice is read as `JSON.parse` reads it: the last one wins); the native tests use serde_json.

use super::link::{from_pairs, pairs, shorten};
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

/// The saved scenarios that hold `scenario`'s edits: those it is, when it is on screen (after a
/// Duplicate, two).
pub fn holding<'a>(named: &'a [Named], scenario: &'a Scenario) -> impl Iterator<Item = &'a Named> {
    named.iter().filter(move |n| n.scenario == *scenario)
}

/// Everything the browser keeps: the working scenario and the named ones, in the user's order.
/// `R` is a JSON value as the reader holds it (`Document`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved<R> {
    pub current: Scenario,
    pub named: Vec<Named>,
    /// The named scenarios this release cannot read (a later release's, or damaged), kept as
    /// they are and written back unchanged: one such scenario must not cost the others, nor be
    /// lost because this release cannot use it.
    pub kept: Vec<Kept<R>>,
}

/// A saved scenario this release cannot read: what is said of it, and the JSON value itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Kept<R> {
    pub unread: Unread,
    /// How many readable scenarios stood before it, to write it back where it was.
    after: usize,
    raw: R,
}

/// What the page says of a saved scenario it cannot read.
#[derive(Clone, Debug, PartialEq)]
pub struct Unread {
    /// Its name, if it has one that can be read.
    pub name: Option<String>,
    pub why: String,
}

impl<R> Saved<R> {
    pub fn unread(&self) -> Vec<Unread> {
        self.kept.iter().map(|k| k.unread.clone()).collect()
    }
}

/// What the list of saved scenarios says of those this release cannot read, if any: how many,
/// and each by its name (when it has one that can be read) with why.
pub fn unread_note(unread: &[Unread]) -> Option<String> {
    let mut note = match unread.len() {
        0 => return None,
        1 => "1 saved scenario could not be read by this version and is kept as it is.".to_string(),
        k => format!("{k} saved scenarios could not be read by this version and are kept as they are."),
    };
    for u in unread {
        let name = u.name.as_ref().map_or("One without a readable name".to_string(), |n| format!("“{n}”"));
        note.push_str(&format!(" {name}: {}", u.why));
    }
    Some(note)
}

/// A JSON document already parsed (by `JSON.parse` in the page), read as one serde type after
/// another: first its format and version, then the rest.
pub trait Document {
    /// A JSON value within the document, held as it is: itself a document, so that each saved
    /// scenario is read on its own, and written back unchanged if it cannot be.
    type Raw: Document + Clone + Serialize + DeserializeOwned;
    /// The document as `T`, or the reader's message.
    fn read<T: DeserializeOwned>(&self) -> Result<T, String>;
}

/// The edits of a scenario as written: link keys and plain decimals, both strings, in order;
/// and, as read, a sentence for each edit whose value is not a string.
struct Edits {
    pairs: Vec<(String, String)>,
    not_text: Vec<String>,
}

impl Edits {
    fn of(scenario: &Scenario) -> Edits {
        Edits { pairs: pairs(scenario).collect(), not_text: Vec::new() }
    }
}

impl Serialize for Edits {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.pairs.iter().map(|(k, v)| (k, v)))
    }
}

#[derive(Serialize)]
struct StoredOut<'a, R> {
    format: &'static str,
    version: u64,
    current: Edits,
    scenarios: Vec<Item<'a, R>>,
}

/// A saved scenario as written: read, or kept as it was.
#[derive(Serialize)]
#[serde(untagged)]
enum Item<'a, R> {
    Named(NamedOut<'a>),
    Kept(&'a R),
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

/// The document to keep in the browser's storage (format and version first). The scenarios
/// kept unread go back where they stood among the others (as near as changes since allow).
pub fn stored<R: Serialize>(saved: &Saved<R>) -> impl Serialize + '_ {
    let named = saved.named.iter().map(|n| Item::Named(NamedOut { name: &n.name, edits: Edits::of(&n.scenario) }));
    let mut scenarios: Vec<_> = named.collect();
    // In the order read: each goes after the readable ones and the kept ones before it.
    for (k, kept) in saved.kept.iter().enumerate() {
        scenarios.insert(kept.after.saturating_add(k).min(scenarios.len()), Item::Kept(&kept.raw));
    }
    StoredOut { format: STORED_FORMAT, version: VERSION, current: Edits::of(&saved.current), scenarios }
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
        let mut edits = Edits { pairs: Vec::new(), not_text: Vec::new() };
        while let Some(Loose(key)) = map.next_key::<Loose<String>>()? {
            let key = key.map_err(|kind| damaged(format_args!("an edit's key is {kind}")))?;
            match map.next_value::<Loose<String>>()?.0 {
                Ok(value) => edits.pairs.push((key, value)),
                // A number has passed through a float by the time it is read: its value is
                // refused rather than guessed, and the figure it would set is named.
                Err("a number") => {
                    edits.not_text.push(format!("“{}”: a number; its value must be written as text, in quotes (\"24382\"), to be read exactly.", shorten(&key)))
                }
                Err(kind) => edits.not_text.push(format!("“{}”: {kind}, not a figure written as text.", shorten(&key))),
            }
        }
        Ok(Some(edits))
    }
}

/// What says what a JSON object is, read whatever else it holds: a document's format and
/// version (the version as read, or the kind of value it is), which say how to read the rest;
/// a saved scenario's name, to name one that cannot be read.
#[derive(Default)]
struct Head {
    format: Option<String>,
    version: Option<Result<u64, Kind>>,
    name: Option<String>,
}

impl Shape for Head {
    fn object<'de, A: MapAccess<'de>>(mut map: A) -> Result<Option<Head>, A::Error> {
        let mut head = Head::default();
        while let Some(Loose(key)) = map.next_key::<Loose<String>>()? {
            match key.as_deref() {
                Ok("format") => head.format = map.next_value::<Loose<String>>()?.0.ok(),
                Ok("version") => head.version = Some(map.next_value::<Loose<u64>>()?.0),
                Ok("name") => head.name = map.next_value::<Loose<String>>()?.0.ok(),
                _ => drop(map.next_value::<IgnoredAny>()?),
            }
        }
        Ok(Some(head))
    }
}

struct StoredIn<R> {
    current: Edits,
    scenarios: Vec<R>,
}

impl<R: DeserializeOwned> Shape for StoredIn<R> {
    fn object<'de, A: MapAccess<'de>>(map: A) -> Result<Option<StoredIn<R>>, A::Error> {
        let (mut current, mut scenarios) = (None, None);
        fields(map, &["format", "version", "current", "scenarios"], "the document", |key, map| {
            match key {
                "current" => current = Some(field(map, key, "an object")?),
                "scenarios" => scenarios = Some(field::<List<R>, _>(map, key, "a list")?.0),
                _ => drop(map.next_value::<IgnoredAny>()?),
            }
            Ok(())
        })?;
        let current = required(current, "the document", "current")?;
        Ok(Some(StoredIn { current, scenarios: required(scenarios, "the document", "scenarios")? }))
    }
}

/// A list of JSON values, each held as it is, to be read on its own.
struct List<R>(Vec<R>);

impl<R: DeserializeOwned> Shape for List<R> {
    fn list<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Option<List<R>>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
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
        (Some(_), Some(Ok(VERSION))) => {}
        (Some(_), Some(Ok(v))) if v > VERSION => {
            return Err(format!("It was written in version {v} of the format, by a later release of this page; this page reads version {VERSION}."))
        }
        (Some(_), Some(Ok(v))) => return Err(format!("Version {v} of the format does not exist.")),
        // Refused, and said exactly: "1" is not read as 1, because every other field of the
        // wrong kind is refused by its name (an edit given as a number, too), this page never
        // writes it so, and earlier releases refuse it: a file accepted here would not open there.
        // A number, but not a whole one that fits (1.5, 1e999999): which version it means, if
        // any, cannot be said.
        (Some(_), Some(Err("a number"))) => return Err(format!("Its “version” is no version of the format; this page reads version {VERSION}.")),
        (Some(_), Some(Err(kind))) => return Err(format!("Its “version” is {kind}; it must be a number, written without quotes: {VERSION}.")),
        _ => return Err(no_head()),
    }
    doc.read::<Loose<S>>()?.0.map_err(|_| no_head())
}

/// The scenario the edits describe, and a sentence for each kind of edit that cannot be used.
fn read_edits(model: &Model, edits: &Edits) -> (Scenario, Vec<String>) {
    let (scenario, mut problems) = from_pairs(model, edits.pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    problems.extend(edits.not_text.iter().cloned());
    (scenario, problems)
}

/// The scenario the edits describe, or every problem with them: a stored document is used whole
/// or not at all, so that nothing half-read is written back over what the user saved.
fn scenario(model: &Model, edits: &Edits, whose: &str) -> Result<Scenario, String> {
    match read_edits(model, edits) {
        (scenario, problems) if problems.is_empty() => Ok(scenario),
        (_, problems) => Err(format!("{whose} cannot be used: {}", problems.join(" "))),
    }
}

/// Reads the stored document, or says why it cannot be used. Each named scenario is read on
/// its own: one that cannot be is kept as it is (`Saved::kept`), and the others are read.
pub fn read_stored<D: Document>(model: &Model, doc: &D) -> Result<Saved<D::Raw>, String> {
    let stored: StoredIn<D::Raw> = read(doc, STORED_FORMAT, "this page's saved scenarios")?;
    let current = scenario(model, &stored.current, "The working scenario's edits")?;
    let mut saved = Saved { current, named: Vec::new(), kept: Vec::new() };
    for raw in stored.scenarios {
        match named(model, &raw, &saved.named) {
            Ok(n) => saved.named.push(n),
            Err(why) => {
                let name = raw.read::<Loose<Head>>().ok().and_then(|h| h.0.ok()?.name);
                let name = name.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
                saved.kept.push(Kept { unread: Unread { name, why }, after: saved.named.len(), raw });
            }
        }
    }
    Ok(saved)
}

/// A saved scenario whose name is not among those `before` it, or why it cannot be used.
fn named(model: &Model, raw: &impl Document, before: &[Named]) -> Result<Named, String> {
    let n: NamedIn = raw.read::<Loose<NamedIn>>()?.0.map_err(|kind| format!("It is {kind}, not an object."))?;
    let name = n.name.trim();
    if name.is_empty() {
        return Err("It has no name.".to_string());
    }
    if before.iter().any(|m| m.name == name) {
        return Err("A scenario before it has the same name.".to_string());
    }
    Ok(Named { name: name.to_string(), scenario: scenario(model, &n.edits, "Its edits")? })
}

/// An imported scenario file as read: its scenario, and what of it was skipped.
#[derive(Debug, PartialEq)]
pub struct Imported {
    pub scenario: Scenario,
    /// A sentence for each kind of edit that could not be used; the others are in `scenario`.
    pub skipped: Vec<String>,
}

/// Reads an exported scenario file, or says why it cannot be used. Like a share link, an edit
/// that cannot be used is named and skipped, and the rest is imported (one undo step away from
/// what the user had); a file none of whose edits can be used is refused.
pub fn read_scenario(model: &Model, doc: &impl Document) -> Result<Imported, String> {
    let file: FileIn = read(doc, SCENARIO_FORMAT, "a scenario file of this page")?;
    let (scenario, skipped) = read_edits(model, &file.edits);
    match scenario == Scenario::default() {
        true if !skipped.is_empty() => Err(format!("None of its edits can be used: {}", skipped.join(" "))),
        _ => Ok(Imported { scenario, skipped }),
    }
}

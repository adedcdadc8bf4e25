//! The share link: the URL fragment holds the edits, and only the edits, against the release:
//! `v=1&q3-2012.sbc_sales_and_marketing=500&2012-09-30.deferred_revenue_current=55000`, and
//! `sbc=on-top` when stock-based compensation edits are read on top of the GAAP lines.
//! A public API: links that work must keep working.

use crate::model::engine::format::exact;
use crate::model::engine::parse::parse_plain;
use crate::model::{Cell, Model, Period, SbcReading, Scenario};

pub const VERSION: &str = "1";

/// The fragment (without `#`) for a scenario; empty when nothing is edited.
pub fn encode(scenario: &Scenario) -> String {
    if scenario.is_empty() {
        return String::new();
    }
    let mut out = format!("v={VERSION}");
    for (key, value) in pairs(scenario) {
        out.push('&');
        out.push_str(&key);
        out.push('=');
        out.push_str(&value);
    }
    out
}

/// The scenario as keys and values, the form links, saved scenarios and exported files all
/// share: `sbc` = `on-top` first when stock compensation is read that way (`within`, the
/// default, is left out), then the edits by `<period>.<line>` as plain decimals.
pub fn pairs(scenario: &Scenario) -> impl Iterator<Item = (String, String)> + '_ {
    let reading = match scenario.sbc_reading() {
        SbcReading::Within => None,
        on_top => Some((SBC_KEY.to_string(), on_top.id().to_string())),
    };
    reading.into_iter().chain(scenario.edits().map(|(cell, value)| (cell.key(), value.normalize().to_string())))
}

/// The key that says how stock-based compensation edits are read.
pub const SBC_KEY: &str = "sbc";

/// Whether a fragment (with or without `#`) holds a scenario: it has a `key=value` part. One
/// without (`#balance_sheets`, a section of the page, as a contents link opened in a new tab
/// gives it) is only a place on the page, and opens the page as no fragment would.
pub fn is_link(fragment: &str) -> bool {
    fragment.contains('=') || escaped_whole(fragment)
}

/// Whether a fragment's `=` signs were percent-escaped with the rest (`v%3D1%26q3-2012.revenue%3D…`),
/// as some chat and mail programs pass a link on: it is read as though they were not.
fn escaped_whole(fragment: &str) -> bool {
    // Bytes, not a substring search, which would bring a string searcher into the page.
    !fragment.contains('=') && fragment.as_bytes().windows(3).any(|w| w.eq_ignore_ascii_case(b"%3d"))
}

/// Reads a fragment (with or without `#`): the scenario it holds, and one sentence for each kind
/// of part that could not be used, with a count and the first few examples. The usable parts
/// load even when others do not.
pub fn decode(model: &Model, fragment: &str) -> (Scenario, Vec<String>) {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let unescaped = escaped_whole(fragment).then(|| percent_decode(fragment)).flatten();
    let fragment = unescaped.as_deref().unwrap_or(fragment);
    let mut refused = Vec::new();
    let mut found = Vec::new();
    for raw in fragment.split('&').filter(|p| !p.is_empty()) {
        let Some(part) = percent_decode(raw) else {
            refused.push(Refused::skipped(raw, "its percent-escapes do not spell text"));
            continue;
        };
        match part.split_once('=') {
            None => refused.push(Refused::skipped(&part, "not a key=value pair")),
            Some(("v", value)) if value != VERSION => {
                let version = format!("This link is version {}; this page reads version {VERSION}. None of its edits were loaded.", shorten(value));
                return (Scenario::default(), vec![version]);
            }
            Some(("v", _)) => {}
            Some((key, value)) => found.push((key.to_string(), value.to_string())),
        }
    }
    let (scenario, more) = read_pairs(model, found.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    refused.extend(more);
    (scenario, summarise(&refused, Whose::Link))
}

/// A part of a link or file that could not be used as it is, and why.
struct Refused {
    part: String,
    why: String,
    /// Left out; otherwise used, but not as written (a figure set twice).
    skipped: bool,
}

impl Refused {
    fn skipped(part: &str, why: impl ToString) -> Refused {
        Refused { part: part.to_string(), why: why.to_string(), skipped: true }
    }
}

/// How a summary names what it could not use: a link's parts, skipped one by one, or a file's
/// edits, refused with the file.
#[derive(Clone, Copy, PartialEq)]
enum Whose {
    Link,
    File,
}

/// One sentence per kind of refusal, in the order first met: how many, why, and up to three
/// distinct examples, so a link or file of thousands of bad parts reads as one line.
fn summarise(refused: &[Refused], whose: Whose) -> Vec<String> {
    const EXAMPLES: usize = 3;
    let mut kinds: Vec<(&str, bool)> = Vec::new();
    for r in refused {
        if !kinds.contains(&(r.why.as_str(), r.skipped)) {
            kinds.push((r.why.as_str(), r.skipped));
        }
    }
    kinds
        .into_iter()
        .map(|(why, skipped)| {
            let parts: Vec<&str> = refused.iter().filter(|r| r.why == why && r.skipped == skipped).map(|r| r.part.as_str()).collect();
            let mut examples: Vec<&str> = Vec::new();
            for p in &parts {
                if examples.len() < EXAMPLES && !examples.contains(p) {
                    examples.push(p);
                }
            }
            let quoted: Vec<String> = examples.iter().map(|p| format!("“{}”", shorten(p))).collect();
            // Other parts than those quoted: a part given a thousand times is one. Counted in a
            // set, not each against those before it: a link of 100,000 parts took minutes. (The
            // model's set of line names is the same type: its code is in the download already;
            // a sort of the parts added 1.7 KB.)
            let distinct: std::collections::HashSet<&str> = parts.iter().copied().collect();
            let rest = distinct.len() - examples.len();
            let more = if rest > 0 { format!(" and {} more", group_count(rest)) } else { String::new() };
            let (quoted, n) = (quoted.join(", "), group_count(parts.len()));
            match (whose, parts.len()) {
                (Whose::Link, count) => {
                    let why = sentence(why);
                    let verb = if skipped { "Skipped" } else { "Used the later value of" };
                    match count {
                        1 => format!("{verb} {quoted}: {why}"),
                        _ => format!("{verb} {n} parts: {why} For example {quoted}{more}."),
                    }
                }
                (Whose::File, 1) => format!("{quoted}: {}", stop(why)),
                (Whose::File, _) => format!("{n} edits: {} For example {quoted}{more}.", stop(why)),
            }
        })
        .collect()
}

/// 7999 → "7,999".
fn group_count(n: usize) -> String {
    exact(n.into())
}

/// Text quoted in a message, cut short: a pasted page of it would bury the message.
pub fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    match text.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", text.get(..at).unwrap_or_default()),
        None => text.to_string(),
    }
}

/// The scenario that a file's `<period>.<line>` = plain decimal pairs describe, and a sentence
/// for each kind of pair that could not be used. A later pair for the same figure wins.
pub fn from_pairs<'a>(model: &Model, pairs: impl Iterator<Item = (&'a str, &'a str)>) -> (Scenario, Vec<String>) {
    let (scenario, refused) = read_pairs(model, pairs);
    (scenario, summarise(&refused, Whose::File))
}

fn read_pairs<'a>(model: &Model, pairs: impl Iterator<Item = (&'a str, &'a str)>) -> (Scenario, Vec<Refused>) {
    let mut scenario = Scenario::default();
    let mut refused = Vec::new();
    let mut seen: Vec<Cell> = Vec::new();
    let mut reading_seen = false;
    for (key, value) in pairs {
        let part = format!("{key}={value}");
        if key == SBC_KEY {
            match SbcReading::from_id(value) {
                Some(reading) => {
                    if std::mem::replace(&mut reading_seen, true) {
                        refused.push(Refused { part: key.to_string(), why: "it says again how stock-based compensation is read".to_string(), skipped: false });
                    }
                    scenario = scenario.with_sbc_reading(reading);
                }
                None => refused.push(Refused::skipped(&part, "stock-based compensation is read “within” or “on-top”")),
            }
            continue;
        }
        let cell = match find_cell(model, key) {
            Ok(cell) => cell,
            Err(why) => {
                refused.push(Refused::skipped(&part, why));
                continue;
            }
        };
        let target = model.canonical(cell);
        // Each figure once in `seen`: a link setting one figure 100,000 times took minutes.
        if seen.contains(&target) {
            refused.push(Refused { part: key.to_string(), why: "it sets a figure given earlier in the link".to_string(), skipped: false });
        } else {
            seen.push(target);
        }
        let unit = model.unit(cell);
        match unit.map(|u| parse_plain(value, u)) {
            Some(Ok(v)) => match scenario.with(model, cell, v) {
                Ok(next) => scenario = next,
                Err(why) => refused.push(Refused::skipped(&part, why)),
            },
            Some(Err(why)) => refused.push(Refused::skipped(&part, why)),
            None => refused.push(Refused::skipped(&part, "no such figure")),
        }
    }
    (scenario, refused)
}

/// A reason ending as a sentence: "no such period" → "no such period.".
fn stop(text: &str) -> String {
    if text.ends_with('.') {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// A reason as a sentence: "no such period" → "No such period."
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase()).into_iter();
    let mut out: String = first.chain(chars).collect();
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

fn find_cell(model: &Model, key: &str) -> Result<Cell, &'static str> {
    let (period, line) = key.split_once('.').ok_or("not a period.line key")?;
    let period = Period::from_id(period).ok_or("no such period")?;
    let line = model.line(line).ok_or("no such line")?.id;
    let cell = Cell::new(period, line);
    match model.def(cell) {
        None => Err("that line has no figure in that period"),
        Some(_) if model.editable(cell).is_none() => Err("computed from other figures, not an input"),
        Some(_) => Ok(cell),
    }
}

/// `%2D` → `-`; a malformed escape (`%G1`, `%A` at the end) is left as it is, and the value then
/// fails to parse. None when the escapes decode to bytes that are not text (`%C3%A`).
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

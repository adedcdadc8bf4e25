//! The share link: the URL fragment holds the edits, and only the edits, against the release:
//! `v=1&q3-2012.sbc_sales_and_marketing=500&2012-09-30.deferred_revenue_current=55000`, and
//! `sbc=on-top` when stock-based compensation edits are read on top of the GAAP lines.
//! A public API: links that work must keep working.

use super::engine::Model;
use super::parse::parse_plain;
use super::scenario::{SbcReading, Scenario};
use super::{Cell, Period};

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

/// Reads a fragment (with or without `#`): the scenario it holds, and a sentence for each part
/// that could not be used. The usable parts load even when others do not.
pub fn decode(model: &Model, fragment: &str) -> (Scenario, Vec<String>) {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut problems = Vec::new();
    let mut found = Vec::new();
    for part in fragment.split('&').filter(|p| !p.is_empty()) {
        let part = percent_decode(part);
        match part.split_once('=') {
            None => problems.push(format!("“{part}” is not a key=value pair; skipped.")),
            Some(("v", value)) if value != VERSION => {
                problems.push(format!("This link is version {value}; this page reads version {VERSION}. Its edits were not loaded."));
                return (Scenario::default(), problems);
            }
            Some(("v", _)) => {}
            Some((key, value)) => found.push((key.to_string(), value.to_string())),
        }
    }
    let (scenario, more) = from_pairs(model, found.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    problems.extend(more);
    (scenario, problems)
}

/// The scenario that `<period>.<line>` = plain decimal pairs describe, and a sentence for each
/// pair that could not be used (and was skipped). A later pair for the same figure wins.
pub fn from_pairs<'a>(model: &Model, pairs: impl Iterator<Item = (&'a str, &'a str)>) -> (Scenario, Vec<String>) {
    let mut scenario = Scenario::default();
    let mut problems = Vec::new();
    let mut seen: Vec<Cell> = Vec::new();
    for (key, value) in pairs {
        if key == SBC_KEY {
            match SbcReading::from_id(value) {
                Some(reading) => scenario = scenario.with_sbc_reading(reading),
                None => problems.push(format!("“{key}={value}”: stock-based compensation is read “within” or “on-top”; skipped.")),
            }
            continue;
        }
        let cell = match find_cell(model, key) {
            Ok(cell) => cell,
            Err(why) => {
                problems.push(format!("“{key}”: {why}; skipped."));
                continue;
            }
        };
        let target = model.canonical(cell);
        if seen.contains(&target) {
            problems.push(format!("“{key}” sets a figure given earlier; the later value is used."));
        }
        seen.push(target);
        let unit = model.unit(cell);
        match unit.map(|u| parse_plain(value, u)) {
            Some(Ok(v)) => match scenario.with(model, cell, v) {
                Ok(next) => scenario = next,
                Err(why) => problems.push(format!("“{key}={value}”: {why}; skipped.")),
            },
            Some(Err(why)) => problems.push(format!("“{key}={value}”: {why} Skipped.")),
            None => problems.push(format!("“{key}”: no such figure; skipped.")),
        }
    }
    (scenario, problems)
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

/// `%2D` → `-`; a malformed escape is left as it is, and the value then fails to parse.
fn percent_decode(s: &str) -> String {
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
    String::from_utf8_lossy(&out).into_owned()
}

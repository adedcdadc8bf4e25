//! The scenario documents as text, for the native tests. The page reads text with the browser's
//! `JSON.parse` and writes it with `JSON.stringify(_, null, 2)`; here serde_json does, giving
//! the same values and bytes (tests/saved.rs and tests/browser/scenarios.test.mjs check both).
#![allow(dead_code)] // each test file uses its own part

use qualys_what_if::model::engine::format;
use qualys_what_if::model::io::saved::{self, scenario_file, stored, Document, Imported, Saved};
use qualys_what_if::model::{Cell, Figures, Model, Period, Scenario};
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::str::FromStr;

/// A parsed document, as `JSON.parse` gives it to the page: a key given twice is read once, the
/// last value winning.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Json(pub Value);

impl Document for Json {
    type Raw = Json;
    fn read<T: DeserializeOwned>(&self) -> Result<T, String> {
        T::deserialize(&self.0).map_err(|e| e.to_string())
    }
}

pub fn parse(text: &str) -> Result<Json, String> {
    serde_json::from_str(text).map(Json).map_err(|e| format!("It is not valid JSON ({e})."))
}

pub fn read_stored(model: &Model, text: &str) -> Result<Saved<Json>, String> {
    saved::read_stored(model, &parse(text)?)
}

/// A scenario file as the page imports it: the scenario, and what was skipped.
pub fn read_file(model: &Model, text: &str) -> Result<Imported, String> {
    saved::read_scenario(model, &parse(text)?)
}

/// A scenario file every edit of which is used, or what was refused or skipped.
pub fn read_scenario(model: &Model, text: &str) -> Result<Scenario, String> {
    let imported = read_file(model, text)?;
    match imported.skipped.is_empty() {
        true => Ok(imported.scenario),
        false => Err(imported.skipped.join(" ")),
    }
}

pub fn write_stored(saved: &Saved<Json>) -> String {
    serde_json::to_string_pretty(&stored(saved)).unwrap_or_default()
}

pub fn write_scenario(scenario: &Scenario) -> String {
    serde_json::to_string_pretty(&scenario_file(scenario)).unwrap_or_default()
}

// --- Scenarios and their figures, for the tests of edit rules and estimates ---

pub fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

pub fn edit(edits: &[(Period, &'static str, &str)]) -> (Scenario, Figures) {
    let model = Model::release();
    let mut scenario = Scenario::default();
    for (p, line, v) in edits {
        scenario = scenario.with(model, Cell::new(*p, line), d(v)).unwrap();
    }
    let figures = model.evaluate(&scenario);
    (scenario, figures)
}

/// Checks figures exactly (`=` and a plain decimal) or as displayed.
pub fn expect(figures: &Figures, rows: &[(Period, &'static str, &str)]) {
    let model = Model::release();
    let mut wrong = Vec::new();
    for (p, line, want) in rows {
        let cell = Cell::new(*p, line);
        let value = figures.get(model, cell);
        let got = match want.strip_prefix('=') {
            Some(_) => format!("={}", format::plain(value)),
            None => format::display(value, model.unit(cell).unwrap()),
        };
        if got != *want {
            wrong.push(format!("{}: expected {want}, got {got}", cell.key()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

//! A scenario: a set of edits against the release, and what an edit is allowed to be.

use super::cell::Cell;
use super::evaluator::{Def, Model};
use super::parse::{bracketed, is_change, parse_input, Reading};
use super::unit::{EntryError, Unit};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Edits by figure, and how stock-based compensation edits are read; evaluating a scenario
/// gives every figure (`Model::evaluate`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scenario {
    edits: BTreeMap<Cell, Decimal>,
    sbc: SbcReading,
}

/// How an edit of stock-based compensation is read (contract: "What an edit means").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SbcReading {
    /// Contained in the GAAP expense lines: more of the same cost paid in stock. The GAAP
    /// lines stay as entered; the non-GAAP add-backs change.
    #[default]
    Within,
    /// On top of them: more awards. Each GAAP line that contains stock-based compensation moves
    /// by its compensation's change, unless the line itself is edited; non-GAAP figures stay.
    OnTop,
}

impl SbcReading {
    /// The share link's value for the `sbc` key.
    pub fn id(self) -> &'static str {
        match self {
            SbcReading::Within => "within",
            SbcReading::OnTop => "on-top",
        }
    }

    pub fn from_id(id: &str) -> Option<SbcReading> {
        [SbcReading::Within, SbcReading::OnTop].into_iter().find(|r| r.id() == id)
    }
}

/// Why an edit was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditError {
    NoSuchFigure,
    /// The figure is computed from others; edit those instead.
    Computed,
    Entry(EntryError),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::NoSuchFigure => f.write_str("no such figure"),
            EditError::Computed => f.write_str("computed from other figures, not an input"),
            EditError::Entry(e) => e.fmt(f),
        }
    }
}

impl Scenario {
    /// The edited value of `cell`, which must be canonical (see `Model::editable`).
    pub fn edit(&self, cell: Cell) -> Option<Decimal> {
        self.edits.get(&cell).copied()
    }

    /// The edits in a stable order: by period, then line.
    pub fn edits(&self) -> impl Iterator<Item = (Cell, Decimal)> + '_ {
        self.edits.iter().map(|(c, v)| (*c, *v))
    }

    /// Whether the scenario is the release as it is read by default: no edits, and stock
    /// compensation read within the GAAP lines.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty() && self.sbc == SbcReading::Within
    }

    pub fn sbc_reading(&self) -> SbcReading {
        self.sbc
    }

    /// This scenario with stock-based compensation edits read as `sbc`.
    pub fn with_sbc_reading(&self, sbc: SbcReading) -> Scenario {
        Scenario { sbc, ..self.clone() }
    }

    /// This scenario with `cell` (or the figure it names) set to `value`. Setting a figure to
    /// its reported value removes the edit, so a scenario holds only changes to the release;
    /// except a linked input (nine months, an estimate following the third quarter), which
    /// follows its link unless edited itself: set to its reported value, it holds that value
    /// even when its link gives another (a third-quarter edit moves the nine months' link).
    /// The rule looks at the release alone, never at other edits, so a scenario does not depend
    /// on the order its edits were made in (and a share link reloads exactly).
    pub fn with(&self, model: &Model, cell: Cell, value: Decimal) -> Result<Scenario, EditError> {
        let target = model.editable(cell).ok_or(match model.def(cell) {
            Some(_) => EditError::Computed,
            None => EditError::NoSuchFigure,
        })?;
        let unit = model.unit(target).ok_or(EditError::NoSuchFigure)?;
        let value = unit.check_entry(value).map_err(EditError::Entry)?;
        let mut next = self.without(model, target);
        let linked = matches!(model.def(target), Some(Def::Input { link: Some(_), .. }));
        if linked || model.reported().get(model, target) != Ok(value) {
            next.edits.insert(target, value);
        }
        Ok(next)
    }

    /// This scenario with what was typed into the field of `cell`: a figure, or a change to
    /// `start`, the value the field had when editing began (`parse_input`); or why it cannot be
    /// used. The live page's fields and the early figures (src/early.rs) read typing alike
    /// through this, each field as its table shows its line (`Reading`): so that the text it
    /// shows reads back as its figure, and a figure copied from the release reads as printed.
    pub fn typed(&self, model: &Model, cell: Cell, text: &str, start: Option<Decimal>, reading: Reading) -> Result<Scenario, EditError> {
        let unit = model.unit(cell).unwrap_or(Unit::Money);
        let value = parse_input(text, unit, start).map_err(EditError::Entry)?;
        let shown = match reading {
            Reading::Line => false,
            Reading::BracketsShown => bracketed(text),
            Reading::Shown => !is_change(text),
        };
        self.with(model, cell, if shown { -value } else { value })
    }

    /// This scenario with `cell` (canonical) set to any value, past the entry checks: the goal
    /// seek tries values finer than an entry can be, to find an exact solution. Never shown.
    pub(in crate::model) fn with_unchecked(&self, cell: Cell, value: Decimal) -> Scenario {
        let mut next = self.clone();
        next.edits.insert(cell, value);
        next
    }

    /// This scenario with `cell` back at its unedited value.
    pub fn without(&self, model: &Model, cell: Cell) -> Scenario {
        let mut next = self.clone();
        next.edits.remove(&model.canonical(cell));
        next
    }
}

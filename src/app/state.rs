//! The page's state and its one reducer. Figures are not stored: they are evaluated from the
//! scenario where they are shown.

use crate::model::format::exact;
use crate::model::link::decode;
use crate::model::parse::parse_entry;
use crate::model::{Cell, Model, Scenario};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::Reducible;

/// The text of a field while someone works on it, and why it cannot be used, if it cannot.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub text: String,
    pub error: Option<String>,
    /// The figure's edit when editing began: what Escape goes back to.
    before: Option<Decimal>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    pub scenario: Scenario,
    /// Fields being edited, by the figure as shown (a figure shown twice has two fields).
    pub drafts: BTreeMap<Cell, Draft>,
    /// What could not be used in the last link opened.
    pub link_problems: Vec<String>,
    /// The figures whose derivations were opened, in turn; the last is shown.
    pub explained: Vec<Cell>,
    /// A sentence for screen readers, announced politely.
    pub announcement: String,
}

pub enum Action {
    /// A field gains focus, holding `text`.
    Focus { cell: Cell, text: String },
    /// A keystroke: the field now holds `text`.
    Type { cell: Cell, text: String },
    /// The field loses focus (or Enter): formatted again unless its text is unusable.
    Leave(Cell),
    /// Escape: the field's value from before this edit, and its text.
    Cancel(Cell),
    Reset(Cell),
    ResetAll,
    /// Opens a share link's fragment.
    Load(String),
    /// Opens a figure's derivation (after the one open, for Back), or closes it.
    Explain(Option<Cell>),
    /// Back to the derivation opened before.
    Back,
    DismissLinkProblems,
}

impl State {
    /// The page as a share link describes it.
    pub fn from_fragment(fragment: &str) -> State {
        let (scenario, link_problems) = decode(Model::release(), fragment);
        State { scenario, link_problems, ..State::default() }
    }

    fn draft_for(&self, model: &Model, cell: Cell) -> Draft {
        let before = self.scenario.edit(model.canonical(cell));
        self.drafts.get(&cell).cloned().unwrap_or(Draft { text: String::new(), error: None, before })
    }

    /// "Revenues, Q3 2012: 24,382 (reported 23,382)".
    fn describe(&self, model: &Model, cell: Cell) -> String {
        let now = model.display(cell, model.evaluate(&self.scenario).get(model, cell));
        let reported = model.display(cell, model.reported().get(model, cell));
        let name = format!("{}, {}", model.name(cell, cell.period), cell.period.short());
        if now == reported {
            format!("{name}: {now}, as reported.")
        } else {
            format!("{name}: {now} (reported {reported}).")
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let model = Model::release();
        let mut next = (*self).clone();
        match action {
            Action::Focus { cell, text } => {
                if !next.drafts.contains_key(&cell) {
                    let before = next.scenario.edit(model.canonical(cell));
                    next.drafts.insert(cell, Draft { text, error: None, before });
                }
            }
            Action::Type { cell, text } => {
                let mut draft = next.draft_for(model, cell);
                let unit = model.unit(cell).unwrap_or(crate::model::Unit::Money);
                let applied = parse_entry(&text, unit)
                    .map_err(|e| e.to_string())
                    .and_then(|v| next.scenario.with(model, cell, v).map_err(|e| e.to_string()));
                match applied {
                    Ok(scenario) => {
                        next.scenario = scenario;
                        draft.error = None;
                    }
                    Err(why) => draft.error = Some(why),
                }
                draft.text = text;
                next.drafts.insert(cell, draft);
            }
            Action::Leave(cell) => {
                if next.drafts.get(&cell).is_some_and(|d| d.error.is_none()) {
                    next.drafts.remove(&cell);
                    next.announcement = next.describe(model, cell);
                }
            }
            Action::Cancel(cell) => {
                if let Some(draft) = next.drafts.remove(&cell) {
                    let without = next.scenario.without(model, cell);
                    next.scenario = match draft.before {
                        Some(v) => without.with(model, cell, v).unwrap_or(without),
                        None => without,
                    };
                    next.announcement = next.describe(model, cell);
                }
            }
            Action::Reset(cell) => {
                next.scenario = next.scenario.without(model, cell);
                let target = model.canonical(cell);
                next.drafts.retain(|c, _| model.canonical(*c) != target);
                next.announcement = next.describe(model, cell);
            }
            Action::ResetAll => {
                next.scenario = Scenario::default();
                next.drafts.clear();
                next.announcement = "Every figure is back to the release.".to_string();
            }
            Action::Load(fragment) => {
                let loaded = State::from_fragment(&fragment);
                if loaded.scenario == next.scenario && loaded.link_problems.is_empty() {
                    return self;
                }
                let edits = loaded.scenario.edits().count();
                next = State {
                    announcement: format!("Scenario loaded from the link: {edits} edited figures."),
                    explained: next.explained,
                    ..loaded
                };
            }
            Action::Explain(Some(cell)) => {
                if next.explained.last() != Some(&cell) {
                    next.explained.push(cell);
                }
            }
            Action::Explain(None) => next.explained.clear(),
            Action::Back => {
                next.explained.pop();
            }
            Action::DismissLinkProblems => next.link_problems.clear(),
        }
        Rc::new(next)
    }
}

/// The text a field shows when not being edited: the exact value, sign turned for rows the
/// release prints that way.
pub fn field_text(value: Decimal, negated: bool) -> String {
    exact(if negated { -value } else { value })
}

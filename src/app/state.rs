//! The page's state and its one reducer. Figures are not stored: they are evaluated from the
//! scenario where they are shown.

use crate::app::json::{read_scenario, read_stored};
use crate::app::storage::Listed;
use crate::app::takeover::Typed;
use crate::model::engine::format::{entry_text, exact};
use crate::model::engine::parse::Reading;
use crate::model::io::link::{decode, is_link, shorten};
use crate::model::io::named::{differences, free_name, Change};
use crate::model::io::saved::{holding, Imported, Named, Saved, Unread};
use crate::model::{Cell, Model, SbcReading, Scenario};
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::Reducible;

/// The text of a field while someone works on it, and why it cannot be used, if it cannot.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub text: String,
    pub error: Option<String>,
    /// The figure's edit when editing began: what Escape, or leaving with text that cannot be
    /// used, goes back to.
    before: Option<Decimal>,
    /// The figure's value when editing began: what `+10%` or `*1.1` change.
    start: Option<Decimal>,
    /// How the field reads its text (`Scenario::typed`).
    reading: Reading,
    /// Whether anything has been typed since editing began: Ctrl+Z takes that back; with
    /// nothing typed, it is the page's Undo.
    pub typed: bool,
}

/// The fields being edited, by the figure as shown. Rarely more than one, so a list: a map type
/// of its own would add its code to the download (about 2 KB gzip) for nothing.
#[derive(Clone, Default, PartialEq)]
pub struct Drafts(Vec<(Cell, Draft)>);

impl Drafts {
    pub fn get(&self, cell: &Cell) -> Option<&Draft> {
        self.0.iter().find(|(c, _)| c == cell).map(|(_, d)| d)
    }

    /// Whether a field holds text that cannot be used: something for Reset all to clear even
    /// when the scenario is the release.
    pub fn hold_unusable(&self) -> bool {
        self.unusable().next().is_some()
    }

    fn insert(&mut self, cell: Cell, draft: Draft) {
        self.remove(&cell);
        self.0.push((cell, draft));
    }

    fn remove(&mut self, cell: &Cell) -> Option<Draft> {
        let i = self.0.iter().position(|(c, _)| c == cell)?;
        Some(self.0.remove(i).1)
    }

    fn retain(&mut self, keep: impl Fn(&Cell) -> bool) {
        self.0.retain(|(c, _)| keep(c));
    }

    fn clear(&mut self) {
        self.0.clear();
    }

    /// The fields holding text that cannot be used, with the edit each had when editing began.
    fn unusable(&self) -> impl Iterator<Item = (Cell, Option<Decimal>)> + '_ {
        self.0.iter().filter(|(_, d)| d.error.is_some()).map(|(c, d)| (*c, d.before))
    }
}

#[derive(Clone, Default, PartialEq)]
pub struct State {
    pub scenario: Scenario,
    /// Fields being edited, by the figure as shown (a figure shown twice has two fields).
    pub drafts: Drafts,
    /// What could not be used in the last link opened.
    pub link_problems: Vec<String>,
    /// The page opened without a link and took up the last visit's scenario, of this many
    /// edits: said until dismissed or replaced, since the address alone did not ask for it.
    pub resumed: Option<usize>,
    /// The page opened a link in place of the last visit's scenario, of this many edits, which
    /// is then the step Undo takes back: said until dismissed, or the history moves.
    pub replaced: Option<usize>,
    /// The figures whose derivations were opened, in turn; the last is shown.
    pub explained: Vec<Cell>,
    /// A sentence for screen readers, announced politely.
    pub announcement: String,
    /// What was on screen before each undoable step, oldest first. Shared, so that the state
    /// cloned on each keystroke does not copy the whole history.
    pub past: Rc<Vec<Place>>,
    /// Steps undone, the next to redo last. A new step clears them.
    pub future: Rc<Vec<Place>>,
    /// The scenario when typing in a field began: a typing session is one undo step.
    typing_from: Option<Scenario>,
    /// Scenarios the user kept under a name, in their order; names are unique. Storage holds
    /// them with every tab's changes; this is its list as this tab last read it, with this
    /// tab's changes since.
    pub named: Rc<Vec<Named>>,
    /// The named scenarios storage holds that this release cannot read: kept there as they
    /// are, and said so in the list.
    pub unread: Vec<Unread>,
    /// This tab's changes to the named scenarios not yet written to storage: they are applied
    /// to the list storage holds when they are written, so that another tab's are kept.
    pub unsaved: Rc<Vec<Change>>,
    /// What another tab changed of the named scenarios, said until dismissed.
    pub other_tab: Option<String>,
    /// The user let the page overwrite stored data it could not read, at its next write.
    pub replace_unreadable: bool,
    /// Whether the scenarios are being saved in the browser.
    pub storage: Storage,
    /// Why nothing is being saved, said once until dismissed.
    pub storage_notice: Option<String>,
    /// Why the last scenario action or file was refused.
    pub problem: Option<String>,
    /// What the last import brought, shown beside the import until the scenario moves on.
    pub imported: Option<String>,
    /// Each field left with text that could not be used: what was refused and what was kept,
    /// shown beside it until that field is edited again or another step replaces the scenario.
    /// Several at once when several fields were left so, as typing before the page was live can.
    pub refused: Vec<(Cell, String)>,
    /// The scenario deleted last and where it stood in the list, until it is restored or
    /// another is deleted: deleting is one click, so it can be taken back.
    pub deleted: Option<(usize, Named)>,
    /// The saved scenario last opened or saved here, which the edits on screen began from: the
    /// list says when they no longer match it, and offers to update it. Not after a link, a
    /// file or Reset all has replaced the scenario.
    pub working_on: Option<String>,
}

/// A place in the history: the scenario, and the saved scenario it was worked on from
/// (`State::working_on`). Undoing an Open goes back to the scenario before it and to the saved
/// one that was being worked on: left naming the one opened, Update would have written the
/// scenario before it over that one.
#[derive(Clone, Default, PartialEq)]
pub struct Place {
    pub scenario: Scenario,
    working_on: Option<String>,
}

#[derive(Clone)]
pub enum Action {
    /// A field gains focus, holding `text`, which it reads as `reading` says.
    Focus {
        cell: Cell,
        text: String,
        reading: Reading,
    },
    /// Enter or F2 on a field: it shows its figure as `text`, ungrouped, to be edited. The same
    /// figure: nothing is typed, and an estimate that follows its link goes on following it.
    Amend {
        cell: Cell,
        text: String,
    },
    /// A keystroke: the field now holds `text`.
    Type {
        cell: Cell,
        text: String,
    },
    /// The field loses focus (or Enter): formatted again unless its text is unusable.
    Leave(Cell),
    /// What was typed into prerendered fields before their piece was live (`takeover::typed`),
    /// as if typed into the live ones: each focused and typed into, and left but for the one
    /// that still has the focus.
    TakeOver(Rc<Vec<Typed>>),
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
    /// Dismisses what the page says of the scenario it opened in place of another.
    DismissOpening,
    Undo,
    Redo,
    /// Keeps the open scenario under a name, replacing one of that name.
    SaveAs(String),
    Open(String),
    Rename {
        from: String,
        to: String,
    },
    Duplicate(String),
    Delete(String),
    /// A scenario file's name, and its text or why it could not be read.
    Import(String, Result<String, String>),
    /// Writing to the browser's storage failed, for this reason.
    StorageFailed(String),
    /// The user lets the page overwrite stored data it could not read.
    StorageDiscarded,
    DismissStorageNotice,
    DismissProblem,
    /// Puts the scenario deleted last back where it was.
    Restore,
    /// Storage was written: the first `changes` of the unsaved ones were applied to the named
    /// scenarios it held, giving `listed`.
    Written {
        changes: usize,
        listed: Listed,
    },
    /// Another tab wrote the named scenarios (as storage now holds them), or what it wrote
    /// cannot be read, for this reason.
    WrittenElsewhere(Result<Listed, String>),
    /// Storage holds what this page cannot read (another release wrote it), for this reason.
    StorageUnreadable(String),
    DismissOtherTab,
    /// Sets an input to a value found for it (goal seek, a tornado bar): one undoable edit.
    Apply {
        cell: Cell,
        value: Decimal,
    },
    /// Goal seek's exact value, applied instead of the nearest one it applied from `from`: in
    /// place of that step, so that one Undo goes back to before the solve.
    ApplyInstead {
        cell: Cell,
        value: Decimal,
        from: Scenario,
    },
    /// How stock-based compensation edits are read: one undoable step.
    ReadSbc(SbcReading),
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Storage {
    #[default]
    Saving,
    /// Storage is unavailable or failed; the page works on without it.
    Off,
    /// Storage holds data this page cannot read: kept as it is, not overwritten, until the
    /// user says otherwise.
    Unreadable,
}

/// What the browser's storage held when the page opened: the stored document's text, nothing,
/// or why storage cannot be used.
pub type Stored = Result<Option<String>, String>;

impl State {
    /// The page as it opens: a share link in the address wins over the scenario saved in the
    /// browser, because the link is what the user asked for.
    pub fn start(fragment: &str, stored: Stored) -> State {
        let model = Model::release();
        let link = is_link(fragment);
        let (scenario, link_problems) = if link { decode(model, fragment) } else { (Scenario::default(), Vec::new()) };
        let mut state = State { scenario, link_problems, ..State::default() };
        let saved = match stored {
            Ok(None) => Saved::default(),
            Ok(Some(text)) => match read_stored(&text) {
                Ok(saved) => saved,
                Err(why) => {
                    state.unreadable(&why);
                    Saved::default()
                }
            },
            Err(why) => {
                state.storage = Storage::Off;
                state.storage_notice = Some(format!("{why} Scenarios are not saved during this visit; export one to keep it."));
                Saved::default()
            }
        };
        state.unread = saved.unread();
        if !link {
            state.resumed = (!saved.current.is_empty()).then(|| saved.current.edits().count());
            state.scenario = saved.current;
        } else if !saved.current.is_empty() && saved.current != state.scenario {
            // Kept in the browser until now: the link's scenario is saved in its place, so the
            // work it replaces is one undo away, not lost.
            state.replaced = Some(saved.current.edits().count());
            state.past = Rc::new(vec![Place { scenario: saved.current, working_on: None }]);
        }
        state.named = Rc::new(saved.named);
        state
    }

    /// Storage holds what this page cannot read: it is left as it is, and not written.
    fn unreadable(&mut self, why: &str) {
        self.storage = Storage::Unreadable;
        self.storage_notice =
            Some(format!("Scenarios saved in this browser could not be read. {why} They are left as they are, and nothing is saved during this visit."));
    }

    /// A change to the named scenarios: made to this tab's list, and kept to be written.
    fn change(&mut self, change: Change) {
        change.apply(Rc::make_mut(&mut self.named));
        Rc::make_mut(&mut self.unsaved).push(change);
    }

    /// The named scenarios as storage holds them, with this tab's unsaved changes on top; says
    /// what differs from the list this tab showed (another tab changed it).
    fn adopt(&mut self, (mut named, unread): Listed) {
        self.unread = unread;
        for change in self.unsaved.iter() {
            change.apply(&mut named);
        }
        if let Some(what) = differences(&self.named, &named) {
            self.other_tab = Some(format!("Another tab changed the saved scenarios: {what}."));
            self.named = Rc::new(named);
        }
    }

    /// Whether the list shown is `before`'s.
    fn same_list(&self, before: &State) -> bool {
        Rc::ptr_eq(&self.named, &before.named) && self.unread == before.unread
    }

    /// Makes `scenario` the open one, as one undo step.
    fn step_to(&mut self, scenario: Scenario) {
        self.resumed = None;
        self.finish_typing();
        self.drafts.clear();
        self.refused.clear();
        let before = std::mem::replace(&mut self.scenario, scenario);
        self.record(before);
    }

    /// Records `before` as an undo step if the scenario has since changed.
    fn record(&mut self, before: Scenario) {
        if before != self.scenario {
            self.replaced = None;
            self.imported = None;
            Rc::make_mut(&mut self.past).push(Place { scenario: before, working_on: self.working_on.clone() });
            self.future = Rc::default();
        }
    }

    /// Whether Undo has a step to take back: one in the history, or the typing going on now,
    /// which becomes one as Undo ends it.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty() || self.typing_from.as_ref().is_some_and(|before| *before != self.scenario)
    }

    /// Ends a typing session: all its keystrokes become one undo step.
    fn finish_typing(&mut self) {
        if let Some(before) = self.typing_from.take() {
            self.record(before);
        }
    }

    /// The scenario as typed whole: a field holding text that cannot be used counts at the value
    /// it had when editing began. This, not the live scenario, reaches the link and storage.
    pub fn committed(&self) -> Scenario {
        let model = Model::release();
        let mut scenario = self.scenario.clone();
        for (cell, before) in self.drafts.unusable() {
            scenario = restored(model, &scenario, cell, before);
        }
        scenario
    }

    fn find(&self, name: &str) -> Option<usize> {
        self.named.iter().position(|n| n.name == name)
    }

    /// The name of the saved scenario on screen, if one and only one holds its edits (after
    /// a Duplicate two do, and neither name would be the right one to give).
    pub fn on_screen_name(&self) -> Option<&str> {
        let mut on = holding(&self.named, &self.scenario);
        match (on.next(), on.next()) {
            (Some(n), None) => Some(&n.name),
            _ => None,
        }
    }

    /// Why `name` cannot be given to a scenario: a saved one this release cannot read has it,
    /// and two of one name would make the list ambiguous to the release that can.
    fn unread_named(&self, name: &str) -> Option<String> {
        self.unread_has(name).then(|| format!("A saved scenario this version cannot read is named “{name}”; it is kept as it is. Choose another name."))
    }

    fn unread_has(&self, name: &str) -> bool {
        self.unread.iter().any(|u| u.name.as_deref() == Some(name))
    }

    /// Whether a scenario has `name`, one this release reads or one it keeps unread.
    fn taken(&self, name: &str) -> bool {
        self.find(name).is_some() || self.unread_has(name)
    }

    fn draft_for(&self, model: &Model, cell: Cell) -> Draft {
        self.drafts.get(&cell).cloned().unwrap_or_else(|| self.new_draft(model, cell, String::new(), Reading::Line))
    }

    fn new_draft(&self, model: &Model, cell: Cell, text: String, reading: Reading) -> Draft {
        let target = model.canonical(cell);
        let start = model.evaluate(&self.scenario).get(model, target).ok();
        Draft { text, error: None, before: self.scenario.edit(target), start, reading, typed: false }
    }

    /// What differs from `before` now, for a screen reader: the one figure edited otherwise,
    /// as `describe` says it; or how many, and the edits now.
    fn what_changed(&self, model: &Model, before: &Scenario) -> String {
        // A few cells: a list, not sorted (a sort of its own would add its code to the download).
        let mut changed: Vec<Cell> = Vec::new();
        for (c, _) in before.edits().chain(self.scenario.edits()) {
            if before.edit(c) != self.scenario.edit(c) && !changed.contains(&c) {
                changed.push(c);
            }
        }
        let reading = (before.sbc_reading() != self.scenario.sbc_reading()).then(|| match self.scenario.sbc_reading() {
            SbcReading::Within => "Stock-based compensation is read within the GAAP expense lines.",
            SbcReading::OnTop => "Stock-based compensation is read on top of the GAAP expense lines.",
        });
        let figures = match changed.as_slice() {
            [] => String::new(),
            [cell] => self.describe(model, *cell),
            cells => format!("{} figures changed; {}.", cells.len(), edits_in(&self.scenario)),
        };
        [figures.as_str(), reading.unwrap_or_default()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ")
    }

    /// "Revenues, Q3 2012: 24,382 (reported 23,382)".
    /// The headline figures an edit of `cell` being committed moved, for a screen reader, who
    /// hears the field's own figure but would not see the cards change: " Now GAAP diluted EPS
    /// 0.10, Non-GAAP diluted EPS 0.14." Empty if none moved.
    fn headlines_moved(&self, model: &Model, cell: Cell) -> String {
        let Some(before) = self.typing_from.as_ref().map(|s| model.evaluate(s)) else { return String::new() };
        let now = model.evaluate(&self.scenario);
        let moved: Vec<String> = crate::app::components::headline::HEADLINES
            .iter()
            .filter(|h| model.canonical(h.cell) != model.canonical(cell) && before.get(model, h.cell) != now.get(model, h.cell))
            .map(|h| format!("{} {}", h.title, model.display(h.cell, now.get(model, h.cell))))
            .collect();
        if moved.is_empty() {
            String::new()
        } else {
            format!(" Now {}.", moved.join(", "))
        }
    }

    fn describe(&self, model: &Model, cell: Cell) -> String {
        let now = model.display(cell, model.evaluate(&self.scenario).get(model, cell));
        let reported = model.display(cell, model.reported().get(model, cell));
        let name = format!("{}, {}", model.name(cell, cell.period), cell.period.short());
        // An estimate's unedited figure is the page's, not reported.
        let word = crate::app::components::figure::baseline_word(cell);
        if now == reported {
            format!("{name}: {now}, as {word}.")
        } else {
            format!("{name}: {now} ({word} {reported}).")
        }
    }
}

/// What was typed before the page was live, as typed into the live fields: each field focused
/// (its figure in the entry form, as a live field shows on focus) and typed into, then left, but
/// the one that still has the focus, last, whose edit stays open.
fn take_over(state: Rc<State>, typed: &[Typed]) -> Rc<State> {
    let model = Model::release();
    let (left, focused): (Vec<&Typed>, Vec<&Typed>) = typed.iter().partition(|t| !t.focused);
    let focus = |state: Rc<State>, t: &Typed| {
        let text = model.evaluate(&state.scenario).get(model, t.cell).map(|v| entry_text(v, t.reading)).unwrap_or_default();
        state.reduce(Action::Focus { cell: t.cell, text, reading: t.reading })
    };
    left.into_iter().chain(focused).fold(state, |state, t| {
        // Text that cannot be used keeps the last value that could, taken first, as if typed and
        // left, so nothing moves when the page goes live: in the field with the focus, the last
        // text it held that can be used, as in a live field while it is typed into; in one left,
        // the value the early figures kept for it (src/early.rs), if they were there to.
        let start = model.evaluate(&state.scenario).get(model, model.canonical(t.cell)).ok();
        let usable = |text: &String| state.scenario.typed(model, t.cell, text, start, t.reading).is_ok();
        let kept = match usable(&t.text) {
            true => None,
            false if t.focused => t.tried.iter().rev().find(|text| usable(text)).cloned(),
            false => t.kept.map(|v| entry_text(v, t.reading)),
        };
        let state = match kept {
            Some(text) => focus(state, t).reduce(Action::Type { cell: t.cell, text }).reduce(Action::Leave(t.cell)),
            None => state,
        };
        let state = focus(state, t).reduce(Action::Type { cell: t.cell, text: t.text.clone() });
        if t.focused {
            state
        } else {
            state.reduce(Action::Leave(t.cell))
        }
    })
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let model = Model::release();
        let mut next = (*self).clone();
        match action {
            Action::TakeOver(typed) => return take_over(self, &typed),
            Action::Focus { cell, text, reading } => {
                next.typing_from.get_or_insert_with(|| next.scenario.clone());
                // A field's note of what it refused stays until that field is edited again, not
                // gone at the next field's focus, before it has been read.
                next.refused.retain(|(c, _)| *c != cell);
                if next.drafts.get(&cell).is_none() {
                    let draft = next.new_draft(model, cell, text, reading);
                    next.drafts.insert(cell, draft);
                }
            }
            Action::Type { cell, text } => {
                next.typing_from.get_or_insert_with(|| next.scenario.clone());
                next.refused.retain(|(c, _)| *c != cell);
                let mut draft = next.draft_for(model, cell);
                match next.scenario.typed(model, cell, &text, draft.start, draft.reading) {
                    Ok(scenario) => {
                        next.scenario = scenario;
                        draft.error = None;
                    }
                    Err(why) => draft.error = Some(why.to_string()),
                }
                draft.text = text;
                draft.typed = true;
                next.drafts.insert(cell, draft);
            }
            Action::Amend { cell, text } => {
                let mut draft = next.draft_for(model, cell);
                draft.text = text;
                next.drafts.insert(cell, draft);
            }
            Action::Leave(cell) => {
                // Text that cannot be used never stays behind: the field and the model go back
                // to where editing began, and a message says what was refused and what was kept.
                if let Some(draft) = next.drafts.remove(&cell) {
                    match draft.error {
                        // A field passed through, or typed back to what it held, says nothing:
                        // read aloud, it would talk over the cell the focus moved to.
                        None if next.scenario.edit(model.canonical(cell)) == draft.before => {}
                        None => next.announcement = format!("{}{}", next.describe(model, cell), next.headlines_moved(model, cell)),
                        Some(why) => {
                            next.scenario = restored(model, &next.scenario, cell, draft.before);
                            let kept = model.display(cell, model.evaluate(&next.scenario).get(model, cell));
                            let note = format!("“{}” was not used. {why} Kept {kept}.", shorten(draft.text.trim()));
                            next.announcement = format!("{} {note}", model.name(cell, cell.period));
                            next.refused.retain(|(c, _)| *c != cell);
                            next.refused.push((cell, note));
                        }
                    }
                }
                next.finish_typing();
            }
            Action::Cancel(cell) => {
                if let Some(draft) = next.drafts.remove(&cell) {
                    next.scenario = restored(model, &next.scenario, cell, draft.before);
                    next.announcement = next.describe(model, cell);
                }
                next.finish_typing();
            }
            Action::Reset(cell) => {
                next.finish_typing();
                next.refused.clear();
                let without = next.scenario.without(model, cell);
                let before = std::mem::replace(&mut next.scenario, without);
                next.record(before);
                let target = model.canonical(cell);
                next.drafts.retain(|c| model.canonical(*c) != target);
                next.announcement = next.describe(model, cell);
            }
            Action::ResetAll => {
                next.step_to(Scenario::default());
                next.working_on = None;
                next.announcement = "Every figure is back to the release.".to_string();
            }
            Action::Load(fragment) => {
                // A section's name: the browser goes there, and the scenario stays.
                if !is_link(&fragment) && !fragment.trim_start_matches('#').is_empty() {
                    return self;
                }
                let (scenario, problems) = decode(model, &fragment);
                if scenario == next.scenario && problems.is_empty() {
                    return self;
                }
                let edits = scenario.edits().count();
                next.step_to(scenario);
                next.working_on = None;
                next.link_problems = problems;
                next.announcement = format!("Scenario loaded from the link: {edits} edited figures.");
            }
            Action::Explain(Some(cell)) => {
                if next.explained.last() != Some(&cell) {
                    next.explained.push(cell);
                }
            }
            // Escape anywhere asks to close it: nothing to do, and nothing to render, when closed.
            Action::Explain(None) if self.explained.is_empty() => return self,
            Action::Explain(None) => next.explained.clear(),
            Action::Back => {
                next.explained.pop();
            }
            Action::DismissLinkProblems => next.link_problems.clear(),
            Action::DismissOpening => (next.resumed, next.replaced) = (None, None),
            Action::Undo | Action::Redo => {
                next.finish_typing();
                let redo = matches!(action, Action::Redo);
                let (from, to) = if redo { (&mut next.future, &mut next.past) } else { (&mut next.past, &mut next.future) };
                let Some(step) = Rc::make_mut(from).pop() else { return self };
                let left = Place {
                    scenario: std::mem::replace(&mut next.scenario, step.scenario),
                    working_on: std::mem::replace(&mut next.working_on, step.working_on),
                };
                Rc::make_mut(to).push(left);
                next.replaced = None;
                next.imported = None;
                next.drafts.clear();
                let before = to.last().map(|step| step.scenario.clone()).unwrap_or_default();
                next.announcement = format!("{} {}", if redo { "Redone." } else { "Undone." }, next.what_changed(model, &before));
            }
            Action::SaveAs(name) => {
                let name = name.trim().to_string();
                if name.is_empty() {
                    next.problem = Some("Give the scenario a name to save it under.".to_string());
                    return Rc::new(next);
                }
                if let Some(why) = next.unread_named(&name) {
                    next.problem = Some(why);
                    return Rc::new(next);
                }
                let scenario = next.scenario.clone();
                next.change(Change::Save(Named { name: name.clone(), scenario }));
                next.working_on = Some(name.clone());
                next.problem = None;
                next.announcement = format!("Saved as “{name}”.");
            }
            // A refusal in the Scenarios panel (a name taken, a file not imported) goes with the
            // next thing done to the list: it spoke of what came before.
            Action::Open(name) => {
                let Some(scenario) = next.find(&name).and_then(|i| next.named.get(i)).map(|n| n.scenario.clone()) else {
                    return self;
                };
                next.step_to(scenario);
                next.working_on = Some(name.clone());
                next.link_problems.clear();
                next.problem = None;
                next.announcement = format!("Opened “{name}”.");
            }
            Action::Rename { from, to } => {
                let to = to.trim().to_string();
                let unread = next.unread_named(&to);
                // Another scenario's name in any (ASCII) case ("base" where "Base" is saved), as
                // saving under it does; "Base" may become "BASE".
                let clash = next.named.iter().find(|n| n.name != from && n.name.eq_ignore_ascii_case(&to)).map(|n| n.name.clone());
                next.problem = match (next.find(&from), clash) {
                    _ if to.is_empty() => Some("A scenario needs a name.".to_string()),
                    (None, _) => return self,
                    (Some(_), Some(other)) => Some(format!("A scenario named “{other}” already exists.")),
                    (Some(_), None) if from == to => None,
                    (Some(_), None) if unread.is_some() => unread,
                    (Some(i), None) => {
                        let scenario = next.named.get(i).map(|n| n.scenario.clone()).unwrap_or_default();
                        next.change(Change::Rename { from: from.clone(), to: to.clone(), scenario });
                        // The history's steps too: undone to, the scenario is still worked on under its new name.
                        for history in [&mut next.past, &mut next.future] {
                            for step in Rc::make_mut(history).iter_mut() {
                                if step.working_on.as_ref() == Some(&from) {
                                    step.working_on = Some(to.clone());
                                }
                            }
                        }
                        if next.working_on.as_ref() == Some(&from) {
                            next.working_on = Some(to.clone());
                        }
                        next.announcement = format!("Renamed “{from}” to “{to}”.");
                        None
                    }
                };
            }
            Action::Duplicate(name) => {
                let Some(i) = next.find(&name) else { return self };
                next.problem = None;
                let copy =
                    (1..).map(|k| if k == 1 { format!("{name} (copy)") } else { format!("{name} (copy {k})") }).find(|n| !next.taken(n)).unwrap_or_default();
                if let Some(scenario) = next.named.get(i).map(|n| n.scenario.clone()) {
                    next.change(Change::Add { at: i + 1, named: Named { name: copy.clone(), scenario } });
                    next.announcement = format!("Duplicated as “{copy}”.");
                }
            }
            Action::Delete(name) => {
                if let Some((i, named)) = next.find(&name).and_then(|i| Some((i, next.named.get(i)?.clone()))) {
                    next.change(Change::Delete(named.clone()));
                    if next.working_on.as_ref() == Some(&name) {
                        next.working_on = None;
                    }
                    next.problem = None;
                    next.deleted = Some((i, named));
                    next.announcement = format!("Deleted “{name}”.");
                }
            }
            Action::Restore => {
                let Some((at, named)) = next.deleted.take() else { return self };
                // Under a free name if one of its name was saved since ("Base (2)"), or is
                // held by a saved scenario this release cannot read.
                let name = free_name(&named.name, |n| next.taken(n));
                next.problem = None;
                next.announcement = format!("Restored “{name}”.");
                next.change(Change::Add { at, named: Named { name, ..named } });
            }
            Action::Import(file, text) => match text.and_then(|t| read_scenario(&t)) {
                Ok(Imported { scenario, skipped }) => {
                    let skipped = match skipped.len() {
                        0 => String::new(),
                        _ => format!(" Skipped, as this page cannot use them: {}", skipped.join(" ")),
                    };
                    let said = format!("Imported “{file}” ({}).{skipped} Undo brings back the scenario you had.", edits_in(&scenario));
                    next.step_to(scenario);
                    next.working_on = None;
                    next.problem = None;
                    next.announcement = said.clone();
                    next.imported = Some(said);
                }
                Err(why) => {
                    next.imported = None;
                    next.problem = Some(format!("“{}” was not imported. {why} The open scenario is unchanged.", shorten(&file)));
                }
            },
            Action::StorageFailed(why) => {
                next.storage = Storage::Off;
                next.storage_notice = Some(format!("{why} Nothing more is saved during this visit; export a scenario to keep it."));
            }
            Action::StorageDiscarded => {
                next.storage = Storage::Saving;
                next.storage_notice = None;
                next.replace_unreadable = true;
            }
            Action::Written { changes, listed } => {
                if changes > 0 {
                    let unsaved = Rc::make_mut(&mut next.unsaved);
                    unsaved.drain(..changes.min(unsaved.len()));
                }
                next.replace_unreadable = false;
                next.adopt(listed);
                // Nothing to show: no render, and no write again.
                if changes == 0 && !self.replace_unreadable && next.same_list(&self) {
                    return self;
                }
            }
            Action::WrittenElsewhere(listed) => match listed {
                _ if next.storage != Storage::Saving => return self,
                Ok(listed) => {
                    next.adopt(listed);
                    // Another tab's keystrokes change only its open scenario: nothing to show.
                    if next.same_list(&self) {
                        return self;
                    }
                }
                Err(why) => next.unreadable(&why),
            },
            Action::StorageUnreadable(why) => next.unreadable(&why),
            Action::DismissOtherTab => next.other_tab = None,
            Action::Apply { cell, value } => match next.scenario.with(model, cell, value) {
                Ok(scenario) => {
                    next.step_to(scenario);
                    next.announcement = next.describe(model, cell);
                }
                Err(why) => next.problem = Some(format!("{} cannot be set to {}: {why}", model.name(cell, cell.period), exact(value))),
            },
            Action::ApplyInstead { cell, value, from } => {
                if next.past.last().map(|step| &step.scenario) == Some(&from) && next.scenario.with(model, cell, value).is_ok() {
                    Rc::make_mut(&mut next.past).pop();
                    next.scenario = from;
                }
                return Rc::new(next).reduce(Action::Apply { cell, value });
            }
            Action::ReadSbc(reading) => {
                next.step_to(next.scenario.with_sbc_reading(reading));
                next.announcement = match reading {
                    SbcReading::Within => "Stock-based compensation is read within the GAAP expense lines.",
                    SbcReading::OnTop => "Stock-based compensation is read on top of the GAAP expense lines.",
                }
                .to_string();
            }
            Action::DismissStorageNotice => next.storage_notice = None,
            Action::DismissProblem => next.problem = None,
        }
        Rc::new(next)
    }
}

/// How many edits `scenario` has, in words: "as reported", "1 edit", "3 edits".
pub fn edits_in(scenario: &Scenario) -> String {
    match scenario.edits().count() {
        0 => "as reported".to_string(),
        1 => "1 edit".to_string(),
        k => format!("{k} edits"),
    }
}

/// `scenario` with `cell`'s edit as it was (`before`; none: as reported).
fn restored(model: &Model, scenario: &Scenario, cell: Cell, before: Option<Decimal>) -> Scenario {
    let without = scenario.without(model, cell);
    match before {
        Some(v) => without.with(model, cell, v).unwrap_or(without),
        None => without,
    }
}

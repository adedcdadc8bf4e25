//! Changes to the list of named scenarios. Two tabs of one browser share the list in its
//! storage, so a tab does not write its own copy of the list over the other's: it keeps what
//! it did (save, rename, duplicate, delete, restore) as changes, and applies them to the list
//! as storage holds it when it writes. Scenarios are matched by name, and a change never drops
//! a scenario it did not mean to: nothing another tab saved is lost.

use super::saved::Named;
use crate::model::Scenario;

#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Save as: the scenario under its name, in place of one of that name, else last.
    Save(Named),
    /// A new scenario at a place in the list: a duplicate, or a deleted one restored. If the
    /// name has been taken meanwhile by another scenario, under the next free one ("Base (2)").
    Add { at: usize, named: Named },
    /// `from` is now called `to`; `scenario` is what `from` held, kept under `to` if `from`
    /// has gone meanwhile.
    Rename { from: String, to: String, scenario: Scenario },
    /// Deletes the scenario of this name if it still holds what was deleted: one saved again
    /// since, under that name, is kept.
    Delete(Named),
}

fn find(list: &[Named], name: &str) -> Option<usize> {
    list.iter().position(|n| n.name == name)
}

/// `name`, or "name (2)", "name (3)"… whichever is not `taken` yet.
pub fn free_name(name: &str, taken: impl Fn(&str) -> bool) -> String {
    (1..).map(|k| if k == 1 { name.to_string() } else { format!("{name} ({k})") }).find(|n| !taken(n)).unwrap_or_default()
}

/// Puts `named` at `at` (or last), under a free name, unless it is there already.
fn add(list: &mut Vec<Named>, at: usize, named: &Named) {
    if list.contains(named) {
        return;
    }
    let name = free_name(&named.name, |n| find(list, n).is_some());
    list.insert(at.min(list.len()), Named { name, scenario: named.scenario.clone() });
}

impl Change {
    /// Applies the change to `list`, as this tab or storage holds it.
    pub fn apply(&self, list: &mut Vec<Named>) {
        match self {
            Change::Save(named) => match list.iter_mut().find(|n| n.name == named.name) {
                Some(existing) => existing.scenario = named.scenario.clone(),
                None => list.push(named.clone()),
            },
            Change::Add { at, named } => add(list, *at, named),
            Change::Rename { from, to, scenario } => match (find(list, from), find(list, to)) {
                (Some(i), None) => {
                    if let Some(n) = list.get_mut(i) {
                        n.name = to.clone();
                    }
                }
                // The new name was taken meanwhile: the scenario stays under its old name.
                (Some(_), Some(_)) => {}
                (None, _) => add(list, list.len(), &Named { name: to.clone(), scenario: scenario.clone() }),
            },
            Change::Delete(named) => list.retain(|n| n != named),
        }
    }
}

/// What differs from `before` to `after`, in words ("“A” renamed “C”; “B” added"), or `None`.
/// A name gone and a new one holding the same scenario is a rename.
pub fn differences(before: &[Named], after: &[Named]) -> Option<String> {
    let mut added: Vec<&Named> = after.iter().filter(|n| find(before, &n.name).is_none()).collect();
    let (mut renamed, mut said) = (Vec::new(), Vec::new());
    for n in before {
        match after.iter().find(|m| m.name == n.name) {
            None => match added.iter().position(|a| a.scenario == n.scenario) {
                Some(i) => renamed.push(format!("“{}” renamed “{}”", n.name, added.remove(i).name)),
                None => said.push(format!("“{}” deleted", n.name)),
            },
            Some(m) if m.scenario != n.scenario => said.push(format!("“{}” changed", n.name)),
            Some(_) => {}
        }
    }
    let added = added.iter().map(|n| format!("“{}” added", n.name));
    let all: Vec<String> = renamed.into_iter().chain(added).chain(said).collect();
    (!all.is_empty()).then(|| all.join("; "))
}

//! Questions asked of the model, over any scenario: which value of an input makes a figure
//! show a target (goal seek, `solve`), how a figure moves as its inputs do (`sensitivity`),
//! the steps from one figure to another (the bridge charts, `bridge`), whether the
//! statements' identities and links hold (the tie-out, `ties`) and where the estimates fall
//! against the guidance (`guidance`). They only read declarations and evaluate scenarios, so
//! they follow every formula and rule the model declares.

pub mod bridge;
pub mod guidance;
pub mod sensitivity;
pub mod solve;
pub mod ties;

use crate::model::{Cell, Def, Model, Scenario};

impl Model {
    /// The inputs `cell` is built from in `scenario`, each once, nearest first: every input its
    /// derivation reaches, through the links inputs follow until edited (the third quarter into
    /// nine months, the balance sheet into cash flows). A linked input counts too: editing it
    /// is another way to move the figure. Empty for an input itself.
    pub fn built_from(&self, cell: Cell, scenario: &Scenario) -> Vec<Cell> {
        let mut out = Vec::new();
        let mut seen = vec![cell];
        let mut queue = std::collections::VecDeque::from(self.sources(cell, scenario));
        while let Some(c) = queue.pop_front() {
            if seen.contains(&c) {
                continue;
            }
            seen.push(c);
            if matches!(self.def(c), Some(Def::Input { .. })) && !out.contains(&c) {
                out.push(c);
            }
            queue.extend(self.sources(c, scenario));
        }
        out
    }
}

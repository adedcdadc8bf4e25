pub mod analyses;
pub mod bridges;
pub mod changes;
pub mod compare;
pub mod explain;
pub mod figure;
pub mod goal_seek;
pub mod guidance;
pub mod headline;
pub mod highlights;
pub mod notices;
pub mod panel;
pub mod sbc_reading;
pub mod scenarios;
pub mod sensitivity;
pub mod table;
pub mod ties;

use crate::model::{Cell, Figures, Model};

/// Whether two evaluations agree on `cells`. Every keystroke evaluates new figures; a component
/// that shows only these cells compares them, so it renders again only when one of them moved.
pub fn same_values(a: &Figures, b: &Figures, cells: impl IntoIterator<Item = Cell>) -> bool {
    let model = Model::release();
    std::ptr::eq(a, b) || cells.into_iter().all(|c| a.get(model, c) == b.get(model, c))
}

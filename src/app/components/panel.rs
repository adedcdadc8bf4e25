//! The frame every table of figures sits in: a titled section whose table scrolls sideways on
//! its own, moved through with the keys of a spreadsheet (`grid.rs`).

use crate::app::grid;
use yew::prelude::*;

/// What a panel says around its table.
pub struct Panel {
    pub id: &'static str,
    pub title: &'static str,
    pub note: &'static str,
    pub class: Option<&'static str>,
    /// How many rows the table has: until the section has been on screen, its height is
    /// estimated from them (CSS `contain-intrinsic-size`).
    pub rows: usize,
}

impl Panel {
    /// The section around `table` (its head and bodies), with `status` above it: what its figures
    /// say as a whole, announced as it changes. A function, not a component: the component
    /// rendering it already decides when it renders again, and a component of its own would
    /// compare the whole table as its children, on every keystroke, to find it changed.
    /// `grid` is the table's ref: the caller keeps its tab stop (`grid::use_tab_stop`).
    pub fn render(&self, grid: NodeRef, status: Html, table: Html) -> Html {
        let title_id = format!("t-{}", self.id);
        html! {
            <section class={classes!("statement", self.class)} id={self.id} aria-labelledby={title_id.clone()}
                style={format!("--rows: {}", self.rows)}>
                <h2 id={title_id.clone()}>{self.title}</h2>
                <p class="note">{self.note}</p>
                {status}
                // The grid is the table's one tab stop; the frame scrolls to whatever has focus.
                // Its fields hold figures, which no spell checker should mark: said once here,
                // for all of them (the attribute is inherited), not on each field.
                <div class="scroll">
                    <table ref={grid} role="grid" aria-labelledby={title_id} spellcheck="false"
                        onkeydown={grid::onkeydown()} onfocusin={grid::onfocusin()}>{table}</table>
                </div>
            </section>
        }
    }
}

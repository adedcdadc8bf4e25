//! The frame every table of figures sits in: a titled section whose table scrolls sideways on
//! its own, moved through with the keys of a spreadsheet (`grid.rs`).

use crate::app::grid;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub note: AttrValue,
    #[prop_or_default]
    pub class: Classes,
    /// Above the table, announced as it changes: what its figures say as a whole.
    #[prop_or_default]
    pub status: Html,
    /// How many rows the table has: until the section has been on screen, its height is
    /// estimated from them (CSS `contain-intrinsic-size`).
    pub rows: usize,
    pub children: Html,
}

#[function_component(Panel)]
pub fn panel(props: &PanelProps) -> Html {
    let title_id = format!("t-{}", props.id);
    let table = use_node_ref();
    grid::use_tab_stop(table.clone());
    html! {
        <section class={classes!("statement", props.class.clone())} id={props.id.clone()} aria-labelledby={title_id.clone()}
            style={format!("--rows: {}", props.rows)}>
            <h2 id={title_id.clone()}>{props.title.clone()}</h2>
            <p class="note">{props.note.clone()}</p>
            {props.status.clone()}
            // The grid is the table's one tab stop; the frame scrolls to whatever has focus.
            <div class="scroll">
                <table ref={table} role="grid" aria-labelledby={title_id}
                    onkeydown={grid::onkeydown()} onfocusin={grid::onfocusin()}>{props.children.clone()}</table>
            </div>
        </section>
    }
}

//! The frame every table sits in: a titled section whose table scrolls sideways on its own.

use crate::app::grid;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub note: AttrValue,
    #[prop_or_default]
    pub class: Classes,
    /// A table of figures, moved through with the keys of a spreadsheet (`grid.rs`).
    #[prop_or_default]
    pub grid: bool,
    /// How many rows the table has: until the section has been on screen, its height is
    /// estimated from them (CSS `contain-intrinsic-size`).
    pub rows: usize,
    pub children: Html,
}

#[function_component(Panel)]
pub fn panel(props: &PanelProps) -> Html {
    let title_id = format!("t-{}", props.id);
    let table = use_node_ref();
    {
        let table = table.clone();
        let grid = props.grid;
        use_effect(move || {
            if let Some(table) = table.cast::<web_sys::Element>().filter(|_| grid) {
                grid::keep_stop(&table);
            }
        });
    }
    html! {
        <section class={classes!("statement", props.class.clone())} id={props.id.clone()} aria-labelledby={title_id.clone()}
            style={format!("--rows: {}", props.rows)}>
            <h2 id={title_id.clone()}>{props.title.clone()}</h2>
            <p class="note">{props.note.clone()}</p>
            if props.grid {
                // The grid is the table's one tab stop; the frame scrolls to whatever has focus.
                <div class="scroll">
                    <table ref={table} role="grid" aria-labelledby={title_id}
                        onkeydown={grid::onkeydown()} onfocusin={grid::onfocusin()}>{props.children.clone()}</table>
                </div>
            } else {
                // Focusable, so a keyboard can scroll a wide table; not a second landmark of the
                // same name as its section.
                <div class="scroll" tabindex="0"><table ref={table}>{props.children.clone()}</table></div>
            }
        </section>
    }
}

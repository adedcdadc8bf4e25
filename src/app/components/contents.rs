//! The skip link and the table of contents: each jumps to a section and puts focus on its
//! table, ready for the arrow keys. Buttons that act like links, not `href="#…"`: the fragment
//! holds the scenario, and a fragment that is not a scenario would replace it.

use crate::app::task;
use crate::model::release::tables::{Table, TABLES};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Short names for the contents; a table not named here is listed under its title.
const SHORT: &[(&str, &str)] = &[
    ("operations", "Operations"),
    ("stock_compensation", "Stock-based compensation"),
    ("comprehensive_income", "Comprehensive income"),
    ("balance_sheets", "Balance sheets"),
    ("cash_flows", "Cash flows"),
    ("bookings", "Bookings"),
    ("ebitda", "EBITDA"),
    ("non_gaap", "Non-GAAP"),
    ("per_share", "Per share"),
];

/// A table's short name, where lists name it: the contents, compare's choice of figures.
pub fn short_name(table: &Table) -> &'static str {
    SHORT.iter().find(|(id, _)| *id == table.id).map_or(table.title, |(_, s)| *s)
}

/// Scrolls section `id` to the top and focuses its table's figure (its tab stop), else the section.
/// Until a statement has been on screen its height is estimated (styles/app.css); those near the
/// section are laid out once it is there and may move it, so it is scrolled to again after the
/// next two frames.
pub fn jump(id: &str) {
    let Some(section) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else { return };
    section.scroll_into_view();
    let again = section.clone();
    task::after_paint(move || {
        again.scroll_into_view();
        task::after_paint(move || again.scroll_into_view());
    });
    let stop = section.query_selector("[data-stop]").ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(stop) = stop {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = stop.focus_with_options(&options);
    }
}

fn to(id: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        jump(id);
    })
}

/// "Skip to the tables": the first link on the page. (Plain functions, not components: they
/// never change, and a component costs the download more.)
pub fn skip_link() -> Html {
    let first = TABLES.first().map_or("ties", |t| t.id);
    html! { <a class="skip-link" href={format!("#{first}")} onclick={to(first)}>{"Skip to the tables"}</a> }
}

/// The table of contents, in the page's order (`PIECES` in src/app/mod.rs).
pub fn contents() -> Html {
    let tables = TABLES.iter().map(|t| (t.id, short_name(t)));
    let sections = std::iter::once(("guidance", "Outlook"))
        .chain(std::iter::once(("bridges", "Bridges")))
        .chain(tables)
        .chain([("ties", "Tie-out"), ("highlights", "Highlights")]);
    html! {
        <nav class="contents" aria-label="Contents">
            <ul>{ for sections.map(|(id, name)| html! {
                <li><a href={format!("#{id}")} onclick={to(id)}>{name}</a></li>
            }) }</ul>
        </nav>
    }
}

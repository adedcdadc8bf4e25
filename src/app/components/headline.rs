//! The release's headline figures for the third quarter, and the estimated year against its
//! guidance: the scenario's value and, once it differs, the reported value and the difference.

use super::figure::{baseline_word, explain_handlers, guidance_of};
use crate::app::state::State;
use crate::app::LIVE;
use crate::model::engine::format::{alone, change, display, plain};
use crate::model::release::guidance::range_of;
use crate::model::{Cell, Figures, Model, Period::*, Unit, Value};
use std::rc::Rc;
use yew::prelude::*;

pub struct Headline {
    pub title: &'static str,
    pub cell: Cell,
    /// A second figure beside it: growth, or a margin.
    pub beside: Option<(Cell, &'static str)>,
}

pub const HEADLINES: [Headline; 7] = [
    Headline { title: "Revenues, Q3 2012", cell: Cell::new(Q3_2012, "revenue"), beside: Some((Cell::new(Q3_2012, "revenue_growth"), "year over year")) },
    Headline { title: "GAAP diluted EPS", cell: Cell::new(Q3_2012, "eps_diluted"), beside: None },
    Headline { title: "Non-GAAP diluted EPS", cell: Cell::new(Q3_2012, "non_gaap_eps_diluted"), beside: None },
    Headline { title: "Non-GAAP net income", cell: Cell::new(Q3_2012, "non_gaap_net_income"), beside: None },
    Headline {
        title: "Adjusted EBITDA",
        cell: Cell::new(Q3_2012, "adjusted_ebitda"),
        beside: Some((Cell::new(Q3_2012, "adjusted_ebitda_margin"), "of revenues")),
    },
    Headline {
        title: "Four-Quarter Bookings",
        cell: Cell::new(F4_2012, "four_quarter_bookings"),
        beside: Some((Cell::new(F4_2012, "four_quarter_bookings_growth"), "year over year")),
    },
    // The year against its guidance: an estimate, marked as one.
    Headline {
        title: "Revenues, FY 2012 estimate",
        cell: Cell::new(FY_2012, "revenue"),
        beside: Some((Cell::new(FY_2012, "non_gaap_eps_diluted"), "non-GAAP EPS")),
    },
];

/// A figure with the contract's attributes, outside the statements, shown as `text`; a click or
/// Enter opens its derivation. A tab stop of its own, unless `in_group`: one of a group's
/// figures, reached by the arrow keys from the group's one tab stop (`grid.rs`).
pub fn figure_as(cell: Cell, value: Value, text: String, dispatch: &UseReducerDispatcher<State>, in_group: bool) -> Html {
    let (onclick, onkeydown) = explain_handlers(dispatch, cell);
    // Prerendered, a figure is only its text, beside its card's title: nothing opens its
    // derivation until the live page does (figure.rs).
    let label = LIVE.then(|| format!("{}, {}: {text}. Enter shows how it is computed.", Model::release().name(cell, cell.period), cell.period.long()));
    let tabindex = LIVE.then_some(if in_group { "-1" } else { "0" });
    html! {
        <span class="fig" data-line={cell.line} data-period={cell.period.id()} data-value={plain(value)}
            data-guidance={guidance_of(cell, value)} {tabindex} role={LIVE.then_some("button")} aria-label={label} {onclick} {onkeydown}>{text}</span>
    }
}

/// "Reported", "On the release alone".
fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

fn figure(cell: Cell, value: Value, dispatch: &UseReducerDispatcher<State>) -> Html {
    figure_as(cell, value, alone(value, Model::release().unit(cell).unwrap_or(Unit::Money)), dispatch, false)
}

#[derive(Properties)]
pub struct HeadlineProps {
    pub figures: Rc<Figures>,
    pub dispatch: UseReducerDispatcher<State>,
}

impl PartialEq for HeadlineProps {
    fn eq(&self, other: &Self) -> bool {
        let cells = HEADLINES.iter().flat_map(|h| std::iter::once(h.cell).chain(h.beside.map(|(c, _)| c)));
        super::same_values(&self.figures, &other.figures, cells)
    }
}

#[function_component(Headlines)]
pub fn headlines(props: &HeadlineProps) -> Html {
    let model = Model::release();
    let cards = HEADLINES.iter().map(|h| {
        let unit = model.unit(h.cell).unwrap_or(Unit::Money);
        let value = props.figures.get(model, h.cell);
        let reported = model.reported().get(model, h.cell);
        let moved = value != reported;
        // Units only around a number: "$—" would read as a figure.
        let money = unit == Unit::Money && value.is_ok();
        let dollars = money || (unit == Unit::PerShare && value.is_ok());
        // A guided figure: its range and where it falls, for the card and the figure beside it.
        let guided = std::iter::once(h.cell).chain(h.beside.map(|(c, _)| c)).filter_map(|c| {
            let range = range_of(c)?;
            let placed = range.place(props.figures.get(model, c).ok()?);
            let whose = if c == h.cell { "Guidance".to_string() } else { format!("{} guidance", range.label) };
            Some(format!("{whose} {}: {}", range.describe(), placed.describe(range.unit)))
        });
        html! {
            <div class={classes!("card", moved.then_some("moved"), h.cell.period.is_estimate().then_some("estimate"))}>
                <div class="card-title">{h.title}</div>
                <div class="card-value">
                    if dollars { <span class="unit">{"$"}</span> }
                    {figure(h.cell, value, &props.dispatch)}
                    if money { <span class="unit">{"K"}</span> }
                </div>
                if let Some((beside, words)) = h.beside {
                    <div class="card-beside">
                        if model.unit(beside) == Some(Unit::PerShare) && props.figures.get(model, beside).is_ok() { {"$"} }
                        {figure(beside, props.figures.get(model, beside), &props.dispatch)}{format!(" {words}")}
                    </div>
                }
                { for guided.map(|g| html! { <div class="card-guidance">{g}</div> }) }
                if moved {
                    // Broken, if need be, before the change, not inside either part.
                    <div class="card-change">
                        <span>{format!("{} {}", capitalised(baseline_word(h.cell)), display(reported, unit))}</span>
                        if let Some(d) = change(value, reported, unit) {
                            {" "}<span class="delta">{format!("· {d}")}</span>
                        }
                    </div>
                }
            </div>
        }
    });
    html! { <section class="headlines" aria-label="Headline figures">{ for cards }</section> }
}

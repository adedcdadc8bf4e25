//! "Why this number": a figure's formula in words with the scenario's values, what it is built
//! from down to the inputs, and what depends on it. Every name can be followed in turn. All of
//! it is read from the model's declarations.

use super::analyses::Analyses;
use crate::app::state::{Action, State};
use crate::model::analysis::solve::full_precision;
use crate::model::engine::format::{display_entered, entered_shown, undefined};
use crate::model::{Cell, Def, Figures, Model, SbcReading, Scenario, Step, Unit};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExplainProps {
    pub cell: Cell,
    /// Derivations opened before this one, for Back.
    pub earlier: usize,
    pub figures: Rc<Figures>,
    pub scenario: Scenario,
    pub dispatch: UseReducerDispatcher<State>,
}

#[function_component(Explain)]
pub fn explain(props: &ExplainProps) -> Html {
    let model = Model::release();
    let cell = props.cell;
    let ctx = Context { model, props };
    let shown = |c: Cell| ctx.shown(c);
    let follow = |c: Cell| ctx.follow(c);
    let edited = ctx.edited(cell);
    let estimate = cell.period.is_estimate();
    let follows_sbc = props.scenario.sbc_reading() == SbcReading::OnTop && model.contained_sbc(cell).is_some();
    let what = match model.def(cell) {
        Some(Def::Input { link: Some(_), .. }) if edited => "An input you edited. Unedited, it follows:",
        Some(Def::Input { link: Some(_), .. }) if estimate => "An estimate, not reported: it follows the third quarter until you edit it:",
        Some(Def::Input { link: Some(_), .. }) => "An input that follows other figures until it is edited:",
        Some(Def::Input { .. }) if edited => "An input you edited.",
        Some(Def::Input { .. }) if estimate => {
            "An estimate, not reported: it starts from the release's guidance (revenue at its midpoint, diluted shares at its count)."
        }
        Some(Def::Input { .. }) if follows_sbc => "An input that moves with its stock-based compensation until it is edited.",
        Some(Def::Input { .. }) => "An input, as reported in the release.",
        Some(Def::Formula(_)) => "Computed:",
        Some(Def::Same(_)) => "The same figure as another table's:",
        None => "",
    };
    // "Gross profit 18,748 = Revenues 23,382 − Cost of revenues 4,634"
    let get = |c: Cell| props.figures.get(model, c);
    // A zero is 0 here, not the "-" a table prints: "÷ Revenues 0" says what "÷ Revenues -" hides.
    let precise = |c: Cell| match get(c) {
        Ok(v) if v.is_zero() => "0".to_string(),
        v => display_entered(v, model.unit(c).unwrap_or(Unit::Money)),
    };
    let applied = model.formula_applied(cell, &|c| format!("{} {}", model.name(c, cell.period), precise(c)), &get);
    let rule = applied.as_ref().and_then(|(_, rule)| *rule);
    let equation = applied.map(|(f, _)| format!("{} {} = {f}", model.name(cell, cell.period), precise(cell)));
    // Each figure is shown rounded, so those shown need not add up to the one shown (2,068 =
    // 2,718 − 651): where they do not, the exact figures beside them say why.
    let shown_value = |c: Cell| entered_shown(get(c), model.unit(c).unwrap_or(Unit::Money));
    let unit = model.unit(cell).unwrap_or(Unit::Money);
    let computed = matches!(model.def(cell), Some(Def::Formula(_)));
    let foots = !computed || model.declared(cell, &shown_value).is_none_or(|v| entered_shown(v, unit) == shown_value(cell));
    let full = |c: Cell| get(c).map_or_else(|why| undefined(why).to_string(), full_precision);
    let exactly = (!foots)
        .then(|| model.formula_applied(cell, &|c| format!("{} {}", model.name(c, cell.period), full(c)), &get))
        .flatten()
        .map(|(f, _)| format!("Each figure is rounded; exactly, {} {} = {f}", model.name(cell, cell.period), full(cell)));
    let tree = model.derivation(cell, &props.scenario, &props.figures);
    // Every input the figure moves with, as goal seek and the sensitivity analyses offer them:
    // the tree's ends, and the inputs on the way that follow them until set (a fourth-quarter
    // estimate following the third quarter; with compensation on top, an expense line).
    let inputs = model.built_from(cell, &props.scenario);
    let following = inputs.iter().filter(|c| !model.sources(**c, &props.scenario).is_empty()).count();
    // Nobody should assume a tax rate: say so wherever the provision enters.
    // Every provision the derivation passes through, in its order.
    let taxes: Vec<Cell> = tree.cells().into_iter().filter(|c| c.line == "provision_for_income_taxes").collect();
    let read_by = model.read_by(cell);
    let reported = model.display(cell, model.reported().get(model, cell));
    // The figure as the tables show it; entered with decimals they round away (a goal seek's
    // 99,999.5, shown as 100,000), those beside it.
    let on_page = model.display(cell, get(cell));
    let entered = if shown(cell) != on_page { format!("exactly {}; ", shown(cell)) } else { String::new() };
    let moved = get(cell) != model.reported().get(model, cell);
    let name = format!("{}, {}", model.name(cell, cell.period), cell.period.short());
    let close = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Explain(None)))
    };
    let back = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Back))
    };
    // Another figure followed from inside the panel, or Back: the button pressed now stands for
    // another figure, or is gone with the old one (focus on <body>). The focus goes to the new
    // figure's name, where a keyboard or screen-reader user reads on from. Not when the panel
    // opens, or follows a figure chosen in the tables: the focus stays there.
    let (aside, heading) = (use_node_ref(), use_node_ref());
    {
        let (aside, heading, opened) = (aside.clone(), heading.clone(), use_mut_ref(|| false));
        use_effect_with(cell, move |_| {
            if std::mem::replace(&mut *opened.borrow_mut(), true) {
                let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
                let inside = active.as_ref().is_some_and(|a| a.tag_name() == "BODY" || aside.get().is_some_and(|p| p.contains(Some(a))));
                if let Some(h) = heading.cast::<web_sys::HtmlElement>().filter(|_| inside) {
                    let _ = h.focus();
                }
            }
        });
    }
    html! {
        <aside class="explain" aria-label="How this figure is computed" ref={aside} data-cell={cell.key()}>
            <div class="explain-head">
                if props.earlier > 0 {
                    <button type="button" class="back" onclick={back} aria-label="Back to the figure before">{"←"}</button>
                }
                <h2 tabindex="-1" ref={heading}>{name}</h2>
                <button type="button" class="close" onclick={close} aria-label="Close">{"×"}</button>
            </div>
            <p class="explain-value">
                <strong>{on_page.clone()}</strong>
                {match (estimate, on_page == reported, moved) {
                    (false, true, false) => " as reported".to_string(),
                    (true, true, false) => " (the page's estimate from the release alone; not reported)".to_string(),
                    // Moved by less than the rounding (▼ 1,664 beside the reported 1,664): how much.
                    (false, true, true) => format!(" (exactly {}; reported {reported})", full(cell)),
                    (true, true, true) => format!(" (exactly {}; an estimate, not reported; from the release alone {reported})", full(cell)),
                    (false, false, _) => format!(" ({entered}reported {reported})"),
                    (true, false, _) => format!(" ({entered}an estimate, not reported; from the release alone {reported})"),
                }}
            </p>
            if let Err(why) = get(cell) { <p class="undefined-why">{format!("No value in this scenario: {}.", why.why())}</p> }
            <p>{what}</p>
            if let Some(sbc) = model.contained_sbc(cell) { <p class="sbc-note">{sbc_note(model, cell, sbc, &props.scenario, &props.figures, edited)}</p> }
            if let Some(e) = equation { <p class="formula">{e}</p> }
            if let Some(e) = exactly { <p class="formula exactly">{e}</p> }
            if let Some(rule) = rule { <p class="rule">{rule}</p> }
            if !tree.sources.is_empty() {
                <h3>{"Built from"}</h3>
                <ul class="tree">{built_from(&tree, model.fixed_terms(cell, &props.scenario, &props.figures), &ctx)}</ul>
                <p class="inputs-note">{match (inputs.len(), following) {
                    (1, _) => "Comes down to 1 input.".to_string(),
                    (n, 0) => format!("Comes down to {n} inputs."),
                    (n, 1) => format!("Comes down to {n} inputs; 1 of them follows others until you set it."),
                    (n, f) => format!("Comes down to {n} inputs; {f} of them follow others until you set them."),
                }}</p>
            }
            if !taxes.is_empty() {
                <p class="tax-note">
                    {format!("The provision for income taxes is held as entered in every period ({}): no tax rate is applied, so it does not move with income before taxes.",
                        taxes.iter().map(|c| format!("{} {}", shown(*c), c.period.short())).collect::<Vec<_>>().join(", "))}
                </p>
            }
            if model.editable(cell).is_none() {
                <Analyses key={cell.key()} {cell} scenario={props.scenario.clone()} figures={props.figures.clone()} dispatch={props.dispatch.clone()} />
            }
            if !read_by.is_empty() {
                <h3>{"Feeds"}</h3>
                // As the tables show them: no equation here for exact terms to add up in.
                <ul>{ for read_by.into_iter().map(|c| html! {
                    <li>{follow(c)}{" "}<span class="v">{model.display(c, get(c))}</span></li>
                }) }</ul>
            }
        </aside>
    }
}

/// Which reading of stock compensation is in force, for a GAAP line that contains some.
fn sbc_note(model: &Model, cell: Cell, sbc: Cell, scenario: &Scenario, figures: &Figures, edited: bool) -> String {
    let sbc_name = model.name(sbc, cell.period);
    // Unedited, read within, the line is its link's value or as reported.
    let unedited = model.evaluate(&scenario.with_sbc_reading(SbcReading::Within)).get(model, cell);
    let change = match (figures.get(model, cell), unedited) {
        (Ok(now), Ok(before)) => format_change(now - before),
        _ => String::new(),
    };
    match scenario.sbc_reading() {
        SbcReading::Within => format!("It contains {sbc_name}; an edit to that is read within this line (the default): this line stays as entered."),
        SbcReading::OnTop if edited => {
            format!("Stock compensation is read on top of the GAAP lines, but this line is edited, so it holds what was typed, whatever {sbc_name} is.")
        }
        SbcReading::OnTop => format!(
            "Stock compensation is read on top of the GAAP lines: this line is {} plus the change in {sbc_name}, {change}.",
            model.display(cell, unedited)
        ),
    }
}

/// A change with its sign: "+500", "−12.5", "0".
fn format_change(d: rust_decimal::Decimal) -> String {
    let text = crate::model::engine::format::exact(d.abs());
    match d.cmp(&rust_decimal::Decimal::ZERO) {
        std::cmp::Ordering::Greater => format!("+{text}"),
        std::cmp::Ordering::Less => format!("−{text}"),
        std::cmp::Ordering::Equal => text,
    }
}

struct Context<'a> {
    model: &'static Model,
    props: &'a ExplainProps,
}

impl Context<'_> {
    /// A figure as the equation above writes it (5,537.999, not the table's 5,538), so the tree
    /// and the equation never disagree on a term.
    fn shown(&self, c: Cell) -> String {
        display_entered(self.props.figures.get(self.model, c), self.model.unit(c).unwrap_or(Unit::Money))
    }

    /// A figure's name that opens its own derivation.
    fn follow(&self, c: Cell) -> Html {
        let dispatch = self.props.dispatch.clone();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::Explain(Some(c))));
        html! {
            <button type="button" class="linkish" {onclick} data-explains={c.key()}>{self.model.name(c, self.props.cell.period)}</button>
        }
    }

    fn edited(&self, c: Cell) -> bool {
        self.model.editable(c).and_then(|e| self.props.scenario.edit(e)).is_some()
    }
}

/// The items of a figure's list: its figures, then the numbers its formula holds fixed.
fn built_from(step: &Step, fixed: Vec<String>, ctx: &Context) -> Html {
    html! {
        <>
            { for step.sources.iter().map(|s| node(s, ctx)) }
            { for fixed.into_iter().map(|f| html! { <li class="fixed">{f}{" "}<span class="tag">{"held fixed"}</span></li> }) }
        </>
    }
}

/// One figure of the derivation and, folded, what it is built from.
fn node(step: &Step, ctx: &Context) -> Html {
    let c = step.cell;
    let head = html! { <>{ctx.follow(c)}{" "}<span class="v">{ctx.shown(c)}</span></> };
    if step.shown_above {
        return html! { <li>{head}{" "}<span class="tag">{"expanded above"}</span></li> };
    }
    if step.sources.is_empty() {
        let edited = ctx.edited(c);
        return html! {
            <li>{head}{" "}<span class={classes!("tag", edited.then_some("edited"))}>{if edited { "edited input" } else { "input" }}</span></li>
        };
    }
    // What the formula holds fixed is counted and listed with the figures, so that the terms
    // add up (nine months are the first six months as reported + the third quarter).
    let fixed = ctx.model.fixed_terms(c, &ctx.props.scenario, &ctx.props.figures);
    let figures = match step.sources.len() {
        1 => "1 figure".to_string(),
        n => format!("{n} figures"),
    };
    let held = match fixed.len() {
        0 => String::new(),
        1 => " and 1 number held fixed".to_string(),
        k => format!(" and {k} numbers held fixed"),
    };
    let parts = format!("from {figures}{held}");
    // The name is a button of its own, beside the summary that unfolds its sources: a summary
    // is itself a control, and may not hold another.
    html! {
        <li>
            {head}
            <details>
                <summary>{parts}</summary>
                <ul>{built_from(step, fixed, ctx)}</ul>
            </details>
        </li>
    }
}
